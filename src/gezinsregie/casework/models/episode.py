"""Episodes (trajecten): a family's time in the approach, one period after another, each with its own dates."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gezinsregie.casework.models.family import Family
from gezinsregie.common.formatting import long_date


class EntryRoute(models.TextChoices):
    REFERRAL = "referral", _("aanmelding")
    SIGNAL = "signal", _("signaal van een netwerkpartner (terugmelding)")


class Episode(models.Model):
    """One period of the family in the approach: registration → start → closure → end of aftercare.

    The family's own `registered_on`, `started_on` and `closed_on` are those of its current (last) episode; a
    re-entry starts a new episode and never overwrites an earlier one's dates (issue: C1.a.3 read "started 95
    days after registration" when it did, and the family dropped out of the monthly trend).
    """

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="episodes")
    number = models.PositiveSmallIntegerField(_("traject"))
    route = models.CharField(_("ingang"), max_length=10, choices=EntryRoute.choices, default=EntryRoute.REFERRAL)
    registered_on = models.DateField(_("aangemeld op"))
    started_on = models.DateField(_("gestart op"), null=True, blank=True)
    closed_on = models.DateField(_("afgesloten op"), null=True, blank=True)
    aftercare_ended_on = models.DateField(_("nazorg beëindigd op"), null=True, blank=True)
    reentry_reason = models.TextField(_("reden van terugkeer"), blank=True)

    class Meta:
        verbose_name = _("traject")
        verbose_name_plural = _("trajecten")
        ordering = ["family", "number"]
        constraints = [
            models.UniqueConstraint(fields=["family", "number"], name="one_episode_number_per_family"),
            models.CheckConstraint(
                condition=models.Q(started_on__isnull=True) | models.Q(started_on__gte=models.F("registered_on")),
                name="episode_start_after_registration",
            ),
            models.CheckConstraint(
                condition=models.Q(closed_on__isnull=True) | models.Q(closed_on__gte=models.F("registered_on")),
                name="episode_closure_after_registration",
            ),
        ]

    def __str__(self) -> str:
        return f"Traject {self.number} van {self.family} (aangemeld {long_date(self.registered_on)})"
