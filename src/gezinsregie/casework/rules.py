"""Pure casework rules on plain values: no database, tested on their own."""

import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from gezinsregie.common.formatting import long_date, n_days
from gezinsregie.common.limits import EARLIEST

# toetsingskader C1.a.1 and its GGSR definition (ggsr_minimum_domains): chronic problems on at least four life domains
GGSR_MINIMUM_DOMAINS = 4
# A sane upper bound on one household (issue 12 §10: the API took 10,000 members): the largest families in the
# approaches are around fifteen; thirty leaves room for a multi-generation household.
MAX_MEMBERS = 30


@dataclass(frozen=True)
class MemberInput:
    first_name: str
    last_name: str
    birth_date: date
    relation: str  # MemberRelation value
    bsn: str = ""  # optional, normalised (casework.bsn); only where the approach may store it (issue 12 §12)


def normalise_name(name: str) -> str:
    """'Gezin: de Vries-Bakker' and 'gezin de vries bakker' match; case, accents and punctuation don't count.

    Letters without an ASCII form (ø, ß, Cyrillic, ...) are kept, so such names never collapse to "".
    Idempotent: punctuation becomes space first, then every leading "gezin" goes.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[\W_]+", " ", text).strip()
    return re.sub(r"^(gezin\s+)+", "", text)


def member_problems(members: list[MemberInput], *, today: date) -> list[str]:
    """Dutch messages for impossible family compositions; empty when all is plausible."""
    errors = []
    if not members:
        errors.append("Voeg minstens één gezinslid toe.")
    if len(members) > MAX_MEMBERS:
        errors.append(f"Een gezin heeft hoogstens {MAX_MEMBERS} gezinsleden; u gaf er {len(members)}.")
        return errors
    for m in members:
        if m.birth_date > today:
            errors.append(f"De geboortedatum van {m.first_name} ligt in de toekomst.")
        elif m.birth_date < EARLIEST:
            errors.append(f"De geboortedatum van {m.first_name} ligt vóór {EARLIEST:%Y}: controleer het jaar.")
    parents = [m for m in members if m.relation == "parent"]
    children = [m for m in members if m.relation == "child"]
    if parents and children:
        youngest_parent = max(parents, key=lambda m: m.birth_date)
        for child in children:
            if child.birth_date <= youngest_parent.birth_date:
                errors.append(
                    f"{child.first_name} is als kind opgegeven maar is niet jonger dan ouder "
                    f"{youngest_parent.first_name}. Controleer de geboortedata."
                )
    return errors


# --- sensible limits on a family's composition, per member (issue 14 §3) --------------------------------------
# An error stops the registration (a birth date in the future); a warning asks "Klopt dit?" and is accepted once
# the registrant confirms it: a 16-year-old parent exists, but is more often a typo in the year.
ADULT_AGE = 18
MIN_PARENT_AGE_GAP = 12  # a parent fewer years older than a child: plausible only as a step-parent or a typo
MAX_AGE = 110


@dataclass(frozen=True)
class MemberNote:
    index: int | None  # which member (0-based, the order typed); None: the family as a whole
    field: str  # the member's field the note is about ("birth_date", "relation"), "" for the member as a whole
    message: str
    warning: bool = False  # True: to confirm ("Klopt dit?"), not an error


def member_notes(members: Sequence[MemberInput], *, today: date) -> list[MemberNote]:
    """What is impossible (errors) or unlikely (warnings) in a family's composition, per member, in Dutch."""
    notes: list[MemberNote] = []
    if not members:
        notes.append(MemberNote(None, "", "Voeg minstens één gezinslid toe."))
    if len(members) > MAX_MEMBERS:
        notes.append(
            MemberNote(None, "", f"Een gezin heeft hoogstens {MAX_MEMBERS} gezinsleden; u gaf er {len(members)}.")
        )
        return notes
    impossible = set()
    for i, m in enumerate(members):
        if m.birth_date > today:
            notes.append(MemberNote(i, "birth_date", f"De geboortedatum van {m.first_name} ligt in de toekomst."))
        elif m.birth_date < EARLIEST:
            notes.append(
                MemberNote(
                    i,
                    "birth_date",
                    f"De geboortedatum van {m.first_name} ligt vóór {EARLIEST:%Y}: controleer het jaar.",
                )
            )
        else:
            continue
        impossible.add(i)
    for i, m in enumerate(members):
        if i in impossible:
            continue
        years = age(m.birth_date, today)
        if m.relation == "parent" and years < ADULT_AGE:
            notes.append(
                MemberNote(i, "birth_date", f"{m.first_name} is {years} jaar en als ouder opgegeven. Klopt dit?", True)
            )
        elif years > MAX_AGE:
            notes.append(MemberNote(i, "birth_date", f"{m.first_name} zou {years} jaar oud zijn. Klopt dit?", True))
    parents = [(i, m) for i, m in enumerate(members) if m.relation == "parent" and i not in impossible]
    for i, child in enumerate(members):
        if child.relation != "child" or i in impossible or not parents:
            continue
        _, youngest = max(parents, key=lambda pair: pair[1].birth_date)
        if child.birth_date <= youngest.birth_date:
            notes.append(
                MemberNote(
                    i,
                    "birth_date",
                    f"{child.first_name} is als kind opgegeven maar is niet jonger dan ouder {youngest.first_name}. "
                    "Klopt dit?",
                    True,
                )
            )
        elif age(youngest.birth_date, child.birth_date) < MIN_PARENT_AGE_GAP:
            gap = age(youngest.birth_date, child.birth_date)
            notes.append(
                MemberNote(
                    i,
                    "birth_date",
                    f"{youngest.first_name} was {gap} jaar bij de geboorte van {child.first_name}. Klopt dit?",
                    True,
                )
            )
    return notes


