"""Close a family's trajectory: reason, final evaluation, handover, and aftercare or a reasoned waiver."""

from datetime import timedelta
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from gezinsregie import policy
from gezinsregie.accounts.request import actor_of
from gezinsregie.casework.models import NetworkPerson
from gezinsregie.casework.selectors.network import network_of
from gezinsregie.common.forms import submit
from gezinsregie.trajectory import forms, services
from gezinsregie.trajectory.services.closure import watchers_for

Permission = policy.Permission


@never_cache
@login_required
def close(request: HttpRequest, family_id: UUID) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=Permission.EDIT)
    approach = family.approach
    network: list[NetworkPerson] = list(network_of(family))
    form = forms.ClosureForm(
        request.POST or None,
        family=family,
        watchers=watchers_for(family),
        network=network,
        initial={
            "closed_on": timezone.localdate(),
            "first_on": timezone.localdate() + timedelta(days=30),
            "monthly": approach.aftercare_monthly_checkins,
            "quarterly": approach.aftercare_quarterly_checkins,
        },
    )

    def write(data: dict[str, Any]) -> object:
        aftercare = None
        if data["with_aftercare"]:
            aftercare = services.AftercareInput(
                signals=data["signals"],
                whom_to_call=data["whom_to_call"],
                first_on=data["first_on"],
                monthly=data["monthly"],
                quarterly=data["quarterly"],
                watcher=data["watcher"],
                watcher_network=data["watcher_network"],
            )
        return services.family_close(
            actor=actor,
            family=family,
            closed_on=data["closed_on"],
            reason=data["reason"],
            note=data["note"],
            handover=[services.HandoverInput(need=n, provider=p, agreed=a) for n, p, a in form.handover_values()],
            no_further_care=data["no_further_care"],
            aftercare=aftercare,
            waiver_reason=data["waiver_reason"],
        )

    fields = {
        "schedule": "first_on",
        "handover": "need_1",
        "final_evaluation": "__all__",
        "aftercare": "with_aftercare",
    }
    if request.method == "POST" and submit(form, write, fields):
        messages.success(request, "Het traject is afgesloten.")
        return redirect("trajectory:overview", family_id=family.pk)
    return render(request, "trajectory/closure.html", {"family": family, "form": form})
