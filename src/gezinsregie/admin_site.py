"""Django admin for configuration only. Personal data (families and everything under them, the access
log) is deliberately not registered: it is reached only through the policy-checked views."""

from typing import Any

from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django.http import HttpRequest

# The libraries' apps and models name themselves in English; their Meta cannot change without a migration in their
# app, so the admin's index and menu name them here (the column names are in their ModelAdmin, accounts and ops).
APP_NAMES = {
    "axes": "Inlogblokkades",
    "otp_totp": "Tweestapsverificatie",
    "django_tasks_database": "Achtergrondtaken",
    "auth": "Groepen",
}
MODEL_NAMES = {
    ("axes", "AccessAttempt"): "Mislukte inlogpogingen",
    ("otp_totp", "TOTPDevice"): "Authenticator-apps",
    ("django_tasks_database", "DBTaskResult"): "Resultaten van achtergrondtaken",
}


class GezinsregieAdminSite(AdminSite):
    site_header = "Gezinsregie — beheer"
    site_title = "Gezinsregie"
    index_title = "Beheer"

    def get_app_list(self, request: HttpRequest, app_label: str | None = None) -> list[Any]:
        apps = super().get_app_list(request, app_label)
        for app in apps:
            app["name"] = APP_NAMES.get(app["app_label"], app["name"])
            for model in app["models"]:
                model["name"] = MODEL_NAMES.get((app["app_label"], model["object_name"]), model["name"])
        return apps

    def has_permission(self, request: HttpRequest) -> bool:
        from gezinsregie import policy  # here, not at import: this module loads before the models

        return super().has_permission(request) and policy.can(
            request.user,  # type: ignore[arg-type]
            policy.Permission.CONFIGURE,
        )


class GezinsregieAdminConfig(AdminConfig):
    default_site = "gezinsregie.admin_site.GezinsregieAdminSite"
