"""The indicator rules on plain facts: no database."""

import uuid
from dataclasses import replace
from datetime import date, timedelta

import yaml
from hypothesis import given
from hypothesis import strategies as st

from gezinsregie.assessment.indicators import (
    COMPUTED,
    INTERVIEW_ONLY,
    NOT_RECORDED,
    FamilyFacts,
    Outcome,
    Source,
    assess,
    source_of,
)
from tests.paths import FRAMEWORK_FILE

FRAMEWORK = FRAMEWORK_FILE
TODAY = date(2026, 11, 22)


def case_keys() -> set[str]:
    data = yaml.safe_load(FRAMEWORK.read_text())
    case = next(level for level in data["levels"] if level["key"] == "case")
    return {i["key"] for t in case["themes"] for c in t["criteria"] for i in c["indicators"]}


def facts(**changes: object) -> FamilyFacts:
    base = FamilyFacts(
        family_id=uuid.uuid4(),
        registered_on=TODAY - timedelta(days=100),
        started_on=TODAY - timedelta(days=80),
        as_of=TODAY,
        start_norm_days=30,
    )
    return replace(base, **changes)


def test_every_case_indicator_is_computed_or_says_why_not_exactly_once() -> None:
    tables = [set(COMPUTED), set(INTERVIEW_ONLY), set(NOT_RECORDED)]
    assert set.union(*tables) == case_keys()
    assert sum(len(t) for t in tables) == len(case_keys())  # no key in two tables


def test_trust_of_the_family_comes_from_its_own_answers() -> None:
    assert source_of("C4.a.4") == Source.DATA
    assert assess(facts())["C4.a.4"].outcome == Outcome.UNKNOWN  # not asked yet: an interview can still tell
    asked = TODAY - timedelta(days=3)
    assert assess(facts(family_voices=((asked, "yes", "yes"),)))["C4.a.4"].outcome == Outcome.MET
    doubting = assess(facts(family_voices=((asked - timedelta(days=90), "yes", "yes"), (asked, "partly", "yes"))))
    assert doubting["C4.a.4"].outcome == Outcome.NOT_MET and "een beetje" in doubting["C4.a.4"].evidence


def test_start_within_the_norm_is_met_and_one_day_later_is_not() -> None:
    registered = TODAY - timedelta(days=100)
    assert assess(facts(started_on=registered + timedelta(days=30)))["C1.a.3"].outcome == Outcome.MET
    late = assess(facts(started_on=registered + timedelta(days=31)))["C1.a.3"]
    assert late.outcome == Outcome.NOT_MET
    assert "31 dagen" in late.evidence


def test_not_started_is_unknown_within_the_norm_and_not_met_after_it() -> None:
    waiting = facts(started_on=None, registered_on=TODAY - timedelta(days=10))
    assert assess(waiting)["C1.a.3"].outcome == Outcome.UNKNOWN
    overdue = facts(started_on=None, registered_on=TODAY - timedelta(days=45))
    assert assess(overdue)["C1.a.3"].outcome == Outcome.NOT_MET


def test_ggsr_needs_children_and_chronic_problems_it_cannot_solve_on_four_domains() -> None:
    assert assess(facts())["C1.a.1"].outcome == Outcome.UNKNOWN  # no analysis yet
    three_domains = frozenset({"wonen", "inkomen", "gezin"})
    three = facts(problem_ids=frozenset({1, 2, 3}), chronic_domains_needing_help=three_domains, children=2)
    assert assess(three)["C1.a.1"].outcome == Outcome.NOT_MET
    four = replace(three, chronic_domains_needing_help=frozenset({"wonen", "inkomen", "gezin", "gezondheid"}))
    assert assess(four)["C1.a.1"].outcome == Outcome.MET
    # the same problems in a household without minor children: not the GGSR definition
    assert assess(replace(four, children=0))["C1.a.1"].outcome == Outcome.NOT_MET


