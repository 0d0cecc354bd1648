"""The access log (NEN 7513 style): who, in which capacity, which family, what, when, from where.

Append-only, in four layers:

- the ORM: the model and its queryset refuse updates and deletes, the admin does not show the log at all;
- the database: triggers (migrations 0002 and 0003) refuse UPDATE, DELETE and TRUNCATE for anything that bypasses
  the ORM, and INSERT OR REPLACE on SQLite; the time of an entry is the database's, whatever the caller passes;
- the chain: the database gives every entry its place (`seq`), the hash of the entry before it and its own hash
  over its content (gezinsregie.audit.chain), so `manage.py verify_access_log` finds a changed or removed row;
- the roles: in production the application's database role may only INSERT and SELECT the log
  (`manage.py grant_app_role`); migrations and the retention run as the owner (docs/security.md).

No foreign keys: an entry must outlive the user or family it names, unchanged.
"""

from typing import TypeVar

from django.db import models
from django.db.models.functions import Now
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(Exception):
    """Raised on any attempt to change or remove an access-log entry."""


M = TypeVar("M", bound=models.Model)


class AppendOnlyQuerySet(models.QuerySet[M]):
    def update(self, **kwargs: object) -> int:
        raise AppendOnlyError("Het toegangslog kan niet worden gewijzigd.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("Het toegangslog kan niet worden verwijderd.")


class AccessLogQuerySet(AppendOnlyQuerySet["AccessLogEntry"]):
    pass


class Channel(models.TextChoices):
    WEB = "web", _("webapplicatie")
    API = "api", _("API")
    CLI = "cli", _("beheercommando")
    TASK = "task", _("achtergrondtaak")


class AccessLogEntry(models.Model):
    # Set by the database when the row is inserted (a trigger overwrites whatever the caller passes).
    at = models.DateTimeField(_("tijdstip"), db_default=Now(), db_index=True, editable=False)
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
    # The chain, filled in by the database: place, the previous entry's hash, this entry's hash.
    seq = models.BigIntegerField(_("volgnummer"), null=True, unique=True, editable=False)
    prev_hash = models.CharField(_("hash vorige regel"), max_length=64, blank=True, editable=False)
    entry_hash = models.CharField(_("hash"), max_length=64, blank=True, editable=False)

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("toegangslogregel")
        verbose_name_plural = _("toegangslog")
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["family_id", "-at"]),
            models.Index(fields=["user_id", "-at"]),
            models.Index(fields=["action", "-at"]),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.action} {self.family_reference}"

    def save(self, *args: object, **kwargs: object) -> None:
        if not self._state.adding:
            raise AppendOnlyError("Het toegangslog kan niet worden gewijzigd.")
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("Het toegangslog kan niet worden verwijderd.")


class AccessLogAnchorQuerySet(AppendOnlyQuerySet["AccessLogAnchor"]):
    pass


class AccessLogAnchor(models.Model):
    """Where the retention cut the chain: the last removed entry's place and hash. Verification starts here.

    Append-only like the log. Written only by the retention (`manage.py prune_access_log`, as the owner role);
    the database refuses an anchor that does not match an entry older than the legal minimum, and lets an entry
    be deleted only when an anchor covers it.
    """

    at = models.DateTimeField(_("tijdstip"), db_default=Now(), editable=False)
    last_seq = models.BigIntegerField(_("laatste verwijderde volgnummer"), unique=True)
    last_hash = models.CharField(_("hash van de laatste verwijderde regel"), max_length=64)
    last_at = models.DateTimeField(_("tijdstip van de laatste verwijderde regel"))
    removed = models.BigIntegerField(_("aantal verwijderde regels"))
    retention_years = models.PositiveSmallIntegerField(_("bewaartermijn in jaren"))

    objects = AccessLogAnchorQuerySet.as_manager()

    class Meta:
        verbose_name = _("ankerpunt van het toegangslog")
        verbose_name_plural = _("ankerpunten van het toegangslog")
        ordering = ["-last_seq"]

    def __str__(self) -> str:
        return f"anker na regel {self.last_seq}"

    def save(self, *args: object, **kwargs: object) -> None:
        if not self._state.adding:
            raise AppendOnlyError("Een ankerpunt van het toegangslog kan niet worden gewijzigd.")
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("Een ankerpunt van het toegangslog kan niet worden verwijderd.")
