"""The approach's own policy facts (issue 13 §4): its estimate of the group (B1.a.2) and its register of agreements
(B4.b.2, B4.c.1). Seen by who sees the approach's self-assessment (VIEW_ASSESSMENT: the municipality and the
inspectorate); changed by its process manager and the municipality's policy staff (RECORD_POLICY_FACTS)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.accounts.request import actor_of
from gezinsregie.common.forms import submit
from gezinsregie.common.idempotency import idempotent
from gezinsregie.organisations import forms, selectors, services
from gezinsregie.organisations.models import Approach

Permission = policy.Permission


def _approach(actor: User, approach_id: int, action: Permission = Permission.VIEW_ASSESSMENT) -> Approach:
    """Missing and forbidden look the same (404)."""
    approach = policy.approaches_for(actor, action).select_related("municipality").filter(pk=approach_id).first()
    if approach is None:
        raise Http404
    return approach


@login_required
@idempotent
def estimates(request: HttpRequest, approach_id: int) -> HttpResponse:
    actor = actor_of(request)
    approach = _approach(actor, approach_id)
    may_record = policy.can(actor, Permission.RECORD_POLICY_FACTS, approach)
    form = forms.PopulationEstimateForm(
        request.POST if request.method == "POST" else None, initial={"estimated_on": timezone.localdate()}
    )
    if request.method == "POST":
        if not may_record:
            raise Http404
        if submit(form, lambda data: services.population_estimate_record(actor=actor, approach=approach, **data)):
            messages.success(request, "De schatting van de doelgroep is vastgelegd.")
            return redirect("assessment:estimates", approach_id=approach.pk)
    context = {
        "approach": approach,
        "estimates": selectors.estimates_of(approach),
        "form": form,
        "may_record": may_record,
    }
    return render(request, "organisations/estimates.html", context)


@require_POST
@login_required
def estimate_delete(request: HttpRequest, approach_id: int, estimate_id: int) -> HttpResponse:
    actor = actor_of(request)
    approach = _approach(actor, approach_id, Permission.RECORD_POLICY_FACTS)
    estimate = selectors.estimate_of(approach, estimate_id)
    if estimate is None:
        raise Http404
    services.population_estimate_delete(actor=actor, estimate=estimate)
    messages.success(request, "De schatting is verwijderd.")
    return redirect("assessment:estimates", approach_id=approach.pk)


@login_required
def agreements(request: HttpRequest, approach_id: int) -> HttpResponse:
    actor = actor_of(request)
    approach = _approach(actor, approach_id)
    may_record = policy.can(actor, Permission.RECORD_POLICY_FACTS, approach)
    posted = request.method == "POST"
    form = forms.CooperationAgreementForm(
        request.POST if posted else None, request.FILES if posted else None, approach=approach
    )
    if posted:
        if not may_record:
            raise Http404
        if submit(form, lambda data: services.cooperation_agreement_record(actor=actor, approach=approach, **data)):
            messages.success(request, f"De afspraak “{form.cleaned_data['title']}” staat in het register.")
            return redirect("assessment:agreements", approach_id=approach.pk)
    context = {
        "approach": approach,
        "rows": selectors.register_of(approach, today=timezone.localdate()),
        "form": form,
        "may_record": may_record,
    }
    return render(request, "organisations/agreements.html", context)


@require_POST
@login_required
def agreement_delete(request: HttpRequest, approach_id: int, agreement_id: int) -> HttpResponse:
    actor = actor_of(request)
    approach = _approach(actor, approach_id, Permission.RECORD_POLICY_FACTS)
    agreement = selectors.agreement_of(approach, agreement_id)
    if agreement is None:
        raise Http404
    services.cooperation_agreement_delete(actor=actor, agreement=agreement)
    messages.success(request, f"De afspraak “{agreement.title}” is uit het register verwijderd.")
    return redirect("assessment:agreements", approach_id=approach.pk)


@login_required
def agreement_document(request: HttpRequest, approach_id: int, agreement_id: int) -> FileResponse:
    """The signed agreement itself, for who sees the approach's self-assessment; never a public media file."""
    actor = actor_of(request)
    approach = _approach(actor, approach_id)
    agreement = selectors.agreement_of(approach, agreement_id)
    if agreement is None or not agreement.document:
        raise Http404
    return FileResponse(agreement.document.open("rb"), as_attachment=True, filename=agreement.document_name)
