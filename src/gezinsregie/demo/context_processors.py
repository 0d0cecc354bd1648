"""The demo logins on the login page: only in demo mode (settings.DEMO_MODE), never in production."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from gezinsregie.demo.logins import DEMO_LOGINS


def demo_logins(request: HttpRequest) -> dict[str, Any]:
    if not settings.DEMO_MODE:
        return {}
    return {"demo_logins": [{"username": u, "role_label": label} for u, _, label in DEMO_LOGINS]}
