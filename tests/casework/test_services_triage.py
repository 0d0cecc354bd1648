"""Casework writes, triage (casework/services/triage.py), on the shared `world` (tests/worlds/authorisation.py)."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gezinsregie import policy
from gezinsregie.accounts.models import Role, User
from gezinsregie.casework import services
from gezinsregie.casework.models import (
    Family,
    FamilyStatus,
    TriageDecision,
)
from tests.casework.service_helpers import COORD, INTAKE, PM, PROF, A, log_actions, today, user_with

pytestmark = pytest.mark.django_db

# --- triage ---------------------------------------------------------------------------------------


def triage(world: Any, family: Family | None = None, actor: User | None = None, **overrides: Any):
    values: dict[str, Any] = {
        "actor": actor or world.user(INTAKE),
        "family": family or world.family("triage"),
        "accepted": True,
        "criteria_met": world.approach.triage_criteria_list[:1],
        "reason": "Problemen op vier leefgebieden.",
        "decided_on": today(),
        "start_on": today(),
        "process_manager": world.user(PM),
    }
    return services.family_triage(**(values | overrides))


@pytest.mark.parametrize("role", [INTAKE, PM])
def test_an_accepted_family_becomes_active_with_start_date_and_process_manager(world, role):
    family = world.family("triage")

    decision = triage(world, actor=world.user(role))

    family.refresh_from_db()
    assert family.status == FamilyStatus.ACTIVE
    assert (family.started_on, family.process_manager) == (today(), world.user(PM))
    assert (decision.accepted, decision.decided_by, decision.decided_on) == (True, world.user(role), today())
    assert decision.criteria_met == world.approach.triage_criteria_list[:1]
    assert list(family.triage_decisions.all()) == [decision]
    assert log_actions(family) == ["family.triage"]


def test_a_declined_family_becomes_declined_without_start(world):
    family = world.family("triage")

    decision = triage(world, accepted=False, start_on=None, process_manager=None, criteria_met=[])

    family.refresh_from_db()
    assert family.status == FamilyStatus.DECLINED
    assert (family.started_on, family.process_manager) == (None, None)
    assert decision.accepted is False


def _pm_of_other_approach(world: Any) -> User:
    return user_with(PM, world.other_municipal_org, world.other_approach)


INVALID_TRIAGES: list[tuple[str, str, Callable[[Any], dict[str, Any]]]] = [
    (
        "start-before-registration",
        "start_on",
        lambda w: {"start_on": w.family("triage").registered_on - timedelta(days=1)},
    ),
    ("no-start", "start_on", lambda w: {"start_on": None}),
    ("pm-of-other-approach", "process_manager", lambda w: {"process_manager": _pm_of_other_approach(w)}),
    ("coordinator-as-pm", "process_manager", lambda w: {"process_manager": w.user(COORD)}),
    ("no-pm", "process_manager", lambda w: {"process_manager": None}),
    ("unknown-criteria", "criteria_met", lambda w: {"criteria_met": ["Woont in een mooi huis"]}),
    ("future-decision", "decided_on", lambda w: {"decided_on": today() + timedelta(days=1)}),
    ("no-reason", "reason", lambda w: {"reason": "  "}),
]


@pytest.mark.parametrize(("field", "change"), [pytest.param(f, c, id=name) for name, f, c in INVALID_TRIAGES])
def test_an_invalid_triage_is_refused_and_changes_nothing(world, field, change):
    family = world.family("triage")

    with pytest.raises(ValidationError) as refused:
        triage(world, **change(world))

    assert field in refused.value.message_dict
    family.refresh_from_db()
    assert (family.status, family.started_on, family.process_manager) == (FamilyStatus.REGISTERED, None, None)
    assert not TriageDecision.objects.filter(family=family).exists()
    assert log_actions(family) == []


def test_the_start_may_be_on_the_registration_day(world):
    family = world.family("triage")
    triage(world, start_on=family.registered_on)
    family.refresh_from_db()
    assert family.started_on == family.registered_on


def test_an_intake_member_of_another_approach_may_not_triage(world):
    outsider = user_with(INTAKE, world.other_municipal_org, world.other_approach)
    with pytest.raises(PermissionDenied):
        triage(world, actor=outsider)
    assert world.family("triage").triage_decisions.count() == 0


@pytest.mark.parametrize("role", [COORD, PROF, Role.POLICY_OFFICER])
def test_other_roles_may_not_triage(world, role):
    with pytest.raises(PermissionDenied):
        triage(world, actor=world.user(role))


@pytest.mark.parametrize(("role", "name"), [(PM, "coordinated"), (COORD, "coordinated"), (PROF, "consented")])
def test_who_may_view_an_active_family_may_still_not_triage_it(world, role, name):
    family = world.family(name)
    assert policy.can(world.user(role), A.VIEW, family)

    with pytest.raises(PermissionDenied):
        triage(world, family=family, actor=world.user(role))

    family.refresh_from_db()
    assert family.status == FamilyStatus.ACTIVE
    assert not family.triage_decisions.exists()


def test_an_active_family_cannot_be_triaged_again(world):
    family = world.family("triage")
    triage(world)

    with pytest.raises(PermissionDenied):
        triage(world, family=family, accepted=False, start_on=None, process_manager=None)

    family.refresh_from_db()
    assert family.status == FamilyStatus.ACTIVE
    assert family.triage_decisions.count() == 1
