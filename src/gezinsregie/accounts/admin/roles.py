"""Roles in the admin: asked for, approved by a second person, ended (four eyes, issue 12 §2)."""

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect

from gezinsregie.accounts import memberships
from gezinsregie.accounts.admin.common import ConfiguredReadOnly, _configures
from gezinsregie.accounts.models import Membership, MembershipGrant, User


class GrantRequestForm(forms.ModelForm):
    class Meta:
        model = MembershipGrant
        fields = ["user", "organisation", "role", "approach", "reason"]


WAITS_FOR_SECOND_PERSON = (
    "Aangevraagd: de rol wordt actief als een andere beheerder of de privacyfunctionaris hem goedkeurt."
)


@admin.register(MembershipGrant)
class MembershipGrantAdmin(ConfiguredReadOnly):
    """Ask for a membership; another admin or the privacy officer approves it (four-eyes, issue 12 §2)."""

    form = GrantRequestForm
    list_display = ["user", "role", "organisation", "approach", "requested_by", "requested_at", "status", "decided_by"]
    list_filter = ["status", "role"]
    search_fields = ["user__username", "user__last_name", "organisation__name"]
    autocomplete_fields = ["user", "organisation", "approach"]
    actions = ["approve", "refuse"]

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is None:
            return GrantRequestForm.Meta.fields
        return [*GrantRequestForm.Meta.fields, "requested_by", "requested_at", "status", "decided_by", "decided_at"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return self.get_fields(request, obj) if obj is not None else []

    def save_model(self, request: HttpRequest, obj: MembershipGrant, form: Any, change: bool) -> None:
        if change:
            return
        grant = memberships.membership_grant_request(
            actor=request.user,  # type: ignore[arg-type]
            user=obj.user,
            organisation=obj.organisation,
            role=obj.role,
            approach=obj.approach,
            reason=obj.reason,
        )
        obj.pk = grant.pk
        self.message_user(request, WAITS_FOR_SECOND_PERSON)

    def add_view(self, request: HttpRequest, form_url: str = "", extra_context: Any = None) -> HttpResponse:
        try:
            return super().add_view(request, form_url, extra_context)
        except (PermissionDenied, ValidationError) as refused:
            self.message_user(request, " ".join(getattr(refused, "messages", [str(refused)])), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def _decide(self, request: HttpRequest, queryset: QuerySet[MembershipGrant], approve: bool) -> None:
        actor: User = request.user  # type: ignore[assignment]
        for grant in queryset:
            try:
                if approve:
                    memberships.membership_grant_approve(actor=actor, grant=grant)
                else:
                    memberships.membership_grant_refuse(actor=actor, grant=grant)
            except PermissionDenied as refused:
                self.message_user(request, f"{grant}: {refused}", messages.ERROR)
            else:
                self.message_user(request, f"{grant}: {'goedgekeurd' if approve else 'afgewezen'}.", messages.SUCCESS)

    @admin.action(description="Goedkeuren (tweede persoon)")
    def approve(self, request: HttpRequest, queryset: QuerySet[MembershipGrant]) -> None:
        self._decide(request, queryset, approve=True)

    @admin.action(description="Afwijzen")
    def refuse(self, request: HttpRequest, queryset: QuerySet[MembershipGrant]) -> None:
        self._decide(request, queryset, approve=False)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return _configures(request)  # requested here; decided by the actions, never edited


@admin.register(Membership)
class MembershipAdmin(ConfiguredReadOnly):
    """Memberships, read only; ending one takes one person (it only takes access away), never one's own."""

    list_display = ["person", "role", "organisation", "approach", "active"]
    list_filter = ["active", "role"]
    search_fields = ["user__username", "user__last_name", "organisation__name"]
    fields = readonly_fields = ("person", "organisation", "role", "approach", "active")
    actions = ["end"]

    @admin.display(description="gebruiker", ordering="user__username")
    def person(self, obj: Membership) -> str:
        return str(obj.user)

    @admin.action(description="Beëindigen")
    def end(self, request: HttpRequest, queryset: QuerySet[Membership]) -> None:
        actor: User = request.user  # type: ignore[assignment]
        for membership in queryset:
            try:
                memberships.membership_end(actor=actor, membership=membership)
            except PermissionDenied as refused:
                self.message_user(request, f"{membership}: {refused}", messages.ERROR)
            else:
                self.message_user(request, f"{membership}: beëindigd.", messages.SUCCESS)