def blocking(notes: Iterable[MemberNote], *, confirmed: Collection[int] = ()) -> list[MemberNote]:
    """The notes that stop a registration: every error, and each warning about a member not in `confirmed`."""
    return [n for n in notes if not n.warning or n.index not in confirmed]


def age(birth_date: date, today: date) -> int:
    """Whole years on `today`: a birthday not reached yet this year does not count."""
    return today.year - birth_date.year - ((today.month, today.day) < (birth_date.month, birth_date.day))


def days_between(start: date, end: date) -> int:
    return (end - start).days


def start_is_late(*, registered_on: date, started_on: date | None, today: date, norm_days: int) -> bool:
    """toetsingskader C1.a.3: the approach starts within the norm (default a month) after registration."""
    reference = started_on or today
    return days_between(registered_on, reference) > norm_days


def meets_ggsr_definition(chronic_domains: Collection[object]) -> bool:
    """toetsingskader C1.a.1: chronic problems on at least four life domains (the domains, by any key)."""
    return len(chronic_domains) >= GGSR_MINIMUM_DOMAINS


# --- waiting for care (Rapportage 21 gemeenten 2013 §3.5; toetsingskader C5.b.3) -----------------------------


@dataclass(frozen=True)
class Wait:
    days: int  # from the request to the start, or to today while still waiting
    norm_days: int  # the approach's norm
    agreed_days: int | None  # the provider's priority agreement, if there is one

    @property
    def limit(self) -> int:
        """An agreement with the provider binds more than the approach's general norm."""
        return self.agreed_days if self.agreed_days is not None else self.norm_days

    @property
    def breached(self) -> bool:
        return self.days > self.limit

    def describe(self) -> str:
        against = (
            f"de voorrangsafspraak ({self.agreed_days} dagen)"
            if self.agreed_days is not None
            else (f"de norm ({self.norm_days} dagen)")
        )
        verdict = "over" if self.breached else "binnen"
        return f"{n_days(self.days)} gewacht, {verdict} {against}"


def waiting(
    *, requested_on: date, started_on: date | None, today: date, norm_days: int, agreed_days: int | None
) -> Wait:
    return Wait(days_between(requested_on, started_on or today), norm_days, agreed_days)


def agreed_days(agreements: Iterable[tuple[date, date | None, int]], on: date) -> int | None:
    """The provider's promise when the care was requested: (valid from, valid until, term) in force on `on`;
    with several, the shortest term."""
    valid = [term for start, end, term in agreements if start <= on and (end is None or end >= on)]
    return min(valid, default=None)


# --- escalation: the ladder and its deadlines (toetsingskader C4.a.5 "NB: opschalen"; Maastricht §4.2) ------


