"""Case level (Maastricht §1.3): a sample of families that mandated the inspectorate; per family interviews
with the family, the coordinator and three professionals, and a review of the family plan."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gezinsregie.common.formatting import long_date
from gezinsregie.inspections.models.inspection import Inspection


class CaseReview(models.Model):
    """One family in a case-level inspection. Reached only through policy.access_family(action=INSPECT)."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="case_reviews")
    family = models.ForeignKey("casework.Family", on_delete=models.PROTECT, related_name="+")
    pseudonym = models.CharField(_("pseudoniem"), max_length=20)  # "Gezin A": what every report calls it
    plan_reviewed = models.BooleanField(_("het gezinsplan is beoordeeld"), default=False)
    plan_review = models.TextField(_("beoordeling van het plan"), blank=True)
    selected_on = models.DateField(_("geselecteerd op"))
    selected_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("onderzocht gezin")
        verbose_name_plural = _("onderzochte gezinnen")
        ordering = ["inspection", "pseudonym"]
        constraints = [
            models.UniqueConstraint(fields=["inspection", "family"], name="one_review_per_family"),
            models.UniqueConstraint(fields=["inspection", "pseudonym"], name="unique_pseudonym_per_inspection"),
        ]

    def __str__(self) -> str:
        return self.pseudonym


class InterviewKind(models.TextChoices):
    FAMILY = "family", _("gezin")
    COORDINATOR = "coordinator", _("regisseur of procesmanager")
    PROFESSIONAL = "professional", _("professional")


class Interview(models.Model):
    case_review = models.ForeignKey(CaseReview, on_delete=models.CASCADE, related_name="interviews")
    kind = models.CharField(_("gesprek met"), max_length=15, choices=InterviewKind.choices)
    held_on = models.DateField(_("gehouden op"))
    interviewee = models.CharField(
        _("functie en organisatie"),
        max_length=160,
        blank=True,
        help_text=_("Bijvoorbeeld: schuldhulpverlener, Schuldhulpverlening. Geen namen."),
    )
    summary = models.TextField(_("verslag"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("gesprek")
        verbose_name_plural = _("gesprekken")
        ordering = ["case_review", "held_on", "pk"]

    def __str__(self) -> str:
        return f"{self.case_review}: {self.get_kind_display()} ({long_date(self.held_on)})"
