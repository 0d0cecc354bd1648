"""Pure rules of the case meeting over many families (zorgnetwerkoverleg): which date and times are possible and
which families may be on its agenda. Plain values in, Dutch messages keyed by form field out; no database.

Venlo's zorgnetwerk meets monthly (rapportage 21 gemeenten 2013): it is planned some months ahead, and a meeting
that was held can be written down afterwards, but never before a family on its agenda was registered.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta

from gezinsregie.common.formatting import long_date
from gezinsregie.plans.rules import Errors

MAX_DAYS_AHEAD = 366  # a year ahead at most: further is a typing error, not a plan
LOCATION_LIMIT = 200


def _add(errors: Errors, key: str, message: str) -> None:
    errors.setdefault(key, []).append(message)


@dataclass(frozen=True)
class AgendaFamily:
    """What the rules need to know of a family chosen for the agenda."""

    reference: str
    in_approach: bool  # of this approach, and one the planner may see
    registered_on: date
    open: bool  # not declined and not closed: there is something to discuss


def case_meeting_errors(
    *, held_on: date, starts_at: time, ends_at: time, location: str, chair_allowed: bool, today: date
) -> Errors:
    errors: Errors = {}
    if held_on > today + timedelta(days=MAX_DAYS_AHEAD):
        _add(
            errors,
            "held_on",
            f"Deze datum ligt meer dan een jaar vooruit ({long_date(held_on)}). Plan het overleg hoogstens "
            f"tot {long_date(today + timedelta(days=MAX_DAYS_AHEAD))}.",
        )
    if ends_at <= starts_at:
        _add(errors, "ends_at", "De eindtijd moet na de begintijd liggen.")
    if not location.strip():
        _add(errors, "location", "Vul de plaats in, bijvoorbeeld: stadhuis, vergaderzaal 2.")
    elif len(location) > LOCATION_LIMIT:
        _add(errors, "location", f"De plaats is te lang (ten hoogste {LOCATION_LIMIT} tekens).")
    if not chair_allowed:
        _add(errors, "chair", "De voorzitter is een procesmanager van deze aanpak (namens de gemeente).")
    return errors


def agenda_errors(*, held_on: date, families: Sequence[AgendaFamily]) -> Errors:
    """The families on the agenda: at least one, each of this approach, still open, registered before the date."""
    errors: Errors = {}
    if not families:
        _add(errors, "families", "Zet ten minste één gezin op de agenda.")
    for family in families:
        if not family.in_approach:
            # no reference: the planner may not see this family at all
            _add(errors, "families", "Een van de gekozen gezinnen hoort niet bij deze aanpak.")
        elif not family.open:
            _add(errors, "families", f"Gezin {family.reference} is afgesloten of niet opgenomen.")
        elif held_on < family.registered_on:
            _add(
                errors,
                "families",
                f"Het overleg ligt vóór de aanmelding van gezin {family.reference} "
                f"({long_date(family.registered_on)}).",
            )
    return errors
