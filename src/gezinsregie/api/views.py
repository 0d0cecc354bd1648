"""The integration API. Same door as the web: policy.families_for / access_family, and the access log."""

from typing import Any, NoReturn

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status, viewsets
from rest_framework.exceptions import NotFound, PermissionDenied, Throttled
from rest_framework.exceptions import ValidationError as DRFValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import UserRateThrottle

from gezinsregie import policy
from gezinsregie.accounts.request import actor_of
from gezinsregie.api import serializers
from gezinsregie.audit import services as audit
from gezinsregie.casework import rules, services
from gezinsregie.casework.models import Family
from gezinsregie.frameworks.models import Framework
from gezinsregie.frameworks.selectors import frameworks_with_tree


class FamilyViewSet(viewsets.GenericViewSet):
    """Families the caller may see. Missing and forbidden both answer 404."""

    serializer_class = serializers.FamilySummarySerializer
    lookup_value_regex = "[^/]+"  # any id reaches the view and gets its JSON 404 (the router's default stops at a dot)

    @extend_schema(responses=serializers.FamilySummarySerializer(many=True))
    def list(self, request: Request) -> Response:
        queryset = (
            policy.family_list(actor_of(request), policy.Permission.VIEW)
            .select_related("approach__municipality", "coordinator")
            .order_by("reference")
        )
        page = self.paginate_queryset(queryset) or []  # reading the page logs it (policy.family_list)
        return self.get_paginated_response(serializers.FamilySummarySerializer(page, many=True).data)

    @extend_schema(
        responses=serializers.FamilyDetailSerializer,
        parameters=[OpenApiParameter("id", OpenApiTypes.UUID, OpenApiParameter.PATH)],
    )
    def retrieve(self, request: Request, pk: str | None = None) -> Response:
        family = policy.access_family(actor_of(request), pk or "", action=policy.Permission.VIEW)
        return Response(serializers.FamilyDetailSerializer(family).data)


class FrameworkViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.FrameworkSerializer
    queryset = Framework.objects.none()  # for the schema's types only; get_queryset is what serves
    lookup_field = "key"
    lookup_value_regex = "[^/]+"  # a key with a dot is a JSON 404 from the view, not Django's HTML page

    def get_queryset(self) -> Any:
        if not policy.can(actor_of(self.request), policy.Permission.VIEW_FRAMEWORK):
            raise PermissionDenied
        return frameworks_with_tree()


class RegistrationThrottle(UserRateThrottle):
    """Aanmeldingen per user (issue 12 §6): a limit on trying names, the same number as the web form's."""

    scope = "aanmelding"
    rate = f"{services.REGISTRATIONS_PER_HOUR}/hour"


class RegistrationViewSet(viewsets.GenericViewSet):
    """Register a family (aanmelding).

    201 for every aanmelding that is received, with the same body whether or not the family was known: `family`
    names the new family only to who may see it (policy VIEW), and an aanmelding that may be for a family the
    caller may not see waits for the intake team, who link it (issue 12 §6). 409 only when the caller may see the
    known family: then its reference and status.
    """

    serializer_class = serializers.RegistrationSerializer
    throttle_classes = [RegistrationThrottle]

    def throttled(self, request: Request, wait: float | None) -> NoReturn:
        minutes = max(1, round((wait or 60) / 60))
        raise Throttled(
            wait,
            detail=f"U heeft het maximum van {services.REGISTRATIONS_PER_HOUR} aanmeldingen per uur bereikt. "
            f"Probeer het over {minutes} {'minuut' if minutes == 1 else 'minuten'} opnieuw.",
        )

    @extend_schema(
        request=serializers.RegistrationSerializer,
        responses={201: serializers.ReceivedSerializer, 409: serializers.DuplicateSerializer},
    )
    def create(self, request: Request) -> Response:
        actor = actor_of(request)
        data = self.get_serializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        approach = policy.approaches_for(actor, policy.Permission.REGISTER).filter(pk=values["approach"]).first()
        if approach is None:
            raise NotFound("Onbekende aanpak, of u mag voor deze aanpak niet aanmelden.")
        domains = list(approach.life_domain_set.domains.filter(key__in=values["domains"]))
        unknown = set(values["domains"]) - {d.key for d in domains}
        if unknown:
            raise DRFValidationError(
                {"domains": [f"Onbekend leefgebied voor deze aanpak: {', '.join(sorted(unknown))}"]}
            )
        try:
            result = services.family_register(
                actor=actor,
                approach=approach,
                family_name=values["family_name"],
                address=values["address"],
                neighbourhood=values["neighbourhood"],
                members=[rules.MemberInput(**m) for m in values["members"]],
                referral=services.ReferralInput(
                    source=values["source"],
                    reason=values["reason"],
                    domains=domains,
                    urgency=values["urgency"],
                    referred_on=values["referred_on"],
                ),
                register_as_new=values["register_as_new"],
            )
        except services.DuplicateFamilyError as duplicate:  # only families the caller may see
            audit.record_many(actor=actor, action="family.duplicate_shown", families=duplicate.matches)
            body = {
                "detail": "Dit gezin lijkt al bekend. Stuur register_as_new=true als het echt een ander gezin is.",
                "matches": [{"reference": f.reference, "status": f.status} for f in duplicate.matches],
            }
            return Response(body, status=status.HTTP_409_CONFLICT)
        except DjangoValidationError as error:
            detail = error.message_dict if hasattr(error, "error_dict") else {"non_field_errors": error.messages}
            raise DRFValidationError(detail) from error
        family = result if isinstance(result, Family) and policy.can(actor, policy.Permission.VIEW, result) else None
        received = {
            "detail": services.RECEIVED,
            "received_on": values["referred_on"],
            "family": None
            if family is None
            else {"id": family.pk, "reference": family.reference, "status": family.status},
        }
        return Response(serializers.ReceivedSerializer(received).data, status=status.HTTP_201_CREATED)
