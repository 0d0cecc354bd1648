"""Writes of notifications. `notify` is idempotent: the same key never gives a second message or e-mail."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.casework.models import Family
from gezinsregie.notifications.models import Notification

SUBJECT_PREFIX = "Gezinsregie: "
logger = logging.getLogger(__name__)


def notify(*, user: User, key: str, message: str, url: str = "", family: Family | None = None) -> Notification | None:
    """One in-app notification and one e-mail for `user` about the event `key`; None when it was sent before.

    The e-mail says only that there is something to look at, never what is in the file about the family:
    the details are behind the login. It leaves only once the work that caused it is committed (a refused or
    failed write sends nothing); a mail server that is down leaves it for `notifications_email_pending`.
    """
    try:
        with transaction.atomic():
            notification = Notification.objects.create(user=user, family=family, key=key, message=message, url=url)
    except IntegrityError:
        return None
    if user.email:
        transaction.on_commit(lambda: _email(notification.pk))
    return notification


def _email(notification_id: int) -> bool:
    notification = Notification.objects.select_related("user").get(pk=notification_id)
    user = notification.user
    link = f"{settings.SITE_URL.rstrip('/')}{notification.url}" if notification.url else settings.SITE_URL
    name = user.get_full_name() or user.username
    body = f"Beste {name},\n\n{notification.message}\n\nBekijk het in Gezinsregie: {link}\n"
    try:
        send_mail(SUBJECT_PREFIX + notification.message[:60], body, None, [user.email])
    except OSError:  # SMTP down or refused: the next periodic check tries again
        logger.warning(
            "E-mail voor melding %s niet verstuurd; de volgende controle probeert het opnieuw.", notification.pk
        )
        return False
    Notification.objects.filter(pk=notification.pk).update(emailed=True)
    return True


def notifications_email_pending(*, actor: User, within_days: int = 7) -> int:
    """The periodic check: e-mail the recent notifications whose e-mail did not go out (mail server down)."""
    policy.ensure(actor, policy.Permission.RUN_CHECKS)
    since = timezone.now() - timedelta(days=within_days)
    pending = Notification.objects.filter(emailed=False, created_at__gte=since).exclude(user__email="")
    return sum(_email(pk) for pk in pending.values_list("pk", flat=True))


@transaction.atomic
def notifications_mark_read(*, actor: User) -> int:
    return Notification.objects.filter(user=actor, read_at__isnull=True).update(read_at=timezone.now())
