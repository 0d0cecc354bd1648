"""Close a family's trajectory: reason, final evaluation, handover, and aftercare or a reasoned waiver."""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.accounts.request import actor_of
from gezinsregie.casework.models import Family, NetworkPerson
from gezinsregie.casework.selectors import involvements_of
from gezinsregie.casework.selectors.network import network_of
from gezinsregie.common.forms import submit
from gezinsregie.trajectory import forms, services

Permission = policy.Permission


def watchers_for(family: Family) -> list[User]:
    """Who can keep a finger on the pulse: the coordinator, the process manager, the involved professionals."""
    people = [family.coordinator, family.process_manager, *(i.user for i in involvements_of(family))]
    unique: dict[int, User] = {}
    for person in people:
        if person is not None:
            unique.setdefault(person.pk, person)
    return list(unique.values())


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
                first_on=data["first_on"] or data["closed_on"],
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
        "handover": "__all__",
        "final_evaluation": "__all__",
        "aftercare": "with_aftercare",
    }
    if request.method == "POST" and submit(form, write, fields):
        messages.success(request, "Het traject is afgesloten.")
        return redirect("trajectory:overview", family_id=family.pk)
    return render(request, "trajectory/closure.html", {"family": family, "form": form})
