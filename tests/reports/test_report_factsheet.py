"""The Oosterhout factsheet (policy level): every table row, written out by hand from the document."""

import json

import pytest

from gezinsregie.reports.parsing import FrameworkSpec, ParsedReport, parse_report

MET, IMPROVEMENT = "met", "improvement"

# (criterion, indicators, judgements of its findings in order) — one tuple per table row of the factsheet
EXPECTED_ROWS = [
    # Toeleiding
    ("B1.a", ["B1.a.1"], [MET]),
    ("B1.a", ["B1.a.2"], [IMPROVEMENT]),
    ("B1.b", ["B1.b.1"], [MET]),
    ("B1.b", ["B1.b.2"], [MET]),
    # Gezin centraal: three indicator texts concatenated in one cell, one finding
    ("B2.a", ["B2.a.1", "B2.a.2", "B2.a.3"], [MET]),
    # Aanpak: three indicators with three <p> findings ✓ ✗ ✓; then four indicators with one finding
    ("B3.a", ["B3.a.1", "B3.a.2", "B3.a.3"], [MET, IMPROVEMENT, MET]),
    ("B3.a", ["B3.a.4", "B3.a.5", "B3.a.6", "B3.a.7"], [MET]),
    ("B3.b", ["B3.b.1"], [MET]),
    ("B3.b", ["B3.b.2"], [IMPROVEMENT]),
    ("B3.b", ["B3.b.3"], [MET]),
    ("B3.c", ["B3.c.1"], [MET]),  # printed as "werken met en gezamenlijk plan per gezin"
    ("B3.c", ["B3.c.2"], [MET]),
    # Aanpak (vervolg)
    ("B3.d", ["B3.d.1"], [MET]),
    ("B3.d", ["B3.d.2"], [IMPROVEMENT]),
    # Samenwerking
    ("B4.a", ["B4.a.1"], [MET]),
    ("B4.a", ["B4.a.2"], [MET]),
    ("B4.b", ["B4.b.1"], [MET]),
    ("B4.b", ["B4.b.2"], [IMPROVEMENT]),
    ("B4.b", ["B4.b.3"], [MET]),
    ("B4.c", ["B4.c.1"], [MET]),
    # Continu
    ("B5.a", ["B5.a.1"], [IMPROVEMENT]),
    ("B5.b", ["B5.b.1"], [IMPROVEMENT]),
    ("B5.c", ["B5.c.1"], [MET]),
]

# (indicator of the row, index of the finding) → its LET OP notes; every other finding has none
EXPECTED_NOTES = {
    ("B3.a.1", 0): ["Dit beleid is niet specifiek voor de groep GGSR."],
    ("B3.b.1", 0): ["Eén van de netwerkpartijen geeft aan dat die persoon er niet is."],
    ("B3.c.1", 0): [
        "De gemeente en de belangrijkste uitvoerende partij geven daarbij aan dat het plan niet altijd leidend "
        "is voor het handelen."
    ],
    ("B4.c.1", 0): [
        "De informatie uit het gezamenlijke registratiesysteem is niet altijd voor iedere hulpverlener op elk "
        "moment beschikbaar."
    ],
}


@pytest.fixture(scope="module")
def report(factsheet_text: str, framework_spec: FrameworkSpec) -> ParsedReport:
    return parse_report(factsheet_text, framework_spec)


def test_the_factsheet_is_a_policy_level_report_of_the_gezinsmanager(report: ParsedReport) -> None:
    assert report.level == "policy"
    assert report.approach == "Gezinsmanager"
    assert report.respondents == ["Multivision", "GGD West-Brabant", "Surplus Welzijn"]
    assert report.unmatched == []


def test_every_row_has_the_indicators_and_judgements_of_the_document(report: ParsedReport) -> None:
    actual = [(row.criterion, row.indicators, [f.judgement for f in row.findings]) for row in report.rows]
    assert actual == EXPECTED_ROWS
    assert [row.theme for row in report.rows] == [row[0].split(".")[0] for row in EXPECTED_ROWS]


def test_all_thirty_policy_indicators_are_covered_once(report: ParsedReport, framework_spec: FrameworkSpec) -> None:
    keys = [key for row in report.rows for key in row.indicators]
    policy = framework_spec.level("policy")
    assert policy is not None
    assert keys == [i.key for _, c in policy.criteria() for i in c.indicators]


def test_let_op_notes_belong_to_their_finding_and_leave_its_text(report: ParsedReport) -> None:
    for row in report.rows:
        for position, finding in enumerate(row.findings):
            assert finding.notes == EXPECTED_NOTES.get((row.indicators[0], position), [])
            assert "LET OP" not in finding.text
            assert finding.text and finding.text[0] not in "✓✗X–-" and finding.text == finding.text.strip()


def test_finding_texts_are_complete_and_without_their_symbol(report: ParsedReport) -> None:
    first = report.rows[0].findings[0]
    assert first.text == (
        "De gemeente en twee netwerkpartners geven aan dat het gaat om gezinnen met meervoudige en complexe "
        "problematiek."
    )
    b3a = report.rows[5].findings
    assert b3a[0].text.startswith("Aan het beleid van de gemeente wordt invulling gegeven")
    assert b3a[0].text.endswith("beperkingen die hij ondervindt in het dagelijkse leven.")
    assert (
        b3a[1].text
        == "De gemeente geeft aan dat er nog geen sprake is van een gezamenlijke visie op de aanpak voor GGSR."
    )
    assert report.rows[-1].findings[0].text.endswith("de gezinsmanager weer wordt ingeschakeld.")


def test_the_json_shape_is_exactly_the_agreed_one(report: ParsedReport) -> None:
    data = json.loads(json.dumps(report.as_dict(), ensure_ascii=False))
    assert list(data) == ["level", "approach", "respondents", "rows", "unmatched"]
    assert data["rows"][1] == {
        "theme": "B1",
        "criterion": "B1.a",
        "indicators": ["B1.a.2"],
        "findings": [
            {
                "judgement": "improvement",
                "text": "De gemeente heeft geen zicht op de omvang van de doelgroep en de wijken waarin deze gezinnen "
                "zich met name bevinden.",
                "notes": [],
            }
        ],
    }
    assert data["rows"][5]["findings"][0]["notes"] == ["Dit beleid is niet specifiek voor de groep GGSR."]
