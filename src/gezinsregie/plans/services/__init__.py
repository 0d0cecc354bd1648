"""Writes of the plan. Each service asks the policy first, locks the plan row, checks the version the
user's change was based on (optimistic locking), validates fully, writes atomically and logs.

An edit of a goal or an action goes into the coordinator's working session (services/session.py): no version
per field; "Opslaan als nieuwe versie" stores one PlanVersion with a snapshot and a summary of the whole session.
The family's approval, a round table and a progress report store their version at once.

If the plan changed since the user opened the form, or someone else has a working session open on it, nothing
is written and StalePlanError is raised: the view shows the user's input again with the message (HTTP 409).
"""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.audit import services as audit
from gezinsregie.casework.models import Family, Member, Problem
from gezinsregie.common.formatting import long_date
from gezinsregie.notifications.services import notify
from gezinsregie.organisations.models import Organisation
from gezinsregie.plans import rules, selectors
from gezinsregie.plans.models import Action, ActionStatus, Goal, OwnerKind, Plan, PlanVersion

EDIT = policy.Permission.EDIT
STALE_MESSAGE = (
    "Iemand anders heeft het plan intussen gewijzigd (versie {version}). Uw wijziging is niet opgeslagen; "
    "bekijk de nieuwe versie en voer uw wijziging opnieuw in."
)


BUSY_MESSAGE = (
    "Iemand anders heeft het plan intussen gewijzigd: {who} werkt er sinds {since} aan en heeft die wijzigingen "
    "nog niet opgeslagen. Uw wijziging is niet opgeslagen; voer haar opnieuw in als {who} de wijzigingen heeft "
    "opgeslagen of ongedaan gemaakt."
)


class StalePlanError(Exception):
    """The plan is no longer at the version the change was based on, or someone else's working session is open
    on it. Nothing was written."""

    def __init__(self, current_version: int, *, busy_with: str = "", since: str = "") -> None:
        self.current_version = current_version
        self.busy_with = busy_with
        message = BUSY_MESSAGE.format(who=busy_with, since=since) if busy_with else STALE_MESSAGE
        super().__init__(message.format(version=current_version))


@dataclass(frozen=True)
class Owner:
    """Who does an action: a family member, a professional of an organisation, or a network person by name."""

    kind: str
    member: Member | None = None
    user: User | None = None
    organisation: Organisation | None = None
    name: str = ""

    @property
    def key(self) -> tuple[str, int | None, int | None, int | None, str]:
        return (
            self.kind,
            self.member.pk if self.member else None,
            self.user.pk if self.user else None,
            self.organisation.pk if self.organisation else None,
            self.name.strip() if self.kind == OwnerKind.NETWORK else "",
        )

    @classmethod
    def of(cls, action: Action) -> "Owner":
        return cls(
            kind=action.owner_kind,
            member=action.owner_member,
            user=action.owner_user,
            organisation=action.owner_organisation,
            name=action.owner_name,
        )


def _today() -> date:
    return timezone.localdate()


def _log(*, actor: User, action: str, family: Family, obj: Any) -> None:
    audit.record(
        actor=actor, action=action, family=family, obj=obj, membership=policy.granting_membership(actor, EDIT, family)
    )


def _raise_if(errors: rules.Errors) -> None:
    if errors:
        raise ValidationError(errors)


def _save(obj: Any, errors: rules.Errors | None = None) -> None:
    """full_clean() before save(), reporting the rules' errors and the model's together."""
    errors = {k: list(v) for k, v in (errors or {}).items()}
    try:
        obj.full_clean()
    except ValidationError as invalid:
        for key, messages in invalid.message_dict.items():
            errors.setdefault(key, []).extend(m for m in messages if m not in errors.get(key, []))
    _raise_if(errors)
    obj.save()


def _lock(*, actor: User, plan: Plan, expected_version: int) -> Plan:
    """The plan row, locked until the end of the transaction, if it is still at `expected_version`."""
    policy.ensure(actor, EDIT, plan.family)
    # Lock only the plan row (of="self"), not the family and approach rows joined in for reading.
    locked = Plan.objects.select_for_update(of=("self",)).select_related("family__approach").get(pk=plan.pk)
    if locked.version != expected_version:
        raise StalePlanError(locked.version)
    _ensure_not_busy(actor=actor, plan=locked)
    return locked


def _ensure_not_busy(*, actor: User, plan: Plan) -> None:
    """Someone else's working session is open: their unsaved edits are not overwritten."""
    session = selectors.open_session_of(plan)
    if session is not None and session.opened_by_id != actor.pk:
        since = timezone.localtime(session.opened_at).strftime("%H:%M")
        raise StalePlanError(plan.version, busy_with=str(session.opened_by), since=since)


def _before(plan: Plan) -> dict[str, Any]:
    latest = plan.versions.order_by("-number").first()
    return latest.snapshot if latest is not None else selectors.snapshot_of(plan)


def _new_version(*, actor: User, plan: Plan, before: dict[str, Any]) -> PlanVersion:
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
) -> Goal:
    plan = _lock(actor=actor, plan=goal.plan, expected_version=expected_version)
    session = _session_for(actor=actor, plan=plan)
    goal = plan.goals.get(pk=goal.pk)
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
) -> Action:
    plan = _lock(actor=actor, plan=action.goal.plan, expected_version=expected_version)
    session = _session_for(actor=actor, plan=plan)
    action = Action.objects.select_related("goal").get(pk=action.pk, goal__plan=plan)
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


