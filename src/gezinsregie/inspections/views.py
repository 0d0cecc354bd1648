"""Inspection screens. Each view: fetch through the policy, bind a form, call one service."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from gezinsregie import policy
from gezinsregie.accounts.models import Role, User
from gezinsregie.accounts.request import actor_of
from gezinsregie.assessment import selectors as assessment_selectors
from gezinsregie.assessment.indicators import OUTCOME_LABELS, Result, Source, source_of, without_dates
from gezinsregie.audit import services as audit
from gezinsregie.casework.models import Family
from gezinsregie.common.forms import apply_errors
from gezinsregie.inspections import forms, selectors, services
from gezinsregie.inspections.models import CaseReview, Finding, InspectionLevel, InspectionStatus, Judgement

Permission = policy.Permission
Status = InspectionStatus


# --- overview and the inspection itself -----------------------------------------------------------------------


@login_required
def index(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    inspections = (
        policy.inspections_for(actor, Permission.VIEW_INSPECTION)
        .select_related("approach__municipality")
        .order_by("-year", "approach__name", "level")
    )
    questionnaires = (
        policy.respondents_for(actor, Permission.ANSWER_INSPECTION)
        .select_related("inspection__approach__municipality", "organisation")
        .order_by("inspection__year", "pk")
    )
    can_start = policy.approaches_for(actor, Permission.START_INSPECTION).exists()
    if not (can_start or inspections.exists() or questionnaires.exists()):
        raise Http404
    conducting = set(policy.inspections_for(actor, Permission.CONDUCT_INSPECTION).values_list("pk", flat=True))
    context = {
        "inspections": inspections,
        "conducting": conducting,
        "questionnaires": questionnaires,
        "can_start": can_start,
        "has_points": selectors.points_for(actor).exists(),
    }
    return render(request, "inspections/index.html", context)


@login_required
def create(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    approaches = policy.approaches_for(actor, Permission.START_INSPECTION).select_related("municipality")
    if not approaches.exists():
        raise Http404
    initial = {"year": timezone.localdate().year, "level": InspectionLevel.POLICY}
    form = forms.InspectionForm(request.POST or None, approaches=approaches, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            inspection = services.inspection_create(actor=actor, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"Het onderzoek '{inspection.title}' is aangemaakt.")
            return redirect("inspections:detail", inspection_id=inspection.pk)
    return render(request, "inspections/create.html", {"form": form})


@login_required
def detail(request: HttpRequest, inspection_id: int) -> HttpResponse:
    actor = actor_of(request)
    if not policy.inspections_for(actor, Permission.CONDUCT_INSPECTION).filter(pk=inspection_id).exists():
        policy.access_inspection(actor, inspection_id, action=Permission.VIEW_INSPECTION)  # 404 unless visible
        return redirect("inspections:result", inspection_id=inspection_id)
    inspection = policy.access_inspection(actor, inspection_id, action=Permission.CONDUCT_INSPECTION)
    respondents = list(inspection.respondents.select_related("organisation"))
    reviews = list(inspection.case_reviews.prefetch_related("interviews"))
    visible = policy.inspections_for(actor, Permission.VIEW_INSPECTION)
    context = {
        "inspection": inspection,
        "respondents": respondents,
        "submitted": sum(1 for r in respondents if r.submitted_at),
        "reviews": reviews,
        "uncovered": selectors.uncovered_keys(inspection) if inspection.status == Status.JUDGING else [],
        "previous": selectors.previous_inspection(inspection, visible=visible),
        "Status": {s.name: s.value for s in Status},
    }
    return render(request, "inspections/detail.html", context)


@login_required
@require_POST
def advance(request: HttpRequest, inspection_id: int) -> HttpResponse:
    actor = actor_of(request)
    inspection = policy.access_inspection(actor, inspection_id, action=Permission.CONDUCT_INSPECTION)
    to = request.POST.get("naar", "")
    if to not in (Status.OPEN, Status.JUDGING):
        raise Http404
    try:
        services.inspection_advance(actor=actor, inspection=inspection, to=to)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        if to == Status.OPEN:
            messages.success(request, "De vragenlijst staat open: de respondenten kunnen hun antwoorden invullen.")
        else:
            messages.success(request, "De beoordeling is gestart.")
    return redirect("inspections:detail", inspection_id=inspection.pk)


@login_required
def invite(request: HttpRequest, inspection_id: int) -> HttpResponse:
    actor = actor_of(request)
    inspection = policy.access_inspection(actor, inspection_id, action=Permission.CONDUCT_INSPECTION)
    if inspection.level != InspectionLevel.POLICY:
        raise Http404
    invited = inspection.respondents.values("organisation_id")
    candidates = selectors.invitable_organisations(inspection.approach).exclude(pk__in=invited)
    form = forms.InviteForm(request.POST or None, organisations=candidates)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.respondents_invite(
                actor=actor, inspection=inspection, organisations=list(form.cleaned_data["organisations"])
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"{len(created)} organisatie(s) uitgenodigd.")
            return redirect("inspections:detail", inspection_id=inspection.pk)
    context = {
        "inspection": inspection,
        "form": form,
        "respondents": inspection.respondents.select_related("organisation"),
    }
    return render(request, "inspections/invite.html", context)


# --- the questionnaire -------------------------------------------------------------------------------------------


@login_required
def questionnaire(request: HttpRequest, respondent_id: int) -> HttpResponse:
    actor = actor_of(request)
    respondent = policy.access_respondent(actor, respondent_id)
    inspection = respondent.inspection
    indicators = selectors.indicators_of(inspection)
    answers = {a.indicator_id: a for a in respondent.answers.all()}
    form = forms.QuestionnaireForm(request.POST or None, request.FILES or None, indicators=indicators, answers=answers)
    if request.method == "POST" and respondent.submitted_at is None and form.is_valid():
        given = [
            services.AnswerInput(indicator=i, value=v, explanation=e, document=d) for i, v, e, d in form.answer_inputs()
        ]
        try:
            services.answers_save(actor=actor, respondent=respondent, answers=given)
            if "indienen" in request.POST:
                services.questionnaire_submit(actor=actor, respondent=respondent)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            if "indienen" in request.POST:
                messages.success(request, "Uw antwoorden zijn ingediend. Dank u wel.")
            else:
                messages.success(request, "Uw antwoorden zijn tussentijds opgeslagen.")
            return redirect("inspections:questionnaire", respondent_id=respondent.pk)
    answered = sum(1 for a in answers.values() if a.value)
    context = {
        "respondent": respondent,
        "inspection": inspection,
        "form": form,
        "groups": selectors.group_rows(form.rows(), key=lambda row: row.indicator),
        "answered": answered,
        "total": len(indicators),
    }
    return render(request, "inspections/questionnaire.html", context)


@login_required
def answer_document(request: HttpRequest, answer_id: int) -> FileResponse:
    actor = actor_of(request)
    answer = selectors.answer_with_document(actor, answer_id)
    if answer is None:
        raise Http404
    return FileResponse(answer.document.open("rb"), as_attachment=True, filename=answer.document_name)


# --- judging --------------------------------------------------------------------------------------------------------


@login_required
def judge(request: HttpRequest, inspection_id: int) -> HttpResponse:
    actor = actor_of(request)
    inspection = policy.access_inspection(actor, inspection_id, action=Permission.CONDUCT_INSPECTION)
    if inspection.status == Status.DRAFT:
        raise Http404
    visible = policy.inspections_for(actor, Permission.VIEW_INSPECTION)
    comparison = selectors.comparison(inspection, visible=visible)
    context = {
        "inspection": inspection,
        "themes": selectors.judging_tree(inspection, earlier=selectors.earlier_by_indicator(comparison)),
        "respondents": selectors.submitted_respondents(inspection),
        "reviews": list(inspection.case_reviews.order_by("pseudonym")),
        "can_judge": inspection.status == Status.JUDGING,
        "previous": comparison.earlier if comparison else None,
    }
    return render(request, "inspections/judge.html", context)


@login_required
def finding_add(request: HttpRequest, inspection_id: int) -> HttpResponse:
    return _finding(request, inspection_id, None)


@login_required
def finding_edit(request: HttpRequest, inspection_id: int, finding_id: int) -> HttpResponse:
    return _finding(request, inspection_id, finding_id)


def _finding(request: HttpRequest, inspection_id: int, finding_id: int | None) -> HttpResponse:
    actor = actor_of(request)
    inspection = policy.access_inspection(actor, inspection_id, action=Permission.CONDUCT_INSPECTION)
    if inspection.status != Status.JUDGING:
        raise Http404
    finding: Finding | None = None
    if finding_id is not None:
        finding = inspection.findings.filter(pk=finding_id, case_review__isnull=True).first()
        if finding is None:
            raise Http404
        first = finding.indicators.order_by("order").first()
    else:
        wanted = request.GET.get("indicator") or request.POST.get("indicator_start", "")
        first = next((i for i in selectors.indicators_of(inspection) if str(i.pk) == wanted), None)
    if first is None:
        raise Http404
    choices = selectors.indicators_free_for(inspection, criterion_id=first.criterion_id, finding=finding)
    if request.method == "GET" and finding is None and not choices.filter(pk=first.pk).exists():
        # judged already (or meanwhile): change that finding instead
        covering = selectors.finding_by_indicator(selectors.overall_findings(inspection))[first.pk]
        return redirect("inspections:finding_edit", inspection_id=inspection.pk, finding_id=covering.pk)
    initial: dict[str, object] = {"indicators": [first.pk]}
    if finding is not None:
        initial = {
            "indicators": list(finding.indicators.values_list("pk", flat=True)),
            "judgement": finding.judgement,
            "text": finding.text,
            "notes": "\n\n".join(n.text for n in finding.notes.all()),
        }
    form = forms.FindingForm(request.POST or None, indicators=choices, initial=initial)
    if request.method == "POST" and "verwijderen" in request.POST and finding is not None:
        try:
            services.finding_delete(actor=actor, finding=finding)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "De bevinding is verwijderd.")
            return redirect(reverse("inspections:judge", args=[inspection.pk]) + f"#indicator-{first.pk}")
    elif request.method == "POST" and form.is_valid():
        try:
            saved = services.finding_save(
                actor=actor,
                inspection=inspection,
                indicators=list(form.cleaned_data["indicators"]),
                judgement=form.cleaned_data["judgement"],
                text=form.cleaned_data["text"],
                notes=form.note_list(),
                finding=finding,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"Oordeel {saved.symbol} vastgelegd.")
            return redirect(reverse("inspections:judge", args=[inspection.pk]) + f"#indicator-{first.pk}")
    found = selectors.comparison(inspection, visible=policy.inspections_for(actor, Permission.VIEW_INSPECTION))
    criterion_rows = [
        row
        for theme in selectors.judging_tree(inspection, earlier=selectors.earlier_by_indicator(found))
        for block in theme.criteria
        if block.criterion.pk == first.criterion_id
        for row in block.rows
    ]
    context = {
        "inspection": inspection,
        "form": form,
        "finding": finding,
        "first": first,
        "criterion": first.criterion,
        "rows": criterion_rows,
        "respondents": selectors.submitted_respondents(inspection),
        "reviews": list(inspection.case_reviews.order_by("pseudonym")),
        "previous": found.earlier if found else None,
    }
    return render(request, "inspections/finding_form.html", context)


@login_required
def publish(request: HttpRequest, inspection_id: int) -> HttpResponse:
    actor = actor_of(request)
    inspection = policy.access_inspection(actor, inspection_id, action=Permission.CONDUCT_INSPECTION)
    if inspection.status != Status.JUDGING:
        raise Http404
    if request.method == "POST":
        try:
            services.inspection_publish(actor=actor, inspection=inspection)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, "Het onderzoek is gepubliceerd. Elk verbeterpunt staat nu bij de gemeente.")
            return redirect("inspections:result", inspection_id=inspection.pk)
    findings = selectors.overall_findings(inspection)
    context = {
        "inspection": inspection,
        "uncovered": selectors.uncovered_keys(inspection),
        "improvements": sum(1 for f in findings if f.judgement == Judgement.IMPROVEMENT),
    }
    return render(request, "inspections/publish.html", context)


@login_required
def report_texts(request: HttpRequest, inspection_id: int) -> HttpResponse:
    """The inspector writes the narrative of the factsheet or the nota van bevindingen (until publication)."""
    actor = actor_of(request)
    inspection = policy.access_inspection(actor, inspection_id, action=Permission.CONDUCT_INSPECTION)
    if inspection.status == Status.PUBLISHED:
        raise Http404
    initial = {name: getattr(inspection, name) for name in forms.ReportTextsForm.base_fields}
    form = forms.ReportTextsForm(request.POST or None, level=inspection.level, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.inspection_update_texts(actor=actor, inspection=inspection, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "De rapportteksten zijn opgeslagen.")
            return redirect("inspections:report_texts", inspection_id=inspection.pk)
    report = "reports:factsheet" if inspection.level == InspectionLevel.POLICY else "reports:case_report"
    context = {"inspection": inspection, "form": form, "report_url": reverse(report, args=[inspection.pk])}
    return render(request, "inspections/report_texts.html", context)


@login_required
def result(request: HttpRequest, inspection_id: int) -> HttpResponse:
    """The factsheet (policy level) or Bijlage 1 (case level); before publication only for the inspectorate."""
    actor = actor_of(request)
    inspection = policy.access_inspection(actor, inspection_id, action=Permission.VIEW_INSPECTION)
    visible = policy.inspections_for(actor, Permission.VIEW_INSPECTION)
    context = {
        "inspection": inspection,
        "tables": selectors.result_tables(inspection),
        "respondents": selectors.submitted_respondents(inspection),
        "reviews": list(inspection.case_reviews.prefetch_related("interviews").order_by("pseudonym")),
        "comparison": selectors.comparison(inspection, visible=visible),
        "can_conduct": policy.can(actor, Permission.CONDUCT_INSPECTION, inspection),
    }
    return render(request, "inspections/result.html", context)


@login_required
def comparison(request: HttpRequest, inspection_id: int) -> HttpResponse:
    actor = actor_of(request)
    inspection = policy.access_inspection(actor, inspection_id, action=Permission.VIEW_INSPECTION)
    found = selectors.comparison(inspection, visible=policy.inspections_for(actor, Permission.VIEW_INSPECTION))
    if found is None:
        raise Http404
    return render(request, "inspections/comparison.html", {"inspection": inspection, "comparison": found})


# --- case level ---------------------------------------------------------------------------------------------------


@login_required
def case_select(request: HttpRequest, inspection_id: int) -> HttpResponse:
    actor = actor_of(request)
    inspection = policy.access_inspection(actor, inspection_id, action=Permission.CONDUCT_INSPECTION)
    if inspection.level != InspectionLevel.CASE or inspection.status not in (Status.DRAFT, Status.JUDGING):
        raise Http404
    families = selectors.mandated_families(actor, inspection)
    form = forms.CaseSelectForm(request.POST or None, families=families)
    if request.method == "POST" and form.is_valid():
        family = policy.access_family(actor, form.cleaned_data["family"].pk, action=Permission.INSPECT)
        try:
            review = services.case_review_add(actor=actor, inspection=inspection, family=family)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"Het gezin is toegevoegd als {review.pseudonym}.")
            return redirect("inspections:case_review", inspection_id=inspection.pk, review_id=review.pk)
    shown = list(families)
    audit.record_many(
        actor=actor, action="family.list", families=shown, membership=policy.membership_in_role(actor, Role.INSPECTOR)
    )
    context = {
        "inspection": inspection,
        "form": form,
        "families": shown,
        "reviews": list(inspection.case_reviews.order_by("pseudonym")),
    }
    return render(request, "inspections/case_select.html", context)


def _review(actor: User, inspection_id: int, review_id: int) -> tuple[CaseReview, Family]:
    inspection = policy.access_inspection(actor, inspection_id, action=Permission.CONDUCT_INSPECTION)
    review = inspection.case_reviews.select_related("inspection").filter(pk=review_id).first()
    if review is None:
        raise Http404
    # Every read of the case goes through the one door: a valid mandate, and it is logged.
    family = policy.access_family(actor, review.family_id, action=Permission.INSPECT)
    return review, family


@login_required
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
    can_edit = review.inspection.status in (Status.DRAFT, Status.JUDGING)
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
        "interviews": review.interviews.all(),
        "interview_form": interview_form,
        "plan_form": plan_form,
        "can_edit": can_edit,
    }
    return render(request, "inspections/case_review.html", context)


@login_required
def case_judge(request: HttpRequest, inspection_id: int, review_id: int) -> HttpResponse:
    actor = actor_of(request)
    review, _family = _review(actor, inspection_id, review_id)
    inspection = review.inspection
    if inspection.status != Status.JUDGING:
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
    # BRIEF: the system pre-fills evidence from the casework data; the judgement stays the inspector's.
    from_data = assessment_selectors.family_assessment(actor=actor, family=_family, action=Permission.INSPECT)
    rows = [
        (indicator, judgement, text, _evidence(from_data, indicator.key)) for indicator, judgement, text in form.rows()
    ]
    context = {
        "inspection": inspection,
        "review": review,
        "form": form,
        "groups": selectors.group_rows(rows, key=lambda row: row[0]),
    }
    return render(request, "inspections/case_judge.html", context)


def _evidence(results: dict[str, Result], key: str) -> str:
    result = results.get(key)
    if result is None:
        return ""
    if source_of(key) != Source.DATA:
        return str(result.evidence)
    return f"{OUTCOME_LABELS[result.outcome]}: {without_dates(result.evidence)}"


# --- improvement points --------------------------------------------------------------------------------------------


@login_required
def points(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    found = list(selectors.points_for(actor))
    if not found and not policy.inspections_for(actor, Permission.VIEW_INSPECTION).exists():
        raise Http404
    return render(request, "inspections/points.html", {"approaches": selectors.points_per_approach(found)})


@login_required
def point(request: HttpRequest, point_id: int) -> HttpResponse:
    actor = actor_of(request)
    found = selectors.points_for(actor).filter(pk=point_id).first()
    if found is None:
        raise Http404
    inspection = found.finding.inspection
    can_report = policy.can(actor, Permission.REPORT_IMPROVEMENT, inspection)
    owners = selectors.municipality_users(inspection.approach)
    point_form = forms.PointForm(
        request.POST if "punt" in request.POST else None,
        owners=owners,
        initial={"owner": found.owner_id, "due_on": found.due_on},
    )
    report_form = forms.ReportForm(
        request.POST if "melding" in request.POST else None, initial={"reported_on": timezone.localdate()}
    )
    if request.method == "POST":
        if not can_report:
            raise Http404
        try:
            if "punt" in request.POST and point_form.is_valid():
                services.improvement_point_update(actor=actor, point=found, **point_form.cleaned_data)
                messages.success(request, "Eigenaar en termijn zijn opgeslagen.")
                return redirect("inspections:point", point_id=found.pk)
            if "melding" in request.POST and report_form.is_valid():
                services.improvement_report_add(actor=actor, point=found, **report_form.cleaned_data)
                messages.success(request, "Uw voortgangsmelding is opgeslagen.")
                return redirect("inspections:point", point_id=found.pk)
        except ValidationError as error:
            apply_errors(point_form if "punt" in request.POST else report_form, error)
    context = {
        "point": found,
        "inspection": inspection,
        "finding": found.finding,
        "reports": found.reports.select_related("reported_by"),
        "can_report": can_report,
        "point_form": point_form,
        "report_form": report_form,
    }
    return render(request, "inspections/point.html", context)
