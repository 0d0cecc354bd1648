"""A notification for one user. It may name a family: then it is personal data, readable only by its user."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    family = models.ForeignKey(
        "casework.Family", on_delete=models.CASCADE, null=True, blank=True, related_name="notifications"
    )
    message = models.TextField(_("bericht"))
    url = models.CharField(_("adres"), max_length=300, blank=True)
    # The same event never notifies twice (a task that runs again, a worker that catches up): one row per key.
    key = models.CharField(_("sleutel"), max_length=200, unique=True)
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True)
    emailed = models.BooleanField(_("gemaild"), default=False)
    read_at = models.DateTimeField(_("gelezen op"), null=True, blank=True)

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return self.message[:80]
