"""The plan and its content: creating the plan, adding and changing goals and actions. Each edit goes into the
coordinator's working session (session.py), which becomes one version when it is saved."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.casework.models import Family, Problem
from gezinsregie.plans import rules, selectors
from gezinsregie.plans.models import Action, ActionStatus, Goal, OwnerKind, Plan, PlanVersion
from gezinsregie.plans.services._common import EDIT, Owner, _lock, _log, _save, _today
from gezinsregie.plans.services.session import _ensure_unchanged, _next_position, _remember, _session_for


@transaction.atomic
def plan_create(*, actor: User, family: Family) -> Plan:
    policy.ensure(actor, EDIT, family)
    if selectors.plan_of(family) is not None:
        raise ValidationError("Dit gezin heeft al een plan. Er is één plan per gezin.")
    plan = Plan(family=family, version=1, created_by=actor)
    plan.full_clean(validate_unique=False)
    try:
        with transaction.atomic():
            plan.save()
    except IntegrityError as exists:  # someone else created it a moment ago
        raise ValidationError("Dit gezin heeft al een plan. Er is één plan per gezin.") from exists
    _save(
        PlanVersion(
            plan=plan, number=1, snapshot=selectors.snapshot_of(plan), summary="Plan opgesteld", changed_by=actor
        )
    )
    _log(actor=actor, action="plan.create", family=family, obj=plan)
    return plan


@transaction.atomic
def plan_add_goal(
    *,
    actor: User,
    plan: Plan,
    expected_version: int,
    problem: Problem | None,
    description: str,
    priority: int,
    term: str,
) -> Goal:
    plan = _lock(actor=actor, plan=plan, expected_version=expected_version)
    session = _session_for(actor=actor, plan=plan)
    goal = Goal(plan=plan, problem=problem, description=description.strip(), priority=priority, term=term)
    goal.position = _next_position(plan.goals.filter(priority=priority))
    _save(goal)
    _remember(session, goal, new=True)
    _log(actor=actor, action="plan.goal_add", family=plan.family, obj=goal)
    return goal


@transaction.atomic
def plan_update_goal(
    *,
    actor: User,
    goal: Goal,
    expected_version: int,
    problem: Problem | None,
    description: str,
    priority: int,
    term: str,
    status: str,
    expected_stamp: str = "",
) -> Goal:
    plan = _lock(actor=actor, plan=goal.plan, expected_version=expected_version)
    goal = plan.goals.get(pk=goal.pk)
    _ensure_unchanged(goal, plan=plan, expected_stamp=expected_stamp)
    session = _session_for(actor=actor, plan=plan)
    _remember(session, goal, new=False)
    if goal.priority != priority:  # to the end of its new priority group
        goal.position = _next_position(plan.goals.filter(priority=priority).exclude(pk=goal.pk))
    goal.problem, goal.description, goal.priority = problem, description.strip(), priority  # type: ignore[assignment]
    goal.term, goal.status = term, status
    _save(goal)
    _log(actor=actor, action="plan.goal_update", family=plan.family, obj=goal)
    return goal


def _action_errors(
    *, family: Family, owner: Owner, due_on: date, status: str, done_on: date | None, check_consent: bool
) -> rules.Errors:
    today = _today()
    errors = rules.action_date_errors(
        due_on=due_on, status=status, done_on=done_on, registered_on=family.registered_on, today=today
    )
    if check_consent:
        consent = rules.owner_consent_errors(
            kind=owner.kind,
            user_id=owner.user.pk if owner.user else None,
            organisation_id=owner.organisation.pk if owner.organisation else None,
            organisation_name=str(owner.organisation or ""),
            professionals=frozenset(p.key for p in selectors.professionals_of(family)),
            consented_organisation_ids=selectors.consented_organisation_ids(family, today=today),
        )
        for key, messages in consent.items():
            errors.setdefault(key, []).extend(messages)
    return errors


def _set_owner(action: Action, owner: Owner) -> None:
    action.owner_kind = owner.kind
    action.owner_member = owner.member if owner.kind == OwnerKind.MEMBER else None
    action.owner_user = owner.user if owner.kind == OwnerKind.PROFESSIONAL else None
    action.owner_organisation = owner.organisation if owner.kind == OwnerKind.PROFESSIONAL else None
    action.owner_name = owner.name.strip() if owner.kind == OwnerKind.NETWORK else ""


@transaction.atomic
def plan_add_action(
    *, actor: User, goal: Goal, expected_version: int, description: str, owner: Owner, due_on: date
) -> Action:
    plan = _lock(actor=actor, plan=goal.plan, expected_version=expected_version)
    session = _session_for(actor=actor, plan=plan)
    goal = plan.goals.get(pk=goal.pk)
    action = Action(goal=goal, description=description.strip(), due_on=due_on, status=ActionStatus.OPEN)
    action.position = _next_position(goal.actions.all())
    _set_owner(action, owner)
    # A new action is work given to someone: only within the family's consent (toestemmingsverklaring, Maastricht §2.6).
    errors = _action_errors(
        family=plan.family, owner=owner, due_on=due_on, status=action.status, done_on=None, check_consent=True
    )
    _save(action, errors)
    _remember(session, action, new=True)
    _log(actor=actor, action="plan.action_add", family=plan.family, obj=action)
    return action


@transaction.atomic
def plan_update_action(
    *,
    actor: User,
    action: Action,
    expected_version: int,
    description: str,
    owner: Owner,
    due_on: date,
    status: str,
    done_on: date | None,
    expected_stamp: str = "",
) -> Action:
    plan = _lock(actor=actor, plan=action.goal.plan, expected_version=expected_version)
    action = Action.objects.select_related("goal").get(pk=action.pk, goal__plan=plan)
    _ensure_unchanged(action, plan=plan, expected_stamp=expected_stamp)
    session = _session_for(actor=actor, plan=plan)
    _remember(session, action, new=False)
    if status == ActionStatus.DONE and done_on is None:
        done_on = _today()
    # An open action, or a new owner, must be within the consent; a finished action keeps its history.
    check_consent = status == ActionStatus.OPEN or Owner.of(action).key != owner.key
    action.description, action.due_on, action.status, action.done_on = description.strip(), due_on, status, done_on
    _set_owner(action, owner)
    errors = _action_errors(
        family=plan.family, owner=owner, due_on=due_on, status=status, done_on=done_on, check_consent=check_consent
    )
    _save(action, errors)
    _log(actor=actor, action="plan.action_update", family=plan.family, obj=action)
    return action
