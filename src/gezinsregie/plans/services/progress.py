"""Changes that store their version at once: the family's approval, a professional's progress report; and the
periodic reminder to the owners of actions that are nearly or already due."""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.audit import services as audit
from gezinsregie.common.formatting import long_date
from gezinsregie.notifications.services import notify
from gezinsregie.plans import rules, selectors
from gezinsregie.plans.models import Action, ActionStatus, Plan
from gezinsregie.plans.services._common import _before, _lock, _log, _raise_if, _save, _today
from gezinsregie.plans.services.session import _keep_through_undo, _new_version


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
