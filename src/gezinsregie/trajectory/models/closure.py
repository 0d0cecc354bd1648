"""Closure (afsluiting): with a reason from the approach's list, a final evaluation and a handover."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gezinsregie.casework.workflow import ClosureReason
from gezinsregie.common.formatting import long_date


class Closure(models.Model):
    """How an episode ended. Aftercare follows unless it was waived with a reason (toetsingskader C5.c.1)."""

    family = models.ForeignKey("casework.Family", on_delete=models.CASCADE, related_name="closures")
    episode = models.OneToOneField("casework.Episode", on_delete=models.CASCADE, related_name="closure")
    closed_on = models.DateField(_("afgesloten op"))
    reason = models.CharField(_("reden van afsluiten"), max_length=24, choices=ClosureReason.choices)
    note = models.TextField(_("toelichting"), blank=True)
    final_evaluation = models.OneToOneField(
        "trajectory.Evaluation", verbose_name=_("eindevaluatie"), on_delete=models.PROTECT, related_name="closure"
    )
    exit_decision = models.OneToOneField(
        "casework.NonCooperationDecision",
        verbose_name=_("besluit procesmanager"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="closure",
    )
    no_further_care = models.BooleanField(_("geen verdere zorg of ondersteuning nodig"), default=False)
    aftercare_waived = models.BooleanField(_("geen nazorg"), default=False)
    waiver_reason = models.TextField(_("reden om af te zien van nazorg"), blank=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("afsluiting")
        verbose_name_plural = _("afsluitingen")
        ordering = ["-closed_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(aftercare_waived=False) | ~models.Q(waiver_reason=""),
                name="closure_waiver_has_a_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"Afsluiting {self.family} ({long_date(self.closed_on)})"


class HandoverItem(models.Model):
    """What care or support is still needed after closure, who gives it and what they agreed (C5.c.1)."""

    closure = models.ForeignKey(Closure, on_delete=models.CASCADE, related_name="handover")
    need = models.TextField(_("wat is nog nodig"))
    provider = models.CharField(_("wie biedt het"), max_length=160)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    agreed = models.TextField(_("wat is afgesproken"))

    class Meta:
        verbose_name = _("overdracht")
        verbose_name_plural = _("overdracht")
        ordering = ["closure", "pk"]

    def __str__(self) -> str:
        return f"{self.provider}: {self.need[:60]}"
