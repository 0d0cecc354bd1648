"""Bijlage 1 of the Maastricht nota van bevindingen (case level): every indicator row, by hand from the document."""

import pytest

from gezinsregie.reports.parsing import FrameworkSpec, ParsedReport, parse_report

MET, IMPROVEMENT, NOT_ASSESSED = "met", "improvement", "not_assessed"

EXPECTED = [
    # Toeleiding
    ("C1.a.1", MET),
    ("C1.a.2", MET),
    ("C1.a.3", MET),
    # Gezin Centraal (heading without tabs)
    ("C2.a.1", IMPROVEMENT),  # printed with a trailing dot
    ("C2.a.2", IMPROVEMENT),
    ("C2.a.3", MET),
    ("C2.a.4", IMPROVEMENT),
    ("C2.b.1", MET),
    ("C2.b.2", MET),
    ("C2.c.1", IMPROVEMENT),
    ("C2.c.2", IMPROVEMENT),
    ("C2.c.3", IMPROVEMENT),
    # Aanpak (<p> paragraphs)
    ("C3.a.1", MET),
    ("C3.a.2", MET),
    ("C3.a.3", IMPROVEMENT),
    ("C3.a.4", MET),
    ("C3.a.5", IMPROVEMENT),
    ("C3.b.1", MET),
    ("C3.b.2", MET),
    # Samenwerking
    ("C4.a.1", IMPROVEMENT),
    ("C4.a.2", MET),
    ("C4.a.3", MET),
    ("C4.a.4", MET),
    ("C4.a.5", MET),
    # Samenwerking (second table)
    ("C4.b.1", MET),
    ("C4.b.2", MET),
    ("C4.c.1", MET),  # "toereikend om: - Een probleemanalyse te maken - Doelen te bepalen - ..."
    ("C4.c.2", MET),
    # Continu
    ("C5.a.1", MET),
    ("C5.b.1", NOT_ASSESSED),
    ("C5.b.2", MET),
    ("C5.b.3", IMPROVEMENT),  # ✗
    ("C5.c.1", NOT_ASSESSED),
]


@pytest.fixture(scope="module")
def report(nota_text: str, framework_spec: FrameworkSpec) -> ParsedReport:
    return parse_report(nota_text, framework_spec)


def test_the_annex_is_a_case_level_report_of_the_integrale_aanpak(report: ParsedReport) -> None:
    assert report.level == "case"
    assert report.approach == "Integrale Aanpak"
    assert report.respondents == []
    assert report.unmatched == []


def test_every_case_indicator_has_its_own_row_and_judgement(report: ParsedReport) -> None:
    actual = [(row.indicators, [f.judgement for f in row.findings]) for row in report.rows]
    assert actual == [([key], [judgement]) for key, judgement in EXPECTED]
    assert [row.criterion for row in report.rows] == [key.rsplit(".", 1)[0] for key, _ in EXPECTED]
    assert all(not f.notes for row in report.rows for f in row.findings)


def test_the_table_of_contents_and_the_criteria_overview_are_not_rows(report: ParsedReport) -> None:
    assert min(row.line for row in report.rows) > 459  # everything comes from Bijlage 1


def test_paragraphs_without_symbol_continue_the_finding(report: ParsedReport) -> None:
    by_key = {row.indicators[0]: row.findings for row in report.rows}
    assert by_key["C3.a.1"][0].text.endswith(
        "Het gezin is niet bij de eerste analyse betrokken.\n\n"
        "Er is voor het maken van de analyse een methodiek beschikbaar waarbij alle leefgebieden worden afgelopen."
    )
    paragraphs = by_key["C4.a.1"][0].text.split("\n\n")
    assert len(paragraphs) == 4
    assert "geen casemanager die de – inhoudelijke – regie voerde" in paragraphs[0]
    assert paragraphs[3].endswith("taken op zich te nemen die normaliter bij de casemanager belegd zouden worden.")
    assert by_key["C5.b.1"][0].text.startswith("In de onderzochte casussen is dit niet vastgesteld.")
