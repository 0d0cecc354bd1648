"""The one place that answers "may this user do this to this object?". Deny by default.

Every view, API endpoint, export and report asks here; nothing else reads `Family.objects` for a user
(tests/policy/test_policy_is_the_only_door.py keeps it so). The rules are tables in policy/tables.py, read
them top to bottom:

- FAMILY_RULES: (role, action) → which families, as a query condition. A family-level permission is
  the union over the user's active memberships; a missing pair means "no".
- APPROACH_RULES and GLOBAL_RULES: the same for actions on an approach (aggregate numbers, registering)
  and actions on nothing in particular (configuration, searching the log).
- INSPECTION_RULES and RESPONDENT_RULES: the same for an inspection (toezichtonderzoek) and for one
  respondent's questionnaire in it. An inspection's case level reaches families only through FAMILY_RULES
  (INSPECT: a valid mandate) and access_family, like everyone else.

Child records (members, consents, plans, ...) have no rules of their own: they follow their family.
"""

from typing import Any
from uuid import UUID

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, Model, OuterRef, Q, QuerySet
from django.db.models.query import ModelIterable
from django.http import Http404
from django.utils import timezone

from gezinsregie.accounts.models import Membership, Role, User
from gezinsregie.accounts.system import purpose_of
from gezinsregie.audit import services as audit
from gezinsregie.casework import workflow
from gezinsregie.casework.models import Consent, Family, Involvement
from gezinsregie.inspections.models import Inspection, Respondent
from gezinsregie.organisations.models import Approach
from gezinsregie.policy.tables import (
    APPROACH_RULES,
    FAMILY_RULES,
    GLOBAL_RULES,
    INSPECTION_RULES,
    NOTHING,
    RESPONDENT_RULES,
    SYSTEM_RULES,
    Permission,
)
from gezinsregie.policy.tables import _consent_covers_organisation as _consent_covers_organisation
from gezinsregie.privacy.models import Erasure


def _memberships(actor: User | Any) -> list[Membership]:
    if not isinstance(actor, User) or not actor.is_active:
        return []
    # Memberships are read once per user object (i.e. per request), not once per question.
    cached: list[Membership] | None = getattr(actor, "_policy_memberships", None)
    if cached is None:
        cached = list(actor.active_memberships())
        setattr(actor, "_policy_memberships", cached)  # noqa: B010 - not a declared field
    return cached


def memberships_of(actor: User | Any) -> list[Membership]:
    """The actor's active memberships (cached per user object): what it is, for menus and logging."""
    return _memberships(actor)


def membership_in_role(actor: User | Any, *roles: str) -> Membership | None:
    """The actor's first membership in one of these roles: the capacity recorded for a list read."""
    return next((m for m in _memberships(actor) if m.role in roles), None)


def membership_for_action(actor: User | Any, action: Permission) -> Membership | None:
    """The actor's first membership whose role may `action` families at all."""
    return next((m for m in _memberships(actor) if (m.role, action) in FAMILY_RULES), None)


def _family_condition(actor: User, action: Permission) -> Q:
    today = timezone.localdate()
    condition = NOTHING
    for m in _memberships(actor):
        rule = FAMILY_RULES.get((m.role, action))
        if rule is not None:
            condition |= rule(actor, m, today)
    # a family whose personal data was erased after its retention period is nobody's (issue 12 §9); a subquery,
    # not a join, so that a caller may still lock the families (select_for_update)
    return condition & Q(~Exists(Erasure.objects.filter(family=OuterRef("pk"))))


def families_for(actor: User, action: Permission = Permission.VIEW) -> QuerySet[Family]:
    """The only definition of which families a person may `action`."""
    return Family.objects.filter(_family_condition(actor, action))


