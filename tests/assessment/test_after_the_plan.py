"""C2.a.4, C3.a.5, C5.a.1 and C5.c.1 from the trajectory's data, and the self-assessment read per episode."""

import uuid
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gezinsregie.assessment import facts as family_facts
from gezinsregie.assessment.indicators import ClosureFacts, FamilyFacts, Outcome, Source, assess, source_of
from gezinsregie.casework.models import Family
from gezinsregie.casework.workflow import ClosureReason
from tests.builder import Builder

TODAY = date(2026, 11, 22)
BASE = FamilyFacts(
    family_id=uuid.uuid4(),
    registered_on=TODAY - timedelta(days=200),
    started_on=TODAY - timedelta(days=180),
    as_of=TODAY,
    start_norm_days=30,
    evaluation_interval_days=90,
)
KEYS = ("C2.a.4", "C3.a.5", "C5.a.1", "C5.c.1")


def result(key: str, **changes: object):
    return assess(replace(BASE, **changes))[key]


def evaluation(days_ago: int, *, kind: str = "periodic", with_family: bool = True, goals: int = 2):
    return (TODAY - timedelta(days=days_ago), kind, with_family, goals)


def closure(reason: str = ClosureReason.GOALS_REACHED, *, handover: bool = True, aftercare: bool = True):
    return ClosureFacts(TODAY - timedelta(days=1), reason, handover, aftercare)


def test_the_trajectory_indicators_come_from_the_data_now() -> None:
    assert {source_of(key) for key in KEYS} == {Source.DATA}


def test_evaluating_with_the_family_in_rhythm_meets_and_without_it_does_not() -> None:
    assert result("C2.a.4", evaluations=(evaluation(60),)).outcome == Outcome.MET
    assert result("C3.a.5", evaluations=(evaluation(60),)).outcome == Outcome.MET
    without = result("C2.a.4", evaluations=(evaluation(100), evaluation(10, with_family=False)))
    assert without.outcome == Outcome.NOT_MET and "1 van de 2 evaluaties zonder het gezin" in without.evidence
    # started half a year ago and never evaluated: both fail
    assert result("C2.a.4").outcome == Outcome.NOT_MET
    late = result("C3.a.5", evaluations=(evaluation(120),))
    assert late.outcome == Outcome.NOT_MET and "te laat" in late.evidence


def test_before_the_first_evaluation_is_due_nothing_is_claimed() -> None:
    young = {"started_on": TODAY - timedelta(days=30)}
    assert result("C2.a.4", **young).outcome == Outcome.UNKNOWN
    assert result("C3.a.5", **young).outcome == Outcome.UNKNOWN


def test_an_evaluation_without_results_per_goal_is_no_evaluation_of_results() -> None:
    assert result("C3.a.5", evaluations=(evaluation(20, goals=0),)).outcome == Outcome.NOT_MET


@pytest.mark.parametrize(
    ("reason", "expected"),
    [
        (ClosureReason.GOALS_REACHED, Outcome.MET),
        (ClosureReason.MANAGEABLE, Outcome.MET),
        (ClosureReason.HANDED_OVER, Outcome.MET),
        (ClosureReason.STOPPED_COOPERATING, Outcome.NOT_MET),
        (ClosureReason.MOVED_AWAY, Outcome.UNKNOWN),
    ],
)
def test_the_approach_runs_until_the_problems_are_solved_or_manageable(reason, expected) -> None:
    assert result("C5.a.1", closure=closure(reason)).outcome == expected
    assert result("C5.a.1").outcome == Outcome.UNKNOWN  # still running


def test_at_the_end_the_handover_and_aftercare_are_arranged() -> None:
    assert result("C5.c.1", closure=closure()).outcome == Outcome.MET
    missing = result("C5.c.1", closure=closure(handover=False, aftercare=False))
    assert missing.outcome == Outcome.NOT_MET and "geen overdracht" in missing.evidence and "nazorg" in missing.evidence


def test_a_closure_needs_its_final_evaluation_of_the_results() -> None:
    final = (evaluation(2, kind="final"),)
    assert result("C3.a.5", closure=closure(), evaluations=final).outcome == Outcome.MET
    assert result("C3.a.5", closure=closure(), evaluations=(evaluation(30),)).outcome == Outcome.NOT_MET


@given(
    started=st.one_of(st.none(), st.integers(0, 400)),
    evaluations=st.lists(st.tuples(st.integers(0, 400), st.booleans(), st.booleans(), st.integers(0, 3)), max_size=4),
    closed=st.one_of(st.none(), st.sampled_from(list(ClosureReason)), st.booleans()),
)
def test_any_trajectory_gives_an_outcome_and_evidence(started, evaluations, closed) -> None:
    facts = replace(
        BASE,
        started_on=None if started is None else TODAY - timedelta(days=started),
        evaluations=tuple(
            (TODAY - timedelta(days=d), "final" if final else "periodic", w, g) for d, final, w, g in evaluations
        ),
        closure=closure(closed) if isinstance(closed, str) else None,
    )
    for key in KEYS:
        outcome = assess(facts)[key]
        assert outcome.outcome in set(Outcome) and outcome.evidence


@pytest.mark.django_db
def test_the_self_assessment_reads_each_episode_with_its_own_dates(world) -> None:
    """A re-entered family: a day in its first episode reads that episode's start, not the new registration."""
    b = Builder()
    family = b.family(world.approach, registered_on=b.ago(300), started_on=b.ago(290))
    b.aftercare(family, world.user("coordinator"))  # closed 20 days ago, episode 1 with the family's dates
    family.refresh_from_db()
    family.status, family.registered_on, family.started_on, family.closed_on = "triage", b.ago(5), None, None
    family.save()
    family.episodes.create(number=2, registered_on=b.ago(5), route="signal")
    rows = family_facts.load_rows(Family.objects.filter(pk=family.pk))

    in_first = family_facts.facts_on(rows, b.ago(100))
    assert [(f.registered_on, f.started_on) for f in in_first] == [(b.ago(300), b.ago(290))]
    assert family_facts.facts_on(rows, b.ago(1)) == []  # the second episode has not started: not in scope yet
