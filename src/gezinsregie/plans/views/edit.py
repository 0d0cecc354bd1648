"""Changing the plan: each screen binds a form, calls one service and answers 409 when the plan moved on."""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from gezinsregie import policy
from gezinsregie.accounts.request import actor_of
from gezinsregie.casework import rules as casework_rules
from gezinsregie.casework.models import Family
from gezinsregie.common.forms import apply_errors
from gezinsregie.plans import selectors, services
from gezinsregie.plans.forms import ActionForm, ApprovalForm, GoalForm, PlanForm, ProgressForm, owner_key
from gezinsregie.plans.services import Owner, StalePlanError
from gezinsregie.plans.views.common import _plan_or_404
from gezinsregie.plans.views.read import _number

VIEW, EDIT = policy.Permission.VIEW, policy.Permission.EDIT


@login_required
@require_POST
def create(request: HttpRequest, family_id: UUID) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=EDIT)
    try:
        services.plan_create(actor=actor, family=family)
    except ValidationError as invalid:
        for message in invalid.messages:
            messages.error(request, message)
    else:
        messages.success(request, "Het plan is aangemaakt. Voeg nu een doel toe voor elk probleem.")
    return redirect("plans:detail", family_id=family.pk)


def _stale(request: HttpRequest, form_class: type[PlanForm], stale: StalePlanError, kwargs: dict[str, Any]) -> PlanForm:
    """The user's input as they typed it, with the message; the hidden version now names the plan as it is,
    so that after looking at the new version they can send their change again on purpose."""
    data = request.POST.copy()
    data["version"] = str(stale.current_version)
    form = form_class(data, **kwargs)
    form.is_valid()
    form.add_error(None, str(stale))
    return form


