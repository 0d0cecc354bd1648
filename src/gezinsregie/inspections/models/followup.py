"""Improvement points (verbeterpunten): every X of a published inspection, followed up year after year
(Verbeterpunten Zwolle 2015, "Uitkomsten verbeterpunten")."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gezinsregie.common.formatting import short_date
from gezinsregie.inspections.models.inspection import Finding


class PointStatus(models.TextChoices):
    OPEN = "open", _("open")
    IN_PROGRESS = "in_progress", _("wordt opgepakt")
    RESOLVED = "resolved", _("opgelost")


class ImprovementPoint(models.Model):
    finding = models.OneToOneField(Finding, on_delete=models.CASCADE, related_name="improvement_point")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("eigenaar bij de gemeente"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    due_on = models.DateField(_("uiterlijk"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=15, choices=PointStatus.choices, default=PointStatus.OPEN)
    resolved_on = models.DateField(_("opgelost op"), null=True, blank=True)
    # the later finding (next inspection of the same approach and level) that judged it met
    resolved_by = models.ForeignKey(
        Finding, verbose_name=_("opgelost volgens"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("verbeterpunt")
        verbose_name_plural = _("verbeterpunten")
        ordering = ["finding__inspection", "finding__order"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(resolved_on__isnull=True) | models.Q(status="resolved"),
                name="point_resolved_on_only_when_resolved",
            )
        ]

    def __str__(self) -> str:
        return f"Verbeterpunt: {self.finding.text[:60]}"


class ImprovementReport(models.Model):
    """What the municipality did about a point."""

    point = models.ForeignKey(ImprovementPoint, on_delete=models.CASCADE, related_name="reports")
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("gemeld door"), on_delete=models.PROTECT, related_name="+"
    )
    reported_on = models.DateField(_("datum"))
    text = models.TextField(_("wat heeft de gemeente gedaan"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("voortgangsmelding")
        verbose_name_plural = _("voortgangsmeldingen")
        ordering = ["point", "-reported_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.point} ({short_date(self.reported_on)})"
