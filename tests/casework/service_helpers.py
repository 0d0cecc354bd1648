"""What the casework service tests (tests/casework/test_services_*.py) share: the shorthands, today, the log."""

from datetime import date

from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import Role, User
from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.casework.models import (
    Family,
    Member,
    Referral,
)
from gezinsregie.organisations.models import Approach, Organisation
from tests.factories import (
    MembershipFactory,
    UserFactory,
)

A = policy.Permission
COORD, PM, PROF, INTAKE = Role.COORDINATOR, Role.PROCESS_MANAGER, Role.PROFESSIONAL, Role.INTAKE


def today() -> date:
    return timezone.localdate()


def log_actions(family: Family) -> list[str]:
    return list(AccessLogEntry.objects.filter(family_id=family.pk).order_by("id").values_list("action", flat=True))


def written() -> dict[str, int]:
    """What a refused registration must leave untouched."""
    return {
        "families": Family.objects.count(),
        "members": Member.objects.count(),
        "referrals": Referral.objects.count(),
        "log": AccessLogEntry.objects.count(),
    }


def user_with(role: str, organisation: Organisation, approach: Approach | None = None, **names: str) -> User:
    user = UserFactory(**names)
    MembershipFactory(user=user, role=role, organisation=organisation, approach=approach)
    return user
