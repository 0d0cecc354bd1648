"""Editing the plan in place (issue 14 §1): move and remove items, save the working session as one version or undo
it. With htmx each answer is the plan's goals and actions as they are now; without JavaScript, back to the plan."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from gezinsregie import policy
from gezinsregie.accounts.request import actor_of
from gezinsregie.casework.models import Family
from gezinsregie.plans import selectors, services
from gezinsregie.plans.models import Action, Goal, Plan
from gezinsregie.plans.rules import session as session_rules
from gezinsregie.plans.services import StalePlanError
from gezinsregie.plans.views.common import _plan_or_404, _read
from gezinsregie.plans.views.edit import items_response
from gezinsregie.plans.views.read import _number

EDIT = policy.Permission.EDIT


def _answer(
    request: HttpRequest, family: Family, message: str, *, error: bool = False, **extra: object
) -> HttpResponse:
    if request.headers.get("HX-Request"):
        return items_response(request, family, status_message=message, status_error=error, **extra)
    (messages.error if error else messages.success)(request, message)
    return redirect("plans:detail", family_id=family.pk)


def _item(request: HttpRequest, plan: Plan) -> Goal | Action:
    kind, item_id = request.POST.get("kind"), _number(request.POST.get("item"), 0)
    if kind == "goal":
        return get_object_or_404(plan.goals.select_related("plan"), pk=item_id)
    if kind == "action":
        action = selectors.action_of(plan, item_id)
        if action is not None:
            return action
    raise Http404


@never_cache
@login_required
@require_GET
def items(request: HttpRequest, family_id: UUID) -> HttpResponse:
    """The goals and actions part of the plan page (after "Annuleren" in a form in the page)."""
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=EDIT)
    plan = _plan_or_404(family)
    _read(actor, family, plan, "plan.view")
    return items_response(request, family)


@login_required
@require_POST
def move(request: HttpRequest, family_id: UUID) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=EDIT)
    plan = _plan_or_404(family)
    item = _item(request, plan)
    direction = request.POST.get("richting", "")
    if direction not in {session_rules.UP, session_rules.DOWN}:
        raise Http404
    try:
        services.plan_move(
            actor=actor, item=item, expected_version=_number(request.POST.get("version"), 0), direction=direction
        )
    except StalePlanError as stale:
        return _answer(request, family, str(stale), error=True)
    where = "omhoog" if direction == session_rules.UP else "omlaag"
    noun = "Het doel" if isinstance(item, Goal) else "De actie"
    kind = "goal" if isinstance(item, Goal) else "action"
    return _answer(
        request,
        family,
        f"{noun} staat een plaats {where}.",
        moved_kind=kind,
        moved_item=item.pk,
        moved_direction=direction,
    )


@login_required
@require_POST
def remove(request: HttpRequest, family_id: UUID) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=EDIT)
    plan = _plan_or_404(family)
    item = _item(request, plan)
    try:
        services.plan_remove(actor=actor, item=item, expected_version=_number(request.POST.get("version"), 0))
    except StalePlanError as stale:
        return _answer(request, family, str(stale), error=True)
    except ValidationError as invalid:
        return _answer(request, family, " ".join(invalid.messages), error=True)
    noun = "Het doel" if isinstance(item, Goal) else "De actie"
    return _answer(
        request, family, f"{noun} is uit het plan gehaald. De vorige versie bewaart het; opslaan maakt het definitief."
    )


@login_required
@require_POST
def session_save(request: HttpRequest, family_id: UUID) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=EDIT)
    plan = _plan_or_404(family)
    try:
        number = services.plan_session_save(
            actor=actor, plan=plan, expected_version=_number(request.POST.get("version"), 0)
        )
    except (StalePlanError, ValidationError) as refused:
        messages.error(request, " ".join(getattr(refused, "messages", [str(refused)])))
        return redirect("plans:detail", family_id=family.pk)
    if number is None:
        messages.info(request, "Er was per saldo niets gewijzigd; het plan blijft op dezelfde versie.")
    else:
        messages.success(request, f"Opgeslagen als versie {number}. Bespreek de wijzigingen met het gezin.")
    return redirect("plans:detail", family_id=family.pk)


@login_required
@require_POST
def session_discard(request: HttpRequest, family_id: UUID) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=EDIT)
    plan = _plan_or_404(family)
    try:
        services.plan_session_discard(actor=actor, plan=plan)
    except ValidationError as invalid:
        messages.error(request, " ".join(invalid.messages))
    except PermissionDenied:
        messages.error(request, "Alleen wie deze wijzigingen maakte, kan ze nu ongedaan maken.")
    else:
        messages.success(request, f"De wijzigingen zijn ongedaan gemaakt: het plan is weer versie {plan.version}.")
    return redirect("plans:detail", family_id=family.pk)
