"""What the admin classes of accounts share: who may see them at all (policy CONFIGURE)."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from gezinsregie import policy


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
