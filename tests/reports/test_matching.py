"""Matching document texts to framework_spec indicators: tolerant of typos, segmenting concatenated cells."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gezinsregie.reports.parsing import FrameworkSpec, match_indicator_text, segment_indicator_text
from gezinsregie.reports.parsing.matching import LevelIndex, ratio
from gezinsregie.reports.parsing.normalize import normalize
from tests.paths import FRAMEWORK_FILE


def test_normalisation_ignores_case_diacritics_punctuation_and_whitespace() -> None:
    assert normalize("  In de aanpak is er ÉÉN centrale persoon (de regisseur).") == (
        "in de aanpak is er een centrale persoon de regisseur"
    )
    assert normalize("Coördinatie") == "coordinatie"
    assert ratio("De probleemanalyse is met het gezin gemaakt.", "de probleemanalyse is met het gezin gemaakt") == 1.0


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # as printed in the seeds
        ("Uitgangspunt bij de aanpak is dat de netwerkpartners werken met en gezamenlijk plan per gezin", "B3.c.1"),
        ("De probleemanalyse is met het gezin gemaakt.", "C2.a.1"),
        ("De regisseur is bij het gezin betrokken voor de gehele duur van de aanpak.", "C4.a.2"),
        (
            "De beschikbare informatie over het gezin is toereikend om: - Een probleemanalyse te maken "
            "- Doelen te bepalen - De aanpak te bepalen",
            "C4.c.1",
        ),
        # typos, capitals, punctuation, lost diacritics
        ("Alle netwerkparners hantern dezelfde omschrijving van GGSR", "B1.a.1"),
        ("DE GEMEENTE HEEFT ZICHT OP DE POPULATIE GGSR!", "B1.a.2"),
        (
            "In de aanpak is er een centrale persoon voor het gezin die de intensieve zorg en ondersteuning "
            "aan het gezin op elkaar afstemd (de regiseur)",
            "B3.b.1",
        ),
        ("De doorzettingsmacht voor de regiseur is gereld", "B3.b.2"),
        ("De netwerkpartners evalueren de resultaten van de aanpak", "B3.a.5"),
        ("De gemeente evalueerd de resultaten van de aanpak", "B3.a.6"),
        ("Coordinatie: de gemeente voert regie op de aanpak voor GGSR", "B4.a.1"),
        ("Het gezin wordt niet los gelaten", "C3.b.2"),
        ("Uitgangspunt bij de aanpak is, dat het gezin niet wordt losgelaten", "B3.d.2"),
    ],
)
def test_typod_and_reformatted_indicator_texts_are_recognised(
    framework_spec: FrameworkSpec, text: str, key: str
) -> None:
    match = match_indicator_text(text, framework_spec)
    assert match is not None
    assert match[0] == key


@pytest.mark.parametrize(
    "text",
    ["De gemeente heeft een mooi stadhuis", "Bevindingen", "", "✓ ✓ ✓", "De aanpak"],
)
def test_unrelated_texts_match_nothing(framework_spec: FrameworkSpec, text: str) -> None:
    assert match_indicator_text(text, framework_spec) is None


def test_a_cell_of_concatenated_indicator_texts_is_split_in_framework_order(framework_spec: FrameworkSpec) -> None:
    cell = (
        "Binnen de aanpak wordt de eigen kracht van het gezin ondersteund en benut Binnen de aanpak wordt het "
        "sociale netwerk van het gezin benut Binnen de aanpak is de behoefte van het gezin uitgangspunt bij het "
        "bepalen wat nodig is"
    )
    match = segment_indicator_text(cell, framework_spec)
    assert (match.theme, match.criterion, match.indicators, match.unmatched) == (
        "B2",
        "B2.a",
        ("B2.a.1", "B2.a.2", "B2.a.3"),
        (),
    )


def test_a_concatenation_may_skip_indicators_and_carry_typos(framework_spec: FrameworkSpec) -> None:
    cell = (
        "De netwerkpartners evalueren de resultaten van de aanpak. De gemeente evalueert de resultaten van de "
        "aanpak. Op basis van de evalutie wordt het beleid gecontinueerd dan wel bijgesteld."
    )
    match = segment_indicator_text(cell, framework_spec, level="policy")
    assert match.indicators == ("B3.a.5", "B3.a.6", "B3.a.7")
    assert match.unmatched == ()


def test_words_that_fit_no_indicator_are_returned_not_dropped(framework_spec: FrameworkSpec) -> None:
    cell = "De gemeente heeft beleid voor de groep GGSR en verder iets heel anders over de gemeenteraad"
    match = segment_indicator_text(cell, framework_spec, level="policy")
    assert match.indicators == ("B3.a.1",)
    assert match.unmatched == ("en verder iets heel anders over de gemeenteraad",)


def test_nothing_matched_returns_the_whole_text(framework_spec: FrameworkSpec) -> None:
    match = segment_indicator_text("Iets heel anders", framework_spec)
    assert (match.criterion, match.indicators, match.unmatched) == (None, (), ("Iets heel anders",))


def test_level_decides_between_policy_and_case_wording(framework_spec: FrameworkSpec) -> None:
    policy = segment_indicator_text("Uitgangspunt bij de aanpak is dat het gezin niet wordt losgelaten", framework_spec)
    case = segment_indicator_text("Het gezin wordt niet losgelaten", framework_spec)
    assert policy.indicators == ("B3.d.2",)
    assert case.indicators == ("C3.b.2",)
    # the same criterion names exist on both levels: only the indicators tell them apart
    same = segment_indicator_text("De partijen die relevant zijn, maken deel uit van de aanpak", framework_spec)
    assert same.indicators == ("C4.b.1",)


def test_theme_headings_are_recognised_in_their_variants(framework_spec: FrameworkSpec) -> None:
    policy = LevelIndex(framework_spec.levels[0])
    assert [policy.theme_for_heading(h) for h in ["Toeleiding", "Gezin Centraal", "Aanpak", "De aanpak"]] == [
        "B1",
        "B2",
        "B3",
        "B3",
    ]
    assert [policy.theme_for_heading(h) for h in ["Samenwerking", "Continu", "Continue", "**Continu:**"]] == [
        "B4",
        "B5",
        "B5",
        "B5",
    ]
    for other in ["Vervolg bevindingen toezichtonderzoek", "Samenvatting", "Criteria", "", "Meer informatie"]:
        assert policy.theme_for_heading(other) is None


def test_criterion_names_and_context_break_near_ties(framework_spec: FrameworkSpec) -> None:
    policy = LevelIndex(framework_spec.levels[0])
    assert policy.criterion_for_name("Coördinatie") == "B4.a"
    assert policy.criterion_for_name("Een toegeruste regiseur") == "B3.b"
    assert policy.criterion_for_name("Iets anders") is None
    # "De aanpak is flexibel" exists in theme B5 only; with the theme as context the name still resolves
    assert policy.criterion_for_name("De aanpak is flexibel", "B5") == "B5.b"


_ALPHABET = "abcdefghijklmnopqrstuvwxyz"


@st.composite
def typod_indicator(draw: st.DrawFn) -> tuple[str, str, str]:
    """A framework_spec indicator text with one random typo (letter replaced, dropped or inserted)."""
    from gezinsregie.reports.parsing import framework_spec_from_yaml

    spec = framework_spec_from_yaml(FRAMEWORK_FILE)
    level = draw(st.sampled_from(spec.levels))
    indicator = draw(st.sampled_from([i for _, c in level.criteria() for i in c.indicators]))
    text = indicator.text
    position = draw(st.integers(0, len(text) - 1))
    letter = draw(st.sampled_from(_ALPHABET))
    kind = draw(st.sampled_from(["replace", "drop", "insert"]))
    typod = {
        "replace": text[:position] + letter + text[position + 1 :],
        "drop": text[:position] + text[position + 1 :],
        "insert": text[:position] + letter + text[position:],
    }[kind]
    return level.key, indicator.key, typod


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(typod_indicator())
def test_any_indicator_with_one_typo_is_still_itself(framework_spec: FrameworkSpec, case: tuple[str, str, str]) -> None:
    level, key, text = case
    match = match_indicator_text(text, framework_spec, level=level)
    assert match is not None and match[0] == key
    segmented = segment_indicator_text(text, framework_spec, level=level)
    assert segmented.indicators == (key,)
