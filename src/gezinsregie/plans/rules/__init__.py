"""Pure rules of the family plan, on plain values: no database, tested on their own.

- deadlines: when the plan is due and whether it is late; which actions are overdue;
- validation: who may own an action, which dates are possible (Dutch messages, keyed by model field);
- versions (rules/versions.py): the difference between two plan snapshots, as a list and side by side;
- reminders: which reminder an open action is owed today.

A snapshot (see plans.selectors.snapshot_of) is a plain dict: plan fields plus "goals", each goal a dict
with an "id" and its "actions", each action a dict with an "id". Keys ending in "_label" carry the text
shown to people for the key without the suffix (e.g. "status" and "status_label").
"""

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from gezinsregie.common.formatting import long_date

Snapshot = Mapping[str, Any]
Errors = dict[str, list[str]]

# --- deadlines ---------------------------------------------------------------------------------------


def plan_due_on(*, started_on: date | None, norm_days: int) -> date | None:
    """Maastricht §2.6: "Het maatwerkplan dient binnen een maand na de start van de aanpak klaar te zijn".

    The norm is the approach's `plan_norm_days` (default 30). No start, no due date yet.
    """
    if started_on is None:
        return None
    return started_on + timedelta(days=norm_days)


class Timeliness(StrEnum):
    NOT_STARTED = "not_started"  # the approach has not started: no due date
    PENDING = "pending"  # not approved by the family yet, still within the norm
    ON_TIME = "on_time"  # approved by the family on or before the due date
    LATE = "late"  # not approved, and the due date has passed
    APPROVED_LATE = "approved_late"  # approved, but after the due date


def plan_timeliness(*, due_on: date | None, approved_on: date | None, today: date) -> Timeliness:
    """toetsingskader C3.a.3 "er is een gezamenlijk plan": a plan counts once the family approved it."""
    if due_on is None:
        return Timeliness.NOT_STARTED
    if approved_on is not None:
        return Timeliness.ON_TIME if approved_on <= due_on else Timeliness.APPROVED_LATE
    return Timeliness.LATE if today > due_on else Timeliness.PENDING


def plan_is_late(*, due_on: date | None, approved_on: date | None, today: date) -> bool:
    return plan_timeliness(due_on=due_on, approved_on=approved_on, today=today) in {
        Timeliness.LATE,
        Timeliness.APPROVED_LATE,
    }


def action_is_overdue(*, due_on: date, status: str, today: date) -> bool:
    """toetsingskader C4.b.2 "de netwerkpartners houden zich aan de gemaakte afspraken": an open action past
    its date is visible as such."""
    return status == "open" and due_on < today


def problems_without_goal(problem_ids: Iterable[int], goals: Iterable[tuple[int, str]]) -> list[int]:
    """toetsingskader C3.a.2 "er zijn doelen gesteld voor alle problemen".

    `goals` are (problem id, goal status) pairs; a dropped goal does not count as a goal for its problem.
    """
    covered = {problem_id for problem_id, status in goals if status != "dropped"}
    return [pk for pk in problem_ids if pk not in covered]


# --- validation --------------------------------------------------------------------------------------

MAX_YEARS_AHEAD = 5


def _add(errors: Errors, key: str, message: str) -> None:
    errors.setdefault(key, []).append(message)


def owner_shape_errors(
    *, kind: str, member_id: int | None, user_id: int | None, organisation_id: int | None, name: str
) -> Errors:
    """The owner fields must match the kind of owner: a member, a professional with an organisation, or a name."""
    errors: Errors = {}
    if kind == "member":
        if member_id is None:
            _add(errors, "owner_member", "Kies het gezinslid dat deze actie doet.")
        if user_id is not None or organisation_id is not None:
            _add(errors, "owner_user", "Een actie van een gezinslid heeft geen professional.")
    elif kind == "professional":
        if user_id is None or organisation_id is None:
            _add(errors, "owner_user", "Kies de professional (en organisatie) die deze actie doet.")
        if member_id is not None:
            _add(errors, "owner_member", "Een actie van een professional heeft geen gezinslid als eigenaar.")
    elif kind == "network":
        if not name.strip():
            _add(errors, "owner_name", "Vul de naam in van de persoon uit het netwerk die deze actie doet.")
        if member_id is not None or user_id is not None or organisation_id is not None:
            _add(errors, "owner_name", "Een actie van iemand uit het netwerk heeft alleen een naam.")
    else:
        _add(
            errors, "owner_kind", "Kies wie deze actie doet: een gezinslid, een professional of iemand uit het netwerk."
        )
    return errors


