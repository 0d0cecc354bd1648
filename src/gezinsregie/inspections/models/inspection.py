"""An inspection (toezichtonderzoek) of one approach at one level, its respondents, their answers and the
inspector's findings. The policy level follows the factsheets (Factsheet Oosterhout Gezinsmanager 2013), the
case level Bijlage 1 of the Nota van bevindingen Maastricht 2014. Its states are in workflow.py.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gezinsregie.common.uploads import GeneratedName
from gezinsregie.inspections.workflow import InspectionLevel, InspectionStatus


class Inspection(models.Model):
    approach = models.ForeignKey(
        "organisations.Approach", verbose_name=_("aanpak"), on_delete=models.PROTECT, related_name="inspections"
    )
    framework = models.ForeignKey(
        "frameworks.Framework", verbose_name=_("toetsingskader"), on_delete=models.PROTECT, related_name="+"
    )
    level = models.CharField(_("niveau"), max_length=10, choices=InspectionLevel.choices)
    year = models.PositiveSmallIntegerField(_("jaar"))
    title = models.CharField(_("titel"), max_length=200)
    status = models.CharField(
        _("status"), max_length=10, choices=InspectionStatus.choices, default=InspectionStatus.DRAFT
    )
    # The inspectorate that conducts it: its inspectors see everything of it, nobody else's do.
    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("inspectie"), on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("inspecteur"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    # The narrative of the published reports (factsheet, nota van bevindingen), written by the inspector.
    description = models.TextField(_("beschrijving van de aanpak"), blank=True)
    goes_well = models.TextField(_("wat gaat goed"), blank=True)
    can_be_better = models.TextField(_("wat kan beter"), blank=True)
    conclusion = models.TextField(_("conclusie"), blank=True)
    recommendations = models.TextField(_("aanbevelingen"), blank=True)
    source = models.CharField(
        _("bron"), max_length=200, blank=True, help_text=_("Bij een geïmporteerd rapport: het bestand.")
    )

    class Meta:
        verbose_name = _("toezichtonderzoek")
        verbose_name_plural = _("toezichtonderzoeken")
        ordering = ["-year", "approach__name", "level"]
        constraints = [
            models.UniqueConstraint(
                fields=["approach", "level", "year"], name="one_inspection_per_approach_level_year"
            ),
            models.CheckConstraint(
                condition=models.Q(published_at__isnull=True) | models.Q(status=InspectionStatus.PUBLISHED),
                name="inspection_published_at_only_when_published",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_policy_level(self) -> bool:
        return self.level == InspectionLevel.POLICY


class RespondentKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("gemeente")
    PARTNER = "partner", _("netwerkpartner")


class Respondent(models.Model):
    """An organisation asked to fill in the questionnaire: usually the municipality and three partners."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="respondents")
    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("organisatie"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("soort"), max_length=15, choices=RespondentKind.choices)
    invited_on = models.DateField(_("uitgenodigd op"))
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(_("ingediend op"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("respondent")
        verbose_name_plural = _("respondenten")
        ordering = ["inspection", "kind", "organisation__name"]  # the municipality first, as in the factsheets
        constraints = [
            models.UniqueConstraint(fields=["inspection", "organisation"], name="one_respondent_per_organisation")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_kind_display()})"


class AnswerValue(models.TextChoices):
    YES = "yes", _("ja")
    NO = "no", _("nee")
    PARTLY = "partly", _("deels")
    UNKNOWN = "unknown", _("weet ik niet")


class Answer(models.Model):
    """One respondent's answer to one policy-level indicator. An empty value is a draft not yet answered."""

    respondent = models.ForeignKey(Respondent, on_delete=models.CASCADE, related_name="answers")
    indicator = models.ForeignKey(
        "frameworks.Indicator", verbose_name=_("indicator"), on_delete=models.PROTECT, related_name="+"
    )
    value = models.CharField(_("antwoord"), max_length=10, choices=AnswerValue.choices, blank=True)
    explanation = models.TextField(_("toelichting"), blank=True)
    document = models.FileField(_("document"), upload_to=GeneratedName("inspections/answers"), blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")
        constraints = [
            models.UniqueConstraint(fields=["respondent", "indicator"], name="one_answer_per_respondent_indicator")
        ]

    def __str__(self) -> str:
        return f"{self.respondent}: {self.indicator.key} {self.get_value_display()}"

    @property
    def document_name(self) -> str:
        return (self.document.name or "").rsplit("/", 1)[-1] if self.document else ""


class Judgement(models.TextChoices):
    MET = "met", _("voldoet")
    IMPROVEMENT = "improvement", _("verbeterpunt")
    NOT_ASSESSED = "not_assessed", _("niet getoetst")


JUDGEMENT_SYMBOLS = {Judgement.MET: "✓", Judgement.IMPROVEMENT: "X", Judgement.NOT_ASSESSED: "–"}


class Finding(models.Model):
    """The inspector's judgement with its text. One finding may cover a group of indicators of one criterion,
    as in the factsheets. At case level a finding is either for one family (case_review) or for the approach."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="findings")
    indicators = models.ManyToManyField("frameworks.Indicator", verbose_name=_("indicatoren"), related_name="+")
    case_review = models.ForeignKey(
        "inspections.CaseReview",
        verbose_name=_("gezin"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="findings",
    )
    judgement = models.CharField(_("oordeel"), max_length=15, choices=Judgement.choices)
    text = models.TextField(_("bevinding"), blank=True)
    order = models.PositiveIntegerField(default=0)  # the place of its first indicator in the framework
    # Findings of one row of a published table share its number (and its indicators): e.g. Oosterhout B3.a.1–3,
    # one row, three findings ✓ ✗ ✓. Empty for findings made in the app, each of which is a row of its own.
    row = models.PositiveIntegerField(_("tabelrij"), null=True, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("bevinding")
        verbose_name_plural = _("bevindingen")
        ordering = ["inspection", "order", "pk"]

    def __str__(self) -> str:
        return f"{self.symbol} {self.text[:60]}"

    @property
    def symbol(self) -> str:
        return JUDGEMENT_SYMBOLS[Judgement(self.judgement)]


class AttentionNote(models.Model):
    """A "LET OP:" note on a finding: the judgement stands, but this needs attention."""

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="notes")
    text = models.TextField(_("let op"))
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("let-opnotitie")
        verbose_name_plural = _("let-opnotities")
        ordering = ["finding", "order", "pk"]

    def __str__(self) -> str:
        return f"LET OP: {self.text[:60]}"
