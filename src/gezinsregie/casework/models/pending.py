"""An aanmelding that waits for the intake team: it may be for a family the registrant may not see (issue 12 §6)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gezinsregie.casework.models.family import Family, ReferralSource, Urgency
from gezinsregie.common.formatting import long_date


class PendingOutcome(models.TextChoices):
    LINKED = "linked", _("gekoppeld aan een bekend gezin")
    REGISTERED = "registered", _("geregistreerd als nieuw gezin")


class PendingReferral(models.Model):
    """What the registrant typed, kept apart until the intake team decides which family it is.

    The registrant is told only that the family may be known and that the intake team links the aanmelding; the
    reference and status of the known family are never shown to someone who may not see it. The intake team (or
    the process manager) links it to one of the `candidates`, or registers it as a new family; `family` is then
    the family it became part of.
    """

    approach = models.ForeignKey(
        "organisations.Approach", verbose_name=_("aanpak"), on_delete=models.PROTECT, related_name="+"
    )
    candidates = models.ManyToManyField(Family, verbose_name=_("mogelijk bekende gezinnen"), related_name="+")
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("aangemeld door"), on_delete=models.PROTECT, related_name="+"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("organisatie"), on_delete=models.PROTECT, related_name="+"
    )
    family_name = models.CharField(_("gezinsnaam"), max_length=120)
    address = models.CharField(_("adres"), max_length=200, blank=True)
    neighbourhood = models.CharField(_("wijk"), max_length=80, blank=True)
    members = models.JSONField(_("gezinsleden"), default=list)  # [{first_name, last_name, birth_date, relation}]
    referred_on = models.DateField(_("datum aanmelding"))
    source = models.CharField(_("bron"), max_length=20, choices=ReferralSource.choices)
    reason = models.TextField(_("reden van aanmelding"))
    domains = models.ManyToManyField("frameworks.LifeDomain", verbose_name=_("leefgebieden van zorg"), related_name="+")
    urgency = models.CharField(_("urgentie"), max_length=10, choices=Urgency.choices, default=Urgency.NORMAL)
    received_at = models.DateTimeField(auto_now_add=True)
    outcome = models.CharField(_("afhandeling"), max_length=12, choices=PendingOutcome.choices, blank=True)
    family = models.ForeignKey(
        Family, verbose_name=_("gezin"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("aanmelding om te koppelen")
        verbose_name_plural = _("aanmeldingen om te koppelen")
        ordering = ["received_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(outcome="") | models.Q(family__isnull=False, handled_at__isnull=False),
                name="pending_referral_handled_with_family",
            ),
        ]

    def __str__(self) -> str:
        return f"Aanmelding {self.family_name} ({long_date(self.referred_on)})"
