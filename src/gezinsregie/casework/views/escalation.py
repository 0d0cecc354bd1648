"""A family's escalations: open one on a stagnation, raise it a rung, close it with an outcome."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from gezinsregie import policy
from gezinsregie.accounts.request import actor_of
from gezinsregie.casework import forms, services
from gezinsregie.casework.selectors import escalation as escalation_selectors
from gezinsregie.common.forms import apply_errors
from gezinsregie.common.idempotency import idempotent

Permission = policy.Permission


@never_cache
@login_required
@idempotent
def escalations(request: HttpRequest, family_id: UUID) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=Permission.VIEW)
    can_edit = policy.can(actor, Permission.EDIT, family)
    today = timezone.localdate()
    data = request.POST if request.method == "POST" else None
    open_form = forms.EscalationForm(
        data if "openen" in request.POST else None, family=family, initial={"opened_on": today}
    )
    raise_form = forms.RaiseForm(data if "opschalen" in request.POST else None)
    close_form = forms.CloseEscalationForm(data if "sluiten" in request.POST else None, initial={"closed_on": today})
    rows = escalation_selectors.escalations_of(family)
    if request.method == "POST":
        if not can_edit:
            raise Http404
        bound: Form = close_form
        if "openen" in request.POST:
            bound = open_form
        elif "opschalen" in request.POST:
            bound = raise_form
        if bound.is_valid():
            try:
                if bound is open_form:
                    services.escalation_open(actor=actor, family=family, **bound.cleaned_data)
                    messages.success(request, "De opschaling is geopend.")
                else:
                    wanted = request.POST.get("opschaling")
                    chosen = next((r.escalation for r in rows if str(r.escalation.pk) == wanted), None)
                    if chosen is None:
                        raise Http404
                    if bound is raise_form:
                        services.escalation_raise(
                            actor=actor, escalation=chosen, to_step=chosen.step + 1, note=bound.cleaned_data["note"]
                        )
                        messages.success(request, "De opschaling is een trede hoger gezet.")
                    else:
                        services.escalation_close(actor=actor, escalation=chosen, **bound.cleaned_data)
                        messages.success(request, "De opschaling is gesloten.")
            except ValidationError as error:
                apply_errors(bound, error, {"to_step": "note"})
            else:
                return redirect("casework:escalations", family_id=family.pk)
    context = {
        "family": family,
        "rows": rows,
        "ladder": escalation_selectors.ladder_of(family.approach),
        "open_form": open_form,
        "raise_form": raise_form,
        "close_form": close_form,
        "can_edit": can_edit,
    }
    return render(request, "casework/escalations.html", context)
