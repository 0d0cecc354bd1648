from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from gezinsregie import policy
from gezinsregie.accounts.request import actor_of
from gezinsregie.audit import selectors

Permission = policy.Permission


@login_required
def family_log(request: HttpRequest, family_id: UUID) -> HttpResponse:
    family = policy.access_family(actor_of(request), family_id, action=Permission.VIEW_LOG)
    page = Paginator(selectors.family_log(family=family), 50).get_page(request.GET.get("pagina"))
    return render(request, "audit/family_log.html", {"family": family, "page": page})


@login_required
def search(request: HttpRequest) -> HttpResponse:
    policy.ensure(actor_of(request), Permission.SEARCH_LOGS)
    reference = request.GET.get("kenmerk", "").strip().upper()
    if reference:
        family = policy.families_for(actor_of(request), Permission.VIEW_LOG).filter(reference=reference).first()
        if family is not None:
            return redirect("audit:family", family_id=family.pk)
        messages.error(request, f"Geen gezin met kenmerk {reference} gevonden binnen uw gemeente.")
    return render(request, "audit/search.html", {"reference": reference})
