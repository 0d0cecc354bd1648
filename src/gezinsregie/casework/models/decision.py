"""Doorzettingsmacht: a binding decision of the coordinator for a partner, and the partner's answer."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gezinsregie.casework.models.escalation import Escalation
from gezinsregie.casework.models.family import Family
from gezinsregie.common.formatting import long_date


class DecisionKind(models.TextChoices):
    STOP = "stop", _("ineffectieve hulp stoppen")
    START = "start", _("hulp starten")
    PRIORITY = "priority", _("voorrang geven")


class BindingDecision(models.Model):
    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="binding_decisions")
    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("bindt organisatie"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("besluit"), max_length=10, choices=DecisionKind.choices)
    reason = models.TextField(_("motivering"))
    decided_on = models.DateField(_("besloten op"))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    answer_by = models.DateField(_("reactie uiterlijk"))
    acknowledged_on = models.DateField(_("bevestigd op"), null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    refused_on = models.DateField(_("geweigerd op"), null=True, blank=True)
    refusal_reason = models.TextField(_("reden van weigeren"), blank=True)
    escalation = models.OneToOneField(
        Escalation, on_delete=models.SET_NULL, null=True, blank=True, related_name="binding_decision"
    )

    class Meta:
        verbose_name = _("besluit doorzettingsmacht")
        verbose_name_plural = _("besluiten doorzettingsmacht")
        ordering = ["-decided_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(acknowledged_on__isnull=True) | models.Q(refused_on__isnull=True),
                name="decision_acknowledged_or_refused",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} voor {self.organisation} ({long_date(self.decided_on)})"

    @property
    def awaiting_answer(self) -> bool:
        return self.acknowledged_on is None and self.refused_on is None
