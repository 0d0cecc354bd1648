"""Writes of the operations app: only the heartbeat."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from gezinsregie.ops.models import WorkerHeartbeat

# A worker silent for a day is gone (a scaled-down replica, a renamed pod): its row no longer says anything.
FORGET_AFTER = timedelta(days=1)


@transaction.atomic
def heartbeat_record(*, worker_id: str) -> WorkerHeartbeat:
    now = timezone.now()
    beat, _ = WorkerHeartbeat.objects.update_or_create(worker_id=worker_id[:64], defaults={"beat_at": now})
    WorkerHeartbeat.objects.filter(beat_at__lt=now - FORGET_AFTER).delete()
    return beat
