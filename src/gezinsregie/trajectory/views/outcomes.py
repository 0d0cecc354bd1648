"""Outcomes per approach for the municipality and the process manager: numbers only, never a person."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.request import actor_of
from gezinsregie.casework.selectors import sees_every_family
from gezinsregie.common.charts import bar_chart
from gezinsregie.trajectory.outcomes import SMALL_NUMBER, outcomes_for

Permission = policy.Permission


@login_required
def outcomes(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    allowed = policy.approaches_for(actor, Permission.VIEW_POPULATION).select_related("municipality")
    if not allowed.exists():
        raise PermissionDenied
    chosen = request.GET.get("aanpak", "")
    approaches = allowed.filter(pk=chosen) if chosen.isdigit() else allowed
    exact = sees_every_family(actor, approaches=approaches)
    result = outcomes_for(approaches=approaches, today=timezone.localdate(), exact=exact)
    charts = [
        bar_chart(chart_id="redenen", title="Afsluitingen per reden", rows=result.by_reason, unit="gezinnen"),
        bar_chart(chart_id="terugkeer", title="Terug in de aanpak", rows=result.reentries, unit="trajecten"),
    ]
    context = {"allowed": allowed, "chosen": chosen, "result": result, "charts": charts, "small": SMALL_NUMBER}
    context["exact"] = exact
    return render(request, "trajectory/outcomes.html", context)
