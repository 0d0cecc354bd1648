"""The integration API. Same door as the web: policy.families_for / access_family, and the access log."""

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import viewsets
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from gezinsregie import policy
from gezinsregie.accounts.request import actor_of
from gezinsregie.api import serializers
from gezinsregie.audit import services as audit
from gezinsregie.frameworks.models import Framework
from gezinsregie.frameworks.selectors import frameworks_with_tree


class FamilyViewSet(viewsets.GenericViewSet):
    """Families the caller may see. Missing and forbidden both answer 404."""

    serializer_class = serializers.FamilySummarySerializer

    @extend_schema(responses=serializers.FamilySummarySerializer(many=True))
    def list(self, request: Request) -> Response:
        queryset = (
            policy.families_for(actor_of(request), policy.Action.VIEW)
            .select_related("approach__municipality", "coordinator")
            .order_by("reference")
        )
        page = self.paginate_queryset(queryset) or []
        audit.record_many(actor=actor_of(request), action="family.list", families=page)
        return self.get_paginated_response(serializers.FamilySummarySerializer(page, many=True).data)

    @extend_schema(
        responses=serializers.FamilyDetailSerializer,
        parameters=[OpenApiParameter("id", OpenApiTypes.UUID, OpenApiParameter.PATH)],
    )
    def retrieve(self, request: Request, pk: str | None = None) -> Response:
        family = policy.access_family(actor_of(request), pk or "", action=policy.Action.VIEW)
        return Response(serializers.FamilyDetailSerializer(family).data)


class FrameworkViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.FrameworkSerializer
    queryset = Framework.objects.none()  # for the schema's types only; get_queryset is what serves
    lookup_field = "key"

    def get_queryset(self) -> Any:
        if not policy.can(actor_of(self.request), policy.Action.VIEW_FRAMEWORK):
            raise PermissionDenied
        return frameworks_with_tree()
