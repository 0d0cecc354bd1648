"""Accounts in the admin: no passwords, no superuser flags; roles only through a grant (issue 12 §2)."""

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import path
from django.utils.translation import ngettext

from gezinsregie.accounts import memberships
from gezinsregie.accounts.admin.common import _configures
from gezinsregie.accounts.models import Membership, Role, User


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
    list_display = ["username", "first_name", "last_name", "email", "roles", "organisations", "is_active"]
    list_filter = ["is_active", "is_integration_account", "memberships__role"]
    search_fields = ["username", "first_name", "last_name", "email"]
    ordering = ["username"]
    readonly_fields = ["last_login", "date_joined", "is_staff", "is_superuser"]
    actions = ["unlock", "send_password_link"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[User]:
        active = Membership.objects.filter(active=True).select_related("organisation").order_by("role", "pk")
        return super().get_queryset(request).prefetch_related(Prefetch("memberships", queryset=active, to_attr="shown"))

    @admin.display(description="rol")
    def roles(self, obj: User) -> str:
        # what the person is, in the capacity the log records (issue 14 §5): every active role, once
        shown = list(dict.fromkeys(str(m.get_role_display()) for m in getattr(obj, "shown", [])))
        return ", ".join(shown) or ("koppelaccount" if obj.is_integration_account else "geen rol")

    @admin.display(description="organisatie")
    def organisations(self, obj: User) -> str:
        shown = list(dict.fromkeys(str(m.organisation) for m in getattr(obj, "shown", [])))
        return ", ".join(shown) or "—"

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
        attempts = ngettext("%(n)d geblokkeerde inlogpoging", "%(n)d geblokkeerde inlogpogingen", removed) % {
            "n": removed
        }
        self.message_user(request, f"Blokkade opgeheven: {attempts} verwijderd.")

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
