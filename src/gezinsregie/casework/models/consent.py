"""What the family allowed: sharing between named organisations, and an inspection mandate."""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gezinsregie.casework.models.family import Family
from gezinsregie.common.formatting import long_date
from gezinsregie.common.uploads import GeneratedName


class Consent(models.Model):
    """A toestemmingsverklaring. Nothing is shared with organisations it does not name."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="consents")
    informed_of_rights = models.BooleanField(_("gezin is over zijn rechten geïnformeerd"))
    signed_on = models.DateField(_("getekend op"))
    signed_by = models.CharField(_("getekend door"), max_length=160)
    organisations = models.ManyToManyField(
        "organisations.Organisation", verbose_name=_("organisaties die informatie mogen delen")
    )
    # Sociaal netwerk (C2.c.1): how to reach a network person is recorded only where the family allowed it.
    covers_network_contacts = models.BooleanField(
        _("contactgegevens van het netwerk mogen worden vastgelegd"), default=False
    )
    scan = models.FileField(_("scan van de verklaring"), upload_to=GeneratedName("consent"), blank=True)
    withdrawn_on = models.DateField(_("ingetrokken op"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("reden van intrekking"), blank=True)
    # A new consent supersedes the one in force (issue 12 §7): the older one ends on the new one's signing day.
    superseded_by = models.ForeignKey(
        "self",
        verbose_name=_("vervangen door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="supersedes",
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("toestemmingsverklaring")
        verbose_name_plural = _("toestemmingsverklaringen")
        ordering = ["-signed_on"]

    def __str__(self) -> str:
        return f"Toestemming {self.family} ({long_date(self.signed_on)})"


class MandateScope(models.TextChoices):
    PSEUDONYMISED = "pseudonymised", _("gepseudonimiseerd inzien")
    FULL = "full", _("volledig inzien")


class InspectionMandate(models.Model):
    """The family's mandate for the inspectorate to look at its case. No mandate, no access."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="mandates")
    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("inspectie"), on_delete=models.PROTECT
    )
    scope = models.CharField(
        _("reikwijdte"), max_length=20, choices=MandateScope.choices, default=MandateScope.PSEUDONYMISED
    )
    # Blank only for mandates recorded before the screen existed; casework.services.mandate asks for it.
    signed_by = models.CharField(_("getekend door"), max_length=160, blank=True)
    granted_on = models.DateField(_("verleend op"))
    expires_on = models.DateField(_("geldig tot"))
    scan = models.FileField(_("scan van de machtiging"), upload_to=GeneratedName("mandate"), blank=True)
    withdrawn_on = models.DateField(_("ingetrokken op"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("reden van intrekking"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)

    class Meta:
        verbose_name = _("machtiging inspectie")
        verbose_name_plural = _("machtigingen inspectie")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_on__gte=models.F("granted_on")), name="mandate_expires_after_grant"
            )
        ]

    def __str__(self) -> str:
        return f"Machtiging {self.family} voor {self.organisation}"

    def is_valid_on(self, day: date) -> bool:
        """Granted, not expired and not withdrawn on `day`: the same test as the policy's rule `_mandated`."""
        return self.granted_on <= day <= self.expires_on and self.withdrawn_on is None
