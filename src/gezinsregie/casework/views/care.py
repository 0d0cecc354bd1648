"""Care requests of a family, and the process manager's overview of care still waiting."""

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
from gezinsregie.accounts.models import Role, User
from gezinsregie.accounts.request import actor_of
from gezinsregie.casework import forms, services
from gezinsregie.casework.models import Family
from gezinsregie.casework.selectors import care as care_selectors
from gezinsregie.common.forms import apply_errors
from gezinsregie.common.idempotency import idempotent

Permission = policy.Permission


@never_cache
@login_required
@idempotent
def care(request: HttpRequest, family_id: UUID) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=Permission.VIEW)
    can_edit = policy.can(actor, Permission.EDIT, family)
    today = timezone.localdate()
    post = request.POST if request.method == "POST" else None
    add = forms.CareRequestForm(
        post if "aanvragen" in request.POST else None, family=family, initial={"requested_on": today}
    )
    start = forms.CareStartForm(post if "starten" in request.POST else None, initial={"started_on": today})
    withdraw = forms.CareWithdrawForm(post if "intrekken" in request.POST else None, initial={"withdrawn_on": today})
    if request.method == "POST":
        if not can_edit:
            raise Http404
        bound: Form = add if "aanvragen" in request.POST else start if "starten" in request.POST else withdraw
        try:
            if bound.is_valid():
                _save(request, actor, family, bound)
                return redirect("casework:care", family_id=family.pk)
        except ValidationError as error:
            apply_errors(bound, error, {"reason": "reason"})
    context = {
        "family": family,
        "rows": care_selectors.care_of(family),
        "add_form": add,
        "start_form": start,
        "withdraw_form": withdraw,
        "can_edit": can_edit,
    }
    return render(request, "casework/care.html", context)


def _save(request: HttpRequest, actor: User, family: Family, form: Form) -> None:
    data = form.cleaned_data
    if isinstance(form, forms.CareRequestForm):
        services.care_request_add(actor=actor, family=family, **data)
        messages.success(request, "De zorgvraag is vastgelegd; de wachttijd loopt vanaf de aanvraag.")
        return
    record = care_selectors.care_request_of(family, request.POST.get("zorgvraag", ""))
    if record is None:
        raise Http404
    if isinstance(form, forms.CareStartForm):
        services.care_request_start(actor=actor, care_request=record, started_on=data["started_on"])
        messages.success(request, "De start van de zorg is vastgelegd.")
    else:
        services.care_request_withdraw(actor=actor, care_request=record, **data)
        messages.success(request, "De zorgvraag is ingetrokken.")


@never_cache
@login_required
def waiting(request: HttpRequest) -> HttpResponse:
    """Wachtende zorg: for the process manager, care still waiting in the approach and per provider."""
    actor = actor_of(request)
    if policy.membership_in_role(actor, Role.PROCESS_MANAGER) is None:
        raise Http404
    return render(request, "casework/waiting_care.html", {"overview": care_selectors.waiting_care(actor=actor)})
