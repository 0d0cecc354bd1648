"""The aggregate report as CSV and XLSX: the same numbers as the page, one row per indicator. Numbers only.

Both with Dutch column names and values. The CSV is Dutch Excel's (common.csv_export: semicolon, decimal comma,
UTF-8 with BOM); the XLSX has a second sheet that says what the numbers are about and a third with the
approaches' characteristics (figures 3, 6, 8). The last three columns are the 21-municipality report's
denominator: the approaches assessed on the indicator, and met and improvement as a percentage of those (empty
when none was assessed); the percentage columns before them stay percentages of all approaches.
"""

import io
from typing import Any

from django.utils import timezone
from django.utils.formats import date_format
from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font

from gezinsregie.common import csv_export
from gezinsregie.inspections.models import InspectionLevel
from gezinsregie.reports.aggregate.rules import IMPROVEMENT, MET, NOT_ASSESSED
from gezinsregie.reports.aggregate.selectors import AggregateReport

COLUMNS = [
    "level",
    "theme",
    "criterion",
    "indicator",
    "indicator_text",
    "met",
    "improvement",
    "not_assessed",
    "met_pct",
    "improvement_pct",
    "not_assessed_pct",
    "approaches",
    "assessed",
    "met_pct_of_assessed",
    "improvement_pct_of_assessed",
]
CHARACTERISTIC_COLUMNS = [
    "figure",
    "question",
    "answer_text",
    "approaches",
    "pct",
    "answered",
    "unknown",
]
# the columns' names in the files, in Dutch (the keys above are the rows' keys in code)
HEADERS = {
    "level": "Niveau",
    "theme": "Thema",
    "criterion": "Criterium",
    "indicator": "Indicator",
    "indicator_text": "Tekst van de indicator",
    "met": "Voldoet",
    "improvement": "Verbeterpunt",
    "not_assessed": "Niet getoetst",
    "met_pct": "Voldoet (% van alle aanpakken)",
    "improvement_pct": "Verbeterpunt (% van alle aanpakken)",
    "not_assessed_pct": "Niet getoetst (% van alle aanpakken)",
    "approaches": "Aanpakken",
    "assessed": "Getoetst",
    "met_pct_of_assessed": "Voldoet (% van getoetste aanpakken)",
    "improvement_pct_of_assessed": "Verbeterpunt (% van getoetste aanpakken)",
    "question": "Vraag",
    "figure": "Figuur",
    "answer_text": "Antwoord",
    "pct": "% van beantwoord",
    "answered": "Beantwoord",
    "unknown": "Onbekend",
}


def export_rows(report: AggregateReport) -> list[dict[str, Any]]:
    rows = []
    for theme in report.themes:
        for indicator in theme.indicators:
            rows.append(
                {
                    "level": str(dict(InspectionLevel.choices).get(report.level, report.level)),
                    "theme": theme.label,
                    "criterion": indicator.criterion,
                    "indicator": indicator.key,
                    "indicator_text": indicator.text,
                    "met": indicator.counts[MET],
                    "improvement": indicator.counts[IMPROVEMENT],
                    "not_assessed": indicator.counts[NOT_ASSESSED],
                    "met_pct": indicator.shares[MET],
                    "improvement_pct": indicator.shares[IMPROVEMENT],
                    "not_assessed_pct": indicator.shares[NOT_ASSESSED],
                    "approaches": report.approaches,
                    "assessed": indicator.assessed,
                    "met_pct_of_assessed": indicator.percent_met,
                    "improvement_pct_of_assessed": indicator.percent_improvement,
                }
            )
    return rows


def characteristic_rows(report: AggregateReport) -> list[dict[str, Any]]:
    """Per characteristic and answer: how many approaches, as a percentage of those with an answer."""
    return [
        {
            "characteristic": c.key,
            "question": c.question,
            "figure": c.figure,
            "answer": a.value,
            "answer_text": a.label,
            "approaches": a.count,
            "pct": a.share,
            "answered": c.answered,
            "unknown": c.unknown,
        }
        for c in report.characteristics
        for a in c.answers
    ]


def to_csv(report: AggregateReport) -> bytes:
    return csv_export.to_bytes(
        [HEADERS[c] for c in COLUMNS], ([row[c] for c in COLUMNS] for row in export_rows(report))
    )


def description(report: AggregateReport) -> list[tuple[str, str]]:
    """What the numbers are about, in words (the XLSX's second sheet)."""
    level = dict(InspectionLevel.choices).get(report.level, report.level)
    return [
        ("Overzicht", "Oordelen per indicator over de laatste gepubliceerde toezichtonderzoeken per aanpak"),
        ("Niveau", str(level)),
        ("Toetsingskader", report.framework.name if report.framework else "–"),
        ("Jaar", str(report.year) if report.year else "alle jaren (per aanpak het laatste onderzoek)"),
        ("Gemeente", report.municipality.name if report.municipality else "alle gemeenten"),
        ("Aantal aanpakken", str(report.approaches)),
        ("Aantal gemeenten", str(report.municipalities)),
        ("Gemaakt op", date_format(timezone.localtime(), "j F Y H:i")),
        ("Voldoet", "voldoet (✓)"),
        ("Verbeterpunt", "verbeterpunt (X)"),
        ("Niet getoetst", "niet getoetst (–), ook als het onderzoek de indicator niet beoordeelde"),
        ("… (% van alle aanpakken)", "percentage van het aantal aanpakken, één decimaal"),
        ("Getoetst", "aantal aanpakken dat op de indicator is getoetst (voldoet of verbeterpunt)"),
        (
            "… (% van getoetste aanpakken)",
            "percentage van de getoetste aanpakken, zoals de rapportage over 21 gemeenten (2013) telt: "
            "'23 van 28 aanpakken (82%)'; leeg als geen aanpak is getoetst",
        ),
        ("Kenmerken", "per kenmerk van de aanpak (figuur 3, 6 en 8) het aantal aanpakken per antwoord"),
    ]


def to_xlsx(report: AggregateReport) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Overzicht"
    sheet.append([HEADERS[c] for c in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in export_rows(report):
        sheet.append([row[column] for column in COLUMNS])
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell, Cell) and isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula, whatever the text starts with
    sheet.freeze_panes = "A2"
    widths = (14, 28, 40, 10, 70, 9, 13, 13, 16, 16, 16, 11, 10, 18, 18)
    for column, width in zip("ABCDEFGHIJKLMNO", widths, strict=True):
        sheet.column_dimensions[column].width = width
    about = workbook.create_sheet("Toelichting")
    for key, value in description(report):
        about.append([key, value])
    about.column_dimensions["A"].width = 18
    about.column_dimensions["B"].width = 90
    traits = workbook.create_sheet("Kenmerken")
    traits.append([HEADERS[c] for c in CHARACTERISTIC_COLUMNS])
    for cell in traits[1]:
        cell.font = Font(bold=True)
    for row in characteristic_rows(report):
        traits.append([row[column] for column in CHARACTERISTIC_COLUMNS])
    for column, width in zip("ABCDEFG", (7, 60, 24, 11, 16, 11, 9), strict=True):
        traits.column_dimensions[column].width = width
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def filename(report: AggregateReport, extension: str) -> str:
    level = "beleidsniveau" if report.level == InspectionLevel.POLICY else "casusniveau"
    parts = ["overzicht", level, str(report.year) if report.year else "laatste"]
    return "-".join(parts) + "." + extension
