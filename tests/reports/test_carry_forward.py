"""The Zwolle follow-up document imported (issue 13 §8, "the Zwolle import carries 2013 ✓s forward"), and the
aggregate report counting the latest judgement per indicator, carried forward ones included.

Verbeterpunten Zwolle 2015 lists only the 2013 X's per approach: "de punten waarop de aanpak al in 2013 een ✓
scoorde zijn niet opnieuw getoetst". The 2013 inspections hold a ✓ for every other policy indicator, and 2014
carries them forward.
"""

import pytest

from gezinsregie.frameworks.models import Framework
from gezinsregie.inspections import selectors
from gezinsregie.inspections.models import FollowUpOutcome, ImprovementPoint, Inspection, PointStatus
from gezinsregie.organisations.models import Municipality
from gezinsregie.reports.aggregate.rules import IMPROVEMENT, MET, NOT_ASSESSED, Row
from gezinsregie.reports.aggregate.selectors import AggregateFilter, aggregate_report, carried_rows
from gezinsregie.reports.importing import follow_up_import
from tests.paths import FOLLOW_UP
from tests.reports.aggregation_world import World, build_world

BD, BJ = "Bijzondere Doelgroepen", "Bemoeizorg Jeugd"
LISTED_2013 = {  # the document's rows per approach (tests/reports/test_follow_up.py EXPECTED)
    BD: {"B1.a.1", "B1.a.2", "B3.a.5", "B3.a.6", "B3.a.7", "B3.b.2", "B3.d.2", "B4.b.1", "B5.b.1"},
    BJ: {"B1.a.2", "B3.a.4", "B3.a.5", "B3.a.6", "B3.a.7", "B3.b.2", "B3.d.2", "B5.b.1", "B5.c.1"},
}


@pytest.fixture
def zwolle(framework: Framework) -> dict[tuple[str, int], Inspection]:
    result = follow_up_import(
        text=FOLLOW_UP.read_text(encoding="utf-8"), municipality="Zwolle", approach=None, source=FOLLOW_UP.name
    )
    return {(i.approach.name, i.year): i for i in result.inspections}


def keys_of(finding: object) -> set[str]:
    return {i.key for i in finding.indicators.all()}  # type: ignore[attr-defined]


@pytest.mark.parametrize("approach", [BD, BJ])
def test_2013_holds_a_tick_for_every_indicator_the_document_does_not_list(
    zwolle: dict[tuple[str, int], Inspection], approach: str
) -> None:
    earlier = zwolle[(approach, 2013)]
    policy_keys = {i.key for i in selectors.indicators_of(earlier)}
    ticks = [f for f in earlier.findings.all() if f.judgement == MET]
    assert set().union(*(keys_of(f) for f in ticks)) == policy_keys - LISTED_2013[approach]
    assert {f.text for f in ticks} == {"Voldeed in 2013; volgens het opvolgdocument niet opnieuw getoetst."}
    xs = [f for f in earlier.findings.all() if f.judgement == IMPROVEMENT]
    assert set().union(*(keys_of(f) for f in xs)) == LISTED_2013[approach]
    assert not ImprovementPoint.objects.filter(finding__in=ticks).exists()  # a ✓ is no point


def test_2014_carries_the_2013_ticks_forward(zwolle: dict[tuple[str, int], Inspection]) -> None:
    later = zwolle[(BD, 2014)]
    standing = {s.indicator.key: s for s in selectors.standing_judgements(later)}
    carried = {key for key, s in standing.items() if s.carried_met}
    assert carried == set(standing) - LISTED_2013[BD]  # 21 of 30: ✓ (2013, niet opnieuw getoetst)
    tick = standing["B2.a.1"]
    assert (tick.judgement, tick.year, tick.carried) == (MET, 2013, True)
    assert tick.finding is not None and tick.finding.inspection == zwolle[(BD, 2013)]
    assert (standing["B1.a.2"].judgement, standing["B1.a.2"].year) == (MET, 2014)  # ✓ now
    assert (standing["B3.b.2"].judgement, standing["B3.b.2"].year) == (IMPROVEMENT, 2014)  # X again
    # "– STJ heeft dit punt niet kunnen (her)toetsen": 2013's X still stands
    assert (standing["B1.a.1"].judgement, standing["B1.a.1"].year, standing["B1.a.1"].carried) == (
        IMPROVEMENT,
        2013,
        True,
    )
    rows = [row for table in selectors.result_tables(later) for row in table.rows]
    shown = {row.indicators[0].key for row in rows if row.finding is None and row.carried is not None}
    assert shown == carried  # what the result page shows as "✓ (2013, niet opnieuw getoetst)"