class ListedFamilies(QuerySet[Family]):
    """Families for a list on screen or in an API page. Reading them is a read of personal data: the moment the
    rows are fetched (after any filter, ordering or slicing: exactly the page shown), one access-log entry per
    family is written, with the capacity the list was asked in. Counting or using it in a subquery logs nothing.
    """

    _reader: "tuple[User, Membership | None, str] | None" = None

    def _clone(self) -> "ListedFamilies":
        clone = super()._clone()  # type: ignore[misc]  # a private QuerySet hook django-stubs leaves out
        clone._reader = self._reader
        return clone

    def _fetch_all(self) -> None:
        first_read = self._result_cache is None
        super()._fetch_all()
        if first_read and self._reader is not None and self._iterable_class is ModelIterable and self._result_cache:
            actor, membership, what = self._reader
            audit.record_many(actor=actor, action=what, families=self._result_cache, membership=membership)


def family_list(
    actor: User, action: Permission = Permission.VIEW, *, roles: tuple[str, ...] = (), what: str = "family.list"
) -> QuerySet[Family]:
    """The one door for every list of families (start pages, caseload, inspection selection, API list).

    The same families as families_for(actor, action), as a queryset that logs what it shows when it is read.
    `roles` name the capacity recorded in the log when the list belongs to a role (e.g. the coordinator's
    caseload on the start page); otherwise the first membership whose role may `action` families.
    """
    membership = membership_in_role(actor, *roles) if roles else membership_for_action(actor, action)
    listed = ListedFamilies(model=Family).filter(_family_condition(actor, action))
    listed._reader = (actor, membership, what)
    return listed


def approaches_for(actor: User, action: Permission) -> QuerySet[Approach]:
    """The only definition of the approaches a person may `action` (register in, see numbers of)."""
    condition = NOTHING
    for m in _memberships(actor):
        rule = APPROACH_RULES.get((m.role, action))
        if rule is not None:
            condition |= rule(m)
    return Approach.objects.filter(pk__in=Approach.objects.filter(condition).values("pk"))


def inspections_for(actor: User, action: Permission) -> QuerySet[Inspection]:
    """The only definition of the inspections a person may `action` (see, conduct, report on)."""
    condition = NOTHING
    for m in _memberships(actor):
        rule = INSPECTION_RULES.get((m.role, action))
        if rule is not None:
            condition |= rule(m)
    return Inspection.objects.filter(pk__in=Inspection.objects.filter(condition).values("pk"))


def respondents_for(actor: User, action: Permission = Permission.ANSWER_INSPECTION) -> QuerySet[Respondent]:
    """The only definition of the questionnaires a person may answer: never another organisation's."""
    condition = NOTHING
    for m in _memberships(actor):
        rule = RESPONDENT_RULES.get((m.role, action))
        if rule is not None:
            condition |= rule(m)
    return Respondent.objects.filter(pk__in=Respondent.objects.filter(condition).values("pk"))


def access_inspection(actor: User, inspection_id: int | str, *, action: Permission) -> Inspection:
    """Fetch and authorise an inspection. Missing and forbidden look the same (404)."""
    try:
        return (
            inspections_for(actor, action).select_related("approach__municipality", "framework").get(pk=inspection_id)
        )
    except (Inspection.DoesNotExist, ValueError, ValidationError) as missing:
        raise Http404 from missing


def access_respondent(
    actor: User, respondent_id: int | str, *, action: Permission = Permission.ANSWER_INSPECTION
) -> Respondent:
    """Fetch and authorise one questionnaire. Missing and forbidden look the same (404)."""
    try:
        return (
            respondents_for(actor, action).select_related("inspection__approach", "organisation").get(pk=respondent_id)
        )
    except (Respondent.DoesNotExist, ValueError, ValidationError) as missing:
        raise Http404 from missing


def _family_of(obj: Model) -> Family | None:
    if isinstance(obj, Family):
        return obj
    family = getattr(obj, "family", None)
    return family if isinstance(family, Family) else None


