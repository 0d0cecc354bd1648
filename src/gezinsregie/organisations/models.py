"""Municipalities, the approaches they run, and the partner organisations connected to them."""

from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gezinsregie.common.formatting import long_date
from gezinsregie.common.uploads import GeneratedName


class Municipality(models.Model):
    name = models.CharField(_("naam"), max_length=120, unique=True)
    cbs_code = models.CharField(_("CBS-gemeentecode"), max_length=6, blank=True)

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Neighbourhood(models.Model):
    """A wijk of a municipality: the list the registration chooses from (issue 14 §3), so the population per wijk
    (toetsingskader B1.a.2) counts the same wijk under one name, not under every spelling typed."""

    municipality = models.ForeignKey(
        Municipality, verbose_name=_("gemeente"), on_delete=models.CASCADE, related_name="neighbourhoods"
    )
    name = models.CharField(_("naam"), max_length=80)
    active = models.BooleanField(_("in gebruik"), default=True, help_text=_("Uit: niet meer te kiezen bij aanmelden."))

    class Meta:
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")
        ordering = ["municipality", "name"]
        constraints = [models.UniqueConstraint(fields=["municipality", "name"], name="neighbourhood_unique_name")]

    def __str__(self) -> str:
        return self.name


class PartnerType(models.Model):
    """A kind of partner the framework names ("Denk aan schuldhulpverlening, politie, ...")."""

    name = models.CharField(_("naam"), max_length=80, unique=True)

    class Meta:
        verbose_name = _("type netwerkpartner")
        verbose_name_plural = _("typen netwerkpartner")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class OrganisationKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("gemeente")
    PARTNER = "partner", _("netwerkpartner")
    INSPECTORATE = "inspectorate", _("inspectie")


