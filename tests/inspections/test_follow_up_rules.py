"""The follow-up rules across years (issue 13 §8): persisting points, terms, overdue, carried judgements. Pure."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from gezinsregie.inspections import rules
from gezinsregie.inspections.rules import IMPROVEMENT, MET, NOT_ASSESSED, NOT_TESTED, PERSISTS, RESOLVED

KEYS = ("B1.a.1", "B1.a.2", "B3.b.2", "B5.b.1")
judgement = st.sampled_from((MET, IMPROVEMENT, NOT_ASSESSED))
inspection_judgements = st.dictionaries(st.sampled_from(KEYS), judgement)
days = st.dates(min_value=date(2010, 1, 1), max_value=date(2040, 12, 31))

# --- one point, one later inspection ------------------------------------------------------------------------------


def test_the_zwolle_rows_as_outcomes() -> None:
    # Verbeterpunten Zwolle 2015, Bijzondere Doelgroepen: 2013 X, then 2014 –, ✓, ✓ ✓ ✓ (one cell), X
    assert rules.point_outcome(["B1.a.1"], {"B1.a.1": NOT_ASSESSED}) == NOT_TESTED
    assert rules.point_outcome(["B1.a.2"], {"B1.a.2": MET}) == RESOLVED
    evaluation = ["B3.a.5", "B3.a.6", "B3.a.7"]
    assert rules.point_outcome(evaluation, dict.fromkeys(evaluation, MET)) == RESOLVED
    assert rules.point_outcome(["B3.b.2"], {"B3.b.2": [IMPROVEMENT]}) == PERSISTS
    assert rules.point_outcome(["B3.b.2"], {"B1.a.2": MET}) is None  # not judged again at all


def test_partly_met_is_not_resolved_and_one_x_keeps_the_group_a_point() -> None:
    keys = ["B3.a.5", "B3.a.6"]
    assert rules.point_outcome(keys, {"B3.a.5": MET}) == NOT_TESTED  # B3.a.6 not judged: the point stays open
    assert rules.point_outcome(keys, {"B3.a.5": MET, "B3.a.6": IMPROVEMENT}) == PERSISTS
    assert rules.point_outcome(keys, {"B3.a.5": [MET, IMPROVEMENT], "B3.a.6": MET}) == PERSISTS  # ✓ X in one row


@given(keys=st.lists(st.sampled_from(KEYS), min_size=1, unique=True), later=inspection_judgements)
def test_an_outcome_is_resolved_persists_not_tested_or_nothing(keys: list[str], later: dict[str, str]) -> None:
    outcome = rules.point_outcome(keys, later)
    judged = [later[k] for k in keys if k in later]
    if not judged:
        assert outcome is None
    elif IMPROVEMENT in judged:
        assert outcome == PERSISTS  # an X again is the same point, never resolved
    elif len(judged) == len(keys) and set(judged) == {MET}:
        assert outcome == RESOLVED
    else:
        assert outcome == NOT_TESTED
    assert (outcome == RESOLVED) == rules.point_resolved(keys, later)


# --- the term and overdue -----------------------------------------------------------------------------------------


@given(due_on=st.one_of(st.none(), days), judged_on=days)
def test_a_persisting_point_keeps_a_running_term_and_renews_a_passed_one(due_on: date | None, judged_on: date) -> None:
    new_term = judged_on + timedelta(days=365)
    renewed = rules.renewed_due_on(due_on, judged_on=judged_on, new_term=new_term)
    if due_on is not None and due_on >= judged_on:
        assert renewed == due_on  # still running on the day of publication
    else:
        assert renewed == new_term
    assert renewed >= judged_on


@given(status=st.sampled_from(("open", "in_progress", "resolved")), due_on=st.one_of(st.none(), days), today=days)
def test_overdue_is_a_passed_term_of_a_point_not_resolved(status: str, due_on: date | None, today: date) -> None:
    overdue = rules.point_overdue(status=status, due_on=due_on, today=today)
    assert overdue == (status != "resolved" and due_on is not None and due_on < today)


def test_the_last_day_of_the_term_is_not_overdue_yet() -> None:
    day = date(2015, 12, 31)
    assert not rules.point_overdue(status="open", due_on=day, today=day)
    assert rules.point_overdue(status="in_progress", due_on=day, today=day + timedelta(days=1))


# --- carried judgements ---------------------------------------------------------------------------------------------


def test_zwolle_2013_ticks_carry_into_2014_and_a_dash_erases_nothing() -> None:
    y2013 = {"B1.a.1": IMPROVEMENT, "B1.a.2": IMPROVEMENT, "B2.a.1": MET}  # B2.a.1: ✓, not listed in the document
    y2014 = {"B1.a.1": NOT_ASSESSED, "B1.a.2": MET}
    assert rules.standing([y2013, y2014]) == {"B1.a.1": 0, "B1.a.2": 1, "B2.a.1": 0}


@given(judged=st.lists(inspection_judgements, min_size=1, max_size=5))
def test_the_standing_judgement_is_the_latest_met_or_x_else_the_latest_dash(judged: list[dict[str, str]]) -> None:
    stands = rules.standing(judged)
    assert set(stands) == {key for judgements in judged for key in judgements}  # every judged indicator, only those
    for key, index in stands.items():
        assert key in judged[index]
        given_at = [i for i, judgements in enumerate(judged) if key in judgements]
        decisive = [i for i in given_at if judged[i][key] != NOT_ASSESSED]
        assert index == (decisive[-1] if decisive else given_at[-1])


@given(earlier=st.lists(inspection_judgements, max_size=4), latest=inspection_judgements)
def test_a_judgement_of_the_latest_inspection_other_than_dash_always_stands(
    earlier: list[dict[str, str]], latest: dict[str, str]
) -> None:
    stands = rules.standing([*earlier, latest])
    for key, value in latest.items():
        if value != NOT_ASSESSED:
            assert stands[key] == len(earlier)


@given(earlier=inspection_judgements)
def test_only_an_earlier_tick_may_stay_unjudged(earlier: dict[str, str]) -> None:
    carried = rules.carried_met(KEYS, earlier)
    assert carried == {key for key, value in earlier.items() if value == MET}
    assert not carried & {key for key, value in earlier.items() if value == IMPROVEMENT}  # an X is judged again


@given(found=st.lists(judgement, max_size=4))
def test_one_indicator_with_several_findings_is_an_x_when_any_is(found: list[str]) -> None:
    combined = rules.indicator_judgement(found)
    if not found:
        assert combined is None
    elif IMPROVEMENT in found:
        assert combined == IMPROVEMENT
    else:
        assert combined == (MET if MET in found else NOT_ASSESSED)
