"""Lockout after failed sign-ins (issue 12 §1, ASVS 2.2.1), with django-axes.

After settings.AXES_FAILURE_LIMIT failures the combination of username and network address is locked for
settings.AXES_COOLOFF_TIME, on the login form, the admin's login and the API's tokens alike; the functional admin
lifts a lock in /beheer/ ("Geblokkeerde inlogpogingen", or the action on a user). Failed API tokens count under
one name that no person can have (usernames cannot contain brackets), per address.
"""

from typing import Any

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off
from axes.utils import reset
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

API_TOKEN_USERNAME = "[api-sleutel]"


def client_ip(request: HttpRequest) -> str | None:
    """The address axes counts by: the same as the access log's (behind a proxy only when trusted)."""
    from gezinsregie.audit.middleware import client_ip as audit_client_ip  # the log's definition, one copy

    return audit_client_ip(request)


def minutes(request: HttpRequest | None = None) -> int:
    cool_off = get_cool_off(request)
    return int(cool_off.total_seconds() // 60) if cool_off else 0


def lockout_response(request: HttpRequest, original_response: Any = None, credentials: Any = None) -> HttpResponse:
    """The Dutch page a locked-out sign-in gets (status 429), also for the admin's login."""
    return render(request, "registration/locked_out.html", {"cooloff_minutes": minutes(request)}, status=429)


def lockout_message(request: HttpRequest | None = None) -> str:
    return (
        f"Te veel mislukte inlogpogingen: inloggen is {minutes(request)} minuten geblokkeerd. Probeer het daarna "
        "opnieuw, of vraag de functioneel beheerder de blokkade op te heffen."
    )


def api_token_locked(request: HttpRequest) -> bool:
    return AxesProxyHandler.is_locked(request, {"username": API_TOKEN_USERNAME})


def api_token_failed(request: HttpRequest) -> None:
    """Count a wrong API token like a wrong password (axes, and whoever else listens to failed sign-ins)."""
    user_login_failed.send(sender=__name__, credentials={"username": API_TOKEN_USERNAME}, request=request)


def unlock(*, username: str) -> int:
    """Lift every lock and count of failures of this username (all addresses); the number of records removed."""
    return int(reset(username=username))
