"""A family's trajectory: its episodes, timing, evaluations and scores (with the family's answers, or a form to
enter them later), closure, aftercare and signals."""

from dataclasses import dataclass
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
from gezinsregie.assessment.models import AnsweredHow, FamilyVoice
from gezinsregie.casework import workflow
from gezinsregie.casework.services.episodes import episode_current
from gezinsregie.common.forms import submit
from gezinsregie.trajectory import forms, selectors, services
from gezinsregie.trajectory.models import Evaluation

Permission = policy.Permission


@dataclass(frozen=True)
class EvaluationRow:
    evaluation: Evaluation
    voice: FamilyVoice | None  # the family's answers (issue 13 §3)
    voice_form: forms.FamilyVoiceForm | None  # to enter them later: no answers yet, and the viewer may edit


@dataclass(frozen=True)
class Forms:
    """The page's forms, and whether the viewer may use them (asked of the policy once, in the view)."""

    can_edit: bool
    can_checkin: bool
    extension: forms.ExtensionForm
    checkin: forms.CheckInForm
    end: forms.AftercareEndForm
    evaluation_rows: list[EvaluationRow]


def _evaluation_rows(evaluations: list[Evaluation], data: Any, answering: str, can_edit: bool) -> list[EvaluationRow]:
    rows = []
    for ev in evaluations:
        voice = getattr(ev, "family_voice", None)
        form = None
        if voice is None and can_edit:
            bound = data if answering == str(ev.pk) else None
            initial = {"answered_how": AnsweredHow.ON_PAPER}
            form = forms.FamilyVoiceForm(bound, prefix=f"stem-{ev.pk}", initial=initial)
        rows.append(EvaluationRow(ev, voice, form))
    return rows


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
    answering = request.POST.get("evaluatie", "") if chosen == "gezin_antwoorden" else ""
    evaluation_rows = _evaluation_rows(list(selectors.evaluations_of(family)), data, answering, can_edit)
    if request.method == "POST":
        page = Forms(can_edit, can_checkin, extension_form, checkin_form, end_form, evaluation_rows)
        done, message = _post(request, chosen, actor, family, aftercare, next_checkin, page)
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
        "evaluations": evaluation_rows,
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


def _post(
    request: HttpRequest, chosen: str, actor: Any, family: Any, aftercare: Any, checkin: Any, page: Forms
) -> tuple[bool, str]:
    """One of the page's forms: (written, message)."""
    if chosen == "gezin_antwoorden" and page.can_edit:
        answering = request.POST.get("evaluatie", "")
        row = next((r for r in page.evaluation_rows if str(r.evaluation.pk) == answering and r.voice_form), None)
        if row is not None and row.voice_form is not None:
            form = row.voice_form
            return submit(
                form,
                lambda d: services.family_voice_record(actor=actor, evaluation=row.evaluation, voice=form.voice()),
            ), "De antwoorden van het gezin zijn ingevoerd."
    if chosen == "verlengen" and page.can_edit:
        return submit(
            page.extension,
            lambda d: services.episode_extend(actor=actor, family=family, decided_on=timezone.localdate(), **d),
        ), "Het traject is verlengd."
    if chosen == "nazorgcontact" and checkin is not None and page.can_checkin:
        return submit(
            page.checkin, lambda d: services.checkin_record(actor=actor, checkin=checkin, **d)
        ), "Het nazorgcontact is vastgelegd."
    if chosen == "nazorg_beeindigen" and aftercare is not None and page.can_edit:
        return submit(
            page.end,
            lambda d: services.aftercare_end(
                actor=actor, aftercare=aftercare, ended_on=d["ended_on"], reason=d["end_reason"], note=d["end_note"]
            ),
        ), "De nazorg is beëindigd."
    raise Http404
