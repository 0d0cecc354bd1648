"""Sign-in locks and API keys in the admin."""

from typing import Any

from axes.models import AccessAttempt
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import ngettext
from django_otp.plugins.otp_totp.models import TOTPDevice

from gezinsregie.accounts import services
from gezinsregie.accounts.admin.common import ConfiguredReadOnly, _configures
from gezinsregie.accounts.models import ApiToken, User
from gezinsregie.audit import services as audit
from gezinsregie.common.idempotency import idempotent


@admin.register(AccessAttempt)
class LockoutAdmin(ConfiguredReadOnly):
    """Failed sign-ins counted by axes: a row at the limit is a lock; lifting it removes the row."""

    list_display = ["user_name", "address", "failures", "since", "locked"]
    search_fields = ["username", "ip_address"]
    readonly_fields = ("user_name", "address", "agent", "failures", "since")
    fields = readonly_fields
    actions = ["lift"]

    # axes names its fields in English ("Failed Logins"): the columns say it in Dutch
    @admin.display(description="gebruikersnaam", ordering="username")
    def user_name(self, obj: AccessAttempt) -> str:
        return str(obj.username)

    @admin.display(description="IP-adres", ordering="ip_address")
    def address(self, obj: AccessAttempt) -> str:
        return str(obj.ip_address or "—")

    @admin.display(description="browser")
    def agent(self, obj: AccessAttempt) -> str:
        return str(obj.user_agent)

    @admin.display(description="mislukte pogingen", ordering="failures_since_start")
    def failures(self, obj: AccessAttempt) -> int:
        return int(obj.failures_since_start)

    @admin.display(description="laatste poging", ordering="attempt_time")
    def since(self, obj: AccessAttempt) -> Any:
        return obj.attempt_time

    @admin.display(boolean=True, description="geblokkeerd")
    def locked(self, obj: AccessAttempt) -> bool:
        return obj.failures_since_start >= settings.AXES_FAILURE_LIMIT

    @admin.action(description="Blokkade opheffen")
    def lift(self, request: HttpRequest, queryset: QuerySet[AccessAttempt]) -> None:
        count = queryset.count()
        for attempt in queryset:
            audit.record(actor=request.user, action="user.unlock", obj=attempt)  # type: ignore[arg-type]
        queryset.delete()
        pairs = ngettext(
            "%(n)d combinatie van gebruikersnaam en adres", "%(n)d combinaties van gebruikersnaam en adres", count
        ) % {"n": count}
        self.message_user(request, f"Blokkade opgeheven voor {pairs}.")

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _configures(request)  # lifting a lock removes its row


class ApiTokenAddForm(forms.ModelForm):
    class Meta:
        model = ApiToken
        fields = ["user", "name"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The admin makes tokens only for a koppelaccount: for a person it would be signing in as them.
        self.fields["user"].queryset = User.objects.filter(is_integration_account=True, is_active=True)  # type: ignore[attr-defined]
        self.fields["user"].help_text = "Alleen koppelaccounts. Een persoon maakt een sleutel zelf op 'Mijn account'."


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["user__is_integration_account"]
    search_fields = ["name", "user__username", "prefix"]
    readonly_fields = ["user", "name", "prefix", "created_at", "created_by", "last_used_at", "revoked_at"]
    actions = ["revoke"]
    add_form_template = "admin/accounts/apitoken_add.html"  # with the submission token

    def add_view(self, request: HttpRequest, form_url: str = "", extra_context: Any = None) -> HttpResponse:
        """One key per sent form: a second POST with the same token goes to the list, no new key, no secret."""
        return idempotent(lambda r: super(ApiTokenAdmin, self).add_view(r, form_url, extra_context))(request)

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        if obj is None:
            kwargs["form"] = ApiTokenAddForm
        return super().get_form(request, obj, change, **kwargs)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return self.readonly_fields if obj is not None else []

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return self.readonly_fields if obj is not None else ["user", "name"]

    def save_model(self, request: HttpRequest, obj: ApiToken, form: Any, change: bool) -> None:
        if change:
            return
        token, secret = services.api_token_create(actor=request.user, user=obj.user, name=obj.name)  # type: ignore[arg-type]
        obj.pk = token.pk
        request._new_api_token_secret = secret  # type: ignore[attr-defined]

    def response_add(self, request: HttpRequest, obj: ApiToken, post_url_continue: str | None = None) -> HttpResponse:
        token = ApiToken.objects.get(pk=obj.pk)
        response = render(
            request,
            "admin/accounts/apitoken_created.html",
            {**self.admin_site.each_context(request), "token": token, "secret": request._new_api_token_secret},  # type: ignore[attr-defined]
        )
        response["Cache-Control"] = "no-store"
        response.submission_result = reverse(f"{self.admin_site.name}:accounts_apitoken_changelist")  # type: ignore[attr-defined]
        return response

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # revoke instead: the record of when it was used stays

    @admin.action(description="Intrekken")
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        for token in queryset.select_related("user"):
            services.api_token_revoke(actor=request.user, token=token)  # type: ignore[arg-type]
        self.message_user(request, "De gekozen API-sleutels zijn ingetrokken.", messages.SUCCESS)


admin.site.unregister(TOTPDevice)  # django-otp's own: English, and it shows a person's secret key and QR code


@admin.register(TOTPDevice)
class AuthenticatorAppAdmin(ConfiguredReadOnly):
    """A person's authenticator apps: seen, and removed when phone and codes are lost (docs/authentication.md), never
    read: the secret key stays with its owner."""

    list_display = ["person", "app_name", "confirmed_app", "created", "last_used"]
    search_fields = ["user__username", "user__last_name", "name"]
    fields = readonly_fields = ("person", "app_name", "confirmed_app", "created", "last_used")

    @admin.display(description="gebruiker", ordering="user__username")
    def person(self, obj: TOTPDevice) -> str:
        return str(obj.user)

    @admin.display(description="naam van de app", ordering="name")
    def app_name(self, obj: TOTPDevice) -> str:
        return str(obj.name)

    @admin.display(boolean=True, description="bevestigd")
    def confirmed_app(self, obj: TOTPDevice) -> bool:
        return bool(obj.confirmed)

    @admin.display(description="ingesteld op", ordering="created_at")
    def created(self, obj: TOTPDevice) -> Any:
        return obj.created_at

    @admin.display(description="laatst gebruikt", ordering="last_used_at")
    def last_used(self, obj: TOTPDevice) -> Any:
        return obj.last_used_at

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _configures(request)  # phone and codes lost: the user sets up a new app
