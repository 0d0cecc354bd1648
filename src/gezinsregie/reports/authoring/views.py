"""The inspector's pages for a report, until it is published: the typering of the approach (both levels) and the
nota's subsections per chapter with their conclusions and the learning meeting (case level). Only the
inspectorate that conducts the inspection opens them (policy CONDUCT_INSPECTION); anyone else gets a 404."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from gezinsregie import policy
from gezinsregie.accounts.request import actor_of
from gezinsregie.common.forms import submit
from gezinsregie.inspections import workflow
from gezinsregie.inspections.models import Inspection
from gezinsregie.reports.authoring import forms, services
from gezinsregie.reports.models import CHAPTER_NUMBERS, ApproachProfile, Chapter, ReportSection

Permission = policy.Permission


def _inspection(request: HttpRequest, inspection_id: int, *, case_only: bool = False) -> Inspection:
    inspection = policy.access_inspection(actor_of(request), inspection_id, action=Permission.CONDUCT_INSPECTION)
    if not workflow.can_edit_texts(inspection) or (case_only and workflow.is_policy_level(inspection)):
        raise Http404
    return inspection


def _report_url(inspection: Inspection) -> str:
    name = "reports:factsheet" if workflow.is_policy_level(inspection) else "reports:case_report"
    return reverse(name, args=[inspection.pk])


def _context(inspection: Inspection, **more: Any) -> dict[str, Any]:
    return {"inspection": inspection, "report_url": _report_url(inspection), **workflow.flags(inspection), **more}


@login_required
def approach_profile(request: HttpRequest, inspection_id: int) -> HttpResponse:
    inspection = _inspection(request, inspection_id)
    profile = ApproachProfile.objects.filter(inspection=inspection).first()
    initial = {name: getattr(profile, name) for name in forms.ApproachProfileForm().fields} if profile else {}
    form = forms.ApproachProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and submit(
        form, lambda data: services.approach_profile_save(actor=actor_of(request), inspection=inspection, **data)
    ):
        messages.success(request, "De typering van de aanpak is opgeslagen.")
        return redirect("reports:approach_profile", inspection_id=inspection.pk)
    return render(request, "reports/approach_profile.html", _context(inspection, form=form))


def _chapters(inspection: Inspection) -> list[dict[str, Any]]:
    sections = list(ReportSection.objects.filter(inspection=inspection).prefetch_related("themes"))
    listed = []
    for chapter in Chapter:
        own = [s for s in sections if s.chapter == chapter.value]
        listed.append(
            {"key": chapter.value, "label": chapter.label, "number": CHAPTER_NUMBERS[chapter], "sections": own}
        )
    return listed


@login_required
def report_sections(request: HttpRequest, inspection_id: int) -> HttpResponse:
    """The nota's subsections per chapter, and a form to add one."""
    inspection = _inspection(request, inspection_id, case_only=True)
    form = forms.ReportSectionForm(request.POST or None, inspection=inspection)
    if request.method == "POST" and submit(
        form, lambda data: services.report_section_add(actor=actor_of(request), inspection=inspection, **data)
    ):
        messages.success(request, "De paragraaf is toegevoegd.")
        return redirect("reports:report_sections", inspection_id=inspection.pk)
    context = _context(inspection, form=form, chapters=_chapters(inspection))
    return render(request, "reports/report_sections.html", context)


@login_required
def report_section_edit(request: HttpRequest, inspection_id: int, section_id: int) -> HttpResponse:
    inspection = _inspection(request, inspection_id, case_only=True)
    section = get_object_or_404(ReportSection, pk=section_id, inspection=inspection)
    initial = {
        "chapter": section.chapter,
        "title": section.title,
        "text": section.text,
        "conclusion": section.conclusion,
        "themes": list(section.themes.all()),
        "order": section.order,
    }
    form = forms.ReportSectionForm(request.POST or None, inspection=inspection, initial=initial)
    if request.method == "POST" and submit(
        form, lambda data: services.report_section_update(actor=actor_of(request), section=section, **data)
    ):
        messages.success(request, "De paragraaf is opgeslagen.")
        return redirect("reports:report_sections", inspection_id=inspection.pk)
    return render(request, "reports/report_section_edit.html", _context(inspection, form=form, section=section))


@login_required
@require_POST
def report_section_delete(request: HttpRequest, inspection_id: int, section_id: int) -> HttpResponse:
    inspection = _inspection(request, inspection_id, case_only=True)
    section = get_object_or_404(ReportSection, pk=section_id, inspection=inspection)
    services.report_section_delete(actor=actor_of(request), section=section)
    messages.success(request, "De paragraaf is verwijderd.")
    return redirect("reports:report_sections", inspection_id=inspection.pk)
