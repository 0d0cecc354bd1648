"""Percentages as the 21-municipality report computes them: of the approaches assessed on an indicator, the
not-assessed ones left out and shown beside it ("Bij 23 van in totaal 28 aanpakken (82%)"), in whole percents
rounded half up. The pure rules first, then the report's own numbers rebuilt (tests/reports/figures_world.py) and
read back from the aggregate report, the command's JSON, the page, the CSV and the XLSX."""

import io
import json
from collections.abc import Iterator

import openpyxl
import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from gezinsregie.accounts.models import Role
from gezinsregie.common import csv_export
from gezinsregie.reports.aggregate.rules import (
    IMPROVEMENT,
    MET,
    NOT_ASSESSED,
    assessed,
    of_assessed,
    share,
    whole_percent,
)
from gezinsregie.reports.aggregate.selectors import AggregateFilter, AggregateReport, IndicatorCount, aggregate_report
from tests.reports.aggregation_world import World, build_world
from tests.reports.figures_world import APPROACHES, FIGURES, build_figures

# --- pure -------------------------------------------------------------------------------------------------------


def test_the_denominator_leaves_out_the_approaches_not_assessed() -> None:
    count = {MET: 23, IMPROVEMENT: 5, NOT_ASSESSED: 2}
    assert assessed(count) == 28
    assert of_assessed(count) == {MET: 82.1, IMPROVEMENT: 17.9}
    assert of_assessed({MET: 0, IMPROVEMENT: 0, NOT_ASSESSED: 30}) == {MET: None, IMPROVEMENT: None}


@pytest.mark.parametrize(
    ("part", "whole", "printed"),
    [(23, 28, 82), (28, 30, 93), (29, 30, 97), (26, 30, 87), (20, 30, 67), (13, 30, 43), (17, 30, 57), (7, 30, 23),
     (24, 30, 80), (23, 30, 77), (18, 30, 60), (1, 8, 13), (1, 2, 50), (0, 5, 0), (5, 5, 100)],
)  # fmt: skip
def test_whole_percents_round_half_up_as_the_report_prints_them(part: int, whole: int, printed: int) -> None:
    assert whole_percent(part, whole) == printed


def test_no_percentage_of_nothing() -> None:
    assert whole_percent(0, 0) is None and share(0, 0) is None


@given(st.integers(min_value=0, max_value=500), st.integers(min_value=0, max_value=500))
def test_met_and_improvement_of_the_assessed_make_a_whole(met: int, improvement: int) -> None:
    shares = of_assessed({MET: met, IMPROVEMENT: improvement, NOT_ASSESSED: 7})
    if met + improvement == 0:
        assert shares == {MET: None, IMPROVEMENT: None}
    else:
        assert abs(shares[MET] + shares[IMPROVEMENT] - 100) <= 0.1  # type: ignore[operator]
        whole = whole_percent(met, met + improvement), whole_percent(improvement, met + improvement)
        assert 99 <= whole[0] + whole[1] <= 101  # type: ignore[operator]


# --- the report's figures, rebuilt --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def figures(module_clock: None, django_db_setup: None, django_db_blocker: object) -> Iterator[World]:
    """Built once for this module (each test runs in a savepoint; everything is rolled back after the module)."""
    with django_db_blocker.unblock(), transaction.atomic():  # type: ignore[attr-defined]
        world = build_world()
        build_figures(world)
        yield world
        transaction.set_rollback(True)


def report() -> AggregateReport:
    return aggregate_report(AggregateFilter(level="policy"))


def indicator(r: AggregateReport, key: str) -> IndicatorCount:
    return next(i for i in r.indicators if i.key == key)


def test_the_aggregate_reproduces_the_published_percentages(figures: World, db: None) -> None:
    r = report()
    assert (r.approaches, r.municipalities) == (APPROACHES, 21)
    for figure in FIGURES:
        found = indicator(r, figure.key)
        assert found.counts == {MET: figure.met, IMPROVEMENT: figure.improvement, NOT_ASSESSED: figure.not_assessed}
        assert found.assessed == figure.met + figure.improvement
        printed = found.whole_percent_met if figure.about == MET else found.whole_percent_improvement
        assert printed == figure.percent, figure.sentence


def test_the_behoefte_indicator_is_23_of_28_not_23_of_30(figures: World, db: None) -> None:
    b2a3 = indicator(report(), "B2.a.3")
    assert (b2a3.counts[MET], b2a3.assessed, b2a3.whole_percent_met) == (23, 28, 82)
    assert b2a3.shares[MET] == 76.7  # of all approaches: the old column, which the report does not print
    assert b2a3.percent_met == 82.1


def test_the_json_contract_carries_the_denominator(figures: World, db: None) -> None:
    out = io.StringIO()
    call_command("aggregate_report", "--level", "policy", "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["approaches"] == APPROACHES
    assert data["indicators"]["B2.a.3"] == {
        "met": 23,
        "improvement": 5,
        "not_assessed": 2,
        "assessed": 28,
        "percent_met": 82.1,
        "percent_improvement": 17.9,
    }
    assert data["indicators"]["B5.b.1"]["percent_improvement"] == 80.0
    assert data["indicators"]["B1.a.1"]["assessed"] == 0 and data["indicators"]["B1.a.1"]["percent_met"] is None


def test_the_readable_table_says_n_of_m(figures: World, db: None) -> None:
    out = io.StringIO()
    call_command("aggregate_report", "--level", "policy", stdout=out)
    line = next(line for line in out.getvalue().splitlines() if line.startswith("B2.a.3 "))
    assert "23 van 28 (82%)" in line and "5 van 28 (18%)" in line


def page(world: World) -> str:
    client = Client()
    client.force_login(world.users[Role.POLICY_OFFICER])
    return client.get(reverse("reports:aggregate")).content.decode()


def test_the_page_shows_n_of_m_with_the_not_assessed_beside_it(figures: World, db: None) -> None:
    html = page(figures)
    assert "voldoet bij 23 van 28 aanpakken (82%); 2 niet getoetst" in html  # under the bar
    assert "23 van 28" in html and "(82%)" in html  # in the table
    assert "voldoet bij 28 van 30 aanpakken (93%)" in html  # figure 2, 1 gezin 1 plan
    assert "✓ 82%" in html  # inside the bar: the share of the assessed, as figure 4 draws it


def test_the_exports_carry_the_denominator(figures: World, db: None) -> None:
    client = Client()
    client.force_login(figures.users[Role.INSPECTOR])
    header, *lines = csv_export.read(client.get(reverse("reports:aggregate_csv")).content)
    rows = {r["Indicator"]: r for r in (dict(zip(header, line, strict=True)) for line in lines)}
    b2a3_csv = rows["B2.a.3"]
    assert (b2a3_csv["Getoetst"], b2a3_csv["Voldoet (% van getoetste aanpakken)"], b2a3_csv["Niet getoetst"]) == (
        "28",
        "82,1",
        "2",
    )
    workbook = openpyxl.load_workbook(io.BytesIO(client.get(reverse("reports:aggregate_xlsx")).content))
    sheet = list(workbook["Overzicht"].iter_rows(values_only=True))
    columns = list(sheet[0])
    b2a3 = dict(zip(columns, next(r for r in sheet if r[3] == "B2.a.3"), strict=True))
    assert (
        b2a3["Getoetst"],
        b2a3["Voldoet (% van getoetste aanpakken)"],
        b2a3["Verbeterpunt (% van getoetste aanpakken)"],
    ) == (28, 82.1, 17.9)
