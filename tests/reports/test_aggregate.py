from hypothesis import given
from hypothesis import strategies as st

from gezinsregie.reports.aggregate.rules import (
    IMPROVEMENT,
    JUDGEMENTS,
    MET,
    NOT_ASSESSED,
    Row,
    aggregate,
    percentages,
    row_judgements,
)


def test_one_finding_gives_its_judgement_to_every_indicator_of_the_row() -> None:
    assert row_judgements(Row(("B2.a.1", "B2.a.2", "B2.a.3"), (MET,))) == dict.fromkeys(
        ("B2.a.1", "B2.a.2", "B2.a.3"), MET
    )


def test_as_many_findings_as_indicators_map_in_order() -> None:
    # Oosterhout B3.a.1–3: ✓ ✗ ✓
    row = Row(("B3.a.1", "B3.a.2", "B3.a.3"), (MET, IMPROVEMENT, MET))
    assert row_judgements(row) == {"B3.a.1": MET, "B3.a.2": IMPROVEMENT, "B3.a.3": MET}


def test_otherwise_any_improvement_point_makes_the_whole_row_an_improvement() -> None:
    row = Row(("B3.a.4", "B3.a.5", "B3.a.6", "B3.a.7"), (MET, IMPROVEMENT))
    assert set(row_judgements(row).values()) == {IMPROVEMENT}
    assert set(row_judgements(Row(("a", "b", "c"), (MET, NOT_ASSESSED))).values()) == {MET}
    assert set(row_judgements(Row(("a", "b", "c"), (NOT_ASSESSED, NOT_ASSESSED))).values()) == {NOT_ASSESSED}


def test_an_indicator_not_judged_counts_as_not_assessed() -> None:
    result = aggregate([[Row(("B1.a.1",), (MET,))], []], ["B1.a.1", "B1.a.2"])
    assert result == {
        "approaches": 2,
        "indicators": {
            "B1.a.1": {MET: 1, IMPROVEMENT: 0, NOT_ASSESSED: 1},
            "B1.a.2": {MET: 0, IMPROVEMENT: 0, NOT_ASSESSED: 2},
        },
    }


keys = st.sampled_from(["K1", "K2", "K3", "K4", "K5"])
rows = st.builds(
    Row,
    st.lists(keys, min_size=1, max_size=4, unique=True).map(tuple),
    st.lists(st.sampled_from(JUDGEMENTS), max_size=5).map(tuple),
)


@given(st.lists(st.lists(rows, max_size=6), max_size=8))
def test_per_indicator_the_counts_add_up_to_the_number_of_approaches(inspections) -> None:
    result = aggregate(inspections, ["K1", "K2", "K3", "K4", "K5"])
    for count in result["indicators"].values():  # type: ignore[attr-defined]
        assert sum(count.values()) == result["approaches"]
        shares = percentages(count)
        assert not count or abs(sum(shares.values()) - (100 if result["approaches"] else 0)) < 0.5
