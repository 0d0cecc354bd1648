"""The working session's pure rules: moving, undoing, who may undo, and how a move shows in the comparison."""

from datetime import UTC, datetime, timedelta

import pytest

from gezinsregie.plans import rules
from gezinsregie.plans.rules import session as session_rules
from gezinsregie.plans.rules.session import Change, Step, may_undo, moved, positions, undo_steps


def test_moving_swaps_with_the_neighbour_and_stops_at_the_edge() -> None:
    assert moved([1, 2, 3], 2, "up") == [2, 1, 3]
    assert moved([1, 2, 3], 2, "down") == [1, 3, 2]
    assert moved([1, 2, 3], 1, "up") == [1, 2, 3]
    assert moved([1, 2, 3], 3, "down") == [1, 2, 3]
    assert positions([3, 1, 2]) == {3: 1, 1: 2, 2: 3}


def test_moving_something_that_is_not_there_is_an_error() -> None:
    with pytest.raises(ValueError):
        moved([1, 2], 5, "up")
    with pytest.raises(ValueError):
        moved([1, 2], 1, "sideways")


def test_undoing_puts_goals_back_before_actions_and_removes_new_actions_before_new_goals() -> None:
    steps = undo_steps(
        [
            Change("action", 10, None),  # added in the session
            Change("goal", 1, {"description": "oud"}),  # changed or removed
            Change("goal", 2, None),  # added
            Change("action", 11, {"description": "oude actie"}),
        ]
    )
    assert steps == [
        Step("restore", "goal", 1, {"description": "oud"}),
        Step("restore", "action", 11, {"description": "oude actie"}),
        Step("delete", "action", 10),
        Step("delete", "goal", 2),
    ]


def test_only_the_owner_undoes_a_session_in_use_and_anyone_an_abandoned_one() -> None:
    now = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
    recent, old = now - timedelta(minutes=5), now - session_rules.ABANDONED_AFTER
    assert may_undo(owner_id=1, actor_id=1, last_change_at=recent, now=now)
    assert not may_undo(owner_id=1, actor_id=2, last_change_at=recent, now=now)
    assert may_undo(owner_id=1, actor_id=2, last_change_at=old, now=now)


def _goal(pk: int, **extra: object) -> dict[str, object]:
    return {"id": pk, "description": f"doel {pk}", "priority": 1, "status": "open", "actions": [], **extra}


def test_a_move_is_a_change_of_order_but_an_older_snapshot_without_positions_is_not() -> None:
    old = {"goals": [_goal(1, position=1), _goal(2, position=2)]}
    new = {"goals": [_goal(2, position=1), _goal(1, position=2)]}
    changes = rules.diff(old, new)
    assert {c.id for c in changes.goals} == {1, 2}
    assert "volgorde: 1 → 2" in rules.describe(changes)
    # a version stored before positions existed, against the same plan now: nothing changed
    assert rules.diff({"goals": [_goal(1)]}, {"goals": [_goal(1, position=1)]}).is_empty
