"""The pure inspection rules: no database."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from gezinsregie.inspections import rules, workflow
from gezinsregie.inspections.rules import MUNICIPALITY, NO, PARTLY, PARTNER, UNKNOWN, YES, FindingFact, IndicatorRef

# --- the disagreement summary -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "expected", "disagreement"),
    [
        # the BRIEF's example, as in the Oosterhout and Zwolle factsheets
        ([(MUNICIPALITY, YES), (PARTNER, NO), (PARTNER, NO), (PARTNER, YES)],
         "De gemeente zegt ja, 2 van 3 netwerkpartners zeggen nee en 1 zegt ja.", True),
        ([(MUNICIPALITY, YES), (PARTNER, YES), (PARTNER, YES), (PARTNER, YES)],
         "De gemeente en alle 3 netwerkpartners zeggen ja.", False),
        ([(MUNICIPALITY, NO), (PARTNER, YES), (PARTNER, YES)],
         "De gemeente zegt nee, beide netwerkpartners zeggen ja.", True),
        ([(MUNICIPALITY, YES)], "De gemeente zegt ja.", False),
        ([(PARTNER, PARTLY)], "De netwerkpartner zegt deels.", False),
        ([(MUNICIPALITY, YES), (PARTNER, UNKNOWN)], "De gemeente zegt ja, de netwerkpartner weet het niet.", False),
        ([(MUNICIPALITY, UNKNOWN), (PARTNER, UNKNOWN), (PARTNER, UNKNOWN)],
         "De gemeente en beide netwerkpartners weten het niet.", False),
        ([(MUNICIPALITY, YES), (PARTNER, NO), (PARTNER, PARTLY), (PARTNER, UNKNOWN), (PARTNER, NO)],
         "De gemeente zegt ja, 2 van 4 netwerkpartners zeggen nee, 1 zegt deels en 1 weet het niet.", True),
        ([(MUNICIPALITY, YES), (MUNICIPALITY, NO), (PARTNER, YES)],
         "1 van 2 gemeentelijke respondenten zegt ja en 1 zegt nee, de netwerkpartner zegt ja.", True),
        ([(MUNICIPALITY, ""), (PARTNER, NO)], "De netwerkpartner zegt nee.", False),
        ([], "Nog geen antwoorden.", False),
    ],
)  # fmt: skip
def test_the_summary_reads_like_a_factsheet(answers: list, expected: str, disagreement: bool) -> None:
    summary = rules.summarise_answers(answers)
    assert summary.text == expected
    assert summary.disagreement is disagreement


VALUES = st.sampled_from([YES, NO, PARTLY, UNKNOWN])
ANSWERS = st.lists(st.tuples(st.sampled_from([MUNICIPALITY, PARTNER]), VALUES), max_size=8)
WORD = {YES: "ja", NO: "nee", PARTLY: "deels", UNKNOWN: "niet"}


@given(ANSWERS, st.randoms())
def test_the_order_of_the_answers_does_not_matter(answers: list, random: object) -> None:
    shuffled = list(answers)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    assert rules.summarise_answers(shuffled) == rules.summarise_answers(answers)


@given(ANSWERS)
def test_disagreement_is_more_than_one_opinion_and_dont_know_is_none(answers: list) -> None:
    opinions = {value for _, value in answers if value != UNKNOWN}
    assert rules.summarise_answers(answers).disagreement is (len(opinions) > 1)


@given(ANSWERS)
def test_the_summary_counts_every_answer_once(answers: list) -> None:
    summary = rules.summarise_answers(answers)
    assert summary.total == len(answers)
    for kind in (MUNICIPALITY, PARTNER):
        assert sum(summary.counts.get(kind, {}).values()) == sum(1 for k, _ in answers if k == kind)


@given(ANSWERS.filter(bool))
def test_the_summary_is_one_sentence_naming_every_group_and_answer(answers: list) -> None:
    text = rules.summarise_answers(answers).text
    assert (text[0].isupper() or text[0].isdigit()) and text.endswith(".") and text.count(".") == 1
    words = text.lower()
    assert ("gemeente" in words) is any(k == MUNICIPALITY for k, _ in answers)
    assert ("netwerkpartner" in words) is any(k == PARTNER for k, _ in answers)
    for _, value in answers:
        assert WORD[value] in words.replace(",", " ").replace(".", " ").split()


@given(ANSWERS.filter(bool))
def test_a_split_group_says_how_many_of_how_many(answers: list) -> None:
    text = rules.summarise_answers(answers).text
    for kind, noun in ((MUNICIPALITY, "gemeentelijke respondenten"), (PARTNER, "netwerkpartners")):
        values = [v for k, v in answers if k == kind]
        if len(set(values)) > 1:
            assert f"van {len(values)} {noun}" in text
    if len({v for _, v in answers}) == 1:
        assert " van " not in text  # everyone agrees: no split


@given(st.lists(st.tuples(st.sampled_from([MUNICIPALITY, PARTNER]), st.just("")), max_size=5))
def test_unanswered_questions_are_no_answers(answers: list) -> None:
    assert rules.summarise_answers(answers).text == "Nog geen antwoorden."


# --- status -----------------------------------------------------------------------------------------------------------


def test_status_follows_the_level() -> None:
    workflow.check_transition(level="policy", current="draft", new="open")
    workflow.check_transition(level="policy", current="open", new="judging")
    workflow.check_transition(level="case", current="draft", new="judging")
    workflow.check_transition(level="case", current="judging", new="published")
    for level, current, new in [
        ("case", "draft", "open"),  # no questionnaire at case level
        ("policy", "draft", "judging"),
        ("policy", "draft", "published"),
        ("policy", "published", "judging"),
        ("case", "published", "draft"),
    ]:
        with pytest.raises(ValidationError):
            workflow.check_transition(level=level, current=current, new=new)


def test_unanswered_and_uncovered_keep_framework_order() -> None:
    assert rules.unanswered([3, 1, 2], {1: "yes", 2: ""}) == [3, 2]
    assert rules.uncovered(["B1.a.1", "B1.a.2", "B2.a.1"], {"B1.a.2"}) == ["B1.a.1", "B2.a.1"]


# --- findings ---------------------------------------------------------------------------------------------------------

A1, A2, B1 = IndicatorRef(1, "B1.a.1", 10), IndicatorRef(2, "B1.a.2", 10), IndicatorRef(3, "B1.b.1", 11)


def test_a_finding_covers_indicators_of_one_criterion_not_judged_elsewhere() -> None:
    ok = rules.finding_errors(
        indicators=[A1, A2], judgement="met", text="Voldoet.", covered_elsewhere={}, for_family=False
    )
    assert ok == {}
    errors = rules.finding_errors(
        indicators=[A1, B1], judgement="met", text="x", covered_elsewhere={1: "B1.a.1"}, for_family=False
    )
    assert errors["indicators"] == [
        "Een bevinding kan alleen indicatoren van één criterium omvatten.",
        "Deze indicatoren hebben al een oordeel in een andere bevinding: B1.a.1.",
    ]
    assert "indicators" in rules.finding_errors(
        indicators=[], judgement="met", text="x", covered_elsewhere={}, for_family=False
    )


def test_an_overall_judgement_needs_a_text_a_familys_not() -> None:
    assert "text" in rules.finding_errors(
        indicators=[A1], judgement="improvement", text=" ", covered_elsewhere={}, for_family=False
    )
    assert (
        rules.finding_errors(indicators=[A1], judgement="not_assessed", text="", covered_elsewhere={}, for_family=False)
        == {}
    )
    assert rules.finding_errors(indicators=[A1], judgement="met", text="", covered_elsewhere={}, for_family=True) == {}
    assert "judgement" in rules.finding_errors(
        indicators=[A1], judgement="", text="x", covered_elsewhere={}, for_family=False
    )


def test_attention_notes_are_paragraphs_without_their_prefix() -> None:
    typed = "LET OP: Dit beleid is niet\nspecifiek voor GGSR.\r\n\r\n\n\nEén partner  meldt iets anders.\n\n  "
    assert rules.attention_notes(typed) == ["Dit beleid is niet specifiek voor GGSR.", "Eén partner meldt iets anders."]
    assert rules.attention_notes("") == []


def test_a_finding_sits_at_its_first_indicator() -> None:
    assert rules.finding_order([7, 5, 9], {5: 12, 7: 3, 9: 20}) == 3
    assert rules.finding_order([], {}) == 0


# --- case level -------------------------------------------------------------------------------------------------------


def test_pseudonyms_run_a_to_z_and_on() -> None:
    assert [rules.pseudonym(i) for i in (0, 1, 25, 26, 27, 51, 52)] == [
        "Gezin A",
        "Gezin B",
        "Gezin Z",
        "Gezin AA",
        "Gezin AB",
        "Gezin AZ",
        "Gezin BA",
    ]


@given(st.integers(min_value=0, max_value=2000), st.integers(min_value=0, max_value=2000))
def test_pseudonyms_are_unique(a: int, b: int) -> None:
    assert (rules.pseudonym(a) == rules.pseudonym(b)) is (a == b)


def test_at_most_three_professionals_and_nothing_in_the_future() -> None:
    today = date(2025, 6, 1)
    assert (
        rules.interview_errors(
            kind="professional", held_on=today, today=today, existing_kinds=["family"] + ["professional"] * 2
        )
        == {}
    )
    errors = rules.interview_errors(
        kind="professional", held_on=date(2025, 6, 2), today=today, existing_kinds=["professional"] * 3
    )
    assert set(errors) == {"kind", "held_on"}
    assert rules.interview_errors(kind="family", held_on=today, today=today, existing_kinds=["professional"] * 3) == {}


# --- the Zwolle comparison --------------------------------------------------------------------------------------------


def fact(pk: int, keys: tuple[str, ...], judgement: str) -> FindingFact:
    return FindingFact(pk, keys, judgement, f"tekst {pk}")


def test_only_the_earlier_improvement_points_are_compared() -> None:
    earlier = [
        fact(1, ("B1.a.1",), "met"),
        fact(2, ("B1.a.2",), "improvement"),
        fact(3, ("B3.a.4", "B3.a.5", "B3.a.6"), "improvement"),
        fact(4, ("B3.b.2",), "improvement"),
    ]
    later = [
        fact(11, ("B1.a.2",), "met"),
        fact(12, ("B3.a.4",), "met"),
        fact(13, ("B3.a.5", "B3.a.6"), "met"),
        fact(14, ("B3.b.2",), "improvement"),
    ]
    rows = rules.comparison_rows(earlier, later)
    assert [r.indicator_keys for r in rows] == [("B1.a.2",), ("B3.a.4", "B3.a.5", "B3.a.6"), ("B3.b.2",)]
    assert [r.resolved for r in rows] == [True, True, False]
    assert [[f.pk for f in r.later] for r in rows] == [[11], [12, 13], [14]]


def test_a_point_is_resolved_only_when_all_its_indicators_are_met() -> None:
    assert rules.point_resolved(["a", "b"], {"a": "met", "b": "met"})
    assert not rules.point_resolved(["a", "b"], {"a": "met", "b": "not_assessed"})
    assert not rules.point_resolved(["a"], {})
    assert not rules.point_resolved([], {"a": "met"})


JUDGEMENTS = st.sampled_from(["met", "improvement", "not_assessed"])


@given(
    st.dictionaries(st.sampled_from(["k1", "k2", "k3", "k4"]), JUDGEMENTS),
    st.dictionaries(st.sampled_from(["k1", "k2", "k3", "k4"]), JUDGEMENTS),
)
def test_a_row_is_resolved_exactly_when_the_later_judgement_is_met(earlier: dict, later: dict) -> None:
    rows = rules.comparison_rows(
        [fact(n, (k,), j) for n, (k, j) in enumerate(sorted(earlier.items()))],
        [fact(100 + n, (k,), j) for n, (k, j) in enumerate(sorted(later.items()))],
    )
    assert [r.indicator_keys[0] for r in rows] == sorted(k for k, j in earlier.items() if j == "improvement")
    for row in rows:
        assert row.resolved is (later.get(row.indicator_keys[0]) == "met")
        assert len(row.later) == (1 if row.indicator_keys[0] in later else 0)