def _form_page(
    request: HttpRequest,
    *,
    template: str,
    context: dict[str, Any],
    form_class: type[PlanForm],
    form_kwargs: dict[str, Any],
    initial: dict[str, Any],
    save: Any,
    success: str,
) -> HttpResponse:
    """GET: an empty or filled form. POST: validate, call the service, and on success back to the plan."""
    family: Family = context["family"]
    if request.method != "POST":
        form = form_class(initial=initial, **form_kwargs)
        return render(request, template, {**context, "form": form})
    form = form_class(request.POST, **form_kwargs)
    if form.is_valid():
        try:
            save(form.cleaned_data)
        except StalePlanError as stale:
            based_on = _number(request.POST.get("version"), stale.current_version)
            form = _stale(request, form_class, stale, form_kwargs)
            stale_context = {"form": form, "stale": stale, "based_on": based_on, "plan": _plan_or_404(family)}
            return render(request, template, {**context, **stale_context}, status=409)
        except ValidationError as invalid:
            apply_errors(form, invalid, getattr(form, "FIELD_MAP", {}))
        else:
            messages.success(request, success)
            return redirect("plans:detail", family_id=family.pk)
    return render(request, template, {**context, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def goal_add(request: HttpRequest, family_id: UUID) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=EDIT)
    plan = _plan_or_404(family)
    highest = plan.goals.aggregate(m=Max("priority"))["m"] or 0
    initial: dict[str, Any] = {"version": plan.version, "priority": highest + 1}
    if (problem := request.GET.get("probleem", "")).isdigit():
        initial["problem"] = int(problem)
    if request.GET.get("netwerk"):  # the plan page's proposal: no one supports the family (C2.c.3)
        initial["description"] = f"{casework_rules.NETWORK_GOAL_TEXT}: "
        on_network = selectors.problems_of(family).filter(domain__key__in=casework_rules.NETWORK_DOMAIN_KEYS).first()
        initial.setdefault("problem", on_network.pk if on_network else None)

    def save(data: dict[str, Any]) -> None:
        services.plan_add_goal(
            actor=actor,
            plan=plan,
            expected_version=data["version"],
            problem=data["problem"],
            description=data["description"],
            priority=data["priority"],
            term=data["term"],
        )

    return _form_page(
        request,
        template="plans/goal_form.html",
        context={"family": family, "plan": plan, "goal": None},
        form_class=GoalForm,
        form_kwargs={"family": family},
        initial=initial,
        save=save,
        success="Het doel is toegevoegd.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def goal_edit(request: HttpRequest, family_id: UUID, goal_id: int) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=EDIT)
    plan = _plan_or_404(family)
    goal = get_object_or_404(plan.goals.select_related("problem__domain", "problem__member"), pk=goal_id)
    initial = {
        "version": plan.version,
        "problem": goal.problem_id,
        "description": goal.description,
        "priority": goal.priority,
        "term": goal.term,
        "status": goal.status,
    }

    def save(data: dict[str, Any]) -> None:
        services.plan_update_goal(
            actor=actor,
            goal=goal,
            expected_version=data["version"],
            problem=data["problem"],
            description=data["description"],
            priority=data["priority"],
            term=data["term"],
            status=data["status"],
        )

    return _form_page(
        request,
        template="plans/goal_form.html",
        context={"family": family, "plan": plan, "goal": goal},
        form_class=GoalForm,
        form_kwargs={"family": family, "editing": True},
        initial=initial,
        save=save,
        success="Het doel is opgeslagen.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_add(request: HttpRequest, family_id: UUID, goal_id: int) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=EDIT)
    plan = _plan_or_404(family)
    goal = get_object_or_404(plan.goals.select_related("problem__domain"), pk=goal_id)

    def save(data: dict[str, Any]) -> None:
        services.plan_add_action(
            actor=actor,
            goal=goal,
            expected_version=data["version"],
            description=data["description"],
            owner=data["owner_obj"],
            due_on=data["due_on"],
        )

    return _form_page(
        request,
        template="plans/action_form.html",
        context={"family": family, "plan": plan, "goal": goal, "action": None},
        form_class=ActionForm,
        form_kwargs={"family": family, "today": timezone.localdate()},
        initial={"version": plan.version},
        save=save,
        success="De actie is toegevoegd.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_edit(request: HttpRequest, family_id: UUID, action_id: int) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=EDIT)
    plan = _plan_or_404(family)
    action = selectors.action_of(plan, action_id)
    if action is None:
        raise Http404
    initial = {
        "version": plan.version,
        "description": action.description,
        "owner": owner_key(Owner.of(action)),
        "owner_name": action.owner_name,
        "due_on": action.due_on,
        "status": action.status,
        "done_on": action.done_on,
    }

    def save(data: dict[str, Any]) -> None:
        services.plan_update_action(
            actor=actor,
            action=action,
            expected_version=data["version"],
            description=data["description"],
            owner=data["owner_obj"],
            due_on=data["due_on"],
            status=data["status"],
            done_on=data["done_on"],
        )

    return _form_page(
        request,
        template="plans/action_form.html",
        context={"family": family, "plan": plan, "goal": action.goal, "action": action},
        form_class=ActionForm,
        form_kwargs={"family": family, "today": timezone.localdate(), "action": action},
        initial=initial,
        save=save,
        success="De actie is opgeslagen.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def approval(request: HttpRequest, family_id: UUID) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=EDIT)
    plan = _plan_or_404(family)
    initial = {
        "version": plan.version,
        "goals_set_with_family": plan.goals_set_with_family,
        "approved_by_family_on": plan.approved_by_family_on,
    }

    def save(data: dict[str, Any]) -> None:
        services.plan_record_approval(
            actor=actor,
            plan=plan,
            expected_version=data["version"],
            goals_set_with_family=data["goals_set_with_family"],
            approved_by_family_on=data["approved_by_family_on"],
        )

    return _form_page(
        request,
        template="plans/approval_form.html",
        context={"family": family, "plan": plan},
        form_class=ApprovalForm,
        form_kwargs={},
        initial=initial,
        save=save,
        success="De afspraak met het gezin is vastgelegd.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_progress(request: HttpRequest, family_id: UUID, action_id: int) -> HttpResponse:
    """The professional who owns an action says it is done, or why it cannot be done."""
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=VIEW)
    plan = _plan_or_404(family)
    action = selectors.action_of(plan, action_id)
    if action is None or not policy.may_report_progress(actor, action):
        raise Http404
    form = ProgressForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_report_progress(
                actor=actor, action=action, done=form.cleaned_data["done"], note=form.cleaned_data["note"]
            )
        except ValidationError as invalid:
            apply_errors(form, invalid, {"status_note": "note"})
        else:
            messages.success(request, "Dank u: de regisseur ziet uw voortgang in het plan.")
            return redirect("plans:detail", family_id=family.pk)
    return render(request, "plans/action_progress.html", {"family": family, "action": action, "form": form})
