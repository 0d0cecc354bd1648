"""Drang en dwang: measures considered and applied, and the process manager's exit decision (issue 9 §8)."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from gezinsregie import policy
from gezinsregie.accounts.request import actor_of
from gezinsregie.casework.services import measures as measure_services
from gezinsregie.common.forms import submit
from gezinsregie.common.idempotency import idempotent
from gezinsregie.trajectory import forms, selectors

Permission = policy.Permission


@never_cache
@login_required
@idempotent
def measures(request: HttpRequest, family_id: UUID) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=Permission.VIEW)
    today = timezone.localdate()
    can_edit = policy.can(actor, Permission.EDIT, family)
    can_decide = policy.can(actor, Permission.DECIDE_EXIT, family)
    rows = list(selectors.measures_of(family))
    chosen = request.POST.get("formulier", "")
    data = request.POST if request.method == "POST" else None
    # two forms on one page with fields of the same name: prefixes keep their ids (and labels) apart
    measure_form = forms.MeasureForm(
        data if chosen == "maatregel" else None, prefix="maatregel", initial={"considered_on": today}
    )
    exit_form = forms.ExitDecisionForm(
        data if chosen == "besluit" else None, prefix="besluit", measures=rows, initial={"decided_on": today}
    )
    if request.method == "POST":
        if chosen == "maatregel" and can_edit:
            done = submit(measure_form, lambda d: measure_services.measure_record(actor=actor, family=family, **d))
            message = "De maatregel is vastgelegd."
        elif chosen == "besluit" and can_decide:

            def decide(d: dict) -> object:
                picked = [m for m in rows if str(m.pk) in d["measures"]]
                return measure_services.non_cooperation_decide(
                    actor=actor, family=family, decided_on=d["decided_on"], reason=d["reason"], measures=picked
                )

            done, message = submit(exit_form, decide), "Het besluit is vastgelegd."
        else:
            raise Http404
        if done:
            messages.success(request, message)
            return redirect("trajectory:measures", family_id=family.pk)
    context = {
        "family": family,
        "measures": rows,
        "decisions": selectors.exit_decisions_of(family),
        "not_cooperating": selectors.not_cooperating(family),
        "measure_form": measure_form,
        "exit_form": exit_form,
        "can_edit": can_edit,
        "can_decide": can_decide,
    }
    return render(request, "trajectory/measures.html", context)
