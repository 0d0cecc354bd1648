"""The family's rights on screen: the privacy officer's page with the export (JSON and PDF) and the trail of
corrections, and the correction form for whoever may edit the family."""

from pathlib import Path
from uuid import UUID

import weasyprint
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_GET

from gezinsregie import policy
from gezinsregie.accounts.request import actor_of
from gezinsregie.common.forms import apply_errors
from gezinsregie.privacy import selectors, services
from gezinsregie.privacy.forms import RectifyForm

Permission = policy.Permission
STYLESHEET = Path(__file__).resolve().parents[1] / "reports" / "static" / "reports" / "report_pdf.css"


@login_required
@require_GET
def family(request: HttpRequest, family_id: UUID) -> HttpResponse:
    actor = actor_of(request)
    found = policy.access_family(actor, family_id, action=Permission.EXPORT_FAMILY_DATA)
    context = {
        "family": found,
        "rectifications": selectors.rectifications_of(found),
        "may_see_log": policy.can(actor, Permission.VIEW_LOG, found),
    }
    return render(request, "privacy/family.html", context)


@login_required
@require_GET
def export_json(request: HttpRequest, family_id: UUID) -> HttpResponse:
    actor = actor_of(request)
    found = policy.access_family(actor, family_id, action=Permission.EXPORT_FAMILY_DATA)
    export = services.family_export(actor=actor, family=found)
    response = HttpResponse(export.as_json(), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{export.filename}.json"'
    return response


@login_required
@require_GET
def export_pdf(request: HttpRequest, family_id: UUID) -> HttpResponse:
    actor = actor_of(request)
    found = policy.access_family(actor, family_id, action=Permission.EXPORT_FAMILY_DATA)
    export = services.family_export(actor=actor, family=found)
    html = render_to_string("privacy/export_pdf.html", {"export": export})
    stylesheet = weasyprint.CSS(string=STYLESHEET.read_text(encoding="utf-8"))
    pdf = weasyprint.HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf(
        stylesheets=[stylesheet], pdf_tags=True
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{export.filename}.pdf"'
    return response


@login_required
def rectify(request: HttpRequest, family_id: UUID) -> HttpResponse:
    actor = actor_of(request)
    found = policy.access_family(actor, family_id, action=Permission.EDIT)
    may_view_bsn = policy.can(actor, Permission.VIEW_BSN, found)
    form = RectifyForm(request.POST or None, family=found, may_view_bsn=may_view_bsn)
    if request.method == "POST" and form.is_valid():
        kind, _, rest = form.cleaned_data["what"].partition(":")
        member_id, _, field = rest.rpartition(":")
        member = found.members.filter(pk=member_id).first() if kind == "lid" else None
        try:
            services.family_rectify(
                actor=actor,
                family=found,
                member=member,
                field=field,
                value=form.cleaned_data["value"],
                reason=form.cleaned_data["reason"],
                today=timezone.localdate(),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Het gegeven is gecorrigeerd; wat er eerst stond, is bewaard bij de correctie.")
            return redirect("web:family", family_id=found.pk)
    context = {"family": found, "form": form, "rectifications": selectors.rectifications_of(found)}
    return render(request, "privacy/rectify.html", context)
