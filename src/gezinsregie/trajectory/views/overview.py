"""A family's trajectory: its episodes, timing, evaluations and scores, closure, aftercare and signals."""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from gezinsregie import policy
from gezinsregie.accounts.request import actor_of
from gezinsregie.casework import workflow
from gezinsregie.casework.services.episodes import episode_current
from gezinsregie.common.forms import submit
from gezinsregie.trajectory import forms, selectors, services

Permission = policy.Permission


@never_cache
@login_required
def overview(request: HttpRequest, family_id: UUID) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=Permission.VIEW)
    today = timezone.localdate()
    can_edit = policy.can(actor, Permission.EDIT, family)
    can_checkin = policy.can(actor, Permission.RECORD_CHECKIN, family)
    episode = episode_current(family)
    aftercare = selectors.aftercare_of(family)
    running = aftercare is not None and aftercare.is_running
    next_checkin = None
    if aftercare is not None and running:
        next_checkin = next((c for c in aftercare.checkins.all() if c.held_on is None), None)
    data = request.POST if request.method == "POST" else None
    chosen = request.POST.get("formulier", "")
    extension_form = forms.ExtensionForm(data if chosen == "verlengen" else None)
    checkin_form = forms.CheckInForm(data if chosen == "nazorgcontact" else None, initial={"held_on": today})
    end_form = forms.AftercareEndForm(data if chosen == "nazorg_beeindigen" else None, initial={"ended_on": today})
    if request.method == "POST":
        done, message = _post(request, chosen, actor, family, aftercare, next_checkin, locals())
        if done:
            messages.success(request, message)
            return redirect("trajectory:overview", family_id=family.pk)
    context = {
        "family": family,
        "episode": episode,
        "episodes": selectors.episodes_of(family),
        "timing": selectors.timing_of(family, episode, today=today),
        "scores": selectors.score_progress(family, episode),
        "own_strength": selectors.own_strength_counts(family),
        "evaluations": selectors.evaluations_of(family),
        "closures": selectors.closures_of(family),
        "aftercare": aftercare,
        "next_checkin": next_checkin,
        "signals": selectors.signals_of(family),
        "can_edit": can_edit,
        "can_checkin": can_checkin and next_checkin is not None,
        "is_active": family.status == workflow.FamilyStatus.ACTIVE,
        "aftercare_running": running,
        "can_decide_exit": policy.can(actor, Permission.DECIDE_EXIT, family),
        "extension_form": extension_form,
        "checkin_form": checkin_form,
        "end_form": end_form,
    }
    return render(request, "trajectory/overview.html", context)


def _post(request: HttpRequest, chosen: str, actor: Any, family: Any, aftercare: Any, checkin: Any, page: Any):
    """One of the page's three forms: (written, message)."""
    if chosen == "verlengen" and policy.can(actor, Permission.EDIT, family):
        return submit(
            page["extension_form"],
            lambda d: services.episode_extend(actor=actor, family=family, decided_on=timezone.localdate(), **d),
        ), "Het traject is verlengd."
    if chosen == "nazorgcontact" and checkin is not None and policy.can(actor, Permission.RECORD_CHECKIN, family):
        return submit(
            page["checkin_form"], lambda d: services.checkin_record(actor=actor, checkin=checkin, **d)
        ), "Het nazorgcontact is vastgelegd."
    if chosen == "nazorg_beeindigen" and aftercare is not None and policy.can(actor, Permission.EDIT, family):
        return submit(
            page["end_form"],
            lambda d: services.aftercare_end(
                actor=actor, aftercare=aftercare, ended_on=d["ended_on"], reason=d["end_reason"], note=d["end_note"]
            ),
            {"__all__": "end_reason"},
        ), "De nazorg is beëindigd."
    raise Http404
