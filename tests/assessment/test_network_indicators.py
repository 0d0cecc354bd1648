"""C2.c.1-C2.c.3 (the social network is mapped, roles are determined, a missing network is built) from the data."""

import uuid
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gezinsregie.accounts.models import Role
from gezinsregie.assessment import selectors
from gezinsregie.assessment.indicators import FamilyFacts, Outcome, Source, assess, source_of
from gezinsregie.casework import rules
from gezinsregie.casework.models import NetworkInfluence, NetworkTie
from gezinsregie.casework.services.network import NetworkInput, network_person_add
from gezinsregie.plans.models import GoalStatus
from tests.factories import GoalFactory, PlanFactory

TODAY = date(2026, 11, 22)
BASE = FamilyFacts(
    family_id=uuid.uuid4(),
    registered_on=TODAY - timedelta(days=100),
    started_on=TODAY - timedelta(days=80),
    as_of=TODAY,
    start_norm_days=30,
)
KEYS = ("C2.c.1", "C2.c.2", "C2.c.3")


def outcomes(**changes: object) -> tuple[Outcome, ...]:
    results = assess(replace(BASE, **changes))
    return tuple(results[key].outcome for key in KEYS)


def test_the_network_indicators_come_from_the_data_now() -> None:
    assert {source_of(key) for key in KEYS} == {Source.DATA}


def test_nothing_mapped_and_no_goal_is_three_improvement_points() -> None:
    assert outcomes() == (Outcome.NOT_MET, Outcome.NOT_MET, Outcome.NOT_MET)
    assert assess(BASE)["C2.c.1"].evidence == "Het sociale netwerk is niet in kaart gebracht."


def test_a_supportive_network_with_a_role_meets_all_three() -> None:
    facts = {"network_persons": 3, "supportive_network": 2, "network_with_role": 1}
    assert outcomes(**facts) == (Outcome.MET, Outcome.MET, Outcome.MET)
    assert assess(replace(BASE, **facts))["C2.c.1"].evidence == "3 personen uit het netwerk, 2 steunend."


def test_mapped_but_nobody_with_a_role_is_not_determined() -> None:
    result = assess(replace(BASE, network_persons=2, supportive_network=2))["C2.c.2"]
    assert (result.outcome, result.evidence) == (
        Outcome.NOT_MET,
        "Van de 2 personen is niet bepaald wie een rol speelt.",
    )


def test_a_network_action_in_the_plan_is_a_role_too() -> None:
    assert assess(replace(BASE, network_persons=1, network_actions=2))["C2.c.2"].outcome == Outcome.MET


def test_only_straining_people_and_no_goal_to_build_is_an_improvement_point() -> None:
    result = assess(replace(BASE, network_persons=2, supportive_network=0, network_with_role=1))["C2.c.3"]
    assert (result.outcome, result.evidence) == (
        Outcome.NOT_MET,
        "Geen steunend netwerk, en het opbouwen ervan is geen doel in het plan.",
    )


def test_building_the_network_as_a_goal_meets_c2_c_3_where_nobody_supports() -> None:
    assert outcomes(network_persons=1, network_goal=True)[2] == Outcome.MET
    # nobody found at all, and building a network is the goal: it was looked at, no role can be given yet
    assert outcomes(network_goal=True) == (Outcome.MET, Outcome.UNKNOWN, Outcome.MET)


@given(
    persons=st.integers(0, 20),
    supportive=st.integers(0, 20),
    with_role=st.integers(0, 20),
    actions=st.integers(0, 5),
    goal=st.booleans(),
)
def test_c2_c_3_is_met_exactly_when_someone_supports_or_the_plan_builds(persons, supportive, with_role, actions, goal):
    supportive, with_role = min(supportive, persons), min(with_role, persons)
    facts = replace(
        BASE,
        network_persons=persons,
        supportive_network=supportive,
        network_with_role=with_role,
        network_actions=actions,
        network_goal=goal,
    )
    results = assess(facts)
    assert (results["C2.c.3"].outcome == Outcome.MET) == (supportive > 0 or goal)
    assert (results["C2.c.1"].outcome == Outcome.MET) == (persons > 0 or goal)
    assert all(results[key].evidence for key in KEYS)


# --- from the casework data ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_family_assessment_reads_the_network_and_the_goal_that_builds_it(world) -> None:
    family = world.family("coordinated")
    coordinator = world.user(Role.COORDINATOR)
    karel = NetworkInput(name="Oom Karel", tie=NetworkTie.FAMILY, influence=NetworkInfluence.STRAINING)
    network_person_add(actor=coordinator, family=family, data=karel)
    results = selectors.family_assessment(actor=coordinator, family=family)
    assert [results[key].outcome for key in KEYS] == [Outcome.MET, Outcome.NOT_MET, Outcome.NOT_MET]

    plan = PlanFactory(family=family)
    dropped = GoalFactory(plan=plan, description=rules.NETWORK_GOAL_TEXT, status=GoalStatus.DROPPED)
    assert selectors.family_assessment(actor=coordinator, family=family)["C2.c.3"].outcome == Outcome.NOT_MET
    GoalFactory(plan=plan, problem=dropped.problem, description=f"{rules.NETWORK_GOAL_TEXT}: buurthuis, sportclub")
    ans = NetworkInput(name="Buurvrouw Ans", tie=NetworkTie.NEIGHBOUR, influence="supportive", role_in_plan=True)
    network_person_add(actor=coordinator, family=family, data=ans)
    results = selectors.family_assessment(actor=coordinator, family=family)
    assert [results[key].outcome for key in KEYS] == [Outcome.MET, Outcome.MET, Outcome.MET]
    assert results["C2.c.1"].evidence == "2 personen uit het netwerk, 1 steunend."
