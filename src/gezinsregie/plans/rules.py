"""Pure rules of the family plan, on plain values: no database, tested on their own.

- deadlines: when the plan is due and whether it is late; which actions are overdue;
- validation: who may own an action, which dates are possible (Dutch messages, keyed by model field);
- versions: the difference between two plan snapshots, as a list and as side-by-side rows.

A snapshot (see plans.selectors.snapshot_of) is a plain dict: plan fields plus "goals", each goal a dict
with an "id" and its "actions", each action a dict with an "id". Keys ending in "_label" carry the text
shown to people for the key without the suffix (e.g. "status" and "status_label").
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from gezinsregie.common.formatting import short_date

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
            f"Deze datum ligt vóór de aanmelding van het gezin ({short_date(registered_on)}). Kies een latere datum.",
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
                f"De datum ‘gedaan op’ ligt vóór de aanmelding van het gezin ({short_date(registered_on)}).",
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
            f"De datum van instemming ligt vóór de aanmelding van het gezin ({short_date(registered_on)}).",
        )
    return errors


# --- versions: difference between two snapshots ---------------------------------------------------------


class Change(StrEnum):
    ADDED = "nieuw"
    REMOVED = "verwijderd"
    CHANGED = "gewijzigd"


FIELD_LABELS = {
    "goals_set_with_family": "doelen met het gezin bepaald",
    "approved_by_family_on": "gezin stemde in op",
    "approved_version": "instemming met versie",
    "description": "omschrijving",
    "priority": "prioriteit",
    "term": "termijn",
    "status": "status",
    "problem": "probleem",
    "member": "gezinslid",
    "domain": "leefgebied",
    "goal_id": "doel",
    "owner_kind": "soort eigenaar",
    "owner": "wie",
    "due_on": "klaar op",
    "done_on": "gedaan op",
    "status_note": "toelichting van de actiehouder",
}
PLAN_FIELDS = ("goals_set_with_family", "approved_by_family_on", "approved_version")
TECHNICAL_KEYS = frozenset({"goal_id", "problem_id", "owner_kind"})  # change together with a shown key


@dataclass(frozen=True)
class FieldChange:
    key: str
    old: Any
    new: Any

    @property
    def label(self) -> str:
        return FIELD_LABELS.get(self.key, self.key)


@dataclass(frozen=True)
class ItemChange:
    kind: str  # "goal" or "action"
    id: int
    change: Change
    old: Snapshot | None
    new: Snapshot | None
    fields: tuple[FieldChange, ...] = ()

    @property
    def description(self) -> str:
        item = self.new if self.new is not None else self.old
        return str(item.get("description", "")) if item is not None else ""


@dataclass(frozen=True)
class PlanDiff:
    plan_fields: tuple[FieldChange, ...] = ()
    goals: tuple[ItemChange, ...] = ()
    actions: tuple[ItemChange, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.plan_fields or self.goals or self.actions)

    def ids(self, kind: str, change: Change) -> set[int]:
        items = self.goals if kind == "goal" else self.actions
        return {item.id for item in items if item.change == change}


def _compared_keys(*items: Snapshot | None) -> list[str]:
    keys: set[str] = set()
    for item in items:
        if item is not None:
            keys |= {k for k in item if k not in {"id", "actions"} and not k.endswith("_label")}
    return sorted(keys)


def _field_changes(old: Snapshot, new: Snapshot, keys: Iterable[str]) -> tuple[FieldChange, ...]:
    return tuple(FieldChange(k, old.get(k), new.get(k)) for k in keys if old.get(k) != new.get(k))


def _items(old: Mapping[int, Snapshot], new: Mapping[int, Snapshot], kind: str) -> tuple[ItemChange, ...]:
    changes = []
    for pk, item in new.items():
        if pk not in old:
            changes.append(ItemChange(kind, pk, Change.ADDED, None, item))
        elif fields := _field_changes(old[pk], item, _compared_keys(old[pk], item)):
            changes.append(ItemChange(kind, pk, Change.CHANGED, old[pk], item, fields))
    changes.extend(ItemChange(kind, pk, Change.REMOVED, item, None) for pk, item in old.items() if pk not in new)
    return tuple(changes)


def goals_by_id(snapshot: Snapshot) -> dict[int, Snapshot]:
    return {goal["id"]: goal for goal in snapshot.get("goals", [])}


def actions_by_id(snapshot: Snapshot) -> dict[int, Snapshot]:
    """Every action of the plan, with the id of its goal (a move to another goal is a change too)."""
    return {
        action["id"]: {**action, "goal_id": goal["id"]}
        for goal in snapshot.get("goals", [])
        for action in goal.get("actions", [])
    }


def diff(old: Snapshot, new: Snapshot) -> PlanDiff:
    """What changed from `old` to `new`: plan fields, goals and actions added, removed or changed."""
    return PlanDiff(
        plan_fields=_field_changes(old, new, PLAN_FIELDS),
        goals=_items(goals_by_id(old), goals_by_id(new), "goal"),
        actions=_items(actions_by_id(old), actions_by_id(new), "action"),
    )


def shown(item: Snapshot | None, key: str) -> str:
    """A value as people read it: the label if the snapshot has one, dates as 3-2-2025, yes/no."""
    if item is None:
        return "—"
    value = item.get(f"{key}_label", item.get(key))
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return short_date(date.fromisoformat(value))
        except ValueError:
            return value
    return str(value)


def _short(text: str, length: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


def describe(changes: PlanDiff) -> str:
    """The summary stored with a version: "Doel toegevoegd: …", "Actie gewijzigd: … (status: open → gedaan)"."""
    nouns = {"goal": "Doel", "action": "Actie"}
    verbs = {Change.ADDED: "toegevoegd", Change.REMOVED: "verwijderd", Change.CHANGED: "gewijzigd"}
    lines = []
    for fc in changes.plan_fields:
        lines.append(
            f"Plan gewijzigd: {fc.label}: {shown({fc.key: fc.old}, fc.key)} → {shown({fc.key: fc.new}, fc.key)}"
        )
    for item in (*changes.goals, *changes.actions):
        line = f"{nouns[item.kind]} {verbs[item.change]}: {_short(item.description)}"
        details = [
            f"{fc.label} aangepast"
            if fc.key in {"description", "problem"}
            else f"{fc.label}: {shown(item.old, fc.key)} → {shown(item.new, fc.key)}"
            for fc in item.fields
            if fc.key not in TECHNICAL_KEYS
        ]
        if details:
            line += f" ({'; '.join(details)})"
        lines.append(line)
    return "\n".join(lines) or "Geen inhoudelijke wijziging"


@dataclass(frozen=True)
class Row:
    """One line of the side-by-side comparison: the old item left, the new one right."""

    kind: str  # "goal" or "action"
    old: Snapshot | None
    new: Snapshot | None
    change: Change | None  # None: unchanged
    changed_keys: frozenset[str] = field(default_factory=frozenset)

    @property
    def changed_labels(self) -> list[str]:
        return [FIELD_LABELS.get(k, k) for k in sorted(self.changed_keys) if k not in TECHNICAL_KEYS]


def side_by_side(old: Snapshot, new: Snapshot) -> list[Row]:
    """Goals in the new order with their actions under them; what was removed follows where it was."""
    changes = diff(old, new)
    by_id = {("goal", c.id): c for c in changes.goals} | {("action", c.id): c for c in changes.actions}

    def row(kind: str, old_item: Snapshot | None, new_item: Snapshot | None, pk: int) -> Row:
        c = by_id.get((kind, pk))
        keys = frozenset(fc.key for fc in c.fields) if c is not None else frozenset()
        return Row(kind, old_item, new_item, c.change if c is not None else None, keys)

    old_goals, old_actions, new_actions = goals_by_id(old), actions_by_id(old), actions_by_id(new)
    rows: list[Row] = []
    new_goal_ids = set()
    for goal in new.get("goals", []):
        new_goal_ids.add(goal["id"])
        rows.append(row("goal", old_goals.get(goal["id"]), goal, goal["id"]))
        for action in goal.get("actions", []):
            rows.append(row("action", old_actions.get(action["id"]), action, action["id"]))
        for action in old_goals.get(goal["id"], {}).get("actions", []):
            if action["id"] not in new_actions:
                rows.append(row("action", action, None, action["id"]))
    for goal in old.get("goals", []):
        if goal["id"] not in new_goal_ids:
            rows.append(row("goal", goal, None, goal["id"]))
            rows.extend(
                row("action", action, None, action["id"])
                for action in goal.get("actions", [])
                if action["id"] not in new_actions
            )
    return rows


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
