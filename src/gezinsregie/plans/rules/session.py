"""The working session on a plan (werksessie), as pure rules: the order after a move, what undoing does, who may
undo someone else's session, and what the plan page says about it. No database (issue 14 §1)."""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

UP, DOWN = "up", "down"
# An open session nobody touched for this long may be undone by another coordinator of the family: a forgotten
# session does not lock the plan forever, and a session in use is never undone behind its owner's back.
ABANDONED_AFTER = timedelta(hours=4)


def moved(order: Sequence[int], item_id: int, direction: str) -> list[int]:
    """The ids in their new order after moving `item_id` one place up or down. At the edge nothing moves."""
    ids = list(order)
    if item_id not in ids or direction not in {UP, DOWN}:
        raise ValueError(f"cannot move {item_id} {direction} in {ids}")
    i = ids.index(item_id)
    j = i - 1 if direction == UP else i + 1
    if 0 <= j < len(ids):
        ids[i], ids[j] = ids[j], ids[i]
    return ids


def positions(order: Sequence[int]) -> dict[int, int]:
    """Position 1, 2, 3, … for the ids in this order."""
    return {pk: n for n, pk in enumerate(order, start=1)}


@dataclass(frozen=True)
class Change:
    """One item the session touched: its fields before the session's first change, or None if it is new."""

    kind: Literal["goal", "action"]
    item_id: int
    before: Mapping[str, Any] | None


@dataclass(frozen=True)
class Step:
    op: Literal["restore", "delete"]
    kind: Literal["goal", "action"]
    item_id: int
    fields: Mapping[str, Any] | None = None


def undo_steps(changes: Iterable[Change]) -> list[Step]:
    """What undoing the session does, in an order the database accepts: goals back first (an action needs its
    goal), then actions back, then the session's new actions away, then its new goals."""
    changes = list(changes)

    def pick(kind: str, new: bool) -> list[Change]:
        return [c for c in changes if c.kind == kind and (c.before is None) == new]

    return [
        *(Step("restore", "goal", c.item_id, c.before) for c in pick("goal", new=False)),
        *(Step("restore", "action", c.item_id, c.before) for c in pick("action", new=False)),
        *(Step("delete", "action", c.item_id) for c in pick("action", new=True)),
        *(Step("delete", "goal", c.item_id) for c in pick("goal", new=True)),
    ]


def may_undo(*, owner_id: int, actor_id: int, last_change_at: datetime, now: datetime) -> bool:
    """The owner of a session may always undo it; another only once it lies untouched (ABANDONED_AFTER)."""
    return owner_id == actor_id or now - last_change_at >= ABANDONED_AFTER