@transaction.atomic
def plan_record_approval(
    *,
    actor: User,
    plan: Plan,
    expected_version: int,
    goals_set_with_family: bool,
    approved_by_family_on: date | None,
) -> Plan:
    """toetsingskader C2.a.2 (goals set with the family) and the family's approval (instemming) of this version."""
    plan = _lock(actor=actor, plan=plan, expected_version=expected_version)
    before = _before(plan)
    _raise_if(
        rules.approval_errors(
            approved_on=approved_by_family_on,
            registered_on=plan.family.registered_on,
            today=_today(),
        )
    )
    plan.goals_set_with_family = goals_set_with_family
    plan.approved_by_family_on = approved_by_family_on
    # The approval is of the content as it is now: the version this change creates.
    plan.approved_version = plan.version + 1 if approved_by_family_on is not None else None
    _new_version(actor=actor, plan=plan, before=before)
    _log(actor=actor, action="plan.approval", family=plan.family, obj=plan)
    return plan


@transaction.atomic
def plan_report_progress(*, actor: User, action: Action, done: bool, note: str) -> Action:
    """The professional who owns an action reports it done (with a note) or not possible (with the reason the
    coordinator needs). A change of the plan like any other: a new version, and the coordinator is told."""
    if not policy.may_report_progress(actor, action):
        raise PermissionDenied
    plan = Plan.objects.select_for_update(of=("self",)).select_related("family__approach").get(pk=action.goal.plan_id)
    before = _before(plan)
    action = Action.objects.select_related("goal").get(pk=action.pk, goal__plan=plan)
    if action.status != ActionStatus.OPEN:
        raise ValidationError("Deze actie staat niet meer open; de regisseur heeft haar al bijgewerkt.")
    if not done and not note.strip():
        raise ValidationError({"status_note": ["Schrijf op waarom de actie niet kan: de regisseur leest het."]})
    action.status = ActionStatus.DONE if done else ActionStatus.NOT_POSSIBLE
    action.done_on = _today() if done else None
    action.status_note = note.strip()
    _save(action)
    if (session := selectors.open_session_of(plan)) is not None:
        # The coordinator is editing: the report goes into the version their session becomes, and undoing the
        # session does not undo the report (it is not theirs to undo).
        _keep_through_undo(session, action)
    else:
        _new_version(actor=actor, plan=plan, before=before)
    audit.record(
        actor=actor,
        action="plan.action_progress",
        family=plan.family,
        obj=action,
        membership=policy.granting_membership(actor, policy.Permission.VIEW, plan.family),
    )
    coordinator = plan.family.coordinator
    if coordinator is not None:
        verdict = "is gedaan" if done else f"kan niet: {action.status_note}"
        notify(
            user=coordinator,
            key=f"action:{action.pk}:progress:{plan.version}",
            message=f"Actie ‘{action.description[:60]}’ van {actor} {verdict} (gezin {plan.family.reference}).",
            url=reverse("plans:detail", kwargs={"family_id": plan.family.pk}),
            family=plan.family,
        )
    return action


def actions_remind_owners(*, actor: User, today: date | None = None) -> int:
    """The periodic check: the professional who owns an open action hears two days before and on its date
    (in the app and by e-mail), each once, whenever the check runs."""
    if not policy.can(actor, policy.Permission.RUN_CHECKS):
        raise PermissionDenied
    today = today or _today()
    window = today + timedelta(days=rules.REMIND_DAYS_BEFORE)
    sent = 0
    open_actions = Action.objects.filter(
        status=ActionStatus.OPEN, owner_user__isnull=False, due_on__lte=window
    ).select_related("owner_user", "goal__plan__family")
    for action in open_actions:
        kind = rules.reminder_due(due_on=action.due_on, status=action.status, today=today)
        if kind is None or action.owner_user is None:
            continue
        family = action.goal.plan.family
        if not policy.can(action.owner_user, policy.Permission.VIEW, family):
            continue  # no longer involved or outside the consent: not theirs to be reminded of
        when = "is vandaag of eerder verlopen" if kind == "due" else f"staat op {long_date(action.due_on)}"
        created = notify(
            user=action.owner_user,
            key=f"action:{action.pk}:reminder:{kind}:{action.due_on.isoformat()}",
            message=f"Herinnering: uw actie ‘{action.description[:60]}’ (gezin {family.reference}) {when}.",
            url=reverse("plans:action_progress", kwargs={"family_id": family.pk, "action_id": action.pk}),
            family=family,
        )
        sent += created is not None
    return sent


# round tables, commitments and the working session use the helpers above; imported last so that they exist
# when those modules load
from gezinsregie.plans.services.commitment import plan_commit as plan_commit  # noqa: E402
from gezinsregie.plans.services.meetings import AgreementInput as AgreementInput  # noqa: E402
from gezinsregie.plans.services.meetings import meeting_record as meeting_record  # noqa: E402
from gezinsregie.plans.services.session import (  # noqa: E402  # noqa: E402
    _close_session,
    _keep_through_undo,
    _next_position,
    _remember,
    _session_for,
)
from gezinsregie.plans.services.session import plan_move as plan_move  # noqa: E402
from gezinsregie.plans.services.session import plan_remove as plan_remove  # noqa: E402
from gezinsregie.plans.services.session import plan_session_discard as plan_session_discard  # noqa: E402
from gezinsregie.plans.services.session import plan_session_save as plan_session_save  # noqa: E402
from gezinsregie.plans.services.voices import PartnerVoiceInput as PartnerVoiceInput  # noqa: E402
