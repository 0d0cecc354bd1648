"""The difference between two plan snapshots, as a list of changes and as side-by-side rows. Pure."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from gezinsregie.common.formatting import long_date

Snapshot = Mapping[str, Any]

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
    "meeting": "afgesproken in",
    "status_note": "toelichting van de actiehouder",
    "position": "volgorde",
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
    """The keys to compare: those both sides have. A key only one side has came with a newer snapshot format
    (e.g. "position"), not with a change of the plan."""
    present = [item for item in items if item is not None]
    if not present:
        return []
    keys = set.intersection(
        *({k for k in item if k not in {"id", "actions"} and not k.endswith("_label")} for item in present)
    )
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
            return long_date(date.fromisoformat(value))
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
