"""Aanmeldingen that wait for the intake team (issue 12 §6): link each to the known family it is about, or register
it as a new family. The registrant was told only that the family may be known and that the intake team links it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from gezinsregie import policy
from gezinsregie.accounts.request import actor_of
from gezinsregie.casework.selectors import pending as selectors
from gezinsregie.casework.services import pending as services
from gezinsregie.common.idempotency import idempotent

Permission = policy.Permission


@never_cache
@login_required
def pending_referrals(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    if not policy.approaches_for(actor, Permission.LINK_REFERRAL).exists():
        raise Http404
    rows = selectors.pending_referrals_for(actor=actor)
    return render(request, "casework/pending_referrals.html", {"rows": rows})


@never_cache
@login_required
@idempotent
def pending_referral(request: HttpRequest, pending_id: int) -> HttpResponse:
    actor = actor_of(request)
    pending = selectors.access_pending_referral(actor, pending_id)
    candidates = selectors.candidates_of(actor=actor, pending=pending)
    error = ""
    if request.method == "POST":
        try:
            if request.POST.get("nieuw") == "1":
                family = services.pending_referral_register(actor=actor, pending=pending)
                messages.success(request, f"De aanmelding is geregistreerd als nieuw gezin {family.reference}.")
                return redirect("casework:pending_referrals")
            chosen = next((f for f in candidates if str(f.pk) == request.POST.get("gezin")), None)
            if chosen is None:
                raise ValidationError("Kies een van de bekende gezinnen, of registreer een nieuw gezin.")
            services.pending_referral_link(actor=actor, pending=pending, family=chosen)
            messages.success(request, f"De aanmelding is gekoppeld aan gezin {chosen.reference}.")
            return redirect("casework:pending_referrals")
        except ValidationError as refused:
            error = " ".join(refused.messages)
    context = {
        "pending": pending,
        "members": services.members_of(pending),
        "domains": pending.domains.all(),
        "candidates": candidates,
        "error": error,
    }
    return render(request, "casework/pending_referral.html", context)
