"""Binding decisions of a family: taken by who steers it, answered by the organisation they bind."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from gezinsregie import policy
from gezinsregie.accounts.request import actor_of
from gezinsregie.casework import forms, selectors, services
from gezinsregie.common.forms import apply_errors
from gezinsregie.common.idempotency import idempotent

Permission = policy.Permission


@never_cache
@login_required
@idempotent
def decisions(request: HttpRequest, family_id: UUID) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=Permission.VIEW)
    can_edit = policy.can(actor, Permission.EDIT, family)
    data = request.POST if request.method == "POST" else None
    take = forms.DecisionForm(
        data if "besluiten" in request.POST else None, family=family, initial={"decided_on": timezone.localdate()}
    )
    answer = forms.DecisionAnswerForm(data if "reageren" in request.POST else None)
    rows = selectors.decisions_of(family, actor=actor)
    if request.method == "POST":
        try:
            if "besluiten" in request.POST:
                if not can_edit:
                    raise Http404
                if take.is_valid():
                    services.binding_decision_take(actor=actor, family=family, **take.cleaned_data)
                    messages.success(request, "Het besluit is vastgelegd; de organisatie krijgt een melding.")
                    return redirect("casework:decisions", family_id=family.pk)
            elif answer.is_valid():
                wanted = request.POST.get("besluit")
                chosen = next((r.decision for r in rows if r.may_answer and str(r.decision.pk) == wanted), None)
                if chosen is None:
                    raise Http404
                services.binding_decision_answer(actor=actor, decision=chosen, **answer.cleaned_data)
                messages.success(request, "Uw reactie op het besluit is vastgelegd.")
                return redirect("casework:decisions", family_id=family.pk)
        except ValidationError as error:
            apply_errors(take if "besluiten" in request.POST else answer, error)
    context = {
        "family": family,
        "rows": rows,
        "grants": family.approach.grants_binding_authority,
        "take_form": take,
        "answer_form": answer,
        "can_edit": can_edit,
    }
    return render(request, "casework/decisions.html", context)
