"""What the casework screen tests (tests/casework/test_views_*.py) share: the shorthands, the urls, today, the page."""

from typing import Any

from django.urls import reverse
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import Role, User
from gezinsregie.organisations.models import Organisation
from tests.factories import (
    MembershipFactory,
    UserFactory,
)

A = policy.Permission
COORD, PM, PROF, INTAKE = Role.COORDINATOR, Role.PROCESS_MANAGER, Role.PROFESSIONAL, Role.INTAKE
REGISTER_URL = reverse("casework:register")
CASELOAD_URL = reverse("casework:caseload")


def today() -> str:
    return timezone.localdate().isoformat()


def user_with(role: str, organisation: Organisation, approach: Any = None, **names: str) -> User:
    user = UserFactory(**names)
    MembershipFactory(user=user, role=role, organisation=organisation, approach=approach)
    return user


def html(response: Any) -> str:
    return response.content.decode()
