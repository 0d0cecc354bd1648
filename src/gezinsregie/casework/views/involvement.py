"""Who works with the family: the coordinator or process manager invites and ends, the professional answers."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from gezinsregie import policy
from gezinsregie.accounts.request import actor_of
from gezinsregie.casework import forms, selectors, services
from gezinsregie.common.forms import apply_errors
from gezinsregie.common.idempotency import idempotent

Permission = policy.Permission


@never_cache
@login_required
@idempotent
def involvements(request: HttpRequest, family_id: UUID) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=Permission.EDIT)
    today = timezone.localdate()
    invite = forms.InvolvementForm(
        request.POST if "uitnodigen" in request.POST else None,
        family=family,
        today=today,
        initial={"started_on": today},
    )
    end = forms.EndInvolvementForm(request.POST if "beeindigen" in request.POST else None, initial={"ended_on": today})
    if request.method == "POST":
        try:
            if "uitnodigen" in request.POST and invite.is_valid():
                user, organisation = invite.chosen()
                services.involvement_propose(
                    actor=actor,
                    family=family,
                    user=user,
                    organisation=organisation,
                    circle=invite.cleaned_data["circle"],
                    problems=list(invite.cleaned_data["problems"]),
                    started_on=invite.cleaned_data["started_on"],
                )
                messages.success(request, f"{user} is uitgenodigd en krijgt een melding.")
                return redirect("casework:involvements", family_id=family.pk)
            if "beeindigen" in request.POST and end.is_valid():
                record = selectors.involvement_of(family, request.POST.get("betrokkenheid", ""))
                if record is None:
                    raise Http404
                services.involvement_end(
                    actor=actor,
                    involvement=record,
                    ended_on=end.cleaned_data["ended_on"],
                    reason=end.cleaned_data["reason"],
                    note=end.cleaned_data["note"],
                )
                messages.success(request, f"De betrokkenheid van {record.user} is beëindigd; de toegang ook.")
                return redirect("casework:involvements", family_id=family.pk)
        except ValidationError as error:
            apply_errors(invite if "uitnodigen" in request.POST else end, error, {"end_reason": "reason"})
    context = {
        "family": family,
        "involvements": selectors.involvements_of(family),
        "invite_form": invite,
        "end_form": end,
        "no_one_to_invite": len(invite.people) == 0,
    }
    return render(request, "casework/involvements.html", context)


@never_cache
@login_required
def invitation(request: HttpRequest, involvement_id: int) -> HttpResponse:
    actor = actor_of(request)
    record = policy.access_invitation(actor, involvement_id)
    form = forms.RespondForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.involvement_respond(
                actor=actor, involvement=record, accept=form.cleaned_data["accept"], reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            if form.cleaned_data["accept"]:
                messages.success(request, f"U bent nu betrokken bij gezin {record.family.reference}.")
                return redirect("web:family", family_id=record.family_id)
            messages.success(request, "Uw antwoord is doorgegeven aan de regisseur.")
            return redirect("web:start")
    context = {"invitation": record, "problems": record.problems.select_related("domain", "member"), "form": form}
    return render(request, "casework/invitation.html", context)
