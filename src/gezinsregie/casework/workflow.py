"""The family's workflow: its states, the transitions between them with the rule each obeys, and named groups.

This table is the only definition of a family's states and of the ways between them. Services move a family
with `advance` (a move outside the table is refused with a Dutch message), and policy, selectors, views and
templates ask the named groups (`AWAITING_TRIAGE`, `STEERED`, ...) instead of listing states themselves
(tests/casework/test_workflow.py keeps it so). Pure: no database.

The way through the approach (Nota van bevindingen Maastricht 2014 §2.6): aanmelding → prioritering → start
(plan, regie) → afsluiting, with nazorg after it (factsheet Oosterhout 2013, "vinger aan de pols"); a signal
or a new aanmelding brings a family in aftercare, closed or declined back to registration (a new episode).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class FamilyStatus(models.TextChoices):
    REGISTERED = "registered", _("aangemeld")
    TRIAGE = "triage", _("in prioritering")
    DECLINED = "declined", _("niet opgenomen")
    ACTIVE = "active", _("actief")
    AFTERCARE = "aftercare", _("nazorg")
    CLOSED = "closed", _("afgesloten")


S = FamilyStatus
INITIAL = S.REGISTERED  # every family starts as an aanmelding

# --- named groups: ask these, never list states yourself ---------------------------------------------------

# The intake team still has to decide (toetsingskader C1.a.3: a start within the norm after registration).
AWAITING_TRIAGE = frozenset({S.REGISTERED, S.TRIAGE})
# The approach works with the family and a coordinator steers it (Maastricht §4.2 "niemand heeft de regie"
# when nobody does): the states where a missing coordinator, consent, analysis or plan needs attention.
STEERED = frozenset({S.ACTIVE, S.AFTERCARE})
# The approach started with the family at some point: it has (had) a start date and a coordinator.
STARTED = frozenset({S.ACTIVE, S.AFTERCARE, S.CLOSED})
# The family has left the approach: closed, with aftercare still running or not. A partner's signal brings it back.
LEFT = frozenset({S.AFTERCARE, S.CLOSED})
# Closed, no aftercare running: the casework is over. The coordinator keeps read access, not the pen (issue 12 §7).
CASEWORK_OVER = frozenset({S.CLOSED})
# A new aanmelding or a signal brings the family back into triage (a new episode).
REOPENABLE = frozenset({S.CLOSED, S.DECLINED, S.AFTERCARE})
# The families a municipality counts as its population (toetsingskader B1.a.2): all but those not taken in.
IN_POPULATION = frozenset(set(S) - {S.DECLINED})


class Transition(StrEnum):
    TAKE_INTO_TRIAGE = "take_into_triage"
    ACCEPT = "accept"
    DECLINE = "decline"
    CLOSE_WITH_AFTERCARE = "close_with_aftercare"
    CLOSE = "close"
    END_AFTERCARE = "end_aftercare"
    REOPEN = "reopen"


@dataclass(frozen=True)
class Step:
    sources: frozenset[FamilyStatus]
    target: FamilyStatus
    label: str  # what the step does, to complete "kan niet ..."
    rule: str  # the rule the step obeys, and where it comes from


T = Transition
TRANSITIONS: dict[Transition, Step] = {
    T.TAKE_INTO_TRIAGE: Step(
        frozenset({S.REGISTERED}),
        S.TRIAGE,
        "in prioritering worden genomen",
        "Het intake- en prioriteringsteam neemt de aanmelding in behandeling (Maastricht §2.6).",
    ),
    T.ACCEPT: Step(
        AWAITING_TRIAGE,
        S.ACTIVE,
        "worden opgenomen in de aanpak",
        "Opnemen met motivering, startdatum en procesmanager; de start ligt niet vóór de aanmelding "
        "(toetsingskader C1.a.3).",
    ),
    T.DECLINE: Step(
        AWAITING_TRIAGE,
        S.DECLINED,
        "worden afgewezen",
        "Niet opnemen gebeurt met motivering (Maastricht §2.6: prioritering tegen de criteria van de aanpak).",
    ),
    T.CLOSE_WITH_AFTERCARE: Step(
        frozenset({S.ACTIVE}),
        S.AFTERCARE,
        "worden afgesloten met nazorg",
        "Afsluiten met een reden en een nazorgafspraak: wie de vinger aan de pols houdt (toetsingskader C5.c.1).",
    ),
    T.CLOSE: Step(
        frozenset({S.ACTIVE}),
        S.CLOSED,
        "worden afgesloten",
        "Afsluiten met een reden, en nazorg of een gemotiveerd besluit zonder nazorg (toetsingskader C5.a.1).",
    ),
    T.END_AFTERCARE: Step(
        frozenset({S.AFTERCARE}),
        S.CLOSED,
        "de nazorg beëindigen",
        "De nazorg eindigt met een eigen reden (factsheet Oosterhout 2013: nazorgfase van drie maanden).",
    ),
    T.REOPEN: Step(
        REOPENABLE,
        S.REGISTERED,
        "opnieuw worden aangemeld",
        "Een nieuwe aanmelding of een signaal brengt het gezin terug in de prioritering, met zijn geschiedenis.",
    ),
}


# --- leaving the approach -------------------------------------------------------------------------------------


class ClosureReason(models.TextChoices):
    """Why a family leaves the approach (toetsingskader C5.a.1: the approach runs until the problems are solved or
    manageable). Each approach uses all of them or a chosen few (Approach.closure_reasons)."""

    GOALS_REACHED = "goals_reached", _("doelen bereikt")
    MANAGEABLE = "manageable", _("problemen zijn beheersbaar")
    DIRECTION_NOT_NEEDED = "direction_not_needed", _("regie van buiten is niet meer nodig")
    MOVED_AWAY = "moved_away", _("gezin is verhuisd")
    HANDED_OVER = "handed_over", _("overgedragen aan de reguliere zorg")
    STOPPED_COOPERATING = "stopped_cooperating", _("gezin werkt niet meer mee")


# "Vastpakken en niet meer loslaten" (issue 9 §8): this way out needs the process manager's reasoned decision.
NEEDS_EXIT_DECISION = frozenset({ClosureReason.STOPPED_COOPERATING})


class AftercareEndReason(models.TextChoices):
    COMPLETED = "completed", _("nazorgperiode afgerond zonder signalen")
    RETURNED = "returned", _("gezin is terug in de aanpak")
    MOVED_AWAY = "moved_away", _("gezin is verhuisd")
    FAMILY_DECLINED = "family_declined", _("gezin wil geen contact meer")
    OTHER = "other", _("anders")


def closure_reasons_of(configured: Iterable[str]) -> list[ClosureReason]:
    """The reasons an approach offers: the ones it configured (unknown codes ignored), or all when none."""
    chosen = {code for code in configured if code in ClosureReason.values}
    return [reason for reason in ClosureReason if not chosen or reason in chosen]


# --- a professional's involvement with the family ------------------------------------------------------------


class InvolvementStatus(models.TextChoices):
    PROPOSED = "proposed", _("uitgenodigd")
    ACCEPTED = "accepted", _("betrokken")
    DECLINED = "declined", _("afgewezen")
    ENDED = "ended", _("beëindigd")


class InvolvementStep(StrEnum):
    ACCEPT = "accept"
    DECLINE = "decline"
    END = "end"


IS = InvolvementStatus
# The coordinator or process manager invites a professional; only an accepted involvement gives access, and
# ending it ends the access (Maastricht §4.1: who works with the family is known to all).
INVOLVEMENT_STEPS: dict[InvolvementStep, tuple[frozenset[InvolvementStatus], InvolvementStatus, str]] = {
    InvolvementStep.ACCEPT: (frozenset({IS.PROPOSED}), IS.ACCEPTED, "worden geaccepteerd"),
    InvolvementStep.DECLINE: (frozenset({IS.PROPOSED}), IS.DECLINED, "worden afgewezen"),
    InvolvementStep.END: (frozenset({IS.PROPOSED, IS.ACCEPTED}), IS.ENDED, "worden beëindigd"),
}
# An involvement that still counts: the professional is asked, or works with the family.
INVOLVEMENT_OPEN = frozenset({IS.PROPOSED, IS.ACCEPTED})


def involvement_advance(current: str, step: InvolvementStep) -> InvolvementStatus:
    sources, target, label = INVOLVEMENT_STEPS[step]
    if current not in sources:
        raise ValidationError(
            f"Een betrokkenheid met de status '{InvolvementStatus(current).label}' kan niet {label}.", code="transition"
        )
    return target


def allowed(current: str, transition: Transition) -> bool:
    return current in TRANSITIONS[transition].sources


def advance(current: str, transition: Transition) -> FamilyStatus:
    """The state after `transition`; a ValidationError in Dutch when the table does not allow it from `current`."""
    step = TRANSITIONS[transition]
    if current not in step.sources:
        raise ValidationError(
            f"Een gezin met de status '{FamilyStatus(current).label}' kan niet {step.label}.", code="transition"
        )
    return step.target


def transitions_from(current: str) -> list[Transition]:
    """What can happen next to a family in `current`, in table order."""
    return [t for t, step in TRANSITIONS.items() if current in step.sources]


def reachable(start: FamilyStatus = INITIAL) -> set[FamilyStatus]:
    seen, todo = {start}, [start]
    while todo:
        state = todo.pop()
        for transition in transitions_from(state):
            target = TRANSITIONS[transition].target
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def labels(states: Iterable[str]) -> list[str]:
    return [str(FamilyStatus(s).label) for s in states]
