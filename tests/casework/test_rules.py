"""Pure casework rules (casework/rules.py): plain values in, plain values out, no database."""

from datetime import date, timedelta

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from gezinsregie.casework import rules
from gezinsregie.casework.rules import MemberInput

TODAY = date(2025, 6, 15)


def parent(first_name: str = "Sanne", born: date = date(1985, 3, 1)) -> MemberInput:
    return MemberInput(first_name=first_name, last_name="de Vries", birth_date=born, relation="parent")


def child(first_name: str = "Anna", born: date = date(2015, 9, 1)) -> MemberInput:
    return MemberInput(first_name=first_name, last_name="de Vries", birth_date=born, relation="child")


# --- normalise_name ---


@pytest.mark.parametrize(
    "variant",
    [
        "de Vries-Bakker",
        "De Vries Bakker",
        "DE VRIES BAKKER",
        "Gezin de Vries-Bakker",
        "gezin  de vries bakker",
        "  Gezin De Vries - Bakker  ",
        "dé Vriës-Bâkker",
        "de Vries, Bakker.",
        "de 'Vries'/Bakker!",
    ],
)
def test_normalise_name_ignores_case_accents_punctuation_and_the_gezin_prefix(variant):
    assert rules.normalise_name(variant) == "de vries bakker"


def test_normalise_name_keeps_different_families_apart():
    assert rules.normalise_name("de Vries") != rules.normalise_name("de Vries-Bakker")
    assert rules.normalise_name("Jansen") != rules.normalise_name("Janssen")


def test_normalise_name_strips_gezin_only_as_a_prefix_word():
    assert rules.normalise_name("Gezinsma") == "gezinsma"  # a surname that starts with "gezin"
    assert rules.normalise_name("Bakker gezin") == "bakker gezin"


def test_normalise_name_of_only_punctuation_is_empty():
    assert rules.normalise_name(" -.,! ") == ""


@given(st.text().filter(lambda s: "gezin" not in s.lower()))
def test_normalise_name_is_idempotent_for_names_without_the_word_gezin(name):
    once = rules.normalise_name(name)
    assert rules.normalise_name(once) == once


name_parts = st.sampled_from(["Gezin", "gezin", "GEZIN", "de", "Vries", "Bakker", "é", " ", "  ", "-", ":", ".", ","])


@given(st.one_of(st.text(), st.lists(name_parts, max_size=8).map("".join)))
@example("Gezin: Jansen")  # the case that once broke it: punctuation after the prefix
def test_normalise_name_is_idempotent(name):
    once = rules.normalise_name(name)
    assert rules.normalise_name(once) == once


@pytest.mark.parametrize("variant", ["Gezin: Jansen", "Gezin, Jansen", "Gezin/Jansen", "-Gezin Jansen"])
def test_normalise_name_ignores_the_gezin_prefix_also_after_punctuation(variant):
    assert rules.normalise_name(variant) == rules.normalise_name("Jansen") == "jansen"


@given(st.text(alphabet=st.characters(codec="ascii", categories=["L", "N", "P", "Zs"])))
def test_normalise_name_is_case_insensitive_and_only_yields_lowercase_words(name):
    result = rules.normalise_name(name)
    assert result == rules.normalise_name(name.upper()) == rules.normalise_name(name.lower())
    assert all(word.isalnum() and word == word.lower() for word in result.split(" ") if result)
    assert "  " not in result and result == result.strip()


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=1).filter(lambda s: s.strip() and "gezin" not in s))
def test_normalise_name_ignores_the_gezin_prefix_for_any_name(name):
    assert rules.normalise_name(f"Gezin {name}") == rules.normalise_name(name)


# --- member_problems ---


def test_a_plausible_family_has_no_problems():
    assert rules.member_problems([parent(), child()], today=TODAY) == []


def test_a_single_adult_without_children_has_no_problems():
    assert rules.member_problems([parent()], today=TODAY) == []


def test_an_empty_family_is_refused():
    assert rules.member_problems([], today=TODAY) == ["Voeg minstens één gezinslid toe."]


def test_a_child_older_than_its_parent_is_named_in_a_dutch_message():
    problems = rules.member_problems([parent("Sanne", date(1990, 1, 1)), child("Anna", date(1980, 1, 1))], today=TODAY)

    assert problems == ["Anna is als kind opgegeven maar is niet jonger dan ouder Sanne. Controleer de geboortedata."]