class Organisation(models.Model):
    name = models.CharField(_("naam"), max_length=160, unique=True)
    kind = models.CharField(_("soort"), max_length=20, choices=OrganisationKind.choices)
    partner_type = models.ForeignKey(
        PartnerType, verbose_name=_("type"), on_delete=models.PROTECT, null=True, blank=True
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("Alleen voor de eigen organisatie van een gemeente."),
    )

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Approach(models.Model):
    """An aanpak: a programme a municipality runs for these families."""

    municipality = models.ForeignKey(
        Municipality, verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="approaches"
    )
    name = models.CharField(_("naam"), max_length=160)
    description = models.TextField(_("beschrijving"), blank=True)
    life_domain_set = models.ForeignKey(
        "frameworks.LifeDomainSet", verbose_name=_("set leefgebieden"), on_delete=models.PROTECT
    )
    framework = models.ForeignKey("frameworks.Framework", verbose_name=_("toetsingskader"), on_delete=models.PROTECT)
    partners = models.ManyToManyField(
        Organisation, verbose_name=_("netwerkpartners"), related_name="approaches", blank=True
    )
    # toetsingskader C1.a.3 and Maastricht §2.6: start and plan "binnen een maand"
    start_norm_days = models.PositiveSmallIntegerField(_("norm start na aanmelding (dagen)"), default=30)
    plan_norm_days = models.PositiveSmallIntegerField(_("norm plan na start (dagen)"), default=30)
    # Rapportage 21 gemeenten 2013 §3.5: zorg moet beschikbaar zijn; 80% had geen afspraken over voorrang.
    care_wait_norm_days = models.PositiveSmallIntegerField(_("norm wachttijd zorg (dagen)"), default=30)
    # Rapportage 21 gemeenten 2013 §3.4: 67% had doorzettingsmacht geregeld; Oosterhout 2013: X.
    grants_binding_authority = models.BooleanField(
        _("regisseur heeft doorzettingsmacht"),
        default=False,
        help_text=_("De regisseur mag besluiten nemen die de netwerkpartners binden."),
    )
    binding_answer_days = models.PositiveSmallIntegerField(_("termijn reactie op een besluit (dagen)"), default=5)
    triage_criteria = models.TextField(
        _("criteria voor prioritering"), blank=True, help_text=_("Eén criterium per regel.")
    )
    # Oosterhout 2013 ("vinger aan de pols"): a trajectory of three months and an aftercare phase of three;
    # toetsingskader C3.a.5: the results are evaluated together, periodically and at the end.
    planned_duration_days = models.PositiveSmallIntegerField(_("geplande duur van een traject (dagen)"), default=180)
    evaluation_interval_days = models.PositiveSmallIntegerField(_("evaluatie elke (dagen)"), default=90)
    closure_reasons = models.JSONField(
        _("redenen van afsluiten"),
        default=list,
        blank=True,
        help_text=_("Leeg: alle redenen. Anders de codes van de redenen die deze aanpak gebruikt."),
    )
    aftercare_monthly_checkins = models.PositiveSmallIntegerField(_("nazorg: maandelijkse contacten"), default=3)
    aftercare_quarterly_checkins = models.PositiveSmallIntegerField(
        _("nazorg: daarna contacten per kwartaal"), default=1
    )
    checkin_grace_days = models.PositiveSmallIntegerField(
        _("nazorg: dagen tot de procesmanager een gemist contact hoort"), default=14
    )
    # Maastricht 2014 §2.6 asks a new formal aanmelding; Oosterhout lets the gezinsmanager come back at once.
    reentry_by_signal = models.BooleanField(
        _("een signaal brengt het gezin direct in de prioritering"),
        default=True,
        help_text=_("Uit: na een signaal is een nieuwe formele aanmelding nodig."),
    )
    # Issue 12 §7: after closure the coordinator keeps reading the family (questions, a signal, a way back in) for as
    # long as the approach decides; the process manager keeps it, for the way back in runs through him.
    coordinator_reads_after_closure_days = models.PositiveSmallIntegerField(
        _("leestoegang van de regisseur na afsluiting (dagen)"),
        null=True,
        blank=True,
        help_text=_(
            "Hoe lang de regisseur een afgesloten gezin nog kan inzien, gerekend vanaf de afsluiting. "
            "Leeg: tot de bewaartermijn verstrijkt. 0: niet meer na de afsluiting."
        ),
    )
    # Issue 12 §12 (AVG art. 87, Wabb art. 10): a BSN is stored only where a law allows this approach to use it.
    bsn_allowed = models.BooleanField(
        _("BSN vastleggen toegestaan"),
        default=False,
        help_text=_("Alleen aan als er een wettelijke grondslag is; noem die hieronder."),
    )
    bsn_legal_basis = models.TextField(
        _("wettelijke grondslag voor het BSN"),
        blank=True,
        help_text=_("Bijvoorbeeld: Jeugdwet art. 7.4.4; Wmo 2015 art. 5.2.1; Participatiewet art. 64."),
    )

    class Meta:
        verbose_name = _("aanpak")
        verbose_name_plural = _("aanpakken")
        ordering = ["municipality__name", "name"]
        constraints = [models.UniqueConstraint(fields=["municipality", "name"], name="unique_approach_name")]

    def __str__(self) -> str:
        return f"{self.name} ({self.municipality})"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.bsn_allowed and not self.bsn_legal_basis.strip():
            raise ValidationError(
                {"bsn_legal_basis": _("Noem de wettelijke grondslag waarop deze aanpak het BSN vastlegt.")}
            )

    @property
    def triage_criteria_list(self) -> list[str]:
        return [line.strip() for line in self.triage_criteria.splitlines() if line.strip()]


class PriorityAgreement(models.Model):
    """A provider's agreement with the approach to give its families priority: care starts within the term."""

    approach = models.ForeignKey(
        Approach, verbose_name=_("aanpak"), on_delete=models.CASCADE, related_name="priority_agreements"
    )
    provider = models.ForeignKey(
        Organisation, verbose_name=_("zorgaanbieder"), on_delete=models.PROTECT, related_name="priority_agreements"
    )
    term_days = models.PositiveSmallIntegerField(_("zorg start binnen (dagen)"))
    valid_from = models.DateField(_("geldig vanaf"))
    valid_until = models.DateField(_("geldig tot en met"), null=True, blank=True)
    description = models.TextField(_("afspraak"), blank=True)

    class Meta:
        verbose_name = _("voorrangsafspraak")
        verbose_name_plural = _("voorrangsafspraken")
        ordering = ["approach", "provider", "-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=models.F("valid_from")),
                name="priority_agreement_ends_after_start",
            ),
            models.CheckConstraint(condition=models.Q(term_days__gte=1), name="priority_agreement_term_from_1"),
        ]

    def __str__(self) -> str:
        return f"{self.provider}: binnen {self.term_days} dagen ({self.approach})"


