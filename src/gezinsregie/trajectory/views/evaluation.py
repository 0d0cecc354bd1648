"""Record an evaluation with the family: per goal reached or not, self-sufficiency scored again, and the family's
answers to its two questions (issue 13 §3) in the same form."""

from collections.abc import Callable
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from gezinsregie import policy
from gezinsregie.accounts.request import actor_of
from gezinsregie.assessment.models import AnsweredHow
from gezinsregie.casework import selectors as casework_selectors
from gezinsregie.common.forms import apply_errors
from gezinsregie.common.idempotency import idempotent
from gezinsregie.plans import selectors as plan_selectors
from gezinsregie.trajectory import forms, services
from gezinsregie.trajectory import selectors as trajectory_selectors
from gezinsregie.trajectory.models import EvaluationKind

Permission = policy.Permission


@never_cache
@login_required
@idempotent
def evaluate(request: HttpRequest, family_id: UUID) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=Permission.EDIT)
    plan = plan_selectors.plan_of(family)
    goals = [g for g in plan_selectors.goals_of(plan)] if plan else []
    approach = family.approach
    domains = list(approach.life_domain_set.domains.order_by("order"))
    scale = list(approach.life_domain_set.scale.values_list("value", flat=True)) or [1, 2, 3, 4, 5]
    kind = EvaluationKind.FINAL if request.GET.get("soort") == "eind" else EvaluationKind.PERIODIC
    form = forms.EvaluationForm(
        request.POST or None,
        goals=goals,
        domains=domains,
        scale=scale,
        initial={
            "kind": kind,
            "held_on": timezone.localdate(),
            "with_family": True,
            # the stored scores pre-filled (issue 14): open, change what moved, save, and the others stay
            **{f"score_{domain}": score for domain, score in casework_selectors.latest_scores(family).items()},
        },
    )
    voice_form = forms.FamilyVoiceForm(
        request.POST or None, prefix="gezin", initial={"answered_how": AnsweredHow.WITH_COORDINATOR}
    )

    def write(data: dict) -> object:
        results = [
            services.GoalResultInput(goal=g, result=data[f"goal_{g.pk}"], note=data[f"goal_{g.pk}_note"])
            for g in goals
            if data.get(f"goal_{g.pk}")
        ]
        scores = {d: data[f"score_{d.pk}"] for d in domains if data.get(f"score_{d.pk}") is not None}
        return services.evaluation_record(
            actor=actor,
            family=family,
            kind=data["kind"],
            held_on=data["held_on"],
            with_family=data["with_family"],
            family_view=data["family_view"],
            notes=data["notes"],
            goal_results=results,
            scores=scores,
            family_voice=voice_form.voice(),
        )

    if request.method == "POST" and _submit(form, voice_form, write):
        messages.success(request, "De evaluatie is vastgelegd.")
        return redirect("trajectory:overview", family_id=family.pk)
    context = {
        "family": family,
        "form": form,
        "voice_form": voice_form,
        "own_strength": trajectory_selectors.own_strength_counts(family),
    }
    return render(request, "trajectory/evaluation.html", context)


def _submit(form: forms.EvaluationForm, voice_form: forms.FamilyVoiceForm, write: Callable[[dict], object]) -> bool:
    """Both forms valid, then the one service call; its errors land on the form they belong to."""
    voice_valid = voice_form.is_valid()  # validated either way, so it shows its own errors
    if not (form.is_valid() and voice_valid):
        return False
    try:
        write(form.cleaned_data)
    except ValidationError as error:
        if not hasattr(error, "error_dict"):
            apply_errors(form, error)
            return False
        voice_errors = {k: v for k, v in error.message_dict.items() if k in voice_form.fields}
        other = {k: v for k, v in error.message_dict.items() if k not in voice_form.fields}
        if voice_errors:
            apply_errors(voice_form, ValidationError(voice_errors))
        if other:
            apply_errors(form, ValidationError(other), {"goals": "__all__", "scores": "__all__"})
        return False
    return True
