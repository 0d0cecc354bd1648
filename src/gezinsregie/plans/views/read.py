"""The plan as people read it: the plan page, its versions side by side, and the summary for the family."""

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.accounts.request import actor_of
from gezinsregie.casework.models import Family
from gezinsregie.casework.selectors import network as network_selectors
from gezinsregie.plans import rules, selectors, summary
from gezinsregie.plans.forms.voices import COMMITMENT_PREFIX, PartnerVoiceForm
from gezinsregie.plans.models import Action, ActionStatus, Goal, Plan, PlanVersion
from gezinsregie.plans.rules import session as session_rules
from gezinsregie.plans.views.common import _plan_or_404, _read

VIEW, EDIT = policy.Permission.VIEW, policy.Permission.EDIT


@dataclass(frozen=True)
class ActionRow:
    action: Action
    overdue: bool
    mine: bool = False  # the viewer owns this open action and may report on it
    first: bool = False  # first or last of its goal: no "omhoog" or "omlaag"
    last: bool = False


@dataclass(frozen=True)
class GoalRow:
    goal: Goal
    actions: list[ActionRow]
    first: bool = False  # first or last of its priority
    last: bool = False


def _goal_rows(actor: User, plan: Plan) -> list[GoalRow]:
    today = timezone.localdate()
    goals = list(selectors.goals_of(plan))
    rows = []
    for goal in goals:
        same_priority = [g.pk for g in goals if g.priority == goal.priority]
        actions = list(goal.actions.all())
        rows.append(
            GoalRow(
                goal,
                [
                    ActionRow(
                        a,
                        rules.action_is_overdue(due_on=a.due_on, status=a.status, today=today),
                        mine=a.owner_user_id == actor.pk and a.status == ActionStatus.OPEN,
                        first=n == 0,
                        last=n == len(actions) - 1,
                    )
                    for n, a in enumerate(actions)
                ],
                first=same_priority[0] == goal.pk,
                last=same_priority[-1] == goal.pk,
            )
        )
    return rows


def items_context(actor: User, family: Family, plan: Plan | None) -> dict[str, Any]:
    """What the part of the plan page with the goals and actions needs (the whole page, or an htmx answer)."""
    goals = _goal_rows(actor, plan) if plan is not None else []
    session = selectors.open_session_of(plan) if plan is not None else None
    return {
        "family": family,
        "plan": plan,
        "goals": goals,
        "overdue_count": sum(row.overdue for g in goals for row in g.actions),
        "can_edit": policy.can(actor, EDIT, family),
        "session": session,
        "session_is_mine": session is not None and session.opened_by_id == actor.pk,
        "session_changes": session.changes.count() if session is not None else 0,
        "may_undo_session": session is not None
        and session_rules.may_undo(
            owner_id=session.opened_by_id, actor_id=actor.pk, last_change_at=session.last_change_at, now=timezone.now()
        ),
    }


@never_cache
@login_required
@require_GET
def detail(request: HttpRequest, family_id: UUID) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=VIEW)
    plan = selectors.plan_of(family)
    today = timezone.localdate()
    due_on = rules.plan_due_on(started_on=family.started_on, norm_days=family.approach.plan_norm_days)
    approved_on = plan.approved_by_family_on if plan is not None else None
    if plan is not None:
        _read(actor, family, plan, "plan.view")
    context = {
        **items_context(actor, family, plan),
        "problems_without_goal": selectors.problems_without_goal(family, plan),
        "due_on": due_on,
        "timeliness": rules.plan_timeliness(due_on=due_on, approved_on=approved_on, today=today).value,
        "commitments": selectors.commitments_of(plan) if plan is not None else [],
        "my_organisation": selectors.committing_organisation(actor, family) if plan is not None else None,
        "voice_form": PartnerVoiceForm(prefix=COMMITMENT_PREFIX),  # the partners' two questions (issue 13 §3)
        "commitment_voices": selectors.commitment_voices_of(plan) if plan is not None else [],
        "network": network_selectors.status_of(family),  # no supportive network: propose building one (C2.c.3)
    }
    return render(request, "plans/detail.html", context)


@never_cache
@login_required
@require_GET
def history(request: HttpRequest, family_id: UUID) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=VIEW)
    plan = _plan_or_404(family)
    _read(actor, family, plan, "plan.history")
    versions = plan.versions.select_related("changed_by").order_by("-number")
    return render(request, "plans/history.html", {"family": family, "plan": plan, "versions": versions})


def _number(value: str | None, default: int) -> int:
    return int(value) if value and value.isdigit() else default


@never_cache
@login_required
@require_GET
def compare(request: HttpRequest, family_id: UUID) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=VIEW)
    plan = _plan_or_404(family)
    new_number = _number(request.GET.get("naar"), plan.version)
    old_number = _number(request.GET.get("van"), max(new_number - 1, 1))
    old_number, new_number = sorted((old_number, new_number))  # old left, new right
    old: PlanVersion = get_object_or_404(plan.versions, number=old_number)
    new: PlanVersion = get_object_or_404(plan.versions, number=new_number)
    _read(actor, family, plan, "plan.compare")
    plan_fields = [
        {
            "label": rules.FIELD_LABELS[key],
            "old": rules.shown(old.snapshot, key),
            "new": rules.shown(new.snapshot, key),
            "changed": old.snapshot.get(key) != new.snapshot.get(key),
        }
        for key in rules.PLAN_FIELDS
    ]
    rows = rules.side_by_side(old.snapshot, new.snapshot)
    only_changes = request.GET.get("alleen") == "wijzigingen"  # issue 14 §2: only what changed
    if only_changes:
        rows = [row for row in rows if row.change is not None]
        plan_fields = [f for f in plan_fields if f["changed"]]
    context = {
        "family": family,
        "plan": plan,
        "old": old,
        "new": new,
        "rows": rows,
        "plan_fields": plan_fields,
        "only_changes": only_changes,
        "numbers": list(plan.versions.order_by("number").values_list("number", flat=True)),
    }
    return render(request, "plans/compare.html", context)


@never_cache
@login_required
@require_GET
def summary_html(request: HttpRequest, family_id: UUID) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=VIEW)
    plan = _plan_or_404(family)
    _read(actor, family, plan, "plan.summary")
    return render(request, "plans/summary.html", summary.context(family, plan))


@never_cache
@login_required
@require_GET
def summary_pdf(request: HttpRequest, family_id: UUID) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=VIEW)
    plan = _plan_or_404(family)
    pdf = summary.pdf(family, plan, base_url=request.build_absolute_uri("/"))
    _read(actor, family, plan, "plan.summary_pdf")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="samenvatting-gezinsplan-{family.reference}.pdf"'
    return response
