"""Casework writes, the coordinator and its handovers (casework/services/coordination.py), on the shared `world`
(tests/worlds/authorisation.py).
"""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.casework import services
from gezinsregie.casework.forms import CoordinatorForm
from gezinsregie.casework.models import (
    CoordinatorAssignment,
    Family,
)
from gezinsregie.casework.services import coordination
from tests.casework.service_helpers import COORD, INTAKE, PM, PROF, A, log_actions, today, user_with
from tests.factories import (
    FamilyFactory,
    MembershipFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

# --- coordinator ----------------------------------------------------------------------------------


@pytest.fixture
def new_coordinator(world) -> User:
    return user_with(COORD, world.coordinator_org, first_name="Karin", last_name="Nieuwenhuis")


def assign(world: Any, family: Family, coordinator: User, **overrides: Any) -> CoordinatorAssignment:
    values: dict[str, Any] = {
        "actor": world.user(PM),
        "family": family,
        "coordinator": coordinator,
        "assigned_on": today(),
        "reason": " Vorige regisseur met verlof ",
    }
    return services.coordinator_assign(**(values | overrides))


def test_a_handover_records_from_whom_to_whom_and_moves_the_access(world, new_coordinator):
    family = world.family("coordinated")
    old = world.user(COORD)

    assignment = assign(world, family, new_coordinator)

    assert (assignment.previous, assignment.coordinator) == (old, new_coordinator)
    assert (assignment.reason, assignment.assigned_by, assignment.assigned_on) == (
        "Vorige regisseur met verlof",
        world.user(PM),
        today(),
    )
    family.refresh_from_db()
    assert family.coordinator == new_coordinator
    assert not policy.can(old, A.VIEW, family)
    assert not policy.can(old, A.EDIT, family)
    assert policy.can(new_coordinator, A.VIEW, family)
    assert policy.can(new_coordinator, A.EDIT, family)
    assert log_actions(family) == ["family.assign_coordinator"]


def test_a_first_assignment_has_no_previous_coordinator(world, new_coordinator):
    family = FamilyFactory(approach=world.approach, coordinator=None)
    assignment = assign(world, family, new_coordinator)
    assert assignment.previous is None
    family.refresh_from_db()
    assert family.coordinator == new_coordinator


def test_successive_handovers_form_a_chain(world, new_coordinator):
    family = world.family("coordinated")
    third = user_with(COORD, world.coordinator_org)
    assign(world, family, new_coordinator)
    assign(world, family, third, reason="Terug van verlof")
    chain = [(a.previous, a.coordinator) for a in family.coordinator_assignments.order_by("pk")]
    assert chain == [(world.user(COORD), new_coordinator), (new_coordinator, third)]


INVALID_ASSIGNMENTS: list[tuple[str, str, Callable[[Any, User], dict[str, Any]]]] = [
    ("no-coordinator-role", "coordinator", lambda w, new: {"coordinator": w.user(PROF)}),
    ("same-coordinator", "coordinator", lambda w, new: {"coordinator": w.user(COORD)}),
    ("empty-reason", "reason", lambda w, new: {"reason": "   "}),
    (
        "before-start",
        "assigned_on",
        lambda w, new: {"assigned_on": w.family("coordinated").started_on - timedelta(days=1)},
    ),
]


@pytest.mark.parametrize(("field", "change"), [pytest.param(f, c, id=name) for name, f, c in INVALID_ASSIGNMENTS])
def test_an_invalid_handover_is_refused_and_changes_nothing(world, new_coordinator, field, change):
    family = world.family("coordinated")

    with pytest.raises(ValidationError) as refused:
        assign(world, family, **({"coordinator": new_coordinator} | change(world, new_coordinator)))

    assert field in refused.value.message_dict
    family.refresh_from_db()
    assert family.coordinator == world.user(COORD)
    assert not family.coordinator_assignments.exists()


def test_an_inactive_coordinator_membership_does_not_count(world):
    former = UserFactory()
    MembershipFactory(user=former, role=COORD, organisation=world.coordinator_org, active=False)
    with pytest.raises(ValidationError):
        assign(world, world.family("coordinated"), former)


@pytest.mark.parametrize("role", [COORD, PROF, INTAKE])
def test_only_the_process_manager_assigns_a_coordinator(world, new_coordinator, role):
    with pytest.raises(PermissionDenied):
        assign(world, world.family("coordinated"), new_coordinator, actor=world.user(role))


def test_a_coordinator_of_an_organisation_outside_the_approach_is_refused(world):
    outsider = world.others["other_coordinator"]  # coordinator at other_partner: a partner of other_approach only
    family = world.family("coordinated")
    with pytest.raises(ValidationError):
        assign(world, family, outsider)
    assert not policy.can(outsider, A.VIEW, family)


def test_a_first_coordinator_needs_no_reason_a_handover_does(world, new_coordinator):
    family = world.family("triage")
    assert family.coordinator is None
    first = assign(world, family, new_coordinator, reason="")
    assert (first.previous, first.reason) == (None, coordination.FIRST_ASSIGNMENT)

    with pytest.raises(ValidationError) as refused:
        assign(world, family, world.user(COORD), reason="  ")
    assert refused.value.message_dict == {"reason": ["Geef de reden van de overdracht."]}


def test_the_assignment_form_shows_each_coordinators_caseload_and_asks_a_reason_only_at_a_handover(
    world, new_coordinator
):
    first = CoordinatorForm(family=world.family("triage"))
    labels = {c: first.fields["coordinator"].label_from_instance(c) for c in first.fields["coordinator"].queryset}
    carried = Family.objects.filter(coordinator=world.user(COORD)).exclude(status="closed").count()
    assert labels[new_coordinator] == f"Karin Nieuwenhuis ({world.coordinator_org}, 0 gezinnen)"
    assert labels[world.user(COORD)].endswith(f", {carried} gezin)" if carried == 1 else f", {carried} gezinnen)")
    assert not first.fields["reason"].required
    assert CoordinatorForm(family=world.family("coordinated")).fields["reason"].required
