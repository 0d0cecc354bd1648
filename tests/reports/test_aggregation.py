"""The aggregate report read from stored inspections (reports/aggregate/selectors.py).

The world (build_world, shared with the view, export and command tests): the real STJ framework; three
municipalities each with one approach; the inspectorate's inspector Ilse Inspecteur and one user per other role.
`publish_scenario` adds the inspections most tests count over:

  Testdam  2013 published  B1.a.1 X;  one row B3.a.1–3 with three findings ✓ X ✓
           2014 published  B1.a.1 ✓;  one row B3.a.1–3 with one finding X          <- the latest: it counts
           2016 draft      B1.a.1 X                                                 <- a draft: never counts
  Elders   2013 published  one finding ✓ for B1.a.1 and B1.a.2
  Overkant 2014 judging    B1.a.1 X                                                 <- not published
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gezinsregie.inspections.models import InspectionStatus
from gezinsregie.organisations.models import Approach, Municipality
from gezinsregie.reports.aggregate.rules import IMPROVEMENT, MET, NOT_ASSESSED, Row
from gezinsregie.reports.aggregate.selectors import (
    AggregateFilter,
    AggregateReport,
    StoredFinding,
    aggregate_report,
    rows_from_findings,
)
from tests.paths import FACTSHEET
from tests.reports.aggregation_world import B3A, World, build_world, publish_scenario


@pytest.fixture
def world(db: None) -> World:
    return build_world()


def report(level: str = "policy", **kwargs: object) -> AggregateReport:
    return aggregate_report(AggregateFilter(level=level, **kwargs))  # type: ignore[arg-type]


def counts(r: AggregateReport, key: str) -> dict[str, int]:
    return next(i.counts for i in r.indicators if i.key == key)


# --- how a stored row becomes judgements -------------------------------------------------------------------------


def test_a_row_with_one_finding_gives_its_judgement_to_each_indicator(world: World) -> None:
    inspection = world.inspection(world.testdam, 2013)
    world.finding(inspection, ["B2.a.1", "B2.a.2", "B2.a.3"], IMPROVEMENT, row=1)

    r = report()
    for key in ("B2.a.1", "B2.a.2", "B2.a.3"):
        assert counts(r, key) == {MET: 0, IMPROVEMENT: 1, NOT_ASSESSED: 0}


def test_as_many_findings_as_indicators_map_in_order(world: World) -> None:
    # Oosterhout B3.a.1–3: one row, three findings ✓ ✗ ✓
    inspection = world.inspection(world.testdam, 2013)
    for judgement in (MET, IMPROVEMENT, MET):
        world.finding(inspection, B3A, judgement, row=1)

    r = report()
    assert [counts(r, key) for key in B3A] == [
        {MET: 1, IMPROVEMENT: 0, NOT_ASSESSED: 0},
        {MET: 0, IMPROVEMENT: 1, NOT_ASSESSED: 0},
        {MET: 1, IMPROVEMENT: 0, NOT_ASSESSED: 0},
    ]


def test_otherwise_any_improvement_point_makes_the_whole_row_an_improvement(world: World) -> None:
    keys = ["B3.a.4", "B3.a.5", "B3.a.6"]
    first = world.inspection(world.testdam, 2013)
    world.finding(first, keys, MET, row=1)
    world.finding(first, keys, IMPROVEMENT, row=1)
    second = world.inspection(world.elders, 2013)
    world.finding(second, keys, NOT_ASSESSED, row=1)
    world.finding(second, keys, MET, row=1)

    r = report()
    for key in keys:
        assert counts(r, key) == {MET: 1, IMPROVEMENT: 1, NOT_ASSESSED: 0}


def test_a_finding_without_a_row_is_a_row_of_its_own(world: World) -> None:
    # Made in the app: two findings, each for its own indicators, never merged into one row
    inspection = world.inspection(world.testdam, 2013)
    world.finding(inspection, ["B1.a.1", "B1.a.2"], MET)
    world.finding(inspection, ["B1.b.1"], IMPROVEMENT)

    r = report()
    assert counts(r, "B1.a.1") == counts(r, "B1.a.2") == {MET: 1, IMPROVEMENT: 0, NOT_ASSESSED: 0}
    assert counts(r, "B1.b.1") == {MET: 0, IMPROVEMENT: 1, NOT_ASSESSED: 0}


def test_per_family_findings_do_not_count(world: World) -> None:
    inspection = world.inspection(world.testdam, 2014, level="case")
    family = world.family_review(inspection)
    world.finding(inspection, ["C1.a.1"], IMPROVEMENT, case_review=family)
    world.finding(inspection, ["C1.a.1"], MET)  # for the approach
    world.finding(inspection, ["C1.a.2"], IMPROVEMENT, case_review=family)  # for one family only

    r = report("case")
    assert counts(r, "C1.a.1") == {MET: 1, IMPROVEMENT: 0, NOT_ASSESSED: 0}
    assert counts(r, "C1.a.2") == {MET: 0, IMPROVEMENT: 0, NOT_ASSESSED: 1}


def test_an_indicator_without_a_finding_is_not_assessed_and_the_counts_add_up(world: World) -> None:
    publish_scenario(world)

    r = report()
    assert r.approaches == 2
    assert [i.key for i in r.indicators] == world.keys["policy"]  # every indicator, in framework order
    for indicator in r.indicators:
        assert sum(indicator.counts.values()) == 2, indicator.key
    assert counts(r, "B5.c.1") == {MET: 0, IMPROVEMENT: 0, NOT_ASSESSED: 2}


# --- which inspections count ----------------------------------------------------------------------------------------


def test_only_the_latest_published_inspection_of_each_approach_counts(world: World) -> None:
    publish_scenario(world)

    r = report()
    assert r.as_dict() == world.expected(
        2,
        B1_a_1={MET: 2},  # Testdam 2014 ✓ (not 2013 X, not the 2016 draft X), Elders 2013 ✓
        B1_a_2={MET: 1},
        B3_a_1={IMPROVEMENT: 1},
        B3_a_2={IMPROVEMENT: 1},
        B3_a_3={IMPROVEMENT: 1},
    )
    assert [(c.municipality, c.year) for c in r.counted] == [("Elders", 2013), ("Testdam", 2014)]


def test_drafts_and_unpublished_inspections_do_not_count(world: World) -> None:
    for year, status in ((2013, InspectionStatus.DRAFT), (2014, InspectionStatus.OPEN), (2015, "judging")):
        inspection = world.inspection(world.overkant, year, status=status)
        world.finding(inspection, ["B1.a.1"], IMPROVEMENT)

    r = report()
    assert r.approaches == 0
    assert counts(r, "B1.a.1") == {MET: 0, IMPROVEMENT: 0, NOT_ASSESSED: 0}


def test_the_year_filter_takes_the_inspections_of_that_year(world: World) -> None:
    publish_scenario(world)

    assert report(year=2013).as_dict() == world.expected(
        2,
        B1_a_1={IMPROVEMENT: 1, MET: 1},  # Testdam 2013 X, Elders 2013 ✓
        B1_a_2={MET: 1},
        B3_a_1={MET: 1},
        B3_a_2={IMPROVEMENT: 1},
        B3_a_3={MET: 1},
    )
    assert report(year=2014).approaches == 1  # Overkant's 2014 inspection is not published
    assert report(year=2016).approaches == 0  # only a draft


def test_the_municipality_filter_keeps_that_municipality_s_approaches(world: World) -> None:
    publish_scenario(world)

    r = report(municipality_id=world.elders.municipality_id)
    assert r.as_dict() == world.expected(1, B1_a_1={MET: 1}, B1_a_2={MET: 1})
    assert r.municipality == world.elders.municipality


def test_the_levels_are_counted_apart(world: World) -> None:
    publish_scenario(world)
    case = world.inspection(world.testdam, 2014, level="case")
    world.finding(case, ["C1.a.1"], MET)

    assert report().approaches == 2
    r = report("case")
    assert r.approaches == 1
    assert [i.key for i in r.indicators] == world.keys["case"]
    assert counts(r, "C1.a.1") == {MET: 1, IMPROVEMENT: 0, NOT_ASSESSED: 0}


def test_a_published_factsheet_imported_from_text_is_counted_row_by_row(world: World) -> None:
    from gezinsregie.reports.importing import report_import

    report_import(text=FACTSHEET.read_text(encoding="utf-8"), municipality="Oosterhout", approach=None, year=None)

    r = report()
    assert r.approaches == 1
    # one row B3.a.1–3 with three findings ✓ ✗ ✓ in the published factsheet
    assert [counts(r, key) for key in B3A] == [
        {MET: 1, IMPROVEMENT: 0, NOT_ASSESSED: 0},
        {MET: 0, IMPROVEMENT: 1, NOT_ASSESSED: 0},
        {MET: 1, IMPROVEMENT: 0, NOT_ASSESSED: 0},
    ]
    assert all(sum(i.counts.values()) == 1 for i in r.indicators)


def test_reading_takes_the_same_number_of_queries_for_more_approaches(world: World) -> None:
    publish_scenario(world)
    with CaptureQueriesContext(connection) as few:
        report()
    for name in ("Een", "Twee", "Drie", "Vier"):
        place = Municipality.objects.create(name=f"Gemeente {name}")
        approach = Approach.objects.create(
            municipality=place, name=name, life_domain_set=world.testdam.life_domain_set, framework=world.framework
        )
        world.finding(world.inspection(approach, 2014), ["B1.a.1"], MET)
    with CaptureQueriesContext(connection) as many:
        r = report()

    assert r.approaches == 6
    assert len(many) == len(few)


def test_nothing_published_gives_zero_approaches_and_every_indicator(world: World) -> None:
    r = report()
    assert r.as_dict() == world.expected(0)
    assert r.framework == world.framework


# --- pure: stored findings into rows --------------------------------------------------------------------------------


def test_findings_sharing_a_row_number_are_one_row_in_document_order() -> None:
    position = {key: index for index, key in enumerate(["A.1", "A.2", "A.3", "B.1"])}
    findings = [
        StoredFinding(pk=12, row=2, order=0, judgement=IMPROVEMENT, indicators=("A.1", "A.2", "A.3")),
        StoredFinding(pk=11, row=2, order=0, judgement=MET, indicators=("A.1", "A.2", "A.3")),
        StoredFinding(pk=10, row=None, order=3, judgement=MET, indicators=("B.1",)),
        StoredFinding(pk=13, row=None, order=3, judgement=IMPROVEMENT, indicators=("B.1",)),
        StoredFinding(pk=14, row=2, order=0, judgement=MET, indicators=("A.3", "A.1", "A.2")),
    ]

    assert rows_from_findings(findings, position) == [
        Row(("A.1", "A.2", "A.3"), (MET, IMPROVEMENT, MET)),  # pk order within the row
        Row(("B.1",), (MET,)),
        Row(("B.1",), (IMPROVEMENT,)),  # a row of its own, after: it wins for B.1
    ]


def test_a_row_s_indicators_are_the_union_of_its_findings_in_framework_order() -> None:
    position = {"A.1": 0, "A.2": 1, "A.3": 2}
    findings = [
        StoredFinding(pk=1, row=5, order=1, judgement=MET, indicators=("A.2",)),
        StoredFinding(pk=2, row=5, order=1, judgement=IMPROVEMENT, indicators=("A.3", "A.1")),
    ]
    assert rows_from_findings(findings, position) == [Row(("A.1", "A.2", "A.3"), (MET, IMPROVEMENT))]


def test_the_report_names_no_person(world: World) -> None:
    publish_scenario(world)
    inspection = world.inspection(world.testdam, 2015, level="case")
    world.finding(inspection, ["C1.a.1"], IMPROVEMENT, case_review=world.family_review(inspection))

    text = repr(report()) + repr(report("case"))
    for person in ("Ilse", "Inspecteur", "Verborgen", "Geheimstraat", "Gezin A"):
        assert person not in text
