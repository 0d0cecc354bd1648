"""The aggregate report as CSV and XLSX: the same numbers as the page, one row per indicator. Numbers only.

CSV is for further processing (comma-separated, UTF-8, decimal point); XLSX is for a spreadsheet, with a second
sheet that says what the numbers are about and a third with the approaches' characteristics (figures 3, 6, 8).
The last three columns are the 21-municipality report's denominator: the approaches assessed on the indicator,
and met and improvement as a percentage of those (empty when none was assessed); the *_pct columns before them
stay percentages of all approaches.
"""

import csv
import io
from typing import Any

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font

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
    "characteristic",
    "question",
    "figure",
    "answer",
    "answer_text",
    "approaches",
    "pct",
    "answered",
    "unknown",
]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet would run these as a formula


def export_rows(report: AggregateReport) -> list[dict[str, Any]]:
    rows = []
    for theme in report.themes:
        for indicator in theme.indicators:
            rows.append(
                {
                    "level": report.level,
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


def _text(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def to_csv(report: AggregateReport) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in export_rows(report):
        writer.writerow({key: _text(value) for key, value in row.items()})
    return out.getvalue()


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
        ("Gemaakt op", timezone.localtime().strftime("%d-%m-%Y %H:%M")),
        ("met", "voldoet (✓)"),
        ("improvement", "verbeterpunt (X)"),
        ("not_assessed", "niet getoetst (–), ook als het onderzoek de indicator niet beoordeelde"),
        ("*_pct", "percentage van het aantal aanpakken, één decimaal"),
        ("assessed", "aantal aanpakken dat op de indicator is getoetst (voldoet of verbeterpunt)"),
        (
            "*_pct_of_assessed",
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
    sheet.append(COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in export_rows(report):
        sheet.append([row[column] for column in COLUMNS])
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell, Cell) and isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula, whatever the text starts with
    sheet.freeze_panes = "A2"
    widths = (10, 28, 40, 10, 70, 8, 12, 13, 9, 16, 17, 11, 10, 20, 27)
    for column, width in zip("ABCDEFGHIJKLMNO", widths, strict=True):
        sheet.column_dimensions[column].width = width
    about = workbook.create_sheet("Toelichting")
    for key, value in description(report):
        about.append([key, value])
    about.column_dimensions["A"].width = 18
    about.column_dimensions["B"].width = 90
    traits = workbook.create_sheet("Kenmerken")
    traits.append(CHARACTERISTIC_COLUMNS)
    for cell in traits[1]:
        cell.font = Font(bold=True)
    for row in characteristic_rows(report):
        traits.append([row[column] for column in CHARACTERISTIC_COLUMNS])
    for column, width in zip("ABCDEFGHI", (22, 60, 7, 12, 24, 11, 7, 9, 9), strict=True):
        traits.column_dimensions[column].width = width
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def filename(report: AggregateReport, extension: str) -> str:
    level = "beleidsniveau" if report.level == InspectionLevel.POLICY else "casusniveau"
    parts = ["overzicht", level, str(report.year) if report.year else "laatste"]
    return "-".join(parts) + "." + extension
