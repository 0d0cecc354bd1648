"""The access log (NEN 7513 style): who, in which capacity, which family, what, when, from where.

Append-only. The model refuses updates and deletes, the admin does not show it at all, and a database trigger
(migration 0002) refuses UPDATE and DELETE for anything that bypasses the ORM.
No foreign keys: an entry must outlive the user or family it names, unchanged.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(Exception):
    """Raised on any attempt to change or remove an access-log entry."""


class AccessLogQuerySet(models.QuerySet["AccessLogEntry"]):
    def update(self, **kwargs: object) -> int:
        raise AppendOnlyError("Het toegangslog kan niet worden gewijzigd.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("Het toegangslog kan niet worden verwijderd.")


class Channel(models.TextChoices):
    WEB = "web", _("webapplicatie")
    API = "api", _("API")
    CLI = "cli", _("beheercommando")
    TASK = "task", _("achtergrondtaak")


class AccessLogEntry(models.Model):
    at = models.DateTimeField(_("tijdstip"), default=timezone.now, db_index=True)
    user_id = models.BigIntegerField(_("gebruiker-id"), null=True)
    username = models.CharField(_("gebruikersnaam"), max_length=150)
    user_display = models.CharField(_("naam gebruiker"), max_length=300)
    organisation = models.CharField(_("organisatie"), max_length=300, blank=True)
    role = models.CharField(_("in de rol van"), max_length=60, blank=True)
    on_behalf_of = models.CharField(_("namens"), max_length=300, blank=True)
    family_id = models.UUIDField(_("gezin-id"), null=True, db_index=True)
    family_reference = models.CharField(_("gezin"), max_length=20, blank=True)
    action = models.CharField(_("handeling"), max_length=60)
    object_type = models.CharField(_("soort gegeven"), max_length=60, blank=True)
    object_id = models.CharField(_("gegeven-id"), max_length=64, blank=True)
    ip_address = models.GenericIPAddressField(_("IP-adres"), null=True)
    channel = models.CharField(_("kanaal"), max_length=10, choices=Channel.choices)
    path = models.CharField(_("adres"), max_length=500, blank=True)

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("toegangslogregel")
        verbose_name_plural = _("toegangslog")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["family_id", "-at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.action} {self.family_reference}"

    def save(self, *args: object, **kwargs: object) -> None:
        if not self._state.adding:
            raise AppendOnlyError("Het toegangslog kan niet worden gewijzigd.")
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("Het toegangslog kan niet worden verwijderd.")
