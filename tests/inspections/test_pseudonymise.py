"""Pseudonymisation: pure, on plain values, without the library (detect=None: deduce takes seconds to load; it is
used in test_pseudonymise_holds, which renders the page). The rendered page is tested in test_views too."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from gezinsregie.inspections import pseudonymise as p

TODAY = date(2025, 6, 1)


def case(**changes: object) -> p.CaseIn:
    members = (
        p.PersonIn(1, "Sanne", "de Vries", date(1988, 4, 2), "parent"),
        p.PersonIn(2, "Mohamed", "El Amrani", date(1985, 1, 9), "parent"),
        p.PersonIn(3, "Noah", "de Vries", date(2015, 9, 1), "child"),
        p.PersonIn(4, "Emma", "de Vries", date(2012, 6, 2), "child"),
        p.PersonIn(5, "Truus", "Pietersen", date(1950, 2, 3), "other"),
    )
    values: dict[str, object] = {
        "family_name": "Gezin De Vries",
        "address": "Lindelaan 12",
        "neighbourhood": "Noordhoek",
        "status": "actief",
        "registered_on": date(2025, 1, 6),
        "started_on": date(2025, 1, 20),
        "has_coordinator": True,
        "coordinator_organisation": "Wijkteam Noord",
        "members": members,
        "problems": (
            p.ProblemIn(
                "Financiën", 1, "Sanne de Vries heeft schulden; Mohamed weet het niet", "ernstig", True, False, True
            ),
            p.ProblemIn("Wonen", None, "Huurachterstand Lindelaan  12, gezin de Vries", "matig", True, False, False),
        ),
        "goals": (
            p.GoalIn(
                "Emma gaat weer naar school",
                "Onderwijs",
                4,
                1,
                "loopt",
                (
                    p.ActionIn("Oma Truus brengt Emma", "network", None, "", "Oma Truus", date(2025, 7, 1), "open"),
                    p.ActionIn("Gesprek met school", "professional", None, "Leerplicht", "", date(2025, 6, 15), "open"),
                    p.ActionIn("SANNE belt de school", "member", 1, "", "", date(2025, 6, 10), "gedaan"),
                ),
            ),
        ),
        "plan_version": 4,
        "plan_approved": True,
        "network_names": ("Oma Truus",),
    }
    values.update(changes)
    return p.CaseIn(**values)  # type: ignore[arg-type]


def rendered(out: p.CaseOut) -> str:
    return repr(out)


def test_members_become_ouder_and_kind_with_their_age() -> None:
    labels = p.member_labels(case().members, TODAY)
    assert labels == {
        2: "Ouder 1",
        1: "Ouder 2",
        4: "Kind 1 (12 jaar)",
        3: "Kind 2 (9 jaar)",
        5: "Gezinslid 1 (75 jaar)",
    }
    assert p.age(date(2015, 6, 2), TODAY) == 9 and p.age(date(2015, 6, 1), TODAY) == 10


def test_the_pseudonymised_case_has_no_name_address_or_birth_date() -> None:
    out = p.case_view(case(), pseudonym="Gezin A", full=False, today=TODAY, detect=None)
    text = rendered(out)
    for forbidden in (
        "Sanne",
        "SANNE",
        "Mohamed",
        "Noah",
        "Emma",
        "Truus",
        "Vries",
        "Amrani",
        "Pietersen",
        "Lindelaan",
        "Noordhoek",
        "1988",
        "2015-09-01",
        "1985",
    ):
        assert forbidden not in text, forbidden
    assert out.name == "Gezin A" and out.address == "" and out.pseudonymised
    assert [person.label for person in out.people] == [
        "Ouder 1",
        "Ouder 2",
        "Kind 1 (12 jaar)",
        "Kind 2 (9 jaar)",
        "Gezinslid 1 (75 jaar)",
    ]
    assert out.problems[0].who == "Ouder 2"
    assert out.problems[0].description == "Ouder 2 heeft schulden; Ouder 1 weet het niet"
    assert out.problems[1].description == "Huurachterstand [adres], het gezin"
    goal = out.goals[0]
    assert goal.description == "Kind 1 gaat weer naar school" and goal.who == "Kind 1"
    assert [(a.description, a.owner) for a in goal.actions] == [
        ("iemand uit het netwerk brengt Kind 1", "iemand uit het netwerk"),
        ("Gesprek met school", "professional (Leerplicht)"),
        ("Ouder 2 belt de school", "Ouder 2"),
    ]
    assert out.coordinator == "regisseur van Wijkteam Noord"
    assert out.days_to_start == 14 and out.months_running == 5


def test_a_full_mandate_shows_everything() -> None:
    out = p.case_view(case(), pseudonym="Gezin A", full=True, today=TODAY, detect=None)
    assert out.name == "Gezin De Vries" and out.address == "Lindelaan 12" and not out.pseudonymised
    assert out.people[1].detail == "Sanne de Vries, geboren 02-04-1988"
    assert out.problems[0].description.startswith("Sanne de Vries heeft schulden")
    assert out.goals[0].actions[0].owner == "iemand uit het netwerk: Oma Truus"


def test_names_inside_lowercase_words_are_left_alone_but_inflections_and_streets_are_not() -> None:
    labels = p.member_labels(case().members, TODAY)
    scrubbed = p.scrub("Emmaplein en Sanneke; Emma. Een emmer en sannering.", case(), labels, detect=None)
    assert scrubbed == "[adres] en Ouder 2; Kind 1. Een emmer en sannering."


# Letters whose upper and lower case map one to one (not "ß" → "SS", "İ" → "i̇"): what a regex can match case-blind.
NAMES = st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll")), min_size=2, max_size=10).filter(
    lambda s: len(s.upper()) == len(s.lower()) == len(s) and s.upper().lower() == s.lower()
)


@given(NAMES, NAMES, st.text(max_size=40))
def test_a_members_name_never_survives_in_free_text(first: str, last: str, filler: str) -> None:
    member = p.PersonIn(1, first, last, date(1990, 1, 1), "parent")
    c = case(members=(member,), network_names=(), family_name=f"Gezin {last}", address="")
    text = f"{filler} {first} {last} {filler} {first.upper()}."
    scrubbed = p.scrub(text, c, p.member_labels(c.members, TODAY), detect=None)
    words = scrubbed.lower().replace(".", " ").split()
    if first.lower() not in filler.lower().split():
        assert first.lower() not in words
    assert "Ouder 1" in scrubbed
