"""The characteristics behind figures 3, 6 and 8 of the 21-municipality report, counted over the report's 30
approaches rebuilt (tests/reports/figures_world.py): per answer of the approaches with an answer recorded, the
others beside it; in the aggregate report, the command's JSON, the XLSX and the page's charts."""

import io
import json
from collections.abc import Iterator

import openpyxl
import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse

from gezinsregie.accounts.models import Role
from gezinsregie.reports.aggregate.characteristics import CharacteristicCount
from gezinsregie.reports.aggregate.selectors import AggregateFilter, aggregate_report
from tests.reports.aggregation_world import World, build_world
from tests.reports.figures_world import build_figures
from tests.reports.publication_world import words


@pytest.fixture(scope="module")
def figures(module_clock: None, django_db_setup: None, django_db_blocker: object) -> Iterator[World]:
    with django_db_blocker.unblock(), transaction.atomic():  # type: ignore[attr-defined]
        world = build_world()
        build_figures(world)
        yield world
        transaction.set_rollback(True)


def characteristic(key: str) -> CharacteristicCount:
    return next(c for c in aggregate_report(AggregateFilter(level="policy")).characteristics if c.key == key)


def test_figure_3_how_the_coordinator_works(figures: World, db: None) -> None:
    found = characteristic("coordination")
    assert found.figure == 3 and (found.answered, found.unknown) == (30, 0)
    assert {a.value: (a.count, a.whole_percent) for a in found.answers} == {
        "in_family": (6, 20),
        "at_distance": (17, 57),  # "een coördinerende rol ... zonder zelf in het gezin werkzaam te zijn (57%)"
        "both": (7, 23),  # "aanpakken die beide rollen combineren (23%)"
    }


def test_figure_6_the_plan_leads_the_professionals(figures: World, db: None) -> None:
    found = characteristic("plan_leading")
    assert {a.value: (a.count, a.whole_percent) for a in found.answers} == {"yes": (13, 43), "no": (17, 57)}


def test_figure_8_counts_only_the_approaches_with_an_answer(figures: World, db: None) -> None:
    found = characteristic("availability_problems")
    assert (found.answered, found.unknown) == (28, 2)
    assert {a.value: (a.count, a.whole_percent) for a in found.answers} == {
        "often": (12, 43),
        "sometimes": (10, 36),
        "never": (6, 21),
    }


def test_the_json_and_the_xlsx_carry_the_characteristics(figures: World, db: None) -> None:
    out = io.StringIO()
    call_command("aggregate_report", "--level", "policy", "--json", stdout=out)
    data = json.loads(out.getvalue())["characteristics"]
    assert data["coordination"] == {
        "answered": 30,
        "unknown": 0,
        "counts": {"in_family": 6, "at_distance": 17, "both": 7},
        "percent": {"in_family": 20.0, "at_distance": 56.7, "both": 23.3},
    }
    assert data["availability_problems"]["unknown"] == 2

    client = Client()
    client.force_login(figures.users[Role.INSPECTOR])
    workbook = openpyxl.load_workbook(io.BytesIO(client.get(reverse("reports:aggregate_xlsx")).content))
    rows = list(workbook["Kenmerken"].iter_rows(values_only=True))
    assert rows[0][:3] == ("Figuur", "Vraag", "Antwoord")  # Dutch names, no keys
    plan_leading = characteristic("plan_leading")
    no = next(a for a in plan_leading.answers if a.value == "no")
    by_answer = {(r[1], r[2]): dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    row = by_answer[(plan_leading.question, no.label)]
    assert row["Aanpakken"] == 17 and row["% van beantwoord"] == 56.7


def test_the_page_charts_each_characteristic_accessibly(figures: World, db: None) -> None:
    client = Client()
    client.force_login(figures.users[Role.POLICY_OFFICER])
    html = client.get(reverse("reports:aggregate")).content.decode()
    for figure in (3, 6, 8):
        assert f'aria-labelledby="kenmerk-{figure}-titel"' in html  # the chart's name is its caption
    text = words(html)
    assert "Figuur 3: Hoe ziet de aanpak eruit?" in text
    assert "17 aanpakken (57%)" in text  # coördinatie op afstand, beside its bar
    assert "Figuur 6: Is het gezinsplan leidend voor het handelen van de professionals?" in text
    assert "Vastgelegd bij 28 van 30 aanpakken; niet vastgelegd: 2 aanpakken." in text  # figure 8
