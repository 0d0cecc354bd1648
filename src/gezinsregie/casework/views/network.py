"""The family's social network: the map (SVG) and the same data as a table; who steers the family edits it."""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from gezinsregie import policy
from gezinsregie.accounts.request import actor_of
from gezinsregie.casework import forms
from gezinsregie.casework.models import NetworkPerson
from gezinsregie.casework.selectors import network as network_selectors
from gezinsregie.casework.services import network as network_services
from gezinsregie.common.forms import apply_errors
from gezinsregie.common.idempotency import idempotent

Permission = policy.Permission


def _initial(person: NetworkPerson | None, contacts_allowed: bool) -> dict[str, Any]:
    if person is None:
        return {}
    initial = {name: getattr(person, name) for name in ("name", "tie", "relation", "influence", "note")}
    initial |= {"role_in_plan": person.role_in_plan, "eyes_and_ears": person.eyes_and_ears}
    initial["members"] = [m.pk for m in person.members.all()]
    if contacts_allowed:  # outside the consent they are not shown, and saving again leaves them out
        initial |= {"phone": person.phone, "email": person.email}
    return initial


@never_cache
@login_required
@idempotent
def network(request: HttpRequest, family_id: UUID) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=Permission.VIEW)
    can_edit = policy.can(actor, Permission.EDIT, family)
    allowed = network_selectors.contacts_allowed(family)
    chosen = request.POST.get("persoon") or request.GET.get("wijzig", "")
    editing = network_selectors.network_person_of(family, chosen) if can_edit and chosen else None
    if chosen and can_edit and editing is None:
        raise Http404
    post = request.POST if request.method == "POST" else None
    form = forms.NetworkPersonForm(post, family=family, contacts_allowed=allowed, initial=_initial(editing, allowed))
    if request.method == "POST":
        if not can_edit:
            raise Http404
        if "verwijderen" in request.POST and editing is not None:
            network_services.network_person_remove(actor=actor, person=editing)
            messages.success(request, f"{editing.name} staat niet meer in het netwerk van het gezin.")
            return redirect("casework:network", family_id=family.pk)
        if form.is_valid():
            data = network_services.NetworkInput(**{**form.cleaned_data, "members": list(form.cleaned_data["members"])})
            try:
                if editing is None:
                    person = network_services.network_person_add(actor=actor, family=family, data=data)
                else:
                    person = network_services.network_person_change(actor=actor, person=editing, data=data)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, f"{person.name} is vastgelegd in het netwerk van het gezin.")
                return redirect("casework:network", family_id=family.pk)
    context = {
        "family": family,
        "overview": network_selectors.overview(family),
        "form": form,
        "editing": editing,
        "hidden_contacts": editing is not None and editing.has_contact_details and not allowed,
        "can_edit": can_edit,
    }
    return render(request, "casework/network.html", context)
