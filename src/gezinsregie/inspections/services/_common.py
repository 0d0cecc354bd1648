"""What every inspection service shares: the clock, the row lock and the actor's capacity for the access log."""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import Membership, Role, User
from gezinsregie.audit import services as audit
from gezinsregie.casework.models import Family
from gezinsregie.inspections.models import Inspection, Respondent

Permission = policy.Permission


def today() -> date:
    return timezone.localdate()


def lock(inspection: Inspection) -> Inspection:
    return Inspection.objects.select_for_update().select_related("approach").get(pk=inspection.pk)


def inspector_membership(actor: User) -> Membership:
    membership = policy.membership_in_role(actor, Role.INSPECTOR)
    if membership is None:
        raise PermissionDenied
    return membership


def respondent_membership(actor: User, respondent: Respondent) -> Membership | None:
    return next((m for m in policy.memberships_of(actor) if m.organisation_id == respondent.organisation_id), None)


def report_membership(actor: User) -> Membership | None:
    return policy.membership_in_role(actor, Role.POLICY_OFFICER)


def record_for_family(*, actor: User, action: str, family: Family, obj: Model) -> None:
    """Everything about one family in the sample is logged with the family, in the capacity that lets the
    actor inspect it (policy INSPECT)."""
    membership = policy.granting_membership(actor, Permission.INSPECT, family)
    audit.record(actor=actor, action=action, family=family, obj=obj, membership=membership)
