"""What an inspector sees of a family: pure functions on plain values, no database.

Who sees what (policy INSPECT): an inspector sees only families that mandated the inspection, and unless the mandate's
scope is "full" it sees them pseudonymised: no names, no addresses, no birth dates. Members become "Ouder 1",
"Kind 2 (12 jaar)"; what remains is what the framework asks about: domains, problems, the plan's goals and
its actions with the role of whoever owns them. Free text is de-identified (deidentify.py): names in all
their forms, addresses, numbers, exact dates, and whatever the de-identifier is unsure about.
"""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from gezinsregie.casework.rules import age
from gezinsregie.common.formatting import long_date
from gezinsregie.inspections.pseudonymise import deidentify as d
from gezinsregie.inspections.pseudonymise import library

PARENT, CHILD = "parent", "child"
MEMBER_OWNER, PROFESSIONAL_OWNER, NETWORK_OWNER = "member", "professional", "network"
REDACTED_NAME = "[naam]"
REDACTED_ADDRESS = "[adres]"
NETWORK_PERSON = "iemand uit het netwerk"


@dataclass(frozen=True)
class PersonIn:
    key: int
    first_name: str
    last_name: str
    birth_date: date
    relation: str  # MemberRelation value


@dataclass(frozen=True)
class ProblemIn:
    domain: str
    member_key: int | None  # None: the whole family
    description: str
    severity: str
    chronic: bool
    own_strength_label: str
    family_participated: bool


@dataclass(frozen=True)
class ActionIn:
    description: str
    owner_kind: str
    owner_member_key: int | None
    owner_organisation: str  # for a professional: the organisation, never the person
    owner_name: str  # for a network person: a name, shown only with a full mandate
    due_on: date
    status: str


@dataclass(frozen=True)
class GoalIn:
    description: str
    domain: str
    member_key: int | None
    priority: int
    status: str
    actions: tuple[ActionIn, ...] = ()


@dataclass(frozen=True)
class CaseIn:
    family_name: str
    address: str
    neighbourhood: str
    status: str
    registered_on: date
    started_on: date | None
    has_coordinator: bool
    coordinator_organisation: str
    members: tuple[PersonIn, ...]
    problems: tuple[ProblemIn, ...]
    goals: tuple[GoalIn, ...]
    plan_version: int | None  # None: no plan
    plan_approved: bool
    network_names: tuple[str, ...] = ()  # names of network people, wherever they occur
    staff_names: tuple[str, ...] = ()  # professionals and partners who work or worked with the family
    neighbourhoods: tuple[str, ...] = ()  # the municipality's neighbourhoods (the approach's list)
    organisations: tuple[str, ...] = ()  # partner organisations: not persons, shown as they are
    domains: tuple[str, ...] = ()  # the life domains' names: words that may be shown capitalised
    interviews: tuple["InterviewIn", ...] = ()


@dataclass(frozen=True)
class InterviewIn:
    kind: str
    interviewee: str
    held_on: date
    summary: str


@dataclass(frozen=True)
class InterviewOut:
    kind: str
    interviewee: str
    held_on: str  # pseudonymised: month and year
    summary: str


@dataclass(frozen=True)
class PersonOut:
    label: str
    detail: str  # full mandate only: name and birth date


@dataclass(frozen=True)
class ProblemOut:
    domain: str
    who: str
    description: str
    severity: str
    chronic: bool
    own_strength_label: str
    family_participated: bool


@dataclass(frozen=True)
class ActionOut:
    description: str
    owner: str
    due_on: str  # pseudonymised: month and year ("juli 2025"); full: "1 juli 2025"
    status: str


@dataclass(frozen=True)
class GoalOut:
    description: str
    domain: str
    who: str
    priority: int
    status: str
    actions: tuple[ActionOut, ...]


