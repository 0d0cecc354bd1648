"""The worker's heartbeat: one row per worker, written by the `heartbeat` task the scheduler enqueues every minute."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkerHeartbeat(models.Model):
    worker_id = models.CharField(_("worker"), max_length=64, unique=True)
    beat_at = models.DateTimeField(_("laatste hartslag"))

    class Meta:
        verbose_name = _("hartslag van de worker")
        verbose_name_plural = _("hartslagen van de workers")
        ordering = ["-beat_at"]

    def __str__(self) -> str:
        return f"{self.worker_id} {self.beat_at:%Y-%m-%d %H:%M:%S}"
