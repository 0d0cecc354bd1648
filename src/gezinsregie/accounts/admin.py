from typing import Any

from axes.models import AccessAttempt
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gezinsregie import policy
from gezinsregie.accounts import lockout, services
from gezinsregie.accounts.models import ApiToken, Membership, User


def _configures(request: HttpRequest) -> bool:
    return policy.can(request.user, policy.Permission.CONFIGURE)  # type: ignore[arg-type]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["organisation", "approach"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    inlines = [MembershipInline]
    list_display = ["username", "first_name", "last_name", "email", "is_active", "is_integration_account"]
    list_filter = [*BaseUserAdmin.list_filter, "is_integration_account"]
    fieldsets = [*BaseUserAdmin.fieldsets, ("Koppeling", {"fields": ["is_integration_account"]})]  # type: ignore[misc]
    actions = ["unlock"]

    @admin.action(description="Inlogblokkade opheffen (alle netwerkadressen)")
    def unlock(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        removed = sum(lockout.unlock(username=user.username) for user in queryset)
        self.message_user(request, f"Blokkade opgeheven: {removed} geblokkeerde inlogpoging(en) verwijderd.")


@admin.register(AccessAttempt)
class LockoutAdmin(admin.ModelAdmin):
    """Failed sign-ins counted by axes: a row at the limit is a lock; lifting it removes the row."""

    list_display = ["username", "ip_address", "failures_since_start", "attempt_time", "locked"]
    search_fields = ["username", "ip_address"]
    readonly_fields = ("username", "ip_address", "user_agent", "failures_since_start", "attempt_time")
    fields = readonly_fields
    actions = ["lift"]

    @admin.display(boolean=True, description="geblokkeerd")
    def locked(self, obj: AccessAttempt) -> bool:
        return obj.failures_since_start >= settings.AXES_FAILURE_LIMIT

    @admin.action(description="Blokkade opheffen")
    def lift(self, request: HttpRequest, queryset: QuerySet[AccessAttempt]) -> None:
        count = queryset.count()
        queryset.delete()
        self.message_user(request, f"Blokkade opgeheven voor {count} combinatie(s) van gebruikersnaam en adres.")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _configures(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _configures(request)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return _configures(request)


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
