"""The findings cell: symbols, paragraphs, continuations and LET OP notes."""

import pytest

from gezinsregie.reports.parsing import ParsedFinding, parse_findings
from gezinsregie.reports.parsing.findings import split_merged_cell


def judged(cell: str) -> list[tuple[str, str, list[str]]]:
    findings, orphans = parse_findings(cell)
    assert orphans == []
    return [(f.judgement, f.text, f.notes) for f in findings]


@pytest.mark.parametrize(
    ("symbol", "judgement"),
    [
        ("✓", "met"),
        ("✔", "met"),
        ("X", "improvement"),
        ("✗", "improvement"),
        ("✘", "improvement"),
        ("–", "not_assessed"),
        ("-", "not_assessed"),
        ("—", "not_assessed"),
    ],
)
def test_each_symbol_gives_its_judgement(symbol: str, judgement: str) -> None:
    assert judged(f"{symbol} De gemeente heeft zicht op de populatie.") == [
        (judgement, "De gemeente heeft zicht op de populatie.", [])
    ]


def test_paragraphs_each_open_a_finding_and_let_op_is_a_note_of_its_own_finding() -> None:
    cell = (
        "<p>✓ Aan het beleid wordt invulling gegeven. LET OP: Dit beleid is niet specifiek voor de groep GGSR.</p> "
        "<p>✗ Er is nog geen gezamenlijke visie.</p> <p>✓ Het doel is afname van criminaliteit.</p>"
    )
    assert judged(cell) == [
        ("met", "Aan het beleid wordt invulling gegeven.", ["Dit beleid is niet specifiek voor de groep GGSR."]),
        ("improvement", "Er is nog geen gezamenlijke visie.", []),
        ("met", "Het doel is afname van criminaliteit.", []),
    ]


def test_a_paragraph_without_symbol_continues_the_previous_finding() -> None:
    cell = "<p>✓ Alle problemen in kaart.</p> <p>Er is een methodiek beschikbaar.</p>"
    assert judged(cell) == [("met", "Alle problemen in kaart.\n\nEr is een methodiek beschikbaar.", [])]


def test_a_let_op_paragraph_is_a_note_and_later_paragraphs_continue_the_text() -> None:
    cell = (
        "<p>✓ Dwang en drang worden ingezet.</p> <p>LET OP: Wel een verbeterpunt op casusniveau.</p> "
        "<p>NB: zie ook.</p>"
    )
    assert judged(cell) == [
        ("met", "Dwang en drang worden ingezet.\n\nNB: zie ook.", ["Wel een verbeterpunt op casusniveau."])
    ]


def test_dashes_inside_a_sentence_do_not_open_a_finding() -> None:
    cell = "<p>X In twee gezinnen was er geen casemanager die de – inhoudelijke – regie voerde.</p>"
    assert judged(cell) == [
        ("improvement", "In twee gezinnen was er geen casemanager die de – inhoudelijke – regie voerde.", [])
    ]
    assert judged("✓ De gemeente – en dat is goed – voert regie. Maar - soms - niet.") == [
        ("met", "De gemeente – en dat is goed – voert regie. Maar - soms - niet.", [])
    ]


def test_several_inline_findings_in_one_cell() -> None:
    assert judged("✓ Er is beleid. X Er is geen visie. – Niet getoetst. ✗ Geen doelen ✓ wel resultaten") == [
        ("met", "Er is beleid.", []),
        ("improvement", "Er is geen visie.", []),
        ("not_assessed", "Niet getoetst.", []),
        ("improvement", "Geen doelen", []),
        ("met", "wel resultaten", []),
    ]


def test_text_without_a_judgement_is_kept_as_orphan() -> None:
    findings, orphans = parse_findings("Geen symbool hier. <p>LET OP: ook geen</p>")
    assert findings == []
    assert orphans == ["Geen symbool hier.", "LET OP: ook geen"]


def test_several_let_op_notes_and_entities() -> None:
    findings, _ = parse_findings("✓ A &amp; B. LET OP: eerste. LET OP : tweede.")
    assert findings == [ParsedFinding("met", "A & B.", ["eerste.", "tweede."])]


def test_an_empty_cell_has_no_findings() -> None:
    assert parse_findings("") == ([], [])
    assert parse_findings("<p></p> <p> </p>") == ([], [])


def test_a_lost_tab_between_indicator_and_findings_is_found_again() -> None:
    assert split_merged_cell("De doelen zijn met het gezin bepaald ✗ De doelen worden bepaald.") == (
        "De doelen zijn met het gezin bepaald",
        "✗ De doelen worden bepaald.",
    )
    assert split_merged_cell("De doelen zijn met het gezin bepaald X De doelen worden bepaald.") == (
        "De doelen zijn met het gezin bepaald",
        "X De doelen worden bepaald.",
    )
    assert split_merged_cell("Alleen een indicator") == ("Alleen een indicator", "")
