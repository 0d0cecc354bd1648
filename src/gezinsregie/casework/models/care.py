"""Care requested for the family from a provider, and its waiting time (wachtlijst)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gezinsregie.casework.models.family import Family
from gezinsregie.common.formatting import long_date


class CarePriority(models.TextChoices):
    NORMAL = "normal", _("normaal")
    URGENT = "urgent", _("met voorrang")


class CareRequest(models.Model):
    """A zorgvraag: which care, from which provider, asked when, started when (or withdrawn)."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="care_requests")
    provider = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("zorgaanbieder"), on_delete=models.PROTECT, related_name="+"
    )
    care_type = models.CharField(_("soort zorg"), max_length=160)
    requested_on = models.DateField(_("aangevraagd op"))
    priority = models.CharField(_("gevraagde urgentie"), max_length=10, choices=CarePriority.choices)
    started_on = models.DateField(_("zorg gestart op"), null=True, blank=True)
    withdrawn_on = models.DateField(_("ingetrokken op"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("reden van intrekken"), blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("zorgvraag")
        verbose_name_plural = _("zorgvragen")
        ordering = ["requested_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(started_on__isnull=True) | models.Q(started_on__gte=models.F("requested_on")),
                name="care_starts_after_request",
            ),
            models.CheckConstraint(
                condition=models.Q(started_on__isnull=True) | models.Q(withdrawn_on__isnull=True),
                name="care_started_or_withdrawn",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.care_type} bij {self.provider} ({long_date(self.requested_on)})"

    @property
    def is_waiting(self) -> bool:
        return self.started_on is None and self.withdrawn_on is None
