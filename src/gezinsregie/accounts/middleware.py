"""Two doors every signed-in request passes (issue 12 §1, ASVS V3 and 2.7/2.8).

SessionTimeoutMiddleware ends a session after settings.SESSION_IDLE_TIMEOUT without a request, and after
settings.SESSION_COOKIE_AGE since signing in, however active (the stored session's own expiry slides with each
request; these stamps in the session do not).
SecondFactorMiddleware sends a user who signed in with a password but not yet with a second factor to enter a code
(or, where one is required and the user has none yet, to set it up) before any page.
"""

from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib import auth, messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from gezinsregie.accounts import rules, selectors
from gezinsregie.accounts.models import ROLES_WITH_PERSONAL_DATA, User

STARTED = "gr_signed_in_at"
ACTIVITY_PRECISION = timedelta(minutes=1)
LAST_ACTIVITY = "gr_last_activity"
ENDED_MESSAGES = {
    "idle": "U bent uitgelogd omdat u {minutes} minuten niets hebt gedaan. Log opnieuw in.",
    "absolute": "U bent uitgelogd omdat u langer dan {hours} uur was ingelogd. Log opnieuw in.",
}
# Where a user who still has to give a second factor may go: those pages themselves, signing out, static files.
SECOND_FACTOR_FREE = ("accounts:verify", "accounts:enrol", "accounts:recovery_codes", "logout")


def _stamp(value: object) -> datetime | None:
    try:
        return datetime.fromtimestamp(float(value), tz=timezone.get_current_timezone())  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return None


class SessionTimeoutMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated and hasattr(request, "session"):
            now = timezone.now()
            started = _stamp(request.session.get(STARTED)) or now
            last = _stamp(request.session.get(LAST_ACTIVITY)) or now
            why = rules.session_expired(
                now=now,
                started=started,
                last_activity=last,
                idle=timedelta(seconds=settings.SESSION_IDLE_TIMEOUT),
                absolute=timedelta(seconds=settings.SESSION_COOKIE_AGE),
            )
            if why is not None:
                auth.logout(request)
                message = ENDED_MESSAGES[why].format(
                    minutes=settings.SESSION_IDLE_TIMEOUT // 60, hours=settings.SESSION_COOKIE_AGE // 3600
                )
                if request.path.startswith("/api/"):
                    return JsonResponse({"detail": message}, status=401)
                messages.info(request, message)
                return HttpResponseRedirect(f"{reverse(settings.LOGIN_URL)}?{urlencode({'next': request.path})}")
            if STARTED not in request.session:
                request.session[STARTED] = started.timestamp()
            # Written at most once a minute: not a session write on every request, and a minute is precise enough.
            if LAST_ACTIVITY not in request.session or now - last >= ACTIVITY_PRECISION:
                request.session[LAST_ACTIVITY] = now.timestamp()
        return self.get_response(request)


def needs_second_factor(user: User) -> bool:
    roles = {m.role for m in user.active_memberships()} & ROLES_WITH_PERSONAL_DATA
    return rules.second_factor_required(
        required_by_settings=settings.TWO_FACTOR_REQUIRED,
        is_person=not (user.is_system_account or user.is_integration_account),
        roles=roles,
        is_staff=user.is_staff or user.is_superuser,
    )


class SecondFactorMiddleware:
    """After django_otp.middleware.OTPMiddleware, which tells whether this session gave a second factor."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if not user.is_authenticated or user.is_verified():  # type: ignore[attr-defined]
            return self.get_response(request)
        free = {reverse(name) for name in SECOND_FACTOR_FREE}
        if request.path in free:
            return self.get_response(request)
        assert isinstance(user, User)
        if selectors.has_authenticator(user=user):
            target = "accounts:verify"  # who set up a second factor always gives it, required or not
        elif needs_second_factor(user):
            target = "accounts:enrol"
        else:
            return self.get_response(request)
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": "Log eerst in met uw tweede factor (tweestapsverificatie)."}, status=403)
        return HttpResponseRedirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
