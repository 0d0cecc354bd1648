"""The contact journal of a family: the coordinator's contacts, newest first, and a form to add one."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
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
def contacts(request: HttpRequest, family_id: UUID) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=Permission.VIEW)
    can_edit = policy.can(actor, Permission.EDIT, family)
    form = forms.ContactForm(request.POST or None, family=family, initial={"happened_on": timezone.localdate()})
    if request.method == "POST":
        if not can_edit:
            return render(request, "casework/contacts.html", {"family": family}, status=404)
        if form.is_valid():
            try:
                services.contact_record(
                    actor=actor,
                    family=family,
                    kind=form.cleaned_data["kind"],
                    happened_on=form.cleaned_data["happened_on"],
                    note=form.cleaned_data["note"],
                    members=list(form.cleaned_data["members"]),
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, "Het contactmoment is vastgelegd.")
                return redirect("casework:contacts", family_id=family.pk)
    context = {"family": family, "contacts": selectors.contacts_of(family), "form": form, "can_edit": can_edit}
    return render(request, "casework/contacts.html", context)