@dataclass(frozen=True)
class CaseOut:
    pseudonymised: bool
    name: str  # the pseudonym, or with a full mandate the family's name
    address: str  # empty unless full
    neighbourhood: str  # empty unless full
    status: str
    days_to_start: int | None
    months_running: int | None
    coordinator: str
    people: tuple[PersonOut, ...]
    problems: tuple[ProblemOut, ...]
    goals: tuple[GoalOut, ...]
    plan_version: int | None
    plan_approved: bool
    interviews: tuple[InterviewOut, ...] = ()


def member_labels(members: Sequence[PersonIn], today: date) -> dict[int, str]:
    """Ouder 1, Ouder 2 (eldest first); Kind 1 (15 jaar), Kind 2 (12 jaar); Gezinslid 1 (70 jaar)."""
    labels: dict[int, str] = {}
    by_age = sorted(members, key=lambda m: (m.birth_date, m.key))
    for relation, noun, with_age in ((PARENT, "Ouder", False), (CHILD, "Kind", True), (None, "Gezinslid", True)):
        group = [m for m in by_age if (m.relation == relation if relation else m.relation not in (PARENT, CHILD))]
        for number, m in enumerate(group, start=1):
            labels[m.key] = f"{noun} {number}" + (f" ({age(m.birth_date, today)} jaar)" if with_age else "")
    return labels


def _short(label: str) -> str:
    return label.split(" (", 1)[0]  # "Kind 2 (12 jaar)" → "Kind 2" inside running text


def _first_and_last(full_name: str) -> tuple[str, str]:
    first, _, last = " ".join(full_name.split()).partition(" ")
    return first, last


def known_of(case: CaseIn, labels: dict[int, str], words: frozenset[str] = frozenset()) -> d.Known:
    """Every name the system knows for this case and what it becomes: a member by its label ("Ouder 2"),
    surnames and the family's name by [naam], network persons by "iemand uit het netwerk" (the words of
    their names by [naam]), staff by [medewerker], the address and street by [adres], the neighbourhoods
    by [wijk]. Words that are common Dutch words ("Oma" in "Oma Truus") are not names by themselves."""
    names: list[d.Name] = []

    def add(phrase: str, by: str, *, first: bool = False, place: bool = False) -> None:
        phrase = " ".join(phrase.split())
        if len(phrase) >= 2:
            names.append(d.Name(phrase, by, first=first, place=place))

    def add_person(full_name: str, by: str, part_by: str) -> None:
        add(full_name, by)
        for word in full_name.split():
            if word.casefold() not in words and word.casefold() not in d.DOMAIN_WORDS and len(word) >= 2:
                add(word, part_by, first=True)

    if case.address.strip():
        add(case.address, d.ADDRESS, place=True)
        for part in case.address.split(","):
            add(part, d.ADDRESS, place=True)
            street = re.sub(r"\s+\d.*$", "", part.strip())  # "Lindelaan 12 bis" → "Lindelaan"
            add(street, d.ADDRESS, place=True)
    for neighbourhood in (case.neighbourhood, *case.neighbourhoods):
        if neighbourhood.strip():
            add(neighbourhood, d.NEIGHBOURHOOD, place=True)
    for m in case.members:
        add(f"{m.first_name} {m.last_name}", _short(labels[m.key]))
    add(case.family_name, "het gezin")
    for m in case.members:
        add(m.first_name, _short(labels[m.key]), first=True)
        for word in m.first_name.split():
            add(word, _short(labels[m.key]), first=True)
        add(m.last_name, d.NAME)
        for part in d.surname_parts(m.last_name):
            add(part, d.NAME)
    surname = re.sub(r"^gezin\s+", "", case.family_name.strip(), flags=re.IGNORECASE)
    add(surname, d.NAME)
    for part in d.surname_parts(surname):
        add(part, d.NAME)
    for name in case.network_names:
        add_person(name, NETWORK_PERSON, d.NAME)
    for name in case.staff_names:
        add_person(name, d.STAFF, d.STAFF)
        _first, last = _first_and_last(name)
        if last:
            add(last, d.STAFF)
    vocabulary = {word.casefold() for phrase in (*case.organisations, *case.domains) for word in phrase.split()}
    return d.Known(
        names=tuple(names),
        organisations=case.organisations,
        vocabulary=frozenset(vocabulary | {"hele", "professional", "iemand"}),
    )


