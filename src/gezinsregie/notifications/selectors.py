"""A user's own notifications: nobody reads another's."""

from django.db.models import QuerySet

from gezinsregie.accounts.models import User
from gezinsregie.notifications.models import Notification


def notifications_of(*, actor: User) -> QuerySet[Notification]:
    return Notification.objects.filter(user=actor).order_by("-created_at", "-pk")


def unread_count(*, actor: User) -> int:
    return Notification.objects.filter(user=actor, read_at__isnull=True).count()
