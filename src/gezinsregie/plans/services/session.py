"""The working session (werksessie) on a plan: edits in place, one version when the coordinator saves.

- Every edit of a goal or action (services plan_add_goal … plan_update_action, plan_move, plan_remove) opens the
  actor's session if none is open, and remembers how the item was before the session first touched it.
- plan_session_save writes one PlanVersion for the whole session (the diff since the last version).
- plan_session_discard puts every touched item back as it was, and the plan is again its last version.
- While a session is open, only its owner edits the plan (StalePlanError for anyone else): nobody silently
  overwrites another's unsaved work. A session left untouched for rules.session.ABANDONED_AFTER may be undone by
  another coordinator of the family, explicitly and logged.
"""

import hashlib
import json
from datetime import date
from typing import Any, Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.plans import rules, selectors
from gezinsregie.plans.models import Action, Goal, Plan, PlanSession, PlanSessionChange, PlanVersion, SessionOutcome
from gezinsregie.plans.rules import session as session_rules
from gezinsregie.plans.services._common import EDIT, StaleItemError, _before, _lock, _log, _save

GOAL_FIELDS = ("plan_id", "problem_id", "description", "priority", "term", "status", "position")
ACTION_FIELDS = (
    "goal_id",
    "description",
    "owner_kind",
    "owner_member_id",
    "owner_user_id",
    "owner_organisation_id",
    "owner_name",
    "due_on",
    "status",
    "done_on",
    "meeting_id",
    "status_note",
    "position",
)
DATE_FIELDS = frozenset({"due_on", "done_on"})
PROGRESS_FIELDS = ("status", "done_on", "status_note")


def _kind(item: Goal | Action) -> Literal["goal", "action"]:
    return "goal" if isinstance(item, Goal) else "action"


def fields_of(item: Goal | Action) -> dict[str, Any]:
    """The item's own fields as JSON, enough to put it back exactly (with its id) when the session is undone."""
    names = GOAL_FIELDS if isinstance(item, Goal) else ACTION_FIELDS
    values = {name: getattr(item, name) for name in names}
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in values.items()}


def stamp_of(item: Goal | Action) -> str:
    """What an edit form remembers of the goal or action it was opened on: a digest of what the form shows and
    changes (not its place in the list, so a move elsewhere in the plan does not count as a change)."""
    values = {k: v for k, v in fields_of(item).items() if k != "position"}
    return hashlib.sha256(json.dumps(values, sort_keys=True, default=str).encode()).hexdigest()[:20]


def _ensure_unchanged(item: Goal | Action, *, plan: Plan, expected_stamp: str) -> None:
    """An edit sent from a form opened on an older state of the item is refused (StaleItemError): another tab of the
    same working session, or the owner's progress report, changed it meanwhile. Without a stamp (a script, a form
    from before the stamp) only the plan version counts."""
    if not expected_stamp:
        return
    current = stamp_of(item)
    if expected_stamp != current:
        noun = "Dit doel" if isinstance(item, Goal) else "Deze actie"
        raise StaleItemError(plan.version, noun=noun, current_stamp=current)


def _session_for(*, actor: User, plan: Plan) -> PlanSession:
    """The actor's open session on the (locked) plan, opened now if there is none. _lock has already refused
    anyone else while another's session is open."""
    session = selectors.open_session_of(plan)
    if session is None:
        session = PlanSession.objects.create(plan=plan, opened_by=actor, base_version=plan.version)
    return session


def _remember(session: PlanSession, item: Goal | Action, *, new: bool) -> None:
    """Keep how the item was before the session's first change to it (nothing: it is new in this session)."""
    PlanSessionChange.objects.get_or_create(
        session=session, kind=_kind(item), item_id=item.pk, defaults={"before": None if new else fields_of(item)}
    )
    session.save(update_fields=["last_change_at"])


def _keep_through_undo(session: PlanSession, action: Action) -> None:
    """An owner's progress report during someone's session: undoing the session keeps the report."""
    change = session.changes.filter(kind="action", item_id=action.pk).first()
    if change is not None and change.before is not None:
        now = fields_of(action)
        change.before = {**change.before, **{k: now[k] for k in PROGRESS_FIELDS}}
        change.save(update_fields=["before"])


def _new_version(*, actor: User, plan: Plan, before: dict[str, Any]) -> PlanVersion:
    """The next version of the plan: its snapshot, what changed since `before`; the open session ends in it."""
    plan.version += 1
    _save(plan)
    after = selectors.snapshot_of(plan)
    version = PlanVersion(
        plan=plan,
        number=plan.version,
        snapshot=after,
        summary=rules.describe(rules.diff(before, after)),
        changed_by=actor,
    )
    _save(version)
    _close_session(actor=actor, plan=plan, version=version.number)  # its edits are in this version
    return version


def _close_session(*, actor: User, plan: Plan, version: int | None) -> None:
    session = selectors.open_session_of(plan)
    if session is not None:
        session.closed_at, session.closed_by = timezone.now(), actor
        session.outcome, session.saved_version = SessionOutcome.SAVED, version
        session.save(update_fields=["closed_at", "closed_by", "outcome", "saved_version"])


