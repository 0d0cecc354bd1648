"""Changing the plan: each screen binds a form, calls one service and answers 409 when the plan moved on.

The goal and action forms also open inside the plan page (htmx) and answer there; the create forms carry a
submission token (common.idempotency), so Back + send again creates nothing twice."""

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from gezinsregie import policy
from gezinsregie.accounts.request import actor_of
from gezinsregie.casework import rules as casework_rules
from gezinsregie.casework.models import Family
from gezinsregie.common.forms import apply_errors
from gezinsregie.common.idempotency import idempotent
from gezinsregie.plans import selectors, services
from gezinsregie.plans.forms import ActionForm, ApprovalForm, GoalForm, PlanForm, ProgressForm, owner_key
from gezinsregie.plans.services import Owner, StaleItemError, StalePlanError
from gezinsregie.plans.views.common import _plan_or_404
from gezinsregie.plans.views.read import _number, items_context

VIEW, EDIT = policy.Permission.VIEW, policy.Permission.EDIT


@login_required
@require_POST
@idempotent
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
    if isinstance(stale, StaleItemError):
        data["stamp"] = stale.current_stamp
    form = form_class(data, **kwargs)
    form.is_valid()
    form.add_error(None, str(stale))
    return form


@dataclass(frozen=True)
class InPlace:
    """How the form shows inside the plan page (htmx): its heading, its button, a unique id for its fields."""

    form_id: str
    title: str
    submit: str
    creates: bool = False


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
    in_place: InPlace,
) -> HttpResponse:
    """GET: an empty or filled form. POST: validate, call the service, and on success back to the plan.

    Asked by htmx from the plan page, the form is a part of that page and a success answers with the plan's goals
    and actions as they are now (no page load); without JavaScript the same URL is a page of its own."""
    family: Family = context["family"]
    inline = bool(request.headers.get("HX-Request"))
    if inline:
        form_kwargs = {**form_kwargs, "auto_id": f"{in_place.form_id}-%s"}
        template = "plans/_item_form.html"
        context = {
            **context,
            "form_id": in_place.form_id,
            "form_title": in_place.title,
            "submit_label": in_place.submit,
            "is_goal_form": form_class is GoalForm,
        }
    context = {**context, "creates": in_place.creates, "inline": inline}
    if request.method != "POST":
        form = form_class(initial=initial, **form_kwargs)
        if inline:
            _autofocus(form)
        return render(request, template, {**context, "form": form})
    form = form_class(request.POST, **form_kwargs)
    if form.is_valid():
        try:
            save(form.cleaned_data)
        except StalePlanError as stale:
            based_on = _number(request.POST.get("version"), stale.current_version)
            form = _stale(request, form_class, stale, form_kwargs)
            stale_context = {"form": form, "stale": stale, "based_on": based_on, "plan": _plan_or_404(family)}
            return render(request, template, {**context, **stale_context}, status=200 if inline else 409)
        except ValidationError as invalid:
            apply_errors(form, invalid, getattr(form, "FIELD_MAP", {}))
        else:
            if inline:
                return items_response(request, family, status_message=success)
            messages.success(request, success)
            return redirect("plans:detail", family_id=family.pk)
    return render(request, template, {**context, "form": form})


def _autofocus(form: PlanForm) -> None:
    """The first field the user fills in gets the focus when the form appears in the page."""
    for field in form.visible_fields():
        field.field.widget.attrs["autofocus"] = True
        return


def items_response(request: HttpRequest, family: Family, **extra: Any) -> HttpResponse:
    """The goals and actions of the plan as they are now, replacing that part of the plan page (htmx)."""
    actor = actor_of(request)
    context = {**items_context(actor, family, _plan_or_404(family)), **extra}
    response = render(request, "plans/_plan_items.html", context)
    response["HX-Retarget"] = "#plan-inhoud"
    response["HX-Reswap"] = "outerHTML"
    response.submission_result = reverse("plans:detail", kwargs={"family_id": family.pk})  # type: ignore[attr-defined]
    return response


@login_required
@require_http_methods(["GET", "POST"])
@idempotent
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
        in_place=InPlace("doel-nieuw", "Doel toevoegen", "Doel toevoegen", creates=True),
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
        "stamp": services.stamp_of(goal),
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
            expected_stamp=data["stamp"],
        )

    return _form_page(
        request,
        template="plans/goal_form.html",
        context={"family": family, "plan": plan, "goal": goal},
        form_class=GoalForm,
        form_kwargs={"family": family, "editing": True},
        initial=initial,
        save=save,
        success="Het doel is gewijzigd.",
        in_place=InPlace(f"doel-{goal.pk}", "Doel wijzigen", "Wijziging bewaren"),
    )


@login_required
@require_http_methods(["GET", "POST"])
@idempotent
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
        in_place=InPlace(f"actie-nieuw-{goal.pk}", "Actie toevoegen", "Actie toevoegen", creates=True),
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
        "stamp": services.stamp_of(action),
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
            expected_stamp=data["stamp"],
        )

    return _form_page(
        request,
        template="plans/action_form.html",
        context={"family": family, "plan": plan, "goal": action.goal, "action": action},
        form_class=ActionForm,
        form_kwargs={"family": family, "today": timezone.localdate(), "action": action},
        initial=initial,
        save=save,
        success="De actie is gewijzigd.",
        in_place=InPlace(f"actie-{action.pk}", "Actie wijzigen", "Wijziging bewaren"),
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
        in_place=InPlace("instemming", "Instemming gezin vastleggen", "Opslaan"),
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
