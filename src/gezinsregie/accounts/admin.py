from typing import Any

from axes.models import AccessAttempt
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import path

from gezinsregie import policy
from gezinsregie.accounts import memberships, services
from gezinsregie.accounts.models import ApiToken, Membership, MembershipGrant, Role, User
from gezinsregie.audit import services as audit


def _configures(request: HttpRequest) -> bool:
    return policy.can(request.user, policy.Permission.CONFIGURE)  # type: ignore[arg-type]


class ConfiguredReadOnly(admin.ModelAdmin):
    """Shown to whoever configures (policy CONFIGURE), never added, changed or deleted in the admin: what may be done
    with the rows is an action of the admin class, through its service. A subclass opens what it needs."""

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _configures(request)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return _configures(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class MembershipInline(admin.TabularInline):
    """The user's memberships, read only: a membership is given through a grant a second person approves."""

    model = Membership
    extra = 0
    fields = readonly_fields = ("organisation", "role", "approach", "active")
    can_delete = False
    verbose_name_plural = "Lidmaatschappen (toekennen via 'Toekenningen van rollen', beëindigen via 'Lidmaatschappen')"

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _configures(request)


class UserAddForm(forms.ModelForm):
    """A new account without a password: a person gets a link by e-mail to choose one (issue 12 §2)."""

    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email", "is_integration_account"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not cleaned.get("is_integration_account") and not cleaned.get("email"):
            self.add_error("email", "Vul het e-mailadres in: daarheen gaat de link om een wachtwoord te kiezen.")
        return cleaned


class UserChangeForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email", "is_active", "is_integration_account"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.actor: User | None = kwargs.pop("actor", None)
        super().__init__(*args, **kwargs)

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"]
        user = self.instance
        if "email" in self.changed_data and user.pk and user.pk != getattr(self.actor, "pk", None):
            approver_roles = {Role.ADMINISTRATOR, Role.PRIVACY_OFFICER}
            if user.memberships.filter(active=True, role__in=approver_roles).exists():
                # A reset link to a new address would hand over an account that approves grants: four eyes gone.
                raise forms.ValidationError(
                    "Het e-mailadres van een beheerder of privacyfunctionaris wijzigt u niet hier: die persoon "
                    "wijzigt het zelf, of de applicatiebeheerder met manage.py (zie docs/security.md)."
                )
        return email


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    """Accounts without passwords, superuser flags, groups or permissions: the admin never sets a password (a link
    goes to the user), never makes a superuser, and gives roles only through a grant (issue 12 §2)."""

    inlines = [MembershipInline]
    list_display = ["username", "first_name", "last_name", "email", "is_active", "is_integration_account"]
    list_filter = ["is_active", "is_integration_account"]
    search_fields = ["username", "first_name", "last_name", "email"]
    ordering = ["username"]
    readonly_fields = ["last_login", "date_joined", "is_staff", "is_superuser"]
    actions = ["unlock", "send_password_link"]

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        kwargs["form"] = UserAddForm if obj is None else UserChangeForm
        form = super().get_form(request, obj, change, **kwargs)
        actor = request.user

        class WithActor(form):  # type: ignore[valid-type,misc]
            def __init__(self, *args: Any, **inner: Any) -> None:
                if obj is not None:
                    inner["actor"] = actor
                super().__init__(*args, **inner)

        return WithActor

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is None:
            return UserAddForm.Meta.fields
        return [*UserChangeForm.Meta.fields, *self.readonly_fields]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return self.readonly_fields if obj is not None else []

    def get_inlines(self, request: HttpRequest, obj: Any = None) -> Any:
        return self.inlines if obj is not None else []

    def save_model(self, request: HttpRequest, obj: User, form: Any, change: bool) -> None:
        actor: User = request.user  # type: ignore[assignment]
        if not change:
            created = memberships.user_create(
                actor=actor,
                username=obj.username,
                first_name=obj.first_name,
                last_name=obj.last_name,
                email=obj.email,
                is_integration_account=obj.is_integration_account,
            )
            obj.pk = created.pk
            obj.password = created.password
            if created.email and not created.is_integration_account:
                self.message_user(request, f"Een link om een wachtwoord te kiezen is gemaild naar {created.email}.")
            return
        obj.save()
        if form.changed_data:
            memberships.user_change(actor=actor, user=obj, changed=list(form.changed_data))

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        if change:
            super().save_related(request, form, formsets, change)

    def get_urls(self) -> list[Any]:
        # No page sets another's password (issue 12 §2): the old address answers 404 instead of falling through to
        # the change page; the user chooses a password through the link of send_password_link.
        return [path("<path:object_id>/password/", self._no_password_page), *super().get_urls()]

    def _no_password_page(self, request: HttpRequest, object_id: str) -> HttpResponse:
        raise Http404

    @admin.action(description="Inlogblokkade opheffen (alle netwerkadressen)")
    def unlock(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        actor: User = request.user  # type: ignore[assignment]
        removed = sum(memberships.user_unlock(actor=actor, user=user) for user in queryset)
        self.message_user(request, f"Blokkade opgeheven: {removed} geblokkeerde inlogpoging(en) verwijderd.")

    @admin.action(description="Link sturen om een nieuw wachtwoord te kiezen")
    def send_password_link(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        actor: User = request.user  # type: ignore[assignment]
        for user in queryset:
            try:
                memberships.user_send_password_link(actor=actor, user=user)
            except ValidationError as problem:
                self.message_user(request, f"{user}: {' '.join(problem.messages)}", messages.WARNING)
            else:
                self.message_user(request, f"{user}: een link om een nieuw wachtwoord te kiezen is gemaild.")

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _configures(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return _configures(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _configures(request) and not getattr(obj, "is_system_account", False)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # an account that acted is named in the log and in the casework: deactivate it instead

    def has_module_permission(self, request: HttpRequest) -> bool:
        return _configures(request)


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

    list_display = ["user", "role", "organisation", "approach", "active"]
    list_filter = ["active", "role"]
    search_fields = ["user__username", "user__last_name", "organisation__name"]
    fields = readonly_fields = ("user", "organisation", "role", "approach", "active")
    actions = ["end"]

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


@admin.register(AccessAttempt)
class LockoutAdmin(ConfiguredReadOnly):
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
        for attempt in queryset:
            audit.record(actor=request.user, action="user.unlock", obj=attempt)  # type: ignore[arg-type]
        queryset.delete()
        self.message_user(request, f"Blokkade opgeheven voor {count} combinatie(s) van gebruikersnaam en adres.")

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
