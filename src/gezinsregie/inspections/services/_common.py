"""What every inspection service shares: the clock, the row lock and the actor's capacity for the access log."""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import Membership, Role, User
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