def test_a_child_born_on_the_same_day_as_the_parent_is_refused():
    born = date(1990, 1, 1)
    [problem] = rules.member_problems([parent("Sanne", born), child("Anna", born)], today=TODAY)
    assert "Anna" in problem and "niet jonger" in problem


def test_a_child_born_one_day_after_the_parent_is_accepted():
    assert rules.member_problems([parent(born=date(1990, 1, 1)), child(born=date(1990, 1, 2))], today=TODAY) == []


def test_the_child_is_compared_with_the_youngest_parent():
    """Older than the young parent, younger than the old parent: still impossible."""
    members = [parent("Oma", date(1960, 1, 1)), parent("Sanne", date(1995, 1, 1)), child("Anna", date(1990, 1, 1))]

    [problem] = rules.member_problems(members, today=TODAY)

    assert problem.startswith("Anna ") and "ouder Sanne" in problem


def test_every_impossible_child_gets_its_own_message():
    members = [parent(born=date(1990, 1, 1)), child("Anna", date(1980, 1, 1)), child("Bram", date(1985, 1, 1))]
    problems = rules.member_problems(members, today=TODAY)
    assert [p.split(" ")[0] for p in problems] == ["Anna", "Bram"]


def test_other_relations_are_not_compared_by_age():
    opa = MemberInput(first_name="Opa", last_name="de Vries", birth_date=date(1940, 1, 1), relation="other")
    assert rules.member_problems([parent(born=date(1990, 1, 1)), opa], today=TODAY) == []


def test_a_birth_date_in_the_future_is_refused_and_today_is_not():
    future = child("Baby", TODAY + timedelta(days=1))
    born_today = child("Noor", TODAY)

    assert rules.member_problems([parent(), future], today=TODAY) == ["De geboortedatum van Baby ligt in de toekomst."]
    assert rules.member_problems([parent(), born_today], today=TODAY) == []


member_inputs = st.builds(
    MemberInput,
    first_name=st.text(max_size=20),
    last_name=st.text(max_size=20),
    birth_date=st.dates(),
    relation=st.sampled_from(["parent", "child", "other"]),
)


@given(st.lists(member_inputs, max_size=8), st.dates())
def test_member_problems_never_raises_and_returns_messages(members, today):
    problems = rules.member_problems(members, today=today)
    assert isinstance(problems, list)
    assert all(isinstance(p, str) and p for p in problems)
    assert bool(problems) >= (not members or any(m.birth_date > today for m in members))


# --- start_is_late ---


@pytest.mark.parametrize(("days", "late"), [(0, False), (29, False), (30, False), (31, True), (90, True)])
def test_start_is_late_after_the_norm_and_not_on_it(days, late):
    registered = date(2025, 1, 1)
    started = registered + timedelta(days=days)

    assert rules.start_is_late(registered_on=registered, started_on=started, today=TODAY, norm_days=30) is late


@pytest.mark.parametrize(("days", "late"), [(30, False), (31, True)])
def test_start_is_late_counts_until_today_when_not_started(days, late):
    registered = TODAY - timedelta(days=days)
    assert rules.start_is_late(registered_on=registered, started_on=None, today=TODAY, norm_days=30) is late


def test_start_is_late_uses_the_start_date_not_today_once_started():
    registered = date(2025, 1, 1)
    started = registered + timedelta(days=10)  # today is months later
    assert not rules.start_is_late(registered_on=registered, started_on=started, today=TODAY, norm_days=30)


def test_start_is_late_follows_the_approach_norm():
    registered = date(2025, 1, 1)
    started = registered + timedelta(days=15)
    assert rules.start_is_late(registered_on=registered, started_on=started, today=TODAY, norm_days=14)
    assert not rules.start_is_late(registered_on=registered, started_on=started, today=TODAY, norm_days=15)


# --- meets_ggsr_definition ---


@pytest.mark.parametrize(("count", "meets"), [(0, False), (3, False), (4, True), (7, True)])
def test_ggsr_needs_chronic_problems_on_at_least_four_domains(count, meets):
    domains = {f"domein-{i}" for i in range(count)}
    assert rules.meets_ggsr_definition(domains) is meets
    assert rules.GGSR_MINIMUM_DOMAINS == 4
