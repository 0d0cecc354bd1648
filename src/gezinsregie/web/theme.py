"""The municipality's own look (issue 11 §6): which theme folder the pages load, and the name beside the logo.

A theme is a folder `gezinsregie/themes/<name>/` among the static files with `theme.css` (design tokens of the NL
Design System over the neutral example theme: colours, fonts) and `logo.svg`. The installation chooses it with
THEME (and THEME_ORGANISATION_NAME); a municipality adds its own folder through STATICFILES_DIRS without touching
the code. docs/deployment.md says how.
"""

import re
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest

THEME_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,49}$")


def theme_folder() -> str:
    name = settings.THEME
    if not THEME_NAME.match(name):
        raise ImproperlyConfigured(f"THEME={name!r}: kleine letters, cijfers en streepjes (de naam van een map).")
    return f"gezinsregie/themes/{name}"


def theme(request: HttpRequest) -> dict[str, Any]:
    folder = theme_folder()
    return {
        "theme_css": f"{folder}/theme.css",
        "theme_logo": f"{folder}/logo.svg",
        "theme_organisation": settings.THEME_ORGANISATION_NAME,
    }
