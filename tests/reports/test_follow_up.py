"""The Zwolle follow-up of improvement points: indicator, 2013 finding, 2014 finding, per approach section."""

import pytest

from gezinsregie.reports.parsing import FollowUpRow, FrameworkSpec, ReportParseError, parse_follow_up

MET, IMPROVEMENT, NOT_ASSESSED = "met", "improvement", "not_assessed"

# (section, indicators, judgement 2013, judgement 2014), by hand from the document.
# Section 1 is Bijzondere Doelgroepen, section 2 Bemoeizorg Jeugd.
EXPECTED = [
    (1, ["B1.a.1"], IMPROVEMENT, NOT_ASSESSED),
    (1, ["B1.a.2"], IMPROVEMENT, MET),
    (1, ["B3.a.5", "B3.a.6", "B3.a.7"], IMPROVEMENT, MET),  # three texts concatenated in one cell
    (1, ["B3.b.2"], IMPROVEMENT, IMPROVEMENT),
    (1, ["B3.d.2"], IMPROVEMENT, MET),
    (1, ["B4.b.1"], IMPROVEMENT, MET),
    (1, ["B5.b.1"], IMPROVEMENT, IMPROVEMENT),
    (2, ["B1.a.2"], IMPROVEMENT, NOT_ASSESSED),  # "- STJ heeft dit punt niet kunnen (her)toetsen"
    (2, ["B3.a.4", "B3.a.5", "B3.a.6", "B3.a.7"], IMPROVEMENT, MET),  # four rows, findings in the first only
    (2, ["B3.b.2"], IMPROVEMENT, IMPROVEMENT),
    (2, ["B3.d.2"], IMPROVEMENT, MET),
    (2, ["B5.b.1"], IMPROVEMENT, IMPROVEMENT),
    (2, ["B5.c.1"], IMPROVEMENT, IMPROVEMENT),
]


@pytest.fixture(scope="module")
def rows(follow_up_text: str, framework_spec: FrameworkSpec) -> list[FollowUpRow]:
    return parse_follow_up(follow_up_text, framework_spec)


def test_every_row_has_its_indicators_and_both_judgements(rows: list[FollowUpRow]) -> None:
    actual = [
        (row.section, row.indicators, *(findings[0].judgement for findings in (row.earlier, row.later))) for row in rows
    ]
    assert actual == EXPECTED
    assert all(len(row.earlier) == len(row.later) == 1 for row in rows)
    assert all(row.unmatched == [] for row in rows)
    assert {(row.earlier_label, row.later_label) for row in rows} == {("2013", "2014")}
    assert [row.theme for row in rows] == [row[1][0][:2] for row in EXPECTED]


def test_paragraphs_and_notes_in_follow_up_cells(rows: list[FollowUpRow]) -> None:
    b4b1 = rows[5]
    assert b4b1.earlier[0].text.startswith("De gemeente noemt een groot aantal relevante netwerkpartners")
    assert b4b1.earlier[0].text.endswith("Woningbouw-organisaties, Sociale zaken gemeente.")
    assert b4b1.later[0].text.count("\n\n") == 1 and "NB: In het onderzoek op casusniveau" in b4b1.later[0].text
    bemoeizorg_b3d2 = rows[10]
    assert bemoeizorg_b3d2.later[0].notes == [
        "De (daadwerkelijke) inzet van dwang en drang heeft STJ benoemd als verbeterpunt op casusniveau, "
        "gebaseerd op de onderzochte casuïstiek."
    ]
    assert "LET OP" not in bemoeizorg_b3d2.later[0].text
    assert rows[0].as_dict()["earlier"] == [
        {
            "judgement": "improvement",
            "text": "De gemeente en de netwerkpartners hanteren afwijkende omschrijvingen van de doelgroep voor de "
            "aanpak Bijzondere doelgroepen.",
            "notes": [],
        }
    ]


def test_the_same_format_with_tabs_and_an_unknown_indicator(framework_spec: FrameworkSpec) -> None:
    text = (
        "Toeleiding\n\nIndicator\t2013\t2014\n"
        "De gemeente heeft zicht op de populatie GGSR\tX Geen beeld.\t✓ Wel beeld.\n"
        "Iets wat geen indicator is\tX Oud.\tX Nieuw.\n"
    )
    rows = parse_follow_up(text, framework_spec)
    assert [(row.indicators, row.unmatched) for row in rows] == [
        (["B1.a.2"], []),
        ([], ["regel 5: indicator niet herkend: 'Iets wat geen indicator is'"]),
    ]
    assert rows[1].earlier[0].text == "Oud."


@pytest.mark.parametrize(
    "text", ["", "   \n", "Gewoon een brief zonder tabel.", "Criteria\tIndicatoren\tBevindingen\n"]
)
def test_documents_without_a_follow_up_table_are_refused(framework_spec: FrameworkSpec, text: str) -> None:
    with pytest.raises(ReportParseError):
        parse_follow_up(text, framework_spec)


def test_a_factsheet_is_not_a_follow_up(factsheet_text: str, framework_spec: FrameworkSpec) -> None:
    with pytest.raises(ReportParseError, match="kopregel 'Indicator"):
        parse_follow_up(factsheet_text, framework_spec)
