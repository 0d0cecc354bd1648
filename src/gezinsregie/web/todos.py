"""What needs attention on a family page, in words (issue 14 §4): the framework's unmet indicators turned into a
to-do list, each item saying what to do and where, without framework codes and without repeats.

Pure: indicator keys and evidence in, to-dos out; the view adds the links the actor may follow.
"""

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Todo:
    text: str  # what to do, in plain Dutch
    url_name: str  # where to act: a URL name taking family_id
    evidence: tuple[str, ...]  # what the casework data says, once each


# One to-do per place to act; several indicators (toetsingskader case level) lead to the same to-do. The words
# differ from the labels of the family page's buttons (Gezinsplan, Regisseur, Toestemming, ...): a link is
# found by its name, and two links of one name to one place read as a repeat.
TODO_OF: dict[str, tuple[str, str]] = {}
for _keys, _todo in [
    (("C1.a.2", "C1.a.3"), ("Beslis over de aanmelding en start de aanpak", "casework:triage")),
    (
        ("C1.a.1", "C2.a.1", "C2.b.1", "C3.a.1", "C3.a.4"),
        ("Maak de analyse van de problemen af, samen met het gezin", "casework:analysis"),
    ),
    (
        ("C2.a.2", "C2.a.3", "C3.a.2", "C3.a.3", "C4.b.2"),
        ("Werk het plan bij: een doel voor elk probleem, acties op tijd", "plans:detail"),
    ),
    (("C2.b.2", "C5.b.2", "C5.b.3"), ("Regel de zorg die het gezin nodig heeft", "casework:care")),
    (("C2.c.1", "C2.c.2", "C2.c.3"), ("Breng het sociale netwerk in kaart en geef het een rol", "casework:network")),
    (("C2.a.4", "C3.a.5"), ("Evalueer de resultaten met het gezin", "trajectory:overview")),
    (("C5.a.1", "C5.b.1", "C5.c.1"), ("Regel de afsluiting en de nazorg", "trajectory:overview")),
    (("C3.b.1", "C3.b.2"), ("Houd contact met het gezin en leg het vast", "casework:contacts")),
    (("C4.a.1", "C4.a.2"), ("Wijs iemand aan die de regie voert", "casework:coordinator")),
    (("C4.a.3", "C4.a.4", "C4.b.1"), ("Betrek de netwerkpartners die nodig zijn", "casework:involvements")),
    (("C4.a.5",), ("Schaal op waar de zorg stagneert", "casework:escalations")),
    (
        ("C4.c.1", "C4.c.2"),
        ("Laat het gezin tekenen voor het delen van informatie", "casework:consent"),
    ),
]:
    for _key in _keys:
        TODO_OF[_key] = _todo
OTHER = ("Bekijk wat volgens het toetsingskader nog ontbreekt", "casework:analysis")


def todos(unmet: Iterable[tuple[str, str]]) -> list[Todo]:
    """(indicator key, evidence) of every unmet indicator → one to-do per place to act, in the order of first
    appearance; the same evidence text is listed once."""
    order: list[tuple[str, str]] = []
    evidence: dict[tuple[str, str], list[str]] = {}
    for key, text in unmet:
        todo = TODO_OF.get(key, OTHER)
        if todo not in evidence:
            order.append(todo)
            evidence[todo] = []
        if text and text not in evidence[todo]:
            evidence[todo].append(text)
    return [Todo(text, url_name, tuple(evidence[(text, url_name)])) for text, url_name in order]


def plan_status(*, exists: bool, version: int = 0, approved_version: int | None = None) -> str:
    """The plan's state in words: none yet, being drawn up, agreed by the family, or changed since."""
    if not exists:
        return "Er is nog geen gezinsplan."
    if approved_version is None:
        return f"Versie {version}, nog niet met het gezin afgesproken."
    if version > approved_version:
        return f"Versie {version}; het gezin stemde in met versie {approved_version}, het plan is daarna gewijzigd."
    return f"Versie {version}, het gezin heeft ingestemd."
