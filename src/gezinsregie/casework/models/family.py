"""The family is the root of everything personal: every other casework record hangs from it."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from gezinsregie.casework import bsn, workflow
from gezinsregie.casework.workflow import FamilyStatus
from gezinsregie.common.formatting import long_date


class Family(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reference = models.CharField(_("kenmerk"), max_length=20, unique=True)
    approach = models.ForeignKey(
        "organisations.Approach", verbose_name=_("aanpak"), on_delete=models.PROTECT, related_name="families"
    )
    name = models.CharField(_("gezinsnaam"), max_length=120)
    address = models.CharField(_("adres"), max_length=200, blank=True)
    neighbourhood = models.CharField(_("wijk"), max_length=80, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=FamilyStatus.choices, default=FamilyStatus.REGISTERED)
    registered_on = models.DateField(_("aangemeld op"))
    started_on = models.DateField(_("gestart op"), null=True, blank=True)
    closed_on = models.DateField(_("afgesloten op"), null=True, blank=True)
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("regisseur"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="coordinated_families",
    )
    process_manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("procesmanager"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="managed_families",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("gezin")
        verbose_name_plural = _("gezinnen")
        ordering = ["reference"]
        indexes = [models.Index(fields=["approach", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(started_on__isnull=True) | models.Q(started_on__gte=models.F("registered_on")),
                name="family_start_after_registration",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def needs_coordinator(self) -> bool:
        """ "Niemand heeft de regie" (Maastricht §4.2): an active family without a coordinator."""
        return self.is_steered and self.coordinator_id is None

    @property
    def is_steered(self) -> bool:
        return self.status in workflow.STEERED

    @property
    def awaiting_triage(self) -> bool:
        return self.status in workflow.AWAITING_TRIAGE


class MemberRelation(models.TextChoices):
    PARENT = "parent", _("ouder/verzorger")
    CHILD = "child", _("kind")
    OTHER = "other", _("ander gezinslid")


class Member(models.Model):
    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="members")
    first_name = models.CharField(_("voornaam"), max_length=80)
    last_name = models.CharField(_("achternaam"), max_length=120)
    birth_date = models.DateField(_("geboortedatum"))
    relation = models.CharField(_("rol in het gezin"), max_length=10, choices=MemberRelation.choices)
    # Issue 12 §12 (docs/security.md): optional, only where the approach has a legal basis for it
    # (Approach.bsn_allowed), shown masked but to VIEW_BSN, each display logged, erased with the family, never in
    # exports, reports, the API or the inspector's view.
    bsn = models.CharField(_("burgerservicenummer"), max_length=9, blank=True, default="")

    class Meta:
        verbose_name = _("gezinslid")
        verbose_name_plural = _("gezinsleden")
        ordering = ["relation", "birth_date"]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def clean(self) -> None:
        if not self.bsn:
            return
        self.bsn = bsn.normalise(self.bsn)
        if not bsn.is_valid(self.bsn):
            raise ValidationError({"bsn": bsn.INVALID})
        if not self.family.approach.bsn_allowed:
            raise ValidationError({"bsn": bsn.NOT_ALLOWED})

    @property
    def bsn_masked(self) -> str:
        return bsn.masked(self.bsn)


class ReferralSource(models.TextChoices):
    POLICE = "police", _("politie")
    SCHOOL = "school", _("school")
    HOUSING = "housing", _("woningcorporatie")
    GP = "gp", _("huisarts")
    NEIGHBOURHOOD = "neighbourhood", _("signaal uit de buurt")
    PARTNER = "partner", _("andere netwerkpartner")
    FAMILY = "family", _("gezin zelf")
    OTHER = "other", _("anders")


class Urgency(models.TextChoices):
    NORMAL = "normal", _("normaal")
    HIGH = "high", _("hoog")
    CRISIS = "crisis", _("crisis")


class Referral(models.Model):
    """An aanmelding: who registered the family, when, why and on which domains."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="referrals")
    referred_on = models.DateField(_("datum aanmelding"))
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("aangemeld door"), on_delete=models.PROTECT
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("organisatie"), on_delete=models.PROTECT
    )
    source = models.CharField(_("bron"), max_length=20, choices=ReferralSource.choices)
    reason = models.TextField(_("reden van aanmelding"))
    domains = models.ManyToManyField("frameworks.LifeDomain", verbose_name=_("leefgebieden van zorg"))
    urgency = models.CharField(_("urgentie"), max_length=10, choices=Urgency.choices, default=Urgency.NORMAL)

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        ordering = ["referred_on"]

    def __str__(self) -> str:
        return f"Aanmelding {self.family} ({long_date(self.referred_on)})"


class Circle(models.TextChoices):
    INNER = "inner", _("binnenste cirkel: werkt in het gezin")
    OUTER = "outer", _("buitenste cirkel: wordt geraadpleegd")


class EndReason(models.TextChoices):
    SOLVED = "solved", _("probleem opgelost")
    HANDED_OVER = "handed_over", _("overgedragen")
    CONSENT_WITHDRAWN = "consent_withdrawn", _("toestemming ingetrokken")
    FAMILY_CLOSED = "family_closed", _("gezin afgesloten")
    OTHER = "other", _("anders")


class InvolvementQuerySet(models.QuerySet["Involvement"]):
    def working(self) -> "InvolvementQuerySet":
        """Accepted and not ended: the professionals who work with the family now."""
        return self.filter(ended_on__isnull=True, status=workflow.InvolvementStatus.ACCEPTED)


class Involvement(models.Model):
    """A professional of a partner organisation working with the family (betrokkenheid), for some problems.

    The coordinator or process manager invites; the professional accepts or declines. Only an accepted, not
    ended involvement gives the professional access (policy), and only within the consent.
    """

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="involvements")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("professional"), on_delete=models.PROTECT)
    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("organisatie"), on_delete=models.PROTECT
    )
    circle = models.CharField(_("rol"), max_length=10, choices=Circle.choices, default=Circle.INNER)
    problems = models.ManyToManyField(
        "casework.Problem", verbose_name=_("voor de problemen"), blank=True, related_name="involvements"
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=workflow.InvolvementStatus.choices,
        default=workflow.InvolvementStatus.ACCEPTED,  # rows from before invitations existed were working already
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    responded_on = models.DateField(_("gereageerd op"), null=True, blank=True)
    decline_reason = models.TextField(_("reden van afwijzen"), blank=True)
    started_on = models.DateField(_("betrokken sinds"))
    ended_on = models.DateField(_("betrokken tot"), null=True, blank=True)
    end_reason = models.CharField(_("reden van beëindigen"), max_length=20, choices=EndReason.choices, blank=True)
    end_note = models.TextField(_("toelichting"), blank=True)

    objects = InvolvementQuerySet.as_manager()

    class Meta:
        verbose_name = _("betrokkenheid")
        verbose_name_plural = _("betrokkenheden")
        ordering = ["started_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True) | models.Q(ended_on__gte=models.F("started_on")),
                name="involvement_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.organisation}) bij {self.family}"
