"""What the rights of the family leave behind: a correction with its trail, the erasure of a family, and the
retention period an approach keeps its families' data."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from gezinsregie.casework.models import Family, Member
from gezinsregie.common.formatting import long_date, long_datetime
from gezinsregie.organisations.models import Approach


class RetentionPeriod(models.Model):
    """How long an approach keeps a family's personal data after its last episode ended (closure, or the end of
    aftercare). Without one, settings.FAMILY_RETENTION_YEARS (20: Jeugdwet art. 7.3.8)."""

    approach = models.OneToOneField(Approach, on_delete=models.CASCADE, related_name="retention")
    years = models.PositiveSmallIntegerField(
        _("bewaartermijn in jaren"), validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    basis = models.CharField(_("grondslag"), max_length=200, help_text=_("Bijvoorbeeld: Jeugdwet art. 7.3.8."))

    class Meta:
        verbose_name = _("bewaartermijn")
        verbose_name_plural = _("bewaartermijnen")

    def __str__(self) -> str:
        return f"{self.approach}: {self.years} jaar"


class Rectification(models.Model):
    """A correction of the family's or a member's data (AVG art. 16), with what it said before."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="rectifications")
    member = models.ForeignKey(Member, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    field = models.CharField(_("gegeven"), max_length=40)
    old_value = models.TextField(_("was"))
    new_value = models.TextField(_("wordt"))
    reason = models.TextField(_("reden"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("door"), on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("op"), auto_now_add=True)

    class Meta:
        verbose_name = _("correctie")
        verbose_name_plural = _("correcties")
        ordering = ["family", "-at"]

    def __str__(self) -> str:
        return f"Correctie {self.field} ({long_datetime(self.at)})"


class Erasure(models.Model):
    """The family whose personal data the retention task erased: what stays is what the aggregates and the
    published inspections need (dates, statuses, life domains, judgements), never a name or a text."""

    family = models.OneToOneField(Family, on_delete=models.PROTECT, related_name="erasure")
    erased_on = models.DateField(_("gewist op"))
    ended_on = models.DateField(_("laatste traject geëindigd op"))
    retention_years = models.PositiveSmallIntegerField(_("bewaartermijn in jaren"))
    fields_erased = models.PositiveIntegerField(_("gewiste gegevens"))
    files_deleted = models.PositiveIntegerField(_("verwijderde bestanden"))

    class Meta:
        verbose_name = _("wissing")
        verbose_name_plural = _("wissingen")

    def __str__(self) -> str:
        return f"Gewist op {long_date(self.erased_on)}"