def test_a_joint_plan_needs_the_familys_agreement_and_an_update_after_the_last_new_problem() -> None:
    base = facts(problem_ids=frozenset({1}), last_problem_on=TODAY - timedelta(days=60))
    assert assess(base)["C3.a.3"].evidence == "Er is geen plan."
    unagreed = replace(base, has_plan=True, plan_last_change_on=TODAY - timedelta(days=50))
    assert assess(unagreed)["C3.a.3"].outcome == Outcome.NOT_MET
    agreed = replace(unagreed, plan_approved_on=TODAY - timedelta(days=50))
    assert assess(agreed)["C3.a.3"].outcome == Outcome.MET
    new_problem = replace(agreed, last_problem_on=TODAY - timedelta(days=5))
    result = assess(new_problem)["C3.a.3"]
    assert result.outcome == Outcome.NOT_MET
    assert "nieuw probleem" in result.evidence


def test_every_problem_needs_a_goal() -> None:
    planned = facts(has_plan=True, problem_ids=frozenset({1, 2, 3}), problems_with_goal=frozenset({1, 2}))
    result = assess(planned)["C3.a.2"]
    assert (result.outcome, result.evidence) == (Outcome.NOT_MET, "1 van de 3 problemen hebben geen doel.")
    assert assess(replace(planned, problems_with_goal=frozenset({1, 2, 3})))["C3.a.2"].outcome == Outcome.MET


def test_a_coordinator_named_late_is_a_gap() -> None:
    started = TODAY - timedelta(days=80)
    on_time = facts(has_coordinator=True, first_coordinator_on=started + timedelta(days=14))
    assert assess(on_time)["C4.a.1"].outcome == Outcome.MET
    late = replace(on_time, first_coordinator_on=started + timedelta(days=15))
    assert assess(late)["C4.a.1"].outcome == Outcome.NOT_MET
    assert assess(facts(has_coordinator=False))["C4.a.1"].evidence.startswith("Er is geen regisseur")


def test_partners_keep_agreements_unless_their_actions_are_overdue() -> None:
    assert assess(facts())["C4.b.2"].outcome == Outcome.UNKNOWN
    assert assess(facts(professional_actions=3))["C4.b.2"].outcome == Outcome.MET
    assert assess(facts(professional_actions=3, overdue_professional_actions=1))["C4.b.2"].outcome == Outcome.NOT_MET


days = st.integers(min_value=-400, max_value=400).map(lambda n: TODAY + timedelta(days=n))
ids = st.frozensets(st.integers(min_value=1, max_value=20), max_size=8)


@given(
    registered=days,
    started=st.one_of(st.none(), days),
    problems=ids,
    chronic=ids,
    with_goal=ids,
    own=ids,
    last_problem=st.one_of(st.none(), days),
    plan=st.booleans(),
    agreed=st.one_of(st.none(), days),
    changed=st.one_of(st.none(), days),
    counts=st.tuples(*[st.integers(min_value=0, max_value=20)] * 6),
    first_coordinator=st.one_of(st.none(), days),
    flags=st.tuples(st.booleans(), st.booleans(), st.booleans(), st.booleans()),
)
def test_any_facts_give_an_outcome_and_evidence_for_every_indicator(
    registered, started, problems, chronic, with_goal, own, last_problem, plan, agreed, changed, counts,
    first_coordinator, flags,
) -> None:  # fmt: skip
    result = assess(
        facts(
            registered_on=registered,
            started_on=started,
            problem_ids=problems,
            chronic_domains=chronic,
            problems_with_goal=with_goal,
            own_strength_problem_ids=own & problems,
            last_problem_on=last_problem,
            has_plan=plan,
            plan_approved_on=agreed,
            plan_last_change_on=changed,
            problems_with_family=min(counts[0], len(problems)),
            member_actions=counts[1],
            network_actions=counts[2],
            professional_actions=counts[3] + counts[4],
            overdue_professional_actions=counts[4],
            domains_total=counts[5],
            domains_analysed=min(counts[5], counts[0]),
            first_coordinator_on=first_coordinator,
            has_coordinator=flags[0],
            goals_set_with_family=flags[1],
            has_referral=flags[2],
            has_active_consent=flags[3],
        )
    )
    assert set(result) == case_keys()
    assert all(r.outcome in set(Outcome) and r.evidence for r in result.values())
