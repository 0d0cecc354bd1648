"""De-identification of free text (inspections/pseudonymise/deidentify.py): pure, without the library (detect=None)
unless a test says so; the library's own part is covered by test_pseudonymise_holds."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from gezinsregie.inspections.pseudonymise import deidentify as d
from gezinsregie.inspections.pseudonymise import library

WORDS = library.common_words()
NAMES = library.person_names()

FIRST = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéë", min_size=3, max_size=10).map(str.capitalize)
INFLECTIONS = st.sampled_from(["", "s", "'s", "’s", "je", "tje", "tjes", "ke", "pje"])
CASES = st.sampled_from([str, str.upper, str.lower, str.capitalize])


def clean(text: str, known: d.Known) -> str:
    return d.deidentify(text, known, detect=None, words=WORDS, names=NAMES)


@given(FIRST, INFLECTIONS, CASES, st.sampled_from(["", "Gisteren belde ", "Afspraak met ", "- "]))
def test_a_known_name_in_any_inflection_and_case_never_survives(
    name: str, inflection: str, case: object, before: str
) -> None:
    known = d.Known(names=(d.Name(name, "Ouder 1", first=True),))
    shown = case(name + inflection)  # type: ignore[operator]
    result = clean(f"{before}{shown} gaat naar school.", known)
    assert name.casefold() not in result.casefold().replace("ouder 1", "")
    assert "Ouder 1" in result and "school" in result


@given(FIRST)
def test_a_nickname_that_begins_a_known_first_name_is_hidden(name: str) -> None:
    nickname = name[:2]
    known = d.Known(names=(d.Name(name + "med", "Ouder 1", first=True),))
    result = clean(f"Vandaag belde {nickname} over de huur.", known)
    if nickname.casefold() not in WORDS and nickname.casefold() not in d.DOMAIN_WORDS:
        assert nickname not in result.split() and "Ouder 1" in result


def test_possessives_keep_their_meaning() -> None:
    known = d.Known(names=(d.Name("Sanne", "Ouder 2", first=True), d.Name("de Vries", d.NAME)))
    assert (
        clean("Sanne's broer en Sannes zus; de Vries' buurman.", known)
        == "Ouder 2's broer en Ouder 2's zus; [naam]' buurman."
    )


def test_a_known_address_takes_its_house_number_and_a_street_by_its_form_is_hidden() -> None:
    known = d.Known(names=(d.Name("Lindelaan", d.ADDRESS, place=True),))
    assert clean("Verhuisd van Lindelaan 14b naar de Kerkstraat 5 in de Vogelbuurt.", known) == (
        "Verhuisd van [adres] naar de [adres] in de [wijk]."
    )


def _with_check_digit(first: int) -> str | None:
    """Eight digits and the ninth that passes the 11-proef (weights 9..2 and -1), or None when none does."""
    digits = f"{first:08d}"
    total = sum(int(c) * w for c, w in zip(digits, range(9, 1, -1), strict=True))
    last = total % 11
    return None if last == 10 else digits + str(last)


def bsns() -> st.SearchStrategy[str]:
    # built to pass the 11-proef (filtering random numbers discards ten in eleven)
    found = st.integers(1_000_000, 99_999_999).map(_with_check_digit).filter(lambda b: b is not None)
    return found.filter(d.elfproef)  # type: ignore[arg-type]


@given(bsns(), st.sampled_from(["BSN {}", "bsn: {}", "burgerservicenummer {}.", "({})"]))
def test_a_bsn_never_survives(bsn: str, form: str) -> None:
    result = clean("Het " + form.format(bsn) + " staat in het dossier.", d.Known())
    assert bsn not in result and "[bsn]" in result


@given(st.integers(10_000_000, 99_999_999), st.sampled_from(["06-{}", "06 {}", "06{}", "+31 6 {}", "0031 6 {}"]))
def test_a_mobile_number_never_survives(number: int, form: str) -> None:
    result = clean(f"Bel haar op {form.format(number)} na vijven.", d.Known())
    assert str(number) not in result.replace(" ", "") and "[telefoonnummer]" in result


@given(
    st.dates(date(1900, 1, 1), date(2099, 12, 31)),
    st.sampled_from(["{d.day}-{d.month:02d}-{d.year}", "{d.day}/{d.month}/{d.year}", "{d:%Y-%m-%d}"]),
)
def test_an_exact_date_becomes_its_month_and_year(day: object, form: str) -> None:
    written = form.format(d=day)
    result = clean(f"Geboren op {written}, thuis.", d.Known())
    assert written not in result
    assert f"{d.MONTHS[day.month - 1]} {day.year}" in result  # type: ignore[attr-defined]


def test_written_dates_ages_e_mail_postcode_and_account() -> None:
    known = d.Known(names=(d.Name("Sanne", "Ouder 2", first=True),))
    text = "Sanne (36) mailde op 12 maart 2025 vanaf sanne.v@example.nl; 3512 AB, NL91ABNA0417164300, een 14-jarige."
    assert clean(text, known) == (
        "Ouder 2 ([leeftijd]) mailde op maart 2025 vanaf [e-mail]; [postcode], [rekeningnummer], een [leeftijd]-jarige."
    )


@given(
    st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=3, max_size=8)
    .map(str.capitalize)
    .filter(lambda w: w.casefold() not in WORDS | d.DOMAIN_WORDS)
)
def test_a_capitalised_word_it_cannot_vouch_for_is_hidden_inside_a_sentence(word: str) -> None:
    result = clean(f"De moeder sprak met {word} over de schulden.", d.Known())
    assert word not in result and "[weggelaten]" in result
    assert result.startswith("De moeder sprak met") and result.endswith("over de schulden.")


def test_the_unsure_rule_keeps_common_words_acronyms_vocabulary_and_sentence_starts() -> None:
    known = d.Known(organisations=("Politie Testdam",), vocabulary=frozenset({"financiën"}))
    text = "Schulden bij de GGZ en de Politie Testdam. Financiën: Moeder werkt. Met Pietersen gesproken; PIET belde."
    assert clean(text, known) == (
        "Schulden bij de GGZ en de Politie Testdam. Financiën: Moeder werkt. "
        "Met [weggelaten] gesproken; [weggelaten] belde."
    )
    assert d.begins_sentence("Zij belde. Bakker", 11) and not d.begins_sentence("Met mw. Bakker", 8)


def test_a_known_first_name_of_the_library_is_hidden_even_at_the_start_of_a_sentence() -> None:
    assert "jeroen" in NAMES and "moeder" not in NAMES - WORDS
    assert clean("Jeroen belde. Moeder ook.", d.Known()) == "[weggelaten] belde. Moeder ook."


def test_the_eleven_test() -> None:
    assert d.elfproef("123456782") and not d.elfproef("123456781") and not d.elfproef("000000000")
    assert d.number_kind("0612345678") == d.PHONE and d.number_kind("123456782") == d.BSN
    assert d.number_kind("1234567") == d.NUMBER and d.number_kind("123456") is None
