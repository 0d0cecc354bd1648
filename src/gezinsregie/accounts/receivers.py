"""At sign-in, the session's clock starts: SessionTimeoutMiddleware counts the idle and absolute timeouts from here."""

from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils import timezone

from gezinsregie.accounts.middleware import LAST_ACTIVITY, STARTED


@receiver(user_logged_in, dispatch_uid="accounts.session_clock")
def start_session_clock(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    session = getattr(request, "session", None)
    if session is not None:
        now = timezone.now().timestamp()
        session[STARTED] = now
        session[LAST_ACTIVITY] = now