@pytest.mark.parametrize("approach", [BD, BJ])
def test_doorzettingsmacht_is_one_point_with_two_years_of_history(
    zwolle: dict[tuple[str, int], Inspection], approach: str
) -> None:
    points = ImprovementPoint.objects.filter(
        finding__inspection__approach__name=approach, finding__indicators__key="B3.b.2"
    )
    (point,) = points  # 2013 X and 2014 X: one point, not two
    assert point.finding.inspection == zwolle[(approach, 2013)] and point.status == PointStatus.OPEN
    history = selectors.point_history(point)
    assert [(e.year, e.outcome) for e in history] == [(2013, "raised"), (2014, FollowUpOutcome.PERSISTS)]
    assert history[1].finding.inspection == zwolle[(approach, 2014)]
    assert history[1].finding.text.startswith(
        "De gemeente heeft met de betrokken partijen besproken" if approach == BD else "De doorzettingsmacht"
    )
    assert not ImprovementPoint.objects.filter(finding__inspection=zwolle[(approach, 2014)]).exists()


def test_the_points_met_in_2014_are_resolved_and_the_rest_stay_open(zwolle: dict[tuple[str, int], Inspection]) -> None:
    status = {
        tuple(sorted(keys_of(p.finding))): p.status
        for p in ImprovementPoint.objects.filter(finding__inspection=zwolle[(BD, 2013)])
    }
    assert status == {
        ("B1.a.1",): PointStatus.OPEN,  # – not tested again
        ("B1.a.2",): PointStatus.RESOLVED,
        ("B3.a.5", "B3.a.6", "B3.a.7"): PointStatus.RESOLVED,
        ("B3.b.2",): PointStatus.OPEN,
        ("B3.d.2",): PointStatus.RESOLVED,
        ("B4.b.1",): PointStatus.RESOLVED,
        ("B5.b.1",): PointStatus.OPEN,
    }
    resolved = ImprovementPoint.objects.get(finding__inspection=zwolle[(BD, 2013)], finding__indicators__key="B1.a.2")
    assert resolved.resolved_by is not None and resolved.resolved_by.inspection == zwolle[(BD, 2014)]
    assert [f.outcome for f in resolved.follow_ups.all()] == [FollowUpOutcome.RESOLVED]


def test_the_aggregate_for_2014_counts_zwolle_with_the_carried_ticks(zwolle: dict[tuple[str, int], Inspection]) -> None:
    zwolle_id = Municipality.objects.get(name="Zwolle").pk
    report = aggregate_report(AggregateFilter(level="policy", year=2014, municipality_id=zwolle_id))
    counts = {i.key: i.counts for i in report.indicators}

    assert [(c.approach, c.year) for c in report.counted] == [(BJ, 2014), (BD, 2014)]
    assert counts["B2.a.1"] == {MET: 2, IMPROVEMENT: 0, NOT_ASSESSED: 0}  # ✓ in 2013, not tested again
    assert counts["B3.b.2"] == {MET: 0, IMPROVEMENT: 2, NOT_ASSESSED: 0}
    assert counts["B1.a.2"] == {MET: 1, IMPROVEMENT: 1, NOT_ASSESSED: 0}  # BD ✓ 2014; BJ – 2014 over X 2013
    assert counts["B1.a.1"] == {MET: 1, IMPROVEMENT: 1, NOT_ASSESSED: 0}  # BD – over X 2013; BJ ✓ 2013
    assert counts["B5.c.1"] == {MET: 1, IMPROVEMENT: 1, NOT_ASSESSED: 0}
    assert all(c[NOT_ASSESSED] == 0 and sum(c.values()) == 2 for c in counts.values())  # every indicator stands
    earlier = aggregate_report(AggregateFilter(level="policy", year=2013, municipality_id=zwolle_id))
    assert {i.key: i.counts for i in earlier.indicators}["B1.a.2"] == {MET: 0, IMPROVEMENT: 2, NOT_ASSESSED: 0}