def owner_consent_errors(
    *,
    kind: str,
    user_id: int | None,
    organisation_id: int | None,
    organisation_name: str,
    professionals: frozenset[tuple[int, int]],
    consented_organisation_ids: frozenset[int],
) -> Errors:
    """toetsingskader C4.c.1 and the toestemmingsverklaring (Maastricht §2.6): nothing is shared beyond the
    consent. A professional may own an action only while their organisation is named in an active (signed,
    not withdrawn) consent of the family, and only while they work with the family (`professionals`:
    (user id, organisation id) pairs)."""
    errors: Errors = {}
    if kind != "professional" or user_id is None or organisation_id is None:
        return errors
    if organisation_id not in consented_organisation_ids:
        _add(
            errors,
            "owner_user",
            f"Deze actiehouder valt buiten de toestemming van het gezin: {organisation_name} staat niet in een "
            "geldige toestemmingsverklaring. Kies iemand anders, of vraag het gezin eerst om toestemming.",
        )
    elif (user_id, organisation_id) not in professionals:
        _add(errors, "owner_user", "Deze professional is niet (meer) betrokken bij het gezin. Kies iemand anders.")
    return errors


def action_date_errors(*, due_on: date, status: str, done_on: date | None, registered_on: date, today: date) -> Errors:
    """Possible dates only: not before the family was registered, not in the far future, done not ahead."""
    errors: Errors = {}
    if due_on < registered_on:
        _add(
            errors,
            "due_on",
            f"Deze datum ligt vóór de aanmelding van het gezin ({long_date(registered_on)}). Kies een latere datum.",
        )
    if due_on > today + timedelta(days=365 * MAX_YEARS_AHEAD):
        _add(errors, "due_on", f"Deze datum ligt meer dan {MAX_YEARS_AHEAD} jaar vooruit. Klopt het jaartal?")
    if done_on is not None:
        if status != "done":
            _add(errors, "done_on", "Vul alleen een datum ‘gedaan op’ in als de actie gedaan is.")
        if done_on > today:
            _add(errors, "done_on", "De datum ‘gedaan op’ ligt in de toekomst.")
        if done_on < registered_on:
            _add(
                errors,
                "done_on",
                f"De datum ‘gedaan op’ ligt vóór de aanmelding van het gezin ({long_date(registered_on)}).",
            )
    return errors


def approval_errors(*, approved_on: date | None, registered_on: date, today: date) -> Errors:
    errors: Errors = {}
    if approved_on is None:
        return errors
    if approved_on > today:
        _add(errors, "approved_by_family_on", "De datum van instemming ligt in de toekomst.")
    if approved_on < registered_on:
        _add(
            errors,
            "approved_by_family_on",
            f"De datum van instemming ligt vóór de aanmelding van het gezin ({long_date(registered_on)}).",
        )
    return errors


# --- reminders to the owner of an action (toetsingskader C4.b.2) -------------------------------------------------

REMIND_DAYS_BEFORE = 2


def reminder_due(*, due_on: date, status: str, today: date) -> str | None:
    """Which reminder an open action is owed today: "before" (two days ahead), "due" (on or after the date), or
    none. A check that ran late still sends the one that is owed now (and the key keeps it to once)."""
    if status != "open":
        return None
    if today >= due_on:
        return "due"
    if today >= due_on - timedelta(days=REMIND_DAYS_BEFORE):
        return "before"
    return None


# the version comparison lives in rules/versions.py; re-exported so `rules.diff` keeps working
from gezinsregie.plans.rules.versions import (  # noqa: E402 - after the rules it sits beside
    FIELD_LABELS,
    PLAN_FIELDS,
    TECHNICAL_KEYS,
    Change,
    FieldChange,
    ItemChange,
    PlanDiff,
    Row,
    actions_by_id,
    describe,
    diff,
    goals_by_id,
    shown,
    side_by_side,
)

__all__ = [
    "FIELD_LABELS",
    "MAX_YEARS_AHEAD",
    "PLAN_FIELDS",
    "REMIND_DAYS_BEFORE",
    "TECHNICAL_KEYS",
    "Change",
    "FieldChange",
    "ItemChange",
    "PlanDiff",
    "Row",
    "Timeliness",
    "action_date_errors",
    "action_is_overdue",
    "actions_by_id",
    "approval_errors",
    "describe",
    "diff",
    "goals_by_id",
    "owner_consent_errors",
    "owner_shape_errors",
    "plan_due_on",
    "plan_is_late",
    "plan_timeliness",
    "problems_without_goal",
    "reminder_due",
    "shown",
    "side_by_side",
]