@dataclass(frozen=True)
class Rung:
    label: str  # who is asked to lift the stagnation, e.g. "procesmanager"
    days: int  # how long this rung has before the escalation climbs


# The ladder when an approach has not configured its own (Nota van bevindingen Maastricht 2014 §4.2:
# regisseur → procesmanager → management van de netwerkpartner → bestuur).
DEFAULT_LADDER = (
    Rung("regisseur", 5),
    Rung("procesmanager", 10),
    Rung("management van de netwerkpartner", 10),
    Rung("bestuur (wethouder of burgemeester)", 20),
)


def rung_deadline(since: date, rung: Rung) -> date:
    return since + timedelta(days=rung.days)


def climb(*, step: int, since: date, today: date, ladder: Sequence[Rung]) -> list[tuple[int, date]]:
    """The automatic moves an open escalation at `step` (since `since`) is owed by `today`: (new step, from).

    Each rung whose deadline passed hands over to the next on that deadline, so a check that ran late (a worker
    that was down) catches up with every step it missed, with the dates they were due; the top rung stays.
    """
    moves = []
    while step + 1 < len(ladder):
        deadline = rung_deadline(since, ladder[step])
        if deadline >= today:
            break
        step, since = step + 1, deadline
        moves.append((step, since))
    return moves


# --- sociaal netwerk ---------------------------------------------------------------------------------------------
# toetsingskader C2.c.1-C2.c.3; Maastricht 2014 §4.3 and §6.2 ("geen volgende stap zonder netwerk").

NETWORK_DOMAIN_KEYS = frozenset({"sociaal-netwerk"})  # the life domain of the Maastricht and ZRM sets
NETWORK_GOAL_TEXT = "Een steunend netwerk opbouwen"  # the goal the plan proposes where no one supports the family
_NETWORK = r"\bnetwerk(?!partner)"  # the network, not the network partners (organisations)
_BUILD = r"(op\s*(te\s+)?bouw|opbouw|uit\s*(te\s+)?brei|uitbrei|versterk)"
_BUILDS_NETWORK = re.compile(rf"{_NETWORK}.*{_BUILD}|{_BUILD}.*{_NETWORK}|stut en steun", re.IGNORECASE | re.DOTALL)


def builds_network(*, domain_key: str, description: str) -> bool:
    """A goal counts as building the network (C2.c.3) when it is on the social-network life domain, or says so:
    the network with building, widening or strengthening it, or "stut en steun" (Maastricht §4.3 found such a
    goal under 'Praktisch functioneren'). "Met steun uit het netwerk" alone is not building one."""
    return domain_key in NETWORK_DOMAIN_KEYS or bool(_BUILDS_NETWORK.search(description))


# --- why a professional does not see a family they had a relation with (issue 14 §4) ---------------------------
# Only ever asked for a family the professional registered or works with (policy VIEW_REFERRAL_STATUS): no
# existence oracle for anyone else (docs/security.md §6). The first reason that holds is the true one.


def hidden_reason(
    *,
    left: bool,
    closed: bool,
    involvement_ended_on: date | None,
    involvement_end_reason: str,
    involved: bool,
    consent_signed: bool,
    consent_withdrawn_on: date | None,
    consent_in_force: bool,
    consent_covers_organisation: bool,
) -> str:
    """The reason in plain Dutch why the family is not visible to the professional."""
    if closed:
        return "Het gezin is afgesloten; alleen wie de nazorg houdt, ziet het nog."
    if left:
        return "Het gezin is uit de aanpak en in nazorg; alleen wie de nazorg houdt, ziet het nog."
    if involvement_ended_on is not None and not involved:
        why = f" ({involvement_end_reason})" if involvement_end_reason else ""
        return f"Uw betrokkenheid is beëindigd op {long_date(involvement_ended_on)}{why}."
    if not involved:
        return "U heeft het gezin aangemeld, maar bent (nog) niet bij het gezin betrokken."
    if consent_withdrawn_on is not None and not consent_in_force:
        return f"Het gezin heeft zijn toestemming ingetrokken op {long_date(consent_withdrawn_on)}."
    if not consent_signed:
        return "Er is nog geen toestemmingsverklaring van het gezin."
    if not consent_covers_organisation:
        return "De toestemmingsverklaring van het gezin noemt uw organisatie niet."
    return "U ziet dit gezin niet: vraag de regisseur waarom."
