"""The authorisation table for families, approaches, the system and what is global: every cell of tests/policy/tables.py
is a test case of its own, on the shared module_world (tests/worlds/authorisation.py)."""

import pytest
from django.core.exceptions import PermissionDenied

from gezinsregie import policy
from gezinsregie.accounts.models import Role
from gezinsregie.accounts.system import system_actor
from gezinsregie.policy import Permission as A
from tests.factories import (
    MemberFactory,
)
from tests.policy.case_meeting_tables import CASE_MEETING_ACTIONS, CASE_MEETING_CELLS, CASE_MEETING_TABLE
from tests.policy.policy_facts_tables import POLICY_FACTS_ACTIONS, POLICY_FACTS_CELLS, POLICY_FACTS_TABLE
from tests.policy.rebuttal_tables import REBUTTAL_ACTIONS
from tests.policy.rights_tables import RIGHTS_ACTIONS
from tests.policy.tables import (
    ADMIN,
    APPROACH_ACTIONS,
    APPROACH_CELLS,
    APPROACH_TABLE,
    COORD,
    FAMILY_ACTIONS,
    FAMILY_CELLS,
    FAMILY_TABLE,
    GLOBAL_ACTIONS,
    GLOBAL_CELLS,
    GLOBAL_TABLE,
    INSPECTION_ACTIONS,
    PM,
    POLICY,
    PRIV,
    PROF,
    RESPONDENT_ACTIONS,
    START_ACTIONS,
    SYSTEM_ACTIONS,
    SYSTEM_TABLE,
    _cells,
)

pytestmark = pytest.mark.django_db


def test_the_tables_cover_every_role_action_and_family(module_world):
    covered = set(FAMILY_ACTIONS) | set(APPROACH_ACTIONS) | set(GLOBAL_ACTIONS)
    covered |= set(START_ACTIONS) | set(INSPECTION_ACTIONS) | set(RESPONDENT_ACTIONS) | set(SYSTEM_ACTIONS)
    covered |= set(CASE_MEETING_ACTIONS) | set(REBUTTAL_ACTIONS) | set(POLICY_FACTS_ACTIONS) | set(RIGHTS_ACTIONS)
    assert covered == set(A), "a new Permission needs its rows in these tables"
    for table in (FAMILY_TABLE, APPROACH_TABLE, CASE_MEETING_TABLE, POLICY_FACTS_TABLE):
        objects = {row[0] for row in table}
        for obj in objects:
            assert sorted(row[1] for row in table if row[0] == obj) == sorted(Role), obj
    assert sorted(row[0] for row in GLOBAL_TABLE) == sorted(Role)
    assert {row[0] for row in FAMILY_TABLE} == set(module_world.families)


@pytest.mark.parametrize(("family_name", "role", "action", "expected"), FAMILY_CELLS)
def test_family_action(module_world, family_name, role, action, expected):
    actor, family = module_world.user(role), module_world.family(family_name)

    assert policy.can(actor, action, family) is expected
    # the same answer from the list query the views use, and from the per-membership check the log uses
    assert policy.families_for(actor, action).filter(pk=family.pk).exists() is expected
    assert (policy.granting_membership(actor, action, family) is not None) is expected


@pytest.mark.parametrize(("which", "role", "action", "expected"), APPROACH_CELLS)
def test_approach_action(module_world, which, role, action, expected):
    approach = module_world.approach if which == "own" else module_world.other_approach
    actor = module_world.user(role)

    assert policy.can(actor, action, approach) is expected
    assert policy.approaches_for(actor, action).filter(pk=approach.pk).exists() is expected


@pytest.mark.parametrize(("which", "role", "action", "expected"), CASE_MEETING_CELLS)
def test_case_meeting_action(module_world, which, role, action, expected):
    test_approach_action(module_world, which, role, action, expected)


@pytest.mark.parametrize(("which", "role", "action", "expected"), POLICY_FACTS_CELLS)
def test_policy_facts_action(module_world, which, role, action, expected):
    test_approach_action(module_world, which, role, action, expected)


@pytest.mark.parametrize(("purpose", "action", "expected"), _cells(SYSTEM_TABLE, SYSTEM_ACTIONS, 1))
def test_system_action(module_world, purpose, action, expected):
    actor = system_actor(purpose)
    assert policy.can(actor, action) is expected
    # a system account has no memberships: it sees no family, approach or inspection
    assert not policy.families_for(actor, A.VIEW).exists()
    assert not policy.can(actor, A.VIEW_FRAMEWORK)


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("action", SYSTEM_ACTIONS)
def test_no_person_may_do_the_systems_work(module_world, role, action):
    assert not policy.can(module_world.user(role), action)


@pytest.mark.parametrize(("role", "action", "expected"), GLOBAL_CELLS)
def test_global_action(module_world, role, action, expected):
    actor = module_world.user(role)

    assert policy.can(actor, action) is expected
    if expected:
        policy.ensure(actor, action)
    else:
        with pytest.raises(PermissionDenied):
            policy.ensure(actor, action)


@pytest.mark.parametrize("role", list(Role))
def test_families_for_is_exactly_the_true_cells(module_world, role):
    """Nothing outside the table leaks into a role's family list (e.g. another approach's family)."""
    for action in FAMILY_ACTIONS:
        index = FAMILY_ACTIONS.index(action)
        expected = {module_world.family(row[0]).pk for row in FAMILY_TABLE if row[1] == role and row[2 + index]}
        actual = set(policy.families_for(module_world.user(role), action).values_list("pk", flat=True))
        assert actual == expected, action


def test_child_records_follow_their_family(module_world):
    member = MemberFactory(family=module_world.family("coordinated"))

    assert policy.can(module_world.user(COORD), A.VIEW, member)
    assert policy.can(module_world.user(PM), A.EDIT, member)
    assert not policy.can(module_world.user(PROF), A.VIEW, member)
    assert not policy.can(module_world.user(POLICY), A.VIEW, member)


def test_an_object_the_policy_does_not_know_is_denied(module_world):
    for role in Role:
        assert not policy.can(module_world.user(role), A.VIEW, module_world.municipal_org)
        assert not policy.can(module_world.user(role), A.CONFIGURE, module_world.municipality)


def test_approach_and_global_actions_asked_about_a_family_are_denied(module_world):
    family = module_world.family("coordinated")
    assert not policy.can(module_world.user(ADMIN), A.CONFIGURE, family)
    assert not policy.can(module_world.user(PRIV), A.SEARCH_LOGS, family)
    assert not policy.can(module_world.user(PM), A.REGISTER, family)
    assert not policy.can(module_world.user(PM), A.VIEW_POPULATION, family)
    # and family actions asked about nothing in particular
    assert not policy.can(module_world.user(COORD), A.VIEW)
    assert not policy.can(module_world.user(PRIV), A.VIEW_LOG)