def can(actor: User, action: Permission, obj: Model | None = None) -> bool:
    if obj is None:
        if isinstance(actor, User) and actor.is_system_account:
            return purpose_of(actor) in SYSTEM_RULES.get(action, set())
        return any(m.role in GLOBAL_RULES.get(action, set()) for m in _memberships(actor))
    if isinstance(obj, Approach):
        return approaches_for(actor, action).filter(pk=obj.pk).exists()
    if isinstance(obj, Inspection):
        return inspections_for(actor, action).filter(pk=obj.pk).exists()
    if isinstance(obj, Respondent):
        return respondents_for(actor, action).filter(pk=obj.pk).exists()
    family = _family_of(obj)
    if family is None:
        return False  # an object this policy does not know: deny
    return families_for(actor, action).filter(pk=family.pk).exists()


def ensure(actor: User, action: Permission, obj: Model | None = None) -> None:
    if not can(actor, action, obj):
        audit.record_denial(actor=actor, permission=action, obj=obj)  # NEN 7513: the attempt is logged too
        raise PermissionDenied


def granting_membership(actor: User, action: Permission, family: Family) -> Membership | None:
    """Which of the actor's memberships allows this; recorded in the access log as role and organisation."""
    today = timezone.localdate()
    for m in _memberships(actor):
        rule = FAMILY_RULES.get((m.role, action))
        if rule is not None and Family.objects.filter(rule(actor, m, today), pk=family.pk).exists():
            return m
    return None


def invitations_for(actor: User) -> QuerySet[Involvement]:
    """The only definition of the invitations a person may answer: their own, for an organisation they are a
    professional of, still open, and within the family's consent (an invitation outside it cannot be accepted)."""
    organisations = [m.organisation_id for m in _memberships(actor) if m.role == Role.PROFESSIONAL]
    today = timezone.localdate()
    consented = Consent.objects.filter(
        family=OuterRef("family_id"),
        organisations=OuterRef("organisation_id"),
        signed_on__lte=today,
        withdrawn_on__isnull=True,
    )
    return Involvement.objects.filter(
        Exists(consented),
        user=actor,
        organisation_id__in=organisations,
        status=workflow.InvolvementStatus.PROPOSED,
    )


def invitation_list(actor: User) -> list[Involvement]:
    """The open invitations of a person, for their start page; showing them is a read of each family: logged."""
    rows = list(invitations_for(actor).select_related("family", "organisation", "proposed_by").order_by("pk"))
    audit.record_many(actor=actor, action="involvement.invitation_list", families=[i.family for i in rows])
    return rows


def access_invitation(actor: User, involvement_id: int | str) -> Involvement:
    """Fetch an invitation to answer, and log that its family was shown. Missing and forbidden look the same."""
    try:
        involvement = (
            invitations_for(actor)
            .select_related("family__approach", "organisation", "proposed_by")
            .get(pk=involvement_id)
        )
    except (Involvement.DoesNotExist, ValueError, ValidationError) as missing:
        raise Http404 from missing
    audit.record(actor=actor, action="involvement.invitation_view", family=involvement.family, obj=involvement)
    return involvement


def may_report_progress(actor: User, action: "Model") -> bool:
    """A professional reports on the plan actions they own, in a family they may see (accepted, within consent)."""
    owner_id = getattr(action, "owner_user_id", None)
    goal = getattr(action, "goal", None)
    family = getattr(getattr(goal, "plan", None), "family", None)
    if owner_id is None or owner_id != getattr(actor, "pk", None) or not isinstance(family, Family):
        return False
    return can(actor, Permission.VIEW, family)


def access_family(actor: User, family_id: UUID | str, *, action: Permission = Permission.VIEW) -> Family:
    """Fetch, authorise and log in one step. Missing and forbidden look the same (404)."""
    try:
        family = families_for(actor, action).select_related("approach__municipality").get(pk=family_id)
    except (Family.DoesNotExist, ValueError, ValidationError) as missing:  # a malformed id is missing too
        audit.record_denial(actor=actor, permission=action, object_id=str(family_id))
        raise Http404 from missing
    audit.record(
        actor=actor,
        action=f"family.{action}",
        family=family,
        obj=family,
        membership=granting_membership(actor, action, family),
    )
    return family
