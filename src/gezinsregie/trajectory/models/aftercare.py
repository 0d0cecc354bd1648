"""Aftercare (nazorg, waakvlam, vinger aan de pols): who keeps watch, the check-ins, and signals back in."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gezinsregie.casework.workflow import AftercareEndReason
from gezinsregie.common.formatting import long_date


class Aftercare(models.Model):
    """A low-intensity watch after closure (factsheet Oosterhout 2013: a three-month aftercare phase; rapportage
    21 gemeenten §3.6: aftercare arranged in only 60% — "we have no follow-up system")."""

    family = models.ForeignKey("casework.Family", on_delete=models.CASCADE, related_name="aftercares")
    episode = models.OneToOneField("casework.Episode", on_delete=models.CASCADE, related_name="aftercare")
    closure = models.OneToOneField("trajectory.Closure", on_delete=models.CASCADE, related_name="aftercare")
    # who keeps a finger on the pulse: a professional, or a person from the family's network
    watcher = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("professional die de vinger aan de pols houdt"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="watched_aftercares",
    )
    watcher_network = models.ForeignKey(
        "casework.NetworkPerson",
        verbose_name=_("netwerkpersoon die de vinger aan de pols houdt"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    signals = models.TextField(_("signalen die het gezin terugbrengen"))
    whom_to_call = models.CharField(_("wie bellen bij een signaal"), max_length=200)
    starts_on = models.DateField(_("nazorg vanaf"))
    ended_on = models.DateField(_("nazorg beëindigd op"), null=True, blank=True)
    end_reason = models.CharField(
        _("reden van beëindigen"), max_length=20, choices=AftercareEndReason.choices, blank=True
    )
    end_note = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("nazorg")
        verbose_name_plural = _("nazorg")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(watcher__isnull=False) | models.Q(watcher_network__isnull=False),
                name="aftercare_has_a_watcher",
            ),
        ]

    def __str__(self) -> str:
        return f"Nazorg {self.family} (vanaf {long_date(self.starts_on)})"

    @property
    def is_running(self) -> bool:
        return self.ended_on is None


class CheckIn(models.Model):
    """One planned check-in of the aftercare, and what it found once held."""

    aftercare = models.ForeignKey(Aftercare, on_delete=models.CASCADE, related_name="checkins")
    family = models.ForeignKey("casework.Family", on_delete=models.CASCADE, related_name="checkins")
    due_on = models.DateField(_("gepland op"))
    held_on = models.DateField(_("gehouden op"), null=True, blank=True)
    reached = models.BooleanField(_("gezin bereikt"), null=True, blank=True)
    how_it_goes = models.TextField(_("hoe gaat het"), blank=True)
    signal = models.BooleanField(_("er is een signaal"), default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # what the background checks sent: the watcher once it was missed, the process manager after the grace days
    watcher_alerted_on = models.DateField(null=True, blank=True)
    manager_alerted_on = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = _("nazorgcontact")
        verbose_name_plural = _("nazorgcontacten")
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(held_on__isnull=True) | models.Q(reached__isnull=False),
                name="held_checkin_says_whether_reached",
            ),
        ]

    def __str__(self) -> str:
        return f"Nazorgcontact {self.family} ({long_date(self.due_on)})"


class SignalStatus(models.TextChoices):
    OPEN = "open", _("ontvangen")
    IN_TRIAGE = "in_triage", _("in de prioritering")
    NEEDS_REFERRAL = "needs_referral", _("nieuwe aanmelding nodig")


class Signal(models.Model):
    """A partner's signal that a family in aftercare or closed needs the approach again (terugmelding)."""

    family = models.ForeignKey("casework.Family", on_delete=models.CASCADE, related_name="signals")
    raised_on = models.DateField(_("gemeld op"))
    raised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("organisatie"), on_delete=models.PROTECT, related_name="+"
    )
    description = models.TextField(_("wat is er aan de hand"))
    status = models.CharField(_("status"), max_length=16, choices=SignalStatus.choices, default=SignalStatus.OPEN)
    checkin = models.ForeignKey(
        CheckIn,
        verbose_name=_("uit nazorgcontact"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="raised_signals",
    )
    episode = models.ForeignKey(
        "casework.Episode",
        verbose_name=_("nieuw traject"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="signals",
    )

    class Meta:
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")
        ordering = ["-raised_on", "-pk"]

    def __str__(self) -> str:
        return f"Signaal {self.family} ({long_date(self.raised_on)})"
