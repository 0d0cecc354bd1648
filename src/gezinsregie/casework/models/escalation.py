"""Escalation (opschaling): a stagnation named, climbing the approach's ladder until it is lifted."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gezinsregie.casework.models.family import Family
from gezinsregie.common.formatting import long_date


class Stagnation(models.TextChoices):
    CARE_NOT_DELIVERED = "care_not_delivered", _("zorg wordt niet geleverd")
    DISAGREEMENT = "disagreement", _("onenigheid over de koers")
    WAITING_LIST = "waiting_list", _("wachtlijst")
    NOT_COOPERATING = "not_cooperating", _("gezin werkt niet mee")
    OTHER = "other", _("anders")


class Escalation(models.Model):
    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="escalations")
    stagnation = models.CharField(_("stagnatie"), max_length=20, choices=Stagnation.choices)
    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("betreft organisatie"), on_delete=models.PROTECT, related_name="+"
    )
    description = models.TextField(_("wat stagneert"))
    opened_on = models.DateField(_("geopend op"))
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    step = models.PositiveSmallIntegerField(_("trede"), default=0)  # index in the approach's ladder
    step_since = models.DateField(_("op deze trede sinds"))
    closed_on = models.DateField(_("gesloten op"), null=True, blank=True)
    outcome = models.TextField(_("uitkomst"), blank=True)

    class Meta:
        verbose_name = _("opschaling")
        verbose_name_plural = _("opschalingen")
        ordering = ["-opened_on", "-pk"]

    def __str__(self) -> str:
        return f"Opschaling {self.family} ({long_date(self.opened_on)})"

    @property
    def is_open(self) -> bool:
        return self.closed_on is None


class EscalationMove(models.Model):
    """Every step of an escalation: opened, raised by a person, or climbed automatically when a deadline passed."""

    escalation = models.ForeignKey(Escalation, on_delete=models.CASCADE, related_name="moves")
    step = models.PositiveSmallIntegerField(_("naar trede"))
    moved_on = models.DateField(_("op"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    automatic = models.BooleanField(_("termijn verstreken"), default=False)
    note = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("stap opschaling")
        verbose_name_plural = _("stappen opschaling")
        ordering = ["escalation", "moved_on", "pk"]
        constraints = [models.UniqueConstraint(fields=["escalation", "step"], name="one_move_per_step")]

    def __str__(self) -> str:
        return f"{self.escalation} → trede {self.step + 1}"