class EscalationRung(models.Model):
    """One rung of the approach's escalation ladder, in order; each has its deadline (days)."""

    approach = models.ForeignKey(Approach, verbose_name=_("aanpak"), on_delete=models.CASCADE, related_name="ladder")
    order = models.PositiveSmallIntegerField(_("volgorde"))
    label = models.CharField(_("wie"), max_length=120, help_text=_("Bijvoorbeeld: procesmanager, wethouder."))
    days = models.PositiveSmallIntegerField(_("termijn (dagen)"))

    class Meta:
        verbose_name = _("trede opschaling")
        verbose_name_plural = _("opschalingsladder")
        ordering = ["approach", "order"]
        constraints = [
            models.UniqueConstraint(fields=["approach", "order"], name="one_rung_per_order"),
            models.CheckConstraint(condition=models.Q(days__gte=1), name="rung_days_from_1"),
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.label} ({self.days} dagen)"


class PopulationEstimate(models.Model):
    """The municipality's own estimate of how many families qualify for the approach (toetsingskader B1.a.2: "de
    gemeente heeft zicht op de populatie GGSR"; Oosterhout 2013 and Zwolle 2014: X without one). The latest by
    date is the one that counts; older ones stay as its history. Numbers, no person."""

    approach = models.ForeignKey(
        Approach, verbose_name=_("aanpak"), on_delete=models.CASCADE, related_name="population_estimates"
    )
    families = models.PositiveIntegerField(_("geschat aantal gezinnen"))
    estimated_on = models.DateField(_("datum van de schatting"))
    source = models.TextField(_("bron en werkwijze"), help_text=_("Bijvoorbeeld: wijkanalyse met politie en JGZ."))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("schatting van de doelgroep")
        verbose_name_plural = _("schattingen van de doelgroep")
        ordering = ["approach", "-estimated_on", "-pk"]
        constraints = [models.CheckConstraint(condition=models.Q(families__gte=1), name="estimate_from_1_family")]

    def __str__(self) -> str:
        return f"{self.families} gezinnen ({self.approach}, {long_date(self.estimated_on)})"


class AgreementKind(models.TextChoices):
    # toetsingskader B4.b.2 "er zijn samenwerkingsafspraken gemaakt over de aanpak" and B4.c.1 "afspraken over
    # het actief delen van informatie" (Oosterhout 2013: "privacydocumenten"; Maastricht 2013: "convenant")
    COOPERATION = "cooperation", _("samenwerkingsafspraak")
    INFORMATION_SHARING = "information_sharing", _("convenant informatie-uitwisseling")
    PRIVACY_PROTOCOL = "privacy_protocol", _("privacyprotocol")


SHARING_KINDS = (AgreementKind.INFORMATION_SHARING, AgreementKind.PRIVACY_PROTOCOL)


class CooperationAgreement(models.Model):
    """One signed agreement between organisations of the approach: the register behind B4.b.2 and B4.c.1.
    Not the round-table agreement of a family (plans.Agreement)."""

    approach = models.ForeignKey(
        Approach, verbose_name=_("aanpak"), on_delete=models.CASCADE, related_name="cooperation_agreements"
    )
    kind = models.CharField(_("soort"), max_length=24, choices=AgreementKind.choices)
    title = models.CharField(_("titel"), max_length=200)
    parties = models.ManyToManyField(Organisation, verbose_name=_("partijen"), related_name="cooperation_agreements")
    signed_on = models.DateField(_("ondertekend op"))
    valid_until = models.DateField(_("geldig tot en met"), null=True, blank=True)
    document = models.FileField(_("document"), upload_to=GeneratedName("agreements"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("samenwerkingsafspraak")
        verbose_name_plural = _("samenwerkingsafspraken")
        ordering = ["approach", "-signed_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=models.F("signed_on")),
                name="cooperation_agreement_ends_after_signing",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_kind_display()})"

    def in_force_on(self, day: date) -> bool:
        return self.signed_on <= day and (self.valid_until is None or day <= self.valid_until)

    @property
    def document_name(self) -> str:
        return Path(self.document.name or "").name
