"""Logins, logouts and failed logins in the access log (NEN 7513: who had access, and who tried).

Receivers of Django's own signals, so they hold whatever the login views are (form, API, second factor):
the accounts app sends them, the audit app listens.
"""

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from gezinsregie.audit import services


@receiver(user_logged_in, dispatch_uid="audit.logged_in")
def logged_in(sender: Any, user: Any, **kwargs: Any) -> None:
    services.record_login(actor=user, action="login")


@receiver(user_logged_out, dispatch_uid="audit.logged_out")
def logged_out(sender: Any, user: Any = None, **kwargs: Any) -> None:
    if user is not None and getattr(user, "is_authenticated", False):
        services.record_login(actor=user, action="logout")


@receiver(user_login_failed, dispatch_uid="audit.login_failed")
def login_failed(sender: Any, credentials: dict[str, Any], **kwargs: Any) -> None:
    User = get_user_model()
    username = str(credentials.get(User.USERNAME_FIELD) or credentials.get("username") or "")
    user_id = User._default_manager.filter(**{User.USERNAME_FIELD: username}).values_list("pk", flat=True).first()
    services.record_login_failed(username=username, user_id=user_id)
