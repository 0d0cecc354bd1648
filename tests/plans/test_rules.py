"""The pure plan rules: no database."""

import copy
from datetime import date, timedelta
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from gezinsregie.plans import rules
from gezinsregie.plans.rules import Change, Timeliness

START = date(2025, 3, 3)


# --- deadlines -----------------------------------------------------------------------------------------


def test_the_plan_is_due_a_norm_after_the_start() -> None:
    assert rules.plan_due_on(started_on=START, norm_days=30) == date(2025, 4, 2)
    assert rules.plan_due_on(started_on=None, norm_days=30) is None


def test_a_plan_without_agreement_is_late_after_the_due_date() -> None:
    due = date(2025, 4, 2)
    assert rules.plan_timeliness(due_on=due, approved_on=None, today=due) == Timeliness.PENDING
    assert rules.plan_timeliness(due_on=due, approved_on=None, today=due + timedelta(days=1)) == Timeliness.LATE
    assert rules.plan_is_late(due_on=due, approved_on=None, today=due + timedelta(days=1))


def test_an_agreed_plan_is_on_time_or_was_agreed_late() -> None:
    due = date(2025, 4, 2)
    assert rules.plan_timeliness(due_on=due, approved_on=due, today=date(2026, 1, 1)) == Timeliness.ON_TIME
    late = rules.plan_timeliness(due_on=due, approved_on=due + timedelta(days=1), today=date(2026, 1, 1))
    assert late == Timeliness.APPROVED_LATE
    assert rules.plan_timeliness(due_on=None, approved_on=None, today=due) == Timeliness.NOT_STARTED
    assert not rules.plan_is_late(due_on=None, approved_on=None, today=due)


def test_only_open_actions_past_their_date_are_overdue() -> None:
    today = date(2025, 5, 1)
    assert rules.action_is_overdue(due_on=date(2025, 4, 30), status="open", today=today)
    assert not rules.action_is_overdue(due_on=today, status="open", today=today)
    assert not rules.action_is_overdue(due_on=date(2025, 4, 30), status="done", today=today)
    assert not rules.action_is_overdue(due_on=date(2025, 4, 30), status="cancelled", today=today)


def test_problems_without_a_goal_ignore_dropped_goals() -> None:
    goals = [(1, "open"), (2, "achieved"), (3, "dropped")]
    assert rules.problems_without_goal([1, 2, 3, 4], goals) == [3, 4]


# --- validation ----------------------------------------------------------------------------------------


def test_the_owner_must_match_its_kind() -> None:
    shape = rules.owner_shape_errors
    assert shape(kind="member", member_id=1, user_id=None, organisation_id=None, name="") == {}
    assert "owner_member" in shape(kind="member", member_id=None, user_id=None, organisation_id=None, name="")
    assert "owner_user" in shape(kind="professional", member_id=None, user_id=1, organisation_id=None, name="")
    assert shape(kind="professional", member_id=None, user_id=1, organisation_id=2, name="") == {}
    errors = shape(kind="network", member_id=None, user_id=None, organisation_id=None, name="  ")
    assert errors["owner_name"] == ["Vul de naam in van de persoon uit het netwerk die deze actie doet."]
    assert "owner_kind" in shape(kind="someone", member_id=None, user_id=None, organisation_id=None, name="")


def test_a_professional_outside_the_consent_cannot_own_an_action() -> None:
    def check(org: int, consented: frozenset[int]) -> rules.Errors:
        return rules.owner_consent_errors(
            kind="professional",
            user_id=7,
            organisation_id=org,
            organisation_name="Woonstichting Buiten",
            professionals=frozenset({(7, 1), (7, 2)}),
            consented_organisation_ids=consented,
        )

    assert check(1, frozenset({1})) == {}
    message = check(2, frozenset({1}))["owner_user"][0]
    assert "valt buiten de toestemming" in message and "Woonstichting Buiten" in message
    assert "niet (meer) betrokken" in check(3, frozenset({3}))["owner_user"][0]
    no_consent = rules.owner_consent_errors(
        kind="member",
        user_id=None,
        organisation_id=None,
        organisation_name="",
        professionals=frozenset(),
        consented_organisation_ids=frozenset(),
    )
    assert no_consent == {}


