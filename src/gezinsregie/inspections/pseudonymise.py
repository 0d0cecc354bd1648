"""What an inspector sees of a family: pure functions on plain values, no database.

Who sees what (policy INSPECT): an inspector sees only families that mandated the inspection, and unless the mandate's
scope is "full" it sees them pseudonymised: no names, no addresses, no birth dates. Members become "Ouder 1",
"Kind 2 (12 jaar)"; what remains is what the framework asks about: domains, problems, the plan's goals and
its actions with the role of whoever owns them. Names typed into free text are replaced as well.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from gezinsregie.casework.rules import age

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
    due_on: date
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


def scrub(text: str, case: CaseIn, labels: dict[int, str]) -> str:
    """Replace every name and the address in free text: full names and first names by the member's label,
    surnames (and the family's name) by [naam], the address by [adres]. Longest first, whole words,
    case-insensitive: better one word too many hidden than one name shown."""
    replacements: list[tuple[str, str]] = []
    seen: set[str] = set()

    def add(phrase: str, by: str) -> None:
        phrase = " ".join(phrase.split())
        if len(phrase) >= 2 and phrase.casefold() not in seen:
            seen.add(phrase.casefold())
            replacements.append((phrase, by))

    if case.address.strip():
        add(case.address, REDACTED_ADDRESS)
    for m in case.members:
        add(f"{m.first_name} {m.last_name}", _short(labels[m.key]))
    for name in case.network_names:
        add(name, NETWORK_PERSON)
    add(case.family_name, "het gezin")
    for m in case.members:
        add(m.first_name, _short(labels[m.key]))
        add(m.last_name, REDACTED_NAME)
    surname = re.sub(r"^gezin\s+", "", case.family_name.strip(), flags=re.IGNORECASE)
    add(surname, REDACTED_NAME)
    for name in case.network_names:
        for part in name.split():
            add(part, REDACTED_NAME)
    if not replacements:
        return text
    replacements.sort(key=lambda item: len(item[0]), reverse=True)
    patterns = [
        (re.compile(r"\s+".join(map(re.escape, phrase.split())), re.IGNORECASE), by) for phrase, by in replacements
    ]
    combined = re.compile(
        r"(?<!\w)(?:" + "|".join(pattern.pattern for pattern, _ in patterns) + r")(?!\w)", re.IGNORECASE
    )

    def replace(match: "re.Match[str]") -> str:
        return next((by for pattern, by in patterns if pattern.fullmatch(match.group(0))), REDACTED_NAME)

    return combined.sub(replace, text)


def case_view(case: CaseIn, *, pseudonym: str, full: bool, today: date) -> CaseOut:
    """The case as the inspector may see it: pseudonymised unless the mandate's scope is full."""
    labels = member_labels(case.members, today)
    if full:
        shown = {m.key: f"{m.first_name} {m.last_name}" for m in case.members}

        def text(value: str) -> str:
            return value

    else:
        shown = dict(labels)

        def text(value: str) -> str:
            return scrub(value, case, labels)

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
            actions=tuple(ActionOut(text(a.description), owner(a), a.due_on, a.status) for a in g.actions),
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
    )
