"""Writes of notifications. `notify` is idempotent: the same key never gives a second message or e-mail."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from gezinsregie.accounts.models import User
from gezinsregie.casework.models import Family
from gezinsregie.notifications.models import Notification

SUBJECT_PREFIX = "Gezinsregie: "


def notify(*, user: User, key: str, message: str, url: str = "", family: Family | None = None) -> Notification | None:
    """One in-app notification and one e-mail for `user` about the event `key`; None when it was sent before.

    The e-mail says only that there is something to look at, never what is in the file about the family:
    the details are behind the login.
    """
    try:
        with transaction.atomic():
            notification = Notification.objects.create(user=user, family=family, key=key, message=message, url=url)
    except IntegrityError:
        return None
    if user.email:
        link = f"{settings.SITE_URL.rstrip('/')}{url}" if url else settings.SITE_URL
        body = f"Beste {user.get_full_name() or user.username},\n\n{message}\n\nBekijk het in Gezinsregie: {link}\n"
        send_mail(SUBJECT_PREFIX + message[:60], body, None, [user.email])
        Notification.objects.filter(pk=notification.pk).update(emailed=True)
    return notification


@transaction.atomic
def notifications_mark_read(*, actor: User) -> int:
    return Notification.objects.filter(user=actor, read_at__isnull=True).update(read_at=timezone.now())