def _next_position(siblings: QuerySet[Any]) -> int:
    return int(siblings.aggregate(m=Max("position"))["m"] or 0) + 1


def _reorder(session: PlanSession, siblings: list[Goal] | list[Action], order: list[int]) -> None:
    by_id = {item.pk: item for item in siblings}
    for pk, position in session_rules.positions(order).items():
        item = by_id[pk]
        if item.position != position:
            _remember(session, item, new=False)
            item.position = position
            item.save(update_fields=["position", "updated_at"])


@transaction.atomic
def plan_move(*, actor: User, item: Goal | Action, expected_version: int, direction: str) -> None:
    """One place up or down: an action among the actions of its goal, a goal among the goals of its priority."""
    if isinstance(item, Goal):
        plan = _lock(actor=actor, plan=item.plan, expected_version=expected_version)
        item = plan.goals.get(pk=item.pk)
        siblings: list[Any] = list(plan.goals.filter(priority=item.priority).order_by("position", "pk"))
    else:
        plan = _lock(actor=actor, plan=item.goal.plan, expected_version=expected_version)
        item = Action.objects.select_related("goal").get(pk=item.pk, goal__plan=plan)
        siblings = list(item.goal.actions.order_by("position", "due_on", "pk"))
    session = _session_for(actor=actor, plan=plan)
    _reorder(session, siblings, session_rules.moved([s.pk for s in siblings], item.pk, direction))
    _log(actor=actor, action=f"plan.{_kind(item)}_move", family=plan.family, obj=item)


@transaction.atomic
def plan_remove(*, actor: User, item: Goal | Action, expected_version: int) -> None:
    """Remove a goal (with its actions) or an action from the plan. The last version keeps it, and the version
    this session becomes says it was removed (the trail); undoing the session brings it back."""
    plan_of_item = item.plan if isinstance(item, Goal) else item.goal.plan
    plan = _lock(actor=actor, plan=plan_of_item, expected_version=expected_version)
    session = _session_for(actor=actor, plan=plan)
    if isinstance(item, Goal):
        item = plan.goals.get(pk=item.pk)
        if item.evaluations.exists():
            raise ValidationError(
                "Dit doel is al geëvalueerd en blijft daarom in het plan. Zet de status op ‘vervallen’."
            )
        for action in item.actions.all():
            _remember(session, action, new=False)
    else:
        item = Action.objects.select_related("goal").get(pk=item.pk, goal__plan=plan)
    _remember(session, item, new=False)
    _log(actor=actor, action=f"plan.{_kind(item)}_remove", family=plan.family, obj=item)
    item.delete()


def _unsaved(plan: Plan) -> PlanSession:
    session = selectors.open_session_of(plan)
    if session is None:
        raise ValidationError("Er zijn geen wijzigingen die nog niet zijn opgeslagen.")
    return session


@transaction.atomic
def plan_session_save(*, actor: User, plan: Plan, expected_version: int) -> int | None:
    """Store the session as one new version. Returns its number, or None if the edits undid each other."""
    plan = _lock(actor=actor, plan=plan, expected_version=expected_version)
    _unsaved(plan)
    before = _before(plan)
    if rules.diff(before, selectors.snapshot_of(plan)).is_empty:
        _close_session(actor=actor, plan=plan, version=None)
        return None
    version = _new_version(actor=actor, plan=plan, before=before)  # closes the session
    _log(actor=actor, action="plan.session_save", family=plan.family, obj=plan)
    return version.number


def _restore(kind: str, item_id: int, fields: dict[str, Any]) -> None:
    model: type[Goal] | type[Action] = Goal if kind == "goal" else Action
    values = {k: date.fromisoformat(v) if k in DATE_FIELDS and v else v for k, v in fields.items()}
    item = model.objects.filter(pk=item_id).first()
    if item is None:  # removed in the session: back with its own id, so the versions still match it
        model.objects.create(pk=item_id, **values)
        return
    for key, value in values.items():
        setattr(item, key, value)
    item.save()


@transaction.atomic
def plan_session_discard(*, actor: User, plan: Plan) -> None:
    """Put every item the session touched back as it was: the plan is its last version again."""
    policy.ensure(actor, EDIT, plan.family)
    plan = Plan.objects.select_for_update(of=("self",)).select_related("family").get(pk=plan.pk)
    session = _unsaved(plan)
    if not session_rules.may_undo(
        owner_id=session.opened_by_id, actor_id=actor.pk, last_change_at=session.last_change_at, now=timezone.now()
    ):
        raise PermissionDenied
    changes = [session_rules.Change(c.kind, c.item_id, c.before) for c in session.changes.all()]  # type: ignore[arg-type]
    for step in session_rules.undo_steps(changes):
        if step.op == "restore" and step.fields is not None:
            _restore(step.kind, step.item_id, dict(step.fields))
        else:
            (Goal if step.kind == "goal" else Action).objects.filter(pk=step.item_id).delete()
    session.closed_at, session.closed_by, session.outcome = timezone.now(), actor, SessionOutcome.DISCARDED
    session.save(update_fields=["closed_at", "closed_by", "outcome"])
    _log(actor=actor, action="plan.session_discard", family=plan.family, obj=plan)
