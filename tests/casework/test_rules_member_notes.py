"""Sensible limits on a family's composition, per member (casework.rules.member_notes; issue 14 §3). Pure."""

from datetime import date

from gezinsregie.casework import rules
from gezinsregie.casework.rules import MemberInput, MemberNote

TODAY = date(2025, 11, 12)


def parent(name: str = "Sanne", born: date = date(1985, 3, 1)) -> MemberInput:
    return MemberInput(name, "Zwartbroek", born, "parent")


def child(name: str = "Anna", born: date = date(2015, 9, 1)) -> MemberInput:
    return MemberInput(name, "Zwartbroek", born, "child")


def test_a_plausible_family_has_no_notes() -> None:
    assert rules.member_notes([parent(), child()], today=TODAY) == []


def test_a_birth_date_in_the_future_is_an_error_on_that_member() -> None:
    [note] = rules.member_notes([parent(), child(born=date(2025, 11, 13))], today=TODAY)
    assert note == MemberNote(1, "birth_date", "De geboortedatum van Anna ligt in de toekomst.")
    assert not note.warning
    assert rules.blocking([note], confirmed={1}) == [note]  # an error is never confirmed away


def test_a_parent_of_sixteen_is_a_warning_to_confirm() -> None:
    [note] = rules.member_notes([parent(born=date(2009, 6, 1)), child(born=date(2025, 10, 1))], today=TODAY)
    assert note == MemberNote(0, "birth_date", "Sanne is 16 jaar en als ouder opgegeven. Klopt dit?", True)
    assert rules.blocking([note]) == [note]
    assert rules.blocking([note], confirmed={0}) == []
    assert rules.blocking([note], confirmed={1}) == [note]  # confirming another member does not count


def test_a_parent_turning_eighteen_tomorrow_is_still_asked_about_and_today_not() -> None:
    assert rules.member_notes([parent(born=date(2007, 11, 13))], today=TODAY)[0].warning
    assert rules.member_notes([parent(born=date(2007, 11, 12))], today=TODAY) == []


def test_a_child_older_than_a_parent_is_a_warning_beside_the_child() -> None:
    [note] = rules.member_notes([parent(born=date(1990, 1, 1)), child(born=date(1980, 1, 1))], today=TODAY)
    assert (note.index, note.field, note.warning) == (1, "birth_date", True)
    assert note.message.startswith("Anna is als kind opgegeven maar is niet jonger dan ouder Sanne.")


def test_a_parent_only_ten_years_older_than_the_child_is_asked_about() -> None:
    notes = rules.member_notes([parent(born=date(1990, 1, 1)), child(born=date(2000, 6, 1))], today=TODAY)
    assert [n.message for n in notes] == ["Sanne was 10 jaar bij de geboorte van Anna. Klopt dit?"]
    twelve = rules.member_notes([parent(born=date(1990, 1, 1)), child(born=date(2002, 1, 1))], today=TODAY)
    assert twelve == []


def test_the_youngest_parent_is_compared_with_each_child() -> None:
    members = [parent("Sanne", date(1970, 1, 1)), parent("Kees", date(1995, 1, 1)), child("Anna", date(1990, 1, 1))]
    [note] = rules.member_notes(members, today=TODAY)
    assert "niet jonger dan ouder Kees" in note.message and note.index == 2


def test_a_member_over_110_is_asked_about() -> None:
    [note] = rules.member_notes([MemberInput("Opa", "Zwartbroek", date(1910, 1, 1), "other")], today=TODAY)
    assert note.warning and "115 jaar" in note.message


def test_an_impossible_birth_date_is_not_also_compared() -> None:
    notes = rules.member_notes([parent(born=date(2026, 1, 1)), child()], today=TODAY)
    assert [(n.index, n.warning) for n in notes] == [(0, False)]


def test_no_members_or_too_many_are_errors_of_the_family_as_a_whole() -> None:
    assert rules.member_notes([], today=TODAY) == [MemberNote(None, "", "Voeg minstens één gezinslid toe.")]
    [too_many] = rules.member_notes([child()] * (rules.MAX_MEMBERS + 1), today=TODAY)
    assert too_many.index is None and not too_many.warning


# --- why a professional does not see a family they had a relation with ----------------------------------------

SEEN = dict(
    left=False,
    closed=False,
    involvement_ended_on=None,
    involvement_end_reason="",
    involved=True,
    consent_signed=True,
    consent_withdrawn_on=None,
    consent_in_force=True,
    consent_covers_organisation=True,
)


def reason(**changes: object) -> str:
    return rules.hidden_reason(**(SEEN | changes))  # type: ignore[arg-type]


def test_the_true_reason_each() -> None:
    assert reason(closed=True, left=True).startswith("Het gezin is afgesloten")
    assert reason(left=True).startswith("Het gezin is uit de aanpak en in nazorg")
    ended = reason(involved=False, involvement_ended_on=date(2025, 10, 1), involvement_end_reason="overgedragen")
    assert ended == "Uw betrokkenheid is beëindigd op 1 oktober 2025 (overgedragen)."
    assert reason(involved=False).startswith("U heeft het gezin aangemeld")
    withdrawn = reason(
        consent_withdrawn_on=date(2025, 11, 1), consent_in_force=False, consent_covers_organisation=False
    )
    assert withdrawn == "Het gezin heeft zijn toestemming ingetrokken op 1 november 2025."
    assert reason(consent_signed=False, consent_in_force=False, consent_covers_organisation=False).startswith(
        "Er is nog geen toestemmingsverklaring"
    )
    assert (
        reason(consent_covers_organisation=False)
        == "De toestemmingsverklaring van het gezin noemt uw organisatie niet."
    )


def test_a_new_consent_after_a_withdrawn_one_is_not_called_withdrawn() -> None:
    text = reason(consent_withdrawn_on=date(2025, 9, 1), consent_in_force=True, consent_covers_organisation=False)
    assert text == "De toestemmingsverklaring van het gezin noemt uw organisatie niet."
