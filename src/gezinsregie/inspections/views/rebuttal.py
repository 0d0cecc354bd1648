"""Hoor en wederhoor: the inspector sends the concept; the municipality responds per finding within the term and
says when it is done; the inspector answers each response. One page shows the exchange to both sides, and keeps
showing it after publication."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from gezinsregie import policy
from gezinsregie.accounts.request import actor_of
from gezinsregie.common.formatting import long_date
from gezinsregie.common.forms import apply_errors
from gezinsregie.inspections import forms, selectors, services, workflow
from gezinsregie.inspections.models import Decision, Inspection

Permission = policy.Permission


def _report_url(inspection: Inspection) -> str:
    name = "reports:factsheet" if workflow.is_policy_level(inspection) else "reports:case_report"
    return reverse(name, args=[inspection.pk])


def _back(inspection: Inspection, anchor: str = "") -> HttpResponse:
    return redirect(reverse("inspections:rebuttal", args=[inspection.pk]) + anchor)


@login_required
def concept_send(request: HttpRequest, inspection_id: int) -> HttpResponse:
    actor = actor_of(request)
    inspection = policy.access_inspection(actor, inspection_id, action=Permission.CONDUCT_INSPECTION)
    if not workflow.can_send_concept(inspection):
        raise Http404
    form = forms.ConceptSendForm(request.POST or None, initial={"days": workflow.REBUTTAL_DAYS})
    if request.method == "POST" and form.is_valid():
        try:
            rebuttal = services.inspection_send_concept(actor=actor, inspection=inspection, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            due_on = workflow.rebuttal_due_on(rebuttal.sent_on, rebuttal.days)
            messages.success(
                request, f"Het concept is naar de gemeente gestuurd. Zij kan reageren tot en met {long_date(due_on)}."
            )
            return _back(inspection)
    context = {
        "inspection": inspection,
        "form": form,
        "uncovered": selectors.uncovered_keys(inspection),
        "officers": selectors.policy_officers(inspection.approach),
        "report_url": _report_url(inspection),
        **workflow.flags(inspection),
    }
    return render(request, "inspections/rebuttal_send.html", context)


@login_required
def rebuttal(request: HttpRequest, inspection_id: int) -> HttpResponse:
    """The exchange, for the inspectorate that conducts the inspection and for the municipality (from the day the
    concept is sent; after publication as part of the result)."""
    actor = actor_of(request)
    inspection = policy.access_inspection(actor, inspection_id, action=Permission.VIEW_INSPECTION)
    state = selectors.rebuttal_state(inspection, today=timezone.localdate())
    if state is None or not workflow.shows_rebuttal(inspection):
        raise Http404
    conducts = policy.can(actor, Permission.CONDUCT_INSPECTION, inspection)
    responds = policy.can(actor, Permission.RESPOND_TO_CONCEPT, inspection) and state.may_respond
    context = {
        "inspection": inspection,
        "state": state,
        "rows": selectors.exchange(inspection),
        "conducts": conducts,
        "can_conduct": conducts,  # the inspection's own navigation (inspections/_nav.html)
        "responds": responds,
        "answers": conducts and workflow.is_in_rebuttal(inspection),
        "report_url": _report_url(inspection),
        **workflow.flags(inspection),
    }
    return render(request, "inspections/rebuttal.html", context)


@login_required
def concept_respond(request: HttpRequest, inspection_id: int, finding_id: int) -> HttpResponse:
    actor = actor_of(request)
    inspection = policy.access_inspection(actor, inspection_id, action=Permission.RESPOND_TO_CONCEPT)
    finding = selectors.concept_finding(inspection, finding_id)
    state = selectors.rebuttal_state(inspection, today=timezone.localdate())
    if finding is None or state is None:
        raise Http404
    existing = next((r for r in selectors.responses_of(state.rebuttal) if r.finding_id == finding.pk), None)
    initial = {"stance": existing.stance, "text": existing.text} if existing else {}
    form = forms.ConceptResponseForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.concept_respond(actor=actor, finding=finding, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Uw reactie op de bevinding is opgeslagen.")
            return _back(inspection, f"#bevinding-{finding.pk}")
    context = {
        "inspection": inspection,
        "finding": finding,
        "indicators": list(finding.indicators.all()),
        "state": state,
        "existing": existing,
        "form": form,
        **workflow.flags(inspection),
    }
    return render(request, "inspections/rebuttal_respond.html", context)


@login_required
@require_POST
def rebuttal_close(request: HttpRequest, inspection_id: int) -> HttpResponse:
    actor = actor_of(request)
    inspection = policy.access_inspection(actor, inspection_id, action=Permission.RESPOND_TO_CONCEPT)
    try:
        services.rebuttal_close(actor=actor, inspection=inspection)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, "Uw reactie is afgerond en naar de inspectie gestuurd.")
    return _back(inspection)


@login_required
def response_answer(request: HttpRequest, inspection_id: int, response_id: int) -> HttpResponse:
    actor = actor_of(request)
    inspection = policy.access_inspection(actor, inspection_id, action=Permission.CONDUCT_INSPECTION)
    response = selectors.response_of(inspection, response_id)
    if response is None or not workflow.is_in_rebuttal(inspection):
        raise Http404
    finding = response.finding
    form = forms.ResponseAnswerForm(request.POST or None, initial={"text": finding.text})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if data["decision"] == Decision.CHANGED and not data["judgement"]:
            data["judgement"] = finding.judgement  # "ongewijzigd": only the text changes
        try:
            services.concept_response_answer(actor=actor, response=response, **data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Uw antwoord aan de gemeente is vastgelegd.")
            return _back(inspection, f"#bevinding-{finding.pk}")
    context = {
        "inspection": inspection,
        "response": response,
        "finding": finding,
        "indicators": list(finding.indicators.all()),
        "form": form,
        **workflow.flags(inspection),
    }
    return render(request, "inspections/rebuttal_answer.html", context)