def scrub(text: str, case: CaseIn, labels: dict[int, str], *, detect: d.Detector | None = library.detect) -> str:
    """Free text as a pseudonymised reader may see it (deidentify.py: the names the system knows, patterns,
    the library, and redaction of what it is unsure about)."""
    words = library.common_words()
    known = known_of(case, labels, words)
    return d.deidentify(text, known, detect=detect, words=words, names=library.person_names())


def deidentifier(case: CaseIn, today: date, *, detect: d.Detector | None = library.detect) -> Callable[[str], str]:
    """One case's de-identification as a function, for other texts shown beside the case (evidence)."""
    labels = member_labels(case.members, today)
    words = library.common_words()
    known = known_of(case, labels, words)
    names = library.person_names()
    return lambda text: d.deidentify(text, known, detect=detect, words=words, names=names)


def month_year(day: date) -> str:
    return f"{d.MONTHS[day.month - 1]} {day.year}"


def case_view(
    case: CaseIn, *, pseudonym: str, full: bool, today: date, detect: d.Detector | None = library.detect
) -> CaseOut:
    """The case as the inspector may see it: pseudonymised unless the mandate's scope is full."""
    labels = member_labels(case.members, today)
    shown = {m.key: f"{m.first_name} {m.last_name}" for m in case.members} if full else dict(labels)
    text: Callable[[str], str] = str if full else deidentifier(case, today, detect=detect)
    when = long_date if full else month_year

    def who(member_key: int | None) -> str:
        return "hele gezin" if member_key is None else _short(shown.get(member_key, "gezinslid"))

    def owner(action: ActionIn) -> str:
        if action.owner_kind == MEMBER_OWNER:
            return who(action.owner_member_key)
        if action.owner_kind == PROFESSIONAL_OWNER:
            return f"professional ({action.owner_organisation})" if action.owner_organisation else "professional"
        return f"{NETWORK_PERSON}: {action.owner_name}" if full and action.owner_name else NETWORK_PERSON

    people = tuple(
        PersonOut(
            label=labels[m.key],
            detail=f"{m.first_name} {m.last_name}, geboren {m.birth_date:%d-%m-%Y}" if full else "",
        )
        for m in sorted(case.members, key=lambda m: (m.relation != PARENT, m.relation != CHILD, m.birth_date, m.key))
    )
    problems = tuple(
        ProblemOut(
            domain=p.domain,
            who=who(p.member_key),
            description=text(p.description),
            severity=p.severity,
            chronic=p.chronic,
            own_strength_label=p.own_strength_label,
            family_participated=p.family_participated,
        )
        for p in case.problems
    )
    goals = tuple(
        GoalOut(
            description=text(g.description),
            domain=g.domain,
            who=who(g.member_key),
            priority=g.priority,
            status=g.status,
            actions=tuple(ActionOut(text(a.description), owner(a), when(a.due_on), a.status) for a in g.actions),
        )
        for g in case.goals
    )
    started = case.started_on
    return CaseOut(
        pseudonymised=not full,
        name=case.family_name if full else pseudonym,
        address=case.address if full else "",
        neighbourhood=case.neighbourhood if full else "",
        status=case.status,
        days_to_start=(started - case.registered_on).days if started else None,
        months_running=((today.year - started.year) * 12 + today.month - started.month) if started else None,
        coordinator=(f"regisseur van {case.coordinator_organisation}" if case.coordinator_organisation else "regisseur")
        if case.has_coordinator
        else "",
        people=people,
        problems=problems,
        goals=goals,
        plan_version=case.plan_version,
        plan_approved=case.plan_approved,
        interviews=tuple(
            InterviewOut(i.kind, text(i.interviewee), when(i.held_on), text(i.summary)) for i in case.interviews
        ),
    )
