"""The municipality's own look (issue 11 §6): which theme folder the pages load, and the name beside the logo.

A theme is a folder `gezinsregie/themes/<name>/` among the static files with `theme.css` (design tokens of the NL
Design System over the neutral example theme: colours, fonts) and `logo.svg`. The installation chooses it with
THEME (and THEME_ORGANISATION_NAME); a municipality adds its own folder through STATICFILES_DIRS without touching
the code. docs/deployment.md says how.

The inspectorate works in the same installation as the municipality but is not the municipality: its people see
their pages in INSPECTORATE_THEME (by default `rijk`, the central government's colours), named after the
inspectorate rather than the municipality.
"""

import re
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest

from gezinsregie.accounts.models import Role

THEME_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,49}$")


def theme_folder(setting: str = "THEME") -> str:
    name = getattr(settings, setting)
    if not THEME_NAME.match(name):
        raise ImproperlyConfigured(f"{setting}={name!r}: kleine letters, cijfers en streepjes (de naam van een map).")
    return f"gezinsregie/themes/{name}"


def _of_the_inspectorate(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated and Role.INSPECTOR in user.roles())


def theme(request: HttpRequest) -> dict[str, Any]:
    inspectorate = _of_the_inspectorate(request)
    folder = theme_folder("INSPECTORATE_THEME" if inspectorate else "THEME")
    return {
        "theme_css": f"{folder}/theme.css",
        "theme_logo": f"{folder}/logo.svg",
        "theme_organisation": settings.INSPECTORATE_NAME if inspectorate else settings.THEME_ORGANISATION_NAME,
    }
