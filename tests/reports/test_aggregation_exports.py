"""The aggregate report's numbers as CSV and XLSX: read back with the csv module and openpyxl."""

import io

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse

from gezinsregie.accounts.models import Role
from gezinsregie.common import csv_export
from gezinsregie.frameworks.models import Indicator
from gezinsregie.reports.aggregate.exports import COLUMNS, HEADERS
from tests.reports.aggregation_world import World, build_world, publish_scenario


@pytest.fixture
def world(db: None) -> World:
    w = build_world()
    publish_scenario(w)
    return w


def download(world: World, name: str, **params: str) -> tuple[str, bytes, str]:
    client = Client()
    client.force_login(world.users[Role.POLICY_OFFICER])
    response = client.get(reverse(name), params)
    assert response.status_code == 200
    return response["Content-Type"], response.content, response["Content-Disposition"]


def csv_rows(world: World, **params: str) -> list[dict[str, str]]:
    content_type, content, disposition = download(world, "reports:aggregate_csv", **params)
    assert content_type == "text/csv; charset=utf-8"
    assert disposition.startswith("attachment;") and ".csv" in disposition
    header, *rows = csv_export.read(content)  # Dutch Excel: BOM, semicolons
    assert header == [HEADERS[c] for c in COLUMNS]  # Dutch column names
    return [dict(zip(COLUMNS, row, strict=True)) for row in rows]


def xlsx_sheets(world: World, **params: str) -> openpyxl.Workbook:
    content_type, content, disposition = download(world, "reports:aggregate_xlsx", **params)
    assert content_type == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert ".xlsx" in disposition
    return openpyxl.load_workbook(io.BytesIO(content))


def test_the_csv_has_one_row_per_indicator_with_the_counts_and_percentages(world: World) -> None:
    rows = csv_rows(world)

    assert [row["indicator"] for row in rows] == world.keys["policy"]
    by_key = {row["indicator"]: row for row in rows}
    assert by_key["B1.a.1"] == {
        "level": "beleidsniveau",
        "theme": "B1 Toeleiding",
        "criterion": "B1.a GGSR zijn in beeld",
        "indicator": "B1.a.1",
        "indicator_text": "Alle netwerkpartners hanteren dezelfde omschrijving van GGSR",
        "met": "2",
        "improvement": "0",
        "not_assessed": "0",
        "met_pct": "100,0",
        "improvement_pct": "0,0",
        "not_assessed_pct": "0,0",
        "approaches": "2",
        "assessed": "2",
        "met_pct_of_assessed": "100,0",
        "improvement_pct_of_assessed": "0,0",
    }
    b3a2 = by_key["B3.a.2"]
    assert (b3a2["met"], b3a2["improvement"], b3a2["not_assessed"]) == ("0", "1", "1")
    assert (b3a2["improvement_pct"], b3a2["not_assessed_pct"]) == ("50,0", "50,0")  # of all approaches
    assert (b3a2["assessed"], b3a2["improvement_pct_of_assessed"]) == ("1", "100,0")  # as the report counts
    assert by_key["B5.c.1"]["met_pct_of_assessed"] == ""  # nobody assessed it: no percentage at all
    for row in rows:
        assert int(row["met"]) + int(row["improvement"]) + int(row["not_assessed"]) == int(row["approaches"]) == 2


def test_the_csv_follows_the_filters(world: World) -> None:
    rows = {row["indicator"]: row for row in csv_rows(world, jaar="2013")}
    assert (rows["B1.a.1"]["met"], rows["B1.a.1"]["improvement"]) == ("1", "1")  # Testdam 2013 X, Elders ✓
    assert rows["B3.a.2"]["improvement"] == "1"

    case = csv_rows(world, niveau="case")
    assert [row["indicator"] for row in case] == world.keys["case"]
    assert {row["approaches"] for row in case} == {"0"}


def test_the_xlsx_holds_the_same_numbers_with_an_explanation(world: World) -> None:
    workbook = xlsx_sheets(world)

    assert workbook.sheetnames == ["Overzicht", "Toelichting", "Kenmerken"]
    sheet = workbook["Overzicht"]
    values = list(sheet.iter_rows(values_only=True))
    assert list(values[0]) == [HEADERS[c] for c in COLUMNS]
    rows = {row[3]: dict(zip(COLUMNS, row, strict=True)) for row in values[1:]}
    assert list(rows) == world.keys["policy"]
    assert rows["B1.a.2"]["met"] == 1 and rows["B1.a.2"]["not_assessed"] == 1  # numbers, not text
    assert rows["B1.a.2"]["met_pct"] == 50.0
    assert rows["B3.a.1"]["improvement"] == 1 and rows["B3.a.1"]["approaches"] == 2
    assert rows["B1.a.2"]["assessed"] == 1 and rows["B1.a.2"]["met_pct_of_assessed"] == 100.0
    assert rows["B5.c.1"]["met_pct_of_assessed"] is None  # an empty cell, not 0
    numbers = COLUMNS[5:]
    from_csv = [
        [float(row[column].replace(",", ".")) if row[column] else None for column in numbers] for row in csv_rows(world)
    ]
    assert from_csv == [[None if v is None else float(v) for v in row[5:]] for row in values[1:]]  # as the CSV
    about = dict(workbook["Toelichting"].iter_rows(values_only=True))
    assert about["Aantal aanpakken"] == "2" and about["Niveau"] == "beleidsniveau"


def test_a_text_that_looks_like_a_formula_stays_text(world: World) -> None:
    Indicator.objects.filter(key="B1.a.1").update(text='=HYPERLINK("http://example.org")')

    rows = {row["indicator"]: row for row in csv_rows(world)}
    assert rows["B1.a.1"]["indicator_text"].startswith("'=")
    sheet = xlsx_sheets(world)["Overzicht"]
    cell = next(row[4] for row in sheet.iter_rows(min_row=2) if row[3].value == "B1.a.1")
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")


def test_the_exports_name_no_person(world: World) -> None:
    inspection = world.inspection(world.testdam, 2015, level="case")
    world.finding(inspection, ["C1.a.1"], "improvement", case_review=world.family_review(inspection))
    content = download(world, "reports:aggregate_csv", niveau="case")[1].decode()
    workbook = xlsx_sheets(world, niveau="case")
    content += repr([list(ws.iter_rows(values_only=True)) for ws in workbook.worksheets])

    for person in ("Ilse", "Inspecteur", "Gezin Verborgen", "Geheimstraat", "Gezin A"):
        assert person not in content
