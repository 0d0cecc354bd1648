"""The second pair of eyes outside the admin site: the privacy officer approves or refuses the memberships of
their municipality that wait for it (issue 12 §2). A functional admin sees the same list here and in /beheer/."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from gezinsregie import policy
from gezinsregie.accounts import memberships, selectors
from gezinsregie.accounts.request import actor_of


@login_required
def grants(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    policy.ensure(actor, policy.Permission.APPROVE_MEMBERSHIP)
    response = render(request, "accounts/grants.html", {"grants": list(selectors.grants_to_decide(actor=actor))})
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def grant_decide(request: HttpRequest, grant_id: int) -> HttpResponse:
    actor = actor_of(request)
    grant = selectors.grants_to_decide(actor=actor).filter(pk=grant_id).first()
    if grant is None:
        raise Http404
    try:
        if request.POST.get("decision") == "approve":
            memberships.membership_grant_approve(actor=actor, grant=grant)
            messages.success(request, f"Goedgekeurd: {grant.user} heeft nu de rol {grant.get_role_display()}.")
        else:
            memberships.membership_grant_refuse(actor=actor, grant=grant)
            messages.success(request, f"Afgewezen: {grant.user} krijgt de rol {grant.get_role_display()} niet.")
    except PermissionDenied as refused:
        messages.error(request, str(refused) or "Dit mag u niet.")
    return redirect("accounts:grants")
