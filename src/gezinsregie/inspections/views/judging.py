"""Judging, publishing and the (preview of the) result, with the comparison to the previous inspection."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.request import actor_of
from gezinsregie.common.forms import apply_errors
from gezinsregie.inspections import forms, selectors, services, workflow
from gezinsregie.inspections.models import (
    Finding,
    Inspection,
    Judgement,
)
from gezinsregie.inspections.selectors.judging import (
    CriterionGroup,
    FromData,
    IndicatorRow,
    ThemeGroup,
    data_evidence,
)

Permission = policy.Permission


def _from_data(request: HttpRequest, inspection: Inspection) -> dict[str, FromData]:
    """The self-assessment beside the indicators while the inspection is being done; after publication the data of
    today says nothing about the year inspected."""
    if workflow.is_published(inspection):
        return {}
    return data_evidence(actor_of(request), inspection)


DISAGREEMENT = "verschil"  # ?toon=verschil: only the indicators the respondents (or the families) differ on


def disagrees(row: IndicatorRow) -> bool:
    """Policy level: the respondents gave different answers; case level: the families were judged differently."""
    if row.summary is not None:
        return row.summary.disagreement
    return len({f.judgement for _review, f in row.family_findings if f is not None and f.judgement}) > 1


def only_disagreement(themes: list[ThemeGroup[IndicatorRow]]) -> list[ThemeGroup[IndicatorRow]]:
    """The judging tree with only the indicators with disagreement (issue 14 §4), empty groups left out."""
    kept = []
    for theme in themes:
        criteria = [CriterionGroup(b.criterion, [r for r in b.rows if disagrees(r)]) for b in theme.criteria]
        criteria = [b for b in criteria if b.rows]
        if criteria:
            kept.append(ThemeGroup(theme.theme, criteria))
    return kept


@login_required
def judge(request: HttpRequest, inspection_id: int) -> HttpResponse:
    actor = actor_of(request)
    inspection = policy.access_inspection(actor, inspection_id, action=Permission.CONDUCT_INSPECTION)
    if not workflow.shows_answers_and_judgements(inspection):
        raise Http404
    visible = policy.inspections_for(actor, Permission.VIEW_INSPECTION)
    comparison = selectors.comparison(inspection, visible=visible)
    themes = selectors.judging_tree(
        inspection,
        earlier=selectors.earlier_by_indicator(comparison),
        from_data=_from_data(request, inspection),
        carried=selectors.carried_forward(inspection),
    )
    filtered = request.GET.get("toon") == DISAGREEMENT
    context = {
        "inspection": inspection,
        "themes": only_disagreement(themes) if filtered else themes,
        "only_disagreement": filtered,
        "disagreement_count": sum(disagrees(r) for t in themes for b in t.criteria for r in b.rows),
        "respondents": selectors.submitted_respondents(inspection),
        "reviews": selectors.reviews_of(inspection),
        "previous": comparison.earlier if comparison else None,
        **workflow.flags(inspection),
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
    if not workflow.can_judge(inspection):
        raise Http404
    finding: Finding | None = None
    if finding_id is not None:
        finding = selectors.overall_finding(inspection, finding_id)
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
    tree = selectors.judging_tree(
        inspection, earlier=selectors.earlier_by_indicator(found), from_data=_from_data(request, inspection)
    )
    criterion_rows = [
        row
        for theme in tree
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
        "reviews": selectors.reviews_of(inspection),
        "previous": found.earlier if found else None,
        **workflow.flags(inspection),
    }
    return render(request, "inspections/finding_form.html", context)


@login_required
def publish(request: HttpRequest, inspection_id: int) -> HttpResponse:
    actor = actor_of(request)
    inspection = policy.access_inspection(actor, inspection_id, action=Permission.CONDUCT_INSPECTION)
    if not workflow.can_publish(inspection):
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
        "rebuttal": selectors.rebuttal_state(inspection, today=timezone.localdate()),
        **workflow.flags(inspection),
    }
    return render(request, "inspections/publish.html", context)


@login_required
def report_texts(request: HttpRequest, inspection_id: int) -> HttpResponse:
    """The inspector writes the narrative of the factsheet or the nota van bevindingen (until publication)."""
    actor = actor_of(request)
    inspection = policy.access_inspection(actor, inspection_id, action=Permission.CONDUCT_INSPECTION)
    if not workflow.can_edit_texts(inspection):
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
    report = "reports:factsheet" if workflow.is_policy_level(inspection) else "reports:case_report"
    context = {
        "inspection": inspection,
        "form": form,
        "report_url": reverse(report, args=[inspection.pk]),
        **workflow.flags(inspection),
    }
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
        "reviews": selectors.reviews_of(inspection, with_interviews=True),
        "comparison": selectors.comparison(inspection, visible=visible),
        "can_conduct": policy.can(actor, Permission.CONDUCT_INSPECTION, inspection),
        **workflow.flags(inspection),
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
