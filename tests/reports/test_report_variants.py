"""The report format's variations and the parser's refusals."""

import pytest

from gezinsregie.reports.parsing import FrameworkSpec, ReportParseError, parse_report

HEADER = "Criteria\tIndicatoren\tBevindingen"


def test_markdown_tables_read_like_tab_tables(factsheet_text: str, framework_spec: FrameworkSpec) -> None:
    lines = []
    for line in factsheet_text.splitlines():
        if "\t" in line:
            lines.append("| " + " | ".join(line.split("\t")) + " |")
            if line.startswith("Criteria"):
                lines.append("|---|---|---|")
        else:
            lines.append(line)
    as_markdown = parse_report("\n".join(lines), framework_spec)
    as_tabs = parse_report(factsheet_text, framework_spec)
    assert as_markdown.as_dict() == as_tabs.as_dict()


def test_typos_in_headings_criteria_and_indicators_are_tolerated(framework_spec: FrameworkSpec) -> None:
    text = "\n".join(
        [
            "Continue\t\t",
            HEADER,
            "De duur van de aanpak is toereikent\tDe afspraak is dat de intensieve zorg en ondersteuning doorlopen "
            "tot dat de problemen zijn opgelost of beheersbaar zijn.\t✓ Zo is het.",
            "De aanpak is flexiebel\tNetwerkpartners zorgen voor beschikbaarheid van zorg en ondersteuning voor de "
            "gezinnen binnen de aanpak\tX Niet zo. LET OP: echt niet.",
        ]
    )
    report = parse_report(text, framework_spec)
    assert [(row.criterion, row.indicators) for row in report.rows] == [("B5.a", ["B5.a.1"]), ("B5.b", ["B5.b.1"])]
    assert report.rows[1].findings[0].notes == ["echt niet."]
    assert report.unmatched == []


def test_a_lost_tab_between_indicator_and_finding_is_repaired(framework_spec: FrameworkSpec) -> None:
    text = f"Toeleiding\n{HEADER}\nGGSR zijn in beeld\tDe gemeente heeft zicht op de populatie GGSR X Geen zicht.\n"
    report = parse_report(text, framework_spec)
    assert [(row.indicators, [f.judgement for f in row.findings]) for row in report.rows] == [
        (["B1.a.2"], ["improvement"])
    ]


def test_a_lost_tab_between_criterion_and_indicator_keeps_the_criterion_words_visible(
    framework_spec: FrameworkSpec,
) -> None:
    text = f"{HEADER}\nGGSR zijn in beeld De gemeente heeft zicht op de populatie GGSR\t✓ Wel zicht.\n"
    report = parse_report(text, framework_spec)
    assert [row.indicators for row in report.rows] == [["B1.a.2"]]
    assert report.unmatched == ["regel 2: tekst niet herkend naast B1.a.2: 'GGSR zijn in beeld'"]


def test_rows_that_match_nothing_are_reported_never_dropped(framework_spec: FrameworkSpec) -> None:
    text = "\n".join(
        [
            "Toeleiding",
            HEADER,
            "GGSR zijn in beeld\tDe gemeente heeft zicht op de populatie GGSR\t✓ Ja.",
            "\tDe wethouder fietst graag op zondag\tX Helaas.",
            "Onbekend criterium\t\t",
            "\tDe netwerkpartners weten waar gezinnen voor de aanpak kunnen worden aangemeld\tGeen symbool.",
        ]
    )
    report = parse_report(text, framework_spec)
    assert [row.indicators for row in report.rows] == [["B1.a.2"], ["B1.b.1"]]
    assert report.rows[1].findings == []
    assert report.unmatched == [
        "regel 4: indicator niet herkend: 'De wethouder fietst graag op zondag' — bevinding: 'X Helaas.'",
        "regel 5: criterium niet herkend: 'Onbekend criterium'",
        "regel 6: bevinding zonder oordeel (✓/X/–) bij B1.b.1: 'Geen symbool.'",
    ]