def test_impossible_action_dates_are_refused_in_dutch() -> None:
    registered, today = date(2025, 1, 10), date(2025, 2, 1)

    def errors(due: date, status: str = "open", done: date | None = None) -> rules.Errors:
        return rules.action_date_errors(due_on=due, status=status, done_on=done, registered_on=registered, today=today)

    assert errors(date(2025, 1, 10)) == {}
    assert errors(date(2025, 1, 9))["due_on"] == [
        "Deze datum ligt vóór de aanmelding van het gezin (10 januari 2025). Kies een latere datum."
    ]
    assert "jaar vooruit" in errors(date(2031, 2, 1))["due_on"][0]
    assert "in de toekomst" in errors(date(2025, 2, 5), "done", date(2025, 2, 2))["done_on"][0]
    assert "als de actie gedaan is" in errors(date(2025, 2, 5), "open", date(2025, 1, 20))["done_on"][0]
    assert errors(date(2025, 2, 5), "done", date(2025, 1, 20)) == {}


def test_the_agreement_date_must_be_possible() -> None:
    registered, today = date(2025, 1, 10), date(2025, 2, 1)
    assert rules.approval_errors(approved_on=None, registered_on=registered, today=today) == {}
    assert rules.approval_errors(approved_on=today, registered_on=registered, today=today) == {}
    assert (
        "toekomst"
        in rules.approval_errors(approved_on=date(2025, 2, 2), registered_on=registered, today=today)[
            "approved_by_family_on"
        ][0]
    )
    assert rules.approval_errors(approved_on=date(2025, 1, 1), registered_on=registered, today=today)


# --- versions: the difference between two snapshots ----------------------------------------------------

words = st.text(alphabet="abcdefghij klmnopé", min_size=1, max_size=12)
iso_dates = st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31)).map(date.isoformat)
actions = st.fixed_dictionaries(
    {
        "description": words,
        "owner_kind": st.sampled_from(["member", "professional", "network"]),
        "owner": words,
        "due_on": iso_dates,
        "status": st.sampled_from(["open", "done", "cancelled"]),
        "done_on": st.none() | iso_dates,
    }
)
goals = st.fixed_dictionaries(
    {
        "description": words,
        "priority": st.integers(1, 9),
        "term": st.sampled_from(["short", "long"]),
        "status": st.sampled_from(["open", "achieved", "dropped"]),
        "problem_id": st.integers(1, 5),
        "problem": words,
        "domain": words,
        "member": words,
        "actions": st.lists(actions, max_size=3),
    }
)


def _number(snapshot: dict[str, Any]) -> dict[str, Any]:
    """Give goals and actions unique ids, as the database would."""
    next_action = 1
    for goal_id, goal in enumerate(snapshot["goals"], start=1):
        goal["id"] = goal_id
        for action in goal["actions"]:
            action["id"] = next_action
            next_action += 1
    return snapshot


snapshots = st.fixed_dictionaries(
    {
        "version": st.integers(1, 50),
        "goals_set_with_family": st.booleans(),
        "approved_by_family_on": st.none() | iso_dates,
        "approved_version": st.none() | st.integers(1, 50),
        "goals": st.lists(goals, max_size=5),
    }
).map(_number)


def _different(value: Any) -> Any:
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if value is None:
        return "2030-01-01"
    return value + "!"


@given(snapshots)
def test_a_snapshot_does_not_differ_from_itself(a: dict[str, Any]) -> None:
    changes = rules.diff(a, copy.deepcopy(a))
    assert changes.is_empty
    assert all(row.change is None for row in rules.side_by_side(a, a))
    assert rules.describe(changes) == "Geen inhoudelijke wijziging"


