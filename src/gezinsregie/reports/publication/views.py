"""The published reports of one inspection: the factsheet (policy level) and the nota van bevindingen (case
level), as a page and as a PDF. Who may see one is policy VIEW_INSPECTION's answer: the inspectorate that
conducts it (a concept until published), the municipality once it is published; anyone else gets a 404.

The reports hold no personal data (publication/selectors.py), so reading them is not written to the access log.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from gezinsregie import policy
from gezinsregie.accounts.request import actor_of
from gezinsregie.inspections.models import InspectionLevel
from gezinsregie.reports.publication import rendering, selectors

Permission = policy.Permission


def _report(request: HttpRequest, inspection_id: int, level: str) -> tuple[selectors.Report, bool]:
    """The report, and whether the actor conducts the inspection."""
    actor = actor_of(request)
    inspection = policy.access_inspection(actor, inspection_id, action=Permission.VIEW_INSPECTION)
    if inspection.level != level:
        raise Http404
    return selectors.build(inspection), policy.can(actor, Permission.CONDUCT_INSPECTION, inspection)


def _page(request: HttpRequest, inspection_id: int, level: str) -> HttpResponse:
    report, conducts = _report(request, inspection_id, level)
    kind = report.kind
    context = {
        "report": report,
        "pdf_url": reverse(f"reports:{kind}_pdf", args=[inspection_id]),
        "back_url": reverse("inspections:detail" if conducts else "inspections:result", args=[inspection_id]),
        "texts_url": reverse("inspections:report_texts", args=[inspection_id]) if conducts and report.concept else None,
        "profile_url": reverse("reports:approach_profile", args=[inspection_id])
        if conducts and report.concept
        else None,
        "sections_url": (
            reverse("reports:report_sections", args=[inspection_id])
            if conducts and report.concept and not report.is_factsheet
            else None
        ),
    }
    return render(request, rendering.template_of(report, pdf=False), context)


def _pdf(request: HttpRequest, inspection_id: int, level: str) -> HttpResponse:
    report, _conducts = _report(request, inspection_id, level)
    response = HttpResponse(rendering.pdf(report, base_url=request.build_absolute_uri("/")), "application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{report.filename}"'
    return response


@never_cache
@login_required
@require_GET
def factsheet(request: HttpRequest, inspection_id: int) -> HttpResponse:
    return _page(request, inspection_id, InspectionLevel.POLICY)


@never_cache
@login_required
@require_GET
def factsheet_pdf(request: HttpRequest, inspection_id: int) -> HttpResponse:
    return _pdf(request, inspection_id, InspectionLevel.POLICY)


@never_cache
@login_required
@require_GET
def case_report(request: HttpRequest, inspection_id: int) -> HttpResponse:
    return _page(request, inspection_id, InspectionLevel.CASE)


@never_cache
@login_required
@require_GET
def case_report_pdf(request: HttpRequest, inspection_id: int) -> HttpResponse:
    return _pdf(request, inspection_id, InspectionLevel.CASE)
