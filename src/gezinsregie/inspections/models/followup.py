"""Improvement points (verbeterpunten): every X of a published inspection, followed up year after year
(Verbeterpunten Zwolle 2015, "Uitkomsten verbeterpunten"). An X that a later inspection finds again stays the
same point: the later finding joins its history (PointFollowUp), with the term as it was renewed."""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gezinsregie.common.formatting import long_date
from gezinsregie.inspections import rules
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

    def is_overdue(self, today: date) -> bool:
        return rules.point_overdue(status=self.status, due_on=self.due_on, today=today)


class FollowUpOutcome(models.TextChoices):
    # the values of inspections.rules.RESOLVED / PERSISTS / NOT_TESTED
    PERSISTS = "persists", _("nog steeds een verbeterpunt")
    RESOLVED = "resolved", _("opgelost")
    NOT_TESTED = "not_tested", _("niet opnieuw getoetst")


class PointFollowUp(models.Model):
    """A later published inspection's finding on an open improvement point: one year of the point's history.
    An X again keeps the point open (its term renewed from this publication when it had passed: due_before →
    due_after), a ✓ on all its indicators resolves it, a – leaves it open as it was."""

    point = models.ForeignKey(ImprovementPoint, on_delete=models.CASCADE, related_name="follow_ups")
    finding = models.ForeignKey(
        Finding, verbose_name=_("latere bevinding"), on_delete=models.CASCADE, related_name="point_follow_ups"
    )
    outcome = models.CharField(_("uitkomst"), max_length=15, choices=FollowUpOutcome.choices)
    judged_on = models.DateField(_("gepubliceerd op"))
    due_before = models.DateField(_("termijn tot dan"), null=True, blank=True)
    due_after = models.DateField(_("termijn daarna"), null=True, blank=True)

    class Meta:
        verbose_name = _("opvolging van een verbeterpunt")
        verbose_name_plural = _("opvolgingen van verbeterpunten")
        ordering = ["point", "judged_on", "finding__order", "pk"]
        constraints = [models.UniqueConstraint(fields=["point", "finding"], name="one_follow_up_per_point_finding")]

    def __str__(self) -> str:
        return f"{self.point}: {self.get_outcome_display()} ({long_date(self.judged_on)})"

    @property
    def renewed(self) -> bool:
        return self.due_after != self.due_before


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
        return f"{self.point} ({long_date(self.reported_on)})"
