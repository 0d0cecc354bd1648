"""Django admin for configuration only. Personal data (families and everything under them, the access
log) is deliberately not registered: it is reached only through the policy-checked views."""

from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django.http import HttpRequest


class GezinsregieAdminSite(AdminSite):
    site_header = "Gezinsregie — beheer"
    site_title = "Gezinsregie"

    def has_permission(self, request: HttpRequest) -> bool:
        from gezinsregie import policy  # here, not at import: this module loads before the models

        return super().has_permission(request) and policy.can(
            request.user,  # type: ignore[arg-type]
            policy.Permission.CONFIGURE,
        )


class GezinsregieAdminConfig(AdminConfig):
    default_site = "gezinsregie.admin_site.GezinsregieAdminSite"
