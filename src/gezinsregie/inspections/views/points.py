"""Improvement points: the municipality's owner, term and progress reports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.request import actor_of
from gezinsregie.common.forms import apply_errors
from gezinsregie.common.idempotency import idempotent
from gezinsregie.inspections import forms, selectors, services
from gezinsregie.inspections.models import (
    PointStatus,
)

Permission = policy.Permission


@login_required
def points(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    found = list(selectors.points_for(actor))
    if not found and not policy.inspections_for(actor, Permission.VIEW_INSPECTION).exists():
        raise Http404
    context = {
        "approaches": selectors.points_per_approach(found),
        "overdue": selectors.overdue_ids(found, today=timezone.localdate()),
    }
    return render(request, "inspections/points.html", context)


@login_required
@idempotent
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
        "history": selectors.point_history(found),
        "overdue": found.is_overdue(timezone.localdate()),
        "can_report": can_report,
        "can_follow_up": can_report and found.status != PointStatus.RESOLVED,  # a resolved point is done
        "point_form": point_form,
        "report_form": report_form,
    }
    return render(request, "inspections/point.html", context)
