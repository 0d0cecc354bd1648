"""Drang en dwang: pressure and coercive measures considered and applied, and the process manager's decision
that lets a family that stopped cooperating leave the approach ("vastpakken en niet meer loslaten")."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gezinsregie.casework.models.episode import Episode
from gezinsregie.casework.models.family import Family
from gezinsregie.common.formatting import long_date


class MeasureKind(models.TextChoices):
    CHILD_PROTECTION = "child_protection", _("verzoek tot onderzoek aan de Raad voor de Kinderbescherming")
    TENANCY = "tenancy", _("voorwaarden bij de huur (gedragsaanwijzing, laatste kans)")
    BENEFIT = "benefit", _("voorwaarden bij de uitkering")
    MANDATORY_CARE = "mandatory_care", _("verplichte zorg (gedwongen kader)")
    PROSECUTOR = "prosecutor", _("via het Openbaar Ministerie (bijzondere voorwaarde, OM-afdoening)")
    OTHER = "other", _("andere maatregel")


class MeasureDecision(models.TextChoices):
    PENDING = "pending", _("overwogen, nog geen besluit")
    APPLIED = "applied", _("ingezet")
    NOT_APPLIED = "not_applied", _("overwogen en niet ingezet")


class Measure(models.Model):
    """A measure of drang or dwang for the family: considered on a day, decided by whom, with its outcome."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="measures")
    kind = models.CharField(_("maatregel"), max_length=20, choices=MeasureKind.choices)
    description = models.TextField(_("toelichting"), blank=True)
    considered_on = models.DateField(_("overwogen op"))
    decision = models.CharField(
        _("besluit"), max_length=12, choices=MeasureDecision.choices, default=MeasureDecision.PENDING
    )
    decided_on = models.DateField(_("besloten op"), null=True, blank=True)
    decided_by = models.CharField(
        _("besloten door"), max_length=160, blank=True, help_text=_("Bijvoorbeeld: procesmanager, kinderrechter.")
    )
    reason = models.TextField(_("motivering"), blank=True)
    outcome = models.TextField(_("uitkomst"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("maatregel drang of dwang")
        verbose_name_plural = _("maatregelen drang en dwang")
        ordering = ["-considered_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(decided_on__isnull=True) | models.Q(decided_on__gte=models.F("considered_on")),
                name="measure_decided_after_considered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({long_date(self.considered_on)})"


class NonCooperationDecision(models.Model):
    """The process manager's explicit, reasoned decision that a family that stopped cooperating may leave the
    approach, naming the measures that were considered. Without it the workflow refuses that way out."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="non_cooperation_decisions")
    episode = models.ForeignKey(Episode, on_delete=models.CASCADE, related_name="non_cooperation_decisions")
    decided_on = models.DateField(_("besloten op"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("procesmanager"), on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField(_("motivering"))
    measures_considered = models.ManyToManyField(
        Measure, verbose_name=_("overwogen maatregelen"), related_name="exit_decisions"
    )

    class Meta:
        verbose_name = _("besluit uitstroom zonder medewerking")
        verbose_name_plural = _("besluiten uitstroom zonder medewerking")
        ordering = ["-decided_on", "-pk"]

    def __str__(self) -> str:
        return f"Besluit uitstroom {self.family} ({long_date(self.decided_on)})"