def test_a_row_with_only_findings_continues_the_row_above(framework_spec: FrameworkSpec) -> None:
    text = "\n".join(
        [
            HEADER,
            "GGSR zijn in beeld\tDe gemeente heeft zicht op de populatie GGSR\t✓ Ja.",
            "\t\tLET OP: maar niet overal.",
            "Wel een vervolgregel zonder tab.",
        ]
    )
    report = parse_report(text, framework_spec)
    assert [(f.text, f.notes) for f in report.rows[0].findings] == [
        ("Ja.\n\nWel een vervolgregel zonder tab.", ["maar niet overal."])
    ]


def test_without_aanpak_line_the_quoted_approach_or_none(framework_spec: FrameworkSpec) -> None:
    row = "GGSR zijn in beeld\tDe gemeente heeft zicht op de populatie GGSR\t✓ Ja."
    quoted = parse_report(f"STJ heeft de aanpak ‘Wijkteams Noord’ getoetst.\n{HEADER}\n{row}", framework_spec)
    assert quoted.approach == "Wijkteams Noord"
    titled = parse_report(
        f"Nota van Bevindingen Zwolle, Aanpak Bijzondere doelgroepen\n{HEADER}\n{row}", framework_spec
    )
    assert titled.approach == "Bijzondere doelgroepen"
    assert parse_report(f"{HEADER}\n{row}", framework_spec).approach is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "leeg"),
        ("  \n\t\n", "leeg"),
        ("%PDF-1.4\x00\x01\x02 binary", "geen leesbare tekst"),
        ("Een brief zonder tabel.\nMet twee regels.", "kopregel 'Criteria – Indicatoren – Bevindingen' ontbreekt"),
        (f"Toeleiding\n{HEADER}\n\nEinde.", "geen rijen"),
        (f"{HEADER}\nA\tB\tC\nD\tE\tF", "Geen enkele indicator"),
    ],
)
def test_unreadable_input_is_refused_with_a_dutch_message(
    framework_spec: FrameworkSpec, text: str, message: str
) -> None:
    with pytest.raises(ReportParseError, match=message):
        parse_report(text, framework_spec)


def test_non_text_input_is_refused(framework_spec: FrameworkSpec, factsheet_text: str) -> None:
    with pytest.raises(ReportParseError, match="geen tekst"):
        parse_report(42, framework_spec)  # type: ignore[arg-type]
    with pytest.raises(ReportParseError, match="geen UTF-8"):
        parse_report(b"\xff\xfe\x00", framework_spec)  # type: ignore[arg-type]
    assert parse_report(factsheet_text.encode(), framework_spec).level == "policy"  # type: ignore[arg-type]


def test_a_framework_without_indicators_is_refused(factsheet_text: str) -> None:
    from gezinsregie.reports.parsing import FrameworkSpec as Spec

    with pytest.raises(ReportParseError, match="geen indicatoren"):
        parse_report(factsheet_text, Spec(key="leeg", name="Leeg"))


def test_windows_line_endings_and_a_byte_order_mark_change_nothing(
    factsheet_text: str, framework_spec: FrameworkSpec
) -> None:
    windows = "\ufeff" + factsheet_text.replace("\n", "\r\n")
    assert parse_report(windows, framework_spec).as_dict() == parse_report(factsheet_text, framework_spec).as_dict()


def test_a_later_table_without_its_header_row_is_still_read(nota_text: str, framework_spec: FrameworkSpec) -> None:
    full = parse_report(nota_text, framework_spec)
    lines = nota_text.splitlines()
    last_header = max(i for i, line in enumerate(lines) if line.startswith("Criteria\tIndicatoren"))
    without = parse_report("\n".join(lines[:last_header] + lines[last_header + 1 :]), framework_spec)
    assert without.as_dict() == full.as_dict()


def test_the_follow_up_document_is_not_a_report(follow_up_text: str, framework_spec: FrameworkSpec) -> None:
    with pytest.raises(ReportParseError, match="kopregel"):
        parse_report(follow_up_text, framework_spec)