# --- the aggregate's carry-forward on a small world ------------------------------------------------------------------


@pytest.fixture
def world(db: None) -> World:
    return build_world()


def test_an_earlier_tick_and_x_stand_where_the_latest_does_not_judge_or_judges_a_dash(world: World) -> None:
    first = world.inspection(world.testdam, 2013)
    world.finding(first, ["B1.a.1"], MET)
    world.finding(first, ["B1.a.2"], IMPROVEMENT)
    world.finding(first, ["B1.b.1"], MET)
    world.finding(first, ["B1.b.2"], NOT_ASSESSED)
    latest = world.inspection(world.testdam, 2014)
    world.finding(latest, ["B1.a.2"], NOT_ASSESSED)  # not tested again: 2013's X stands
    world.finding(latest, ["B1.b.1"], IMPROVEMENT)  # judged again: 2014 wins
    other = world.inspection(world.elders, 2014)
    world.finding(other, ["B1.a.1"], NOT_ASSESSED)

    report = aggregate_report(AggregateFilter(level="policy"))
    counts = {i.key: i.counts for i in report.indicators}
    assert [(c.municipality, c.year) for c in report.counted] == [("Elders", 2014), ("Testdam", 2014)]
    assert counts["B1.a.1"] == {MET: 1, IMPROVEMENT: 0, NOT_ASSESSED: 1}  # Testdam ✓ 2013; Elders – (no earlier)
    assert counts["B1.a.2"] == {MET: 0, IMPROVEMENT: 1, NOT_ASSESSED: 1}
    assert counts["B1.b.1"] == {MET: 0, IMPROVEMENT: 1, NOT_ASSESSED: 1}
    assert counts["B1.b.2"] == {MET: 0, IMPROVEMENT: 0, NOT_ASSESSED: 2}
    assert aggregate_report(AggregateFilter(level="policy", year=2013)).approaches == 1  # 2013 alone: unchanged


def test_a_later_year_never_carries_back(world: World) -> None:
    earlier = world.inspection(world.testdam, 2013)
    world.finding(earlier, ["B1.a.1"], IMPROVEMENT)
    later = world.inspection(world.testdam, 2014)
    world.finding(later, ["B2.a.1"], MET)

    in_2013 = {i.key: i.counts for i in aggregate_report(AggregateFilter(level="policy", year=2013)).indicators}
    assert in_2013["B2.a.1"] == {MET: 0, IMPROVEMENT: 0, NOT_ASSESSED: 1}  # 2014's ✓ does not count for 2013
    assert in_2013["B1.a.1"] == {MET: 0, IMPROVEMENT: 1, NOT_ASSESSED: 0}


def test_carried_rows_are_one_row_per_standing_indicator() -> None:
    rows = carried_rows([{"A": MET, "B": IMPROVEMENT}, {"A": NOT_ASSESSED, "C": MET}])
    assert sorted(rows, key=lambda r: r.indicators) == [
        Row(("A",), (MET,)),
        Row(("B",), (IMPROVEMENT,)),
        Row(("C",), (MET,)),
    ]


def test_the_2014_factsheet_shows_and_counts_the_ticks_it_did_not_test_again(
    zwolle: dict[tuple[str, int], Inspection],
) -> None:
    from gezinsregie.reports.publication.selectors import build, rows_of

    report = build(zwolle[(BD, 2014)])
    rows = {i.key: row for row in rows_of(report.themes) for i in row.indicators}
    carried = rows["B2.a.1"]
    assert [f.judgement for f in carried.findings] == [MET]
    assert "In 2013 voldeed; in dit onderzoek niet opnieuw getoetst." in str(carried.findings[0].text)
    assert report.counts.open == 0  # nothing shows as "nog zonder oordeel"
    assert report.counts.met >= 30 - len(LISTED_2013[BD])
    listed = rows["B3.b.2"]  # judged again in 2014: its own finding, nothing carried beside it
    assert [f.judgement for f in listed.findings] == [IMPROVEMENT]
