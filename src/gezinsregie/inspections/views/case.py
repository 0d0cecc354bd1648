"""Case level: the sample of families, one family's case (through policy.access_family), its judgements."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.accounts.request import actor_of
from gezinsregie.assessment import selectors as assessment_selectors
from gezinsregie.assessment.indicators import OUTCOME_LABELS, Result, Source, source_of, without_dates
from gezinsregie.casework.models import Family
from gezinsregie.common.forms import apply_errors
from gezinsregie.common.idempotency import idempotent
from gezinsregie.inspections import forms, selectors, services, workflow
from gezinsregie.inspections.models import (
    CaseReview,
)

Permission = policy.Permission


@login_required
@idempotent
def case_select(request: HttpRequest, inspection_id: int) -> HttpResponse:
    actor = actor_of(request)
    inspection = policy.access_inspection(actor, inspection_id, action=Permission.CONDUCT_INSPECTION)
    if not workflow.can_select_cases(inspection):
        raise Http404
    families = selectors.mandated_families(actor, inspection)
    shown = selectors.candidates(families, inspection)  # reading the list logs it (policy.family_list)
    # The inspector picks by opaque label, status and mandate, never by reference: the reference would tell
    # which family becomes "Gezin A". The order is shuffled per inspection (by the label).
    form = forms.CaseSelectForm(request.POST or None, families=families, labels={c.family.pk: c.label for c in shown})
    if request.method == "POST" and form.is_valid():
        family = policy.access_family(actor, form.cleaned_data["family"].pk, action=Permission.INSPECT)
        try:
            review = services.case_review_add(actor=actor, inspection=inspection, family=family)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"Het gezin is toegevoegd als {review.pseudonym}.")
            return redirect("inspections:case_review", inspection_id=inspection.pk, review_id=review.pk)
    context = {
        "inspection": inspection,
        "form": form,
        "families": shown,
        "candidates": shown,
        "reviews": selectors.reviews_of(inspection),
        **workflow.flags(inspection),
    }
    return render(request, "inspections/case_select.html", context)


def _review(actor: User, inspection_id: int, review_id: int) -> tuple[CaseReview, Family]:
    inspection = policy.access_inspection(actor, inspection_id, action=Permission.CONDUCT_INSPECTION)
    review = selectors.review_of(inspection, review_id)
    if review is None:
        raise Http404
    # Every read of the case goes through the one door: a valid mandate, and it is logged.
    family = policy.access_family(actor, review.family_id, action=Permission.INSPECT)
    return review, family


@login_required
@idempotent
def case_review(request: HttpRequest, inspection_id: int, review_id: int) -> HttpResponse:
    actor = actor_of(request)
    review, family = _review(actor, inspection_id, review_id)
    today = timezone.localdate()
    interview_form = forms.InterviewForm(
        request.POST if "gesprek" in request.POST else None, initial={"held_on": today}
    )
    plan_form = forms.PlanReviewForm(
        request.POST if "plan" in request.POST else None,
        initial={"plan_reviewed": review.plan_reviewed, "plan_review": review.plan_review},
    )
    can_edit = workflow.can_edit_case(review.inspection)
    if request.method == "POST":
        if not can_edit:
            raise Http404
        try:
            if "gesprek" in request.POST and interview_form.is_valid():
                services.interview_add(actor=actor, case_review=review, **interview_form.cleaned_data)
                messages.success(request, "Het gesprek is vastgelegd.")
                return redirect("inspections:case_review", inspection_id=inspection_id, review_id=review.pk)
            if "plan" in request.POST and plan_form.is_valid():
                services.plan_review_save(actor=actor, case_review=review, **plan_form.cleaned_data)
                messages.success(request, "De beoordeling van het plan is opgeslagen.")
                return redirect("inspections:case_review", inspection_id=inspection_id, review_id=review.pk)
        except ValidationError as error:
            apply_errors(interview_form if "gesprek" in request.POST else plan_form, error)
    context = {
        "inspection": review.inspection,
        "review": review,
        "case": selectors.case_view(family, review),
        "interview_form": interview_form,
        "plan_form": plan_form,
        "can_edit": can_edit,
        **workflow.flags(review.inspection),
    }
    return render(request, "inspections/case_review.html", context)


@login_required
def case_judge(request: HttpRequest, inspection_id: int, review_id: int) -> HttpResponse:
    actor = actor_of(request)
    review, _family = _review(actor, inspection_id, review_id)
    inspection = review.inspection
    if not workflow.can_judge(inspection):
        raise Http404
    indicators = selectors.indicators_of(inspection)
    current = selectors.family_findings(review)
    form = forms.CaseJudgementForm(request.POST or None, indicators=indicators, current=current)
    if request.method == "POST" and form.is_valid():
        try:
            services.case_findings_save(actor=actor, case_review=review, judgements=form.judgements())
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"De oordelen voor {review.pseudonym} zijn opgeslagen.")
            return redirect("inspections:judge", inspection_id=inspection.pk)
    # The system pre-fills evidence from the casework data (assessment); the judgement stays the inspector's.
    from_data = assessment_selectors.family_assessment(actor=actor, family=_family, action=Permission.INSPECT)
    shown = selectors.evidence_text(_family, review)  # de-identified unless the mandate is full
    rows = [
        (indicator, judgement, text, shown(_evidence(from_data, indicator.key)))
        for indicator, judgement, text in form.rows()
    ]
    context = {
        "inspection": inspection,
        "review": review,
        "form": form,
        "groups": selectors.group_rows(rows, key=lambda row: row[0]),
        **workflow.flags(inspection),
    }
    return render(request, "inspections/case_judge.html", context)


def _evidence(results: dict[str, Result], key: str) -> str:
    result = results.get(key)
    if result is None:
        return ""
    if source_of(key) != Source.DATA:
        return str(result.evidence)
    return f"{OUTCOME_LABELS[result.outcome]}: {without_dates(result.evidence)}"