@given(snapshots, st.data())
def test_the_diff_lists_exactly_the_changed_items(a: dict[str, Any], data: st.DataObject) -> None:
    b = copy.deepcopy(a)
    goal_ids = [g["id"] for g in a["goals"]]
    removed_goals = set(data.draw(st.lists(st.sampled_from(goal_ids), unique=True) if goal_ids else st.just([])))
    b["goals"] = [g for g in b["goals"] if g["id"] not in removed_goals]
    removed_actions = {act["id"] for g in a["goals"] if g["id"] in removed_goals for act in g["actions"]}

    changed_goals, changed_actions, added_actions = set(), set(), set()
    next_action = 1000
    for goal in b["goals"]:
        if data.draw(st.booleans()):
            key = data.draw(st.sampled_from(["description", "priority", "term", "status", "problem", "domain"]))
            goal[key] = _different(goal[key])
            changed_goals.add(goal["id"])
        kept = []
        for act in goal["actions"]:
            fate = data.draw(st.sampled_from(["keep", "change", "remove"]))
            if fate == "remove":
                removed_actions.add(act["id"])
                continue
            if fate == "change":
                key = data.draw(st.sampled_from(["description", "owner", "due_on", "status", "done_on"]))
                act[key] = _different(act[key])
                changed_actions.add(act["id"])
            kept.append(act)
        if data.draw(st.booleans()):
            kept.append({**data.draw(actions), "id": next_action})
            added_actions.add(next_action)
            next_action += 1
        goal["actions"] = kept
    added_goals = set()
    for n in range(data.draw(st.integers(0, 2))):
        new_goal = {**data.draw(goals), "id": 500 + n}
        new_goal["actions"] = [{**act, "id": 2000 + 10 * n + i} for i, act in enumerate(new_goal["actions"])]
        added_actions |= {act["id"] for act in new_goal["actions"]}
        b["goals"].append(new_goal)
        added_goals.add(new_goal["id"])
    plan_changed = data.draw(st.booleans())
    if plan_changed:
        b["goals_set_with_family"] = not b["goals_set_with_family"]

    changes = rules.diff(a, b)
    assert changes.ids("goal", Change.REMOVED) == removed_goals
    assert changes.ids("goal", Change.ADDED) == added_goals
    assert changes.ids("goal", Change.CHANGED) == changed_goals
    assert changes.ids("action", Change.REMOVED) == removed_actions
    assert changes.ids("action", Change.ADDED) == added_actions
    assert changes.ids("action", Change.CHANGED) == changed_actions
    assert [fc.key for fc in changes.plan_fields] == (["goals_set_with_family"] if plan_changed else [])

    # Side by side: every goal and action of either version appears once, marked as the diff says.
    rows = rules.side_by_side(a, b)
    seen = [(r.kind, (r.new or r.old or {})["id"]) for r in rows]
    all_goals = set(goal_ids) | added_goals
    all_actions = set(rules.actions_by_id(a)) | set(rules.actions_by_id(b))
    assert sorted(seen) == sorted([("goal", g) for g in all_goals] + [("action", x) for x in all_actions])
    marked = {(r.kind, (r.new or r.old or {})["id"]): r.change for r in rows if r.change is not None}
    expected = {("goal", c.id): c.change for c in changes.goals} | {("action", c.id): c.change for c in changes.actions}
    assert marked == expected


def test_the_summary_says_what_changed_in_words() -> None:
    old = {
        "goals_set_with_family": False,
        "approved_by_family_on": None,
        "approved_version": None,
        "goals": [
            {
                "id": 1,
                "description": "Huis behouden",
                "priority": 1,
                "status": "open",
                "status_label": "loopt",
                "actions": [
                    {"id": 5, "description": "Bellen", "due_on": "2025-02-03", "status": "open", "status_label": "open"}
                ],
            }
        ],
    }
    new = copy.deepcopy(old)
    new["goals"][0]["actions"][0].update(status="done", status_label="gedaan", due_on="2025-02-10")
    new["goals"].append({"id": 2, "description": "Schulden op een rij", "priority": 2, "actions": []})
    new["approved_by_family_on"] = "2025-02-11"
    text = rules.describe(rules.diff(old, new))
    assert "Doel toegevoegd: Schulden op een rij" in text
    assert "Actie gewijzigd: Bellen (klaar op: 3 februari 2025 → 10 februari 2025; status: open → gedaan)" in text
    assert "Plan gewijzigd: gezin stemde in op: — → 11 februari 2025" in text

    rows = rules.side_by_side(old, new)
    assert [(r.kind, r.change) for r in rows] == [("goal", None), ("action", Change.CHANGED), ("goal", Change.ADDED)]
    assert rows[1].changed_labels == ["klaar op", "status"]


def test_values_are_shown_as_people_read_them() -> None:
    item = {"due_on": "2025-02-03", "status": "done", "status_label": "gedaan", "flag": True, "empty": None}
    assert rules.shown(item, "due_on") == "3 februari 2025"
    assert rules.shown(item, "status") == "gedaan"
    assert rules.shown(item, "flag") == "ja"
    assert rules.shown(item, "empty") == "—"
    assert rules.shown(None, "status") == "—"
