"""The self-assessment as a draft report: the page, the PDF, and an inspection started from it."""

from pathlib import Path

import weasyprint
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.accounts.request import actor_of
from gezinsregie.assessment.policy_proposals import ENOUGH as MET_SHARE
from gezinsregie.inspections import services as inspections
from gezinsregie.inspections.models import InspectionLevel
from gezinsregie.organisations.models import Approach
from gezinsregie.reports.draft.selectors import draft_report

Permission = policy.Permission
STYLESHEET = Path(__file__).resolve().parents[1] / "static" / "reports" / "report_pdf.css"


def _approach(actor: User, approach_id: int) -> Approach:
    approach = policy.approaches_for(actor, Permission.VIEW_ASSESSMENT).filter(pk=approach_id).first()
    if approach is None:
        raise Http404
    return approach


@never_cache
@login_required
@require_GET
def draft(request: HttpRequest, approach_id: int) -> HttpResponse:
    actor = actor_of(request)
    approach = _approach(actor, approach_id)
    context = {
        "report": draft_report(actor=actor, approach=approach),
        "met_share": MET_SHARE,
        "may_start": policy.can(actor, Permission.START_INSPECTION, approach),
        "levels": [(InspectionLevel.POLICY, "beleidsniveau"), (InspectionLevel.CASE, "casusniveau")],
    }
    return render(request, "reports/draft.html", context)


@never_cache
@login_required
@require_GET
def draft_pdf(request: HttpRequest, approach_id: int) -> HttpResponse:
    actor = actor_of(request)
    report = draft_report(actor=actor, approach=_approach(actor, approach_id))
    html = render_to_string("reports/draft_pdf.html", {"report": report, "met_share": MET_SHARE})
    stylesheet = weasyprint.CSS(string=STYLESHEET.read_text(encoding="utf-8"))
    base_url = request.build_absolute_uri("/")
    pdf = weasyprint.HTML(string=html, base_url=base_url).write_pdf(stylesheets=[stylesheet], pdf_tags=True)
    response = HttpResponse(pdf, "application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{report.filename}"'
    return response


@login_required
@require_POST
def start_inspection(request: HttpRequest, approach_id: int) -> HttpResponse:
    """The inspector starts an inspection from the self-assessment: the judging screen then shows each proposal with
    its evidence; the judgement stays the inspector's."""
    actor = actor_of(request)
    approach = _approach(actor, approach_id)
    if not policy.can(actor, Permission.START_INSPECTION, approach):
        raise Http404
    level = request.POST.get("level", "")
    if level not in InspectionLevel.values:
        messages.error(request, "Kies het niveau van het onderzoek: beleidsniveau of casusniveau.")
        return redirect("reports:draft", approach_id=approach.pk)
    try:
        inspection = inspections.inspection_create(
            actor=actor, approach=approach, level=level, year=timezone.localdate().year
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("reports:draft", approach_id=approach.pk)
    messages.success(
        request,
        f"Het onderzoek '{inspection.title}' is gestart vanuit de zelfevaluatie. Bij het beoordelen staat bij elke "
        "indicator het voorstel uit de gegevens met de onderbouwing; het oordeel is aan u.",
    )
    return redirect("inspections:detail", inspection_id=inspection.pk)
