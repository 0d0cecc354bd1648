"""Issue 13 §1: each of the 33 case indicators reads what its text asks and can be "voldoet niet" from realistic
data. One family that meets them all, and per indicator the one realistic change that makes it fail."""

import uuid
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gezinsregie.assessment.indicators import COMPUTED, ClosureFacts, FamilyFacts, Outcome, Source, assess, source_of
from tests.paths import FRAMEWORK_FILE

TODAY = date(2026, 11, 22)


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


GOOD = FamilyFacts(
    family_id=uuid.uuid4(),
    registered_on=ago(200),
    started_on=ago(190),
    as_of=TODAY,
    start_norm_days=30,
    has_referral=True,
    problem_ids=frozenset({1, 2, 3, 4}),
    chronic_domains_needing_help=frozenset({"wonen", "inkomen", "gezondheid", "veiligheid"}),
    children=2,
    problems_with_family=4,
    has_plan=True,
    goals_set_with_family=True,
    plan_approved_on=ago(100),
    approved_version=3,
    plan_version=3,
    evaluation_interval_days=90,
    evaluations=((ago(30), "periodic", True, 4), (ago(3), "final", True, 4)),
    examined_problem_ids=frozenset({1, 2, 3, 4}),
    problems_helped=frozenset({1, 2, 3, 4}),
    network_persons=3,
    supportive_network=2,
    network_with_role=1,
    members_total=3,
    members_analysed=3,
    domains_total=4,
    domains_analysed=4,
    problems_with_goal=frozenset({1, 2, 3, 4}),
    last_problem_on=ago(150),
    plan_last_change_on=ago(100),
    involved_organisations=frozenset({7}),
    committed_organisations=frozenset({7}),
    contacts=5,
    last_outreach_on=ago(10),
    last_contact_on=ago(10),
    has_coordinator=True,
    first_coordinator_on=ago(190),
    partner_voices=((ago(20), 7, "yes", "yes"),),
    family_voices=((ago(30), "yes", "yes"),),
    escalations=((ago(60), ago(40)),),
    domains_needing_help=frozenset({11, 12}),
    domains_with_partner=frozenset({11, 12}),
    professional_actions=3,
    has_active_consent=True,
    consented_organisations=frozenset({7}),
    adjustments=(ago(50),),
    care_waits=((10, 30, True),),
    closure=ClosureFacts(ago(1), "goals_reached", True, True),
)

# per indicator: the realistic change that makes it fail
FAILS = {
    "C1.a.1": {"children": 0},
    "C1.a.2": {"has_referral": False},
    "C1.a.3": {"started_on": ago(150), "first_coordinator_on": ago(150)},
    "C2.a.1": {"problems_with_family": 3},
    "C2.a.2": {"goals_after_approval": 1},
    "C2.a.3": {"approved_version": 2},
    "C2.a.4": {"evaluations": ((ago(30), "periodic", False, 4), (ago(3), "final", True, 4))},
    "C2.b.1": {"examined_problem_ids": frozenset({1, 2})},
    "C2.b.2": {"problems_helped": frozenset({1})},
    "C2.c.1": {"network_persons": 0, "supportive_network": 0, "network_with_role": 0},
    "C2.c.2": {"network_with_role": 0},
    "C2.c.3": {"supportive_network": 0},
    "C3.a.1": {"members_analysed": 2},
    "C3.a.2": {"problems_with_goal": frozenset({1, 2})},
    "C3.a.3": {"committed_organisations": frozenset()},
    "C3.a.4": {"domains_analysed": 3},
    "C3.a.5": {"evaluations": ((ago(30), "periodic", True, 4),)},  # closed without a final evaluation
    "C3.b.1": {"last_outreach_on": ago(120)},
    "C3.b.2": {"closure": ClosureFacts(ago(1), "stopped_cooperating", True, True)},
    "C4.a.1": {"has_coordinator": False},
    "C4.a.2": {"coordinator_changes": 1},
    "C4.a.3": {"partner_voices": ((ago(20), 7, "no", "yes"),)},
    "C4.a.4": {"family_voices": ((ago(30), "partly", "yes"),)},
    "C4.a.5": {"escalations": ((ago(100), None),)},
    "C4.b.1": {"domains_with_partner": frozenset({11})},
    "C4.b.2": {"overdue_professional_actions": 1},
    "C4.c.1": {"consented_organisations": frozenset()},
    "C4.c.2": {"partner_voices": ((ago(20), 7, "yes", "no"),)},
    "C5.a.1": {"closure": ClosureFacts(ago(1), "stopped_cooperating", True, True)},
    "C5.b.1": {"unreached_evaluations": (ago(100),), "adjustments": ()},
    "C5.b.2": {"care_waits": ((100, 30, False),)},
    "C5.b.3": {"care_waits": ((40, 30, True),)},
    "C5.c.1": {"closure": ClosureFacts(ago(1), "goals_reached", False, True)},
}


def case_keys() -> set[str]:
    import yaml

    data = yaml.safe_load(FRAMEWORK_FILE.read_text())
    (case,) = [level for level in data["levels"] if level["key"] == "case"]
    return {i["key"] for theme in case["themes"] for c in theme["criteria"] for i in c["indicators"]}


def test_all_33_case_indicators_are_answered_from_recorded_data() -> None:
    keys = case_keys()
    assert len(keys) == 33 and set(COMPUTED) == keys and set(FAILS) == keys
    assert {source_of(key) for key in keys} == {Source.DATA}


@pytest.mark.parametrize("key", sorted(FAILS))
def test_each_indicator_is_met_by_a_good_family_and_fails_on_one_realistic_gap(key: str) -> None:
    met = assess(GOOD)[key]
    assert met.outcome == Outcome.MET, (key, met.evidence)
    failed = assess(replace(GOOD, **FAILS[key]))[key]
    assert failed.outcome == Outcome.NOT_MET, (key, failed.evidence)
    assert failed.evidence and failed.evidence != met.evidence


@given(
    key=st.sampled_from(sorted(FAILS)),
    days=st.integers(min_value=0, max_value=2000),
    children=st.integers(min_value=0, max_value=4),
)
def test_any_day_any_family_gives_an_outcome_with_evidence(key: str, days: int, children: int) -> None:
    facts = replace(GOOD, **({"as_of": TODAY + timedelta(days=days), "children": children} | FAILS[key]))
    for result in assess(facts).values():
        assert result.outcome in set(Outcome) and result.evidence
