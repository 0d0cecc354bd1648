"""What the reports hold beside an inspection's judgements and texts (inspections.models). No personal data.

- ApproachProfile: the typering of an approach as structured answers, the characteristics behind figures 3, 6
  and 8 of the Rapportage 21 gemeenten 2013: how the coordinator works (in the family, at a distance, both),
  whether the family plan leads what the professionals do, how often care is not available. One per inspection;
  an empty answer is "niet vastgelegd" and is left out of the percentages, as a not-assessed indicator is.
- ReportSection: a titled subsection of a chapter of the nota van bevindingen with its own conclusion (Nota van
  bevindingen Maastricht 2014: §3.1–3.3 under "Wat gaat goed?", §4.1–4.4 under "Wat kan beter?", each ending in
  "Conclusie"; §6 the learning meeting), and the framework's themes it is about ("Zie voor de gehanteerde
  criteria en normen het thema 'De aanpak'"). Imported notas keep their chapters this way.
- PublishedDocument: for a report published elsewhere, how precisely the document says when ("Utrecht, augustus
  2014": the month; nothing: only the year), so the report shows the document's own date, not a made-up day.
"""

from typing import Any, cast

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Coordination(models.TextChoices):
    """Figure 3 "Hoe ziet de aanpak eruit?"."""

    IN_FAMILY = "in_family", _("regisseur in het gezin")
    AT_DISTANCE = "at_distance", _("coördinatie op afstand")
    BOTH = "both", _("combinatie van beide")


class PlanLeading(models.TextChoices):
    """Figure 6 "Gezinsplan leidend voor professionals"."""

    YES = "yes", _("ja")
    NO = "no", _("nee")


class Availability(models.TextChoices):
    """Figure 8 "Zijn er problemen met de beschikbaarheid van zorg?"."""

    OFTEN = "often", _("vaak")
    SOMETIMES = "sometimes", _("af en toe")
    NEVER = "never", _("nooit")


class ApproachProfile(models.Model):
    inspection = models.OneToOneField(
        "inspections.Inspection", on_delete=models.CASCADE, related_name="approach_profile"
    )
    coordination = models.CharField(
        _("hoe ziet de aanpak eruit?"),
        max_length=12,
        choices=Coordination.choices,
        blank=True,
        help_text=_(
            "Werkt de regisseur zelf in het gezin, coördineert hij op afstand de hulpverleners in het gezin, of "
            "allebei?"
        ),
    )
    plan_leading = models.CharField(
        _("is het gezinsplan leidend voor het handelen van de professionals?"),
        max_length=3,
        choices=PlanLeading.choices,
        blank=True,
        help_text=_("Committeren de betrokken professionals zich aan de afspraken in het gezinsplan?"),
    )
    availability_problems = models.CharField(
        _("zijn er problemen met de beschikbaarheid van zorg?"),
        max_length=10,
        choices=Availability.choices,
        blank=True,
        help_text=_("Wachtlijsten, wachttijden of hulp die stagneert voor gezinnen in de aanpak."),
    )
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("typering van de aanpak")
        verbose_name_plural = _("typeringen van de aanpak")

    def __str__(self) -> str:
        return f"Typering {self.inspection_id}"


# The characteristics as the aggregate report counts them: (field, its answers, the report's figure).
CHARACTERISTICS: tuple[tuple[str, type[models.TextChoices], int], ...] = (
    ("coordination", Coordination, 3),
    ("plan_leading", PlanLeading, 6),
    ("availability_problems", Availability, 8),
)


def question(name: str) -> str:
    """A characteristic's question, as a sentence: "Hoe ziet de aanpak eruit?"."""
    field = cast(models.Field[Any, Any], ApproachProfile._meta.get_field(name))
    text = str(field.verbose_name)
    return text[:1].upper() + text[1:]


def hint(name: str) -> str:
    return str(cast(models.Field[Any, Any], ApproachProfile._meta.get_field(name)).help_text)


class Chapter(models.TextChoices):
    """The chapters of a nota van bevindingen (Maastricht 2014), numbered as there."""

    INTRODUCTION = "introduction", _("1 Inleiding")
    DESCRIPTION = "description", _("2 Typering van de aanpak")
    GOES_WELL = "goes_well", _("3 Wat gaat goed?")
    CAN_BE_BETTER = "can_be_better", _("4 Wat kan beter?")
    CONCLUSION = "conclusion", _("5 Algemene conclusie en aanbevelingen")
    LEARNING_MEETING = "learning_meeting", _("6 Impressie leerbijeenkomst")


CHAPTER_NUMBERS = {chapter.value: number for number, chapter in enumerate(Chapter, start=1)}


class ReportSection(models.Model):
    inspection = models.ForeignKey("inspections.Inspection", on_delete=models.CASCADE, related_name="report_sections")
    chapter = models.CharField(_("hoofdstuk"), max_length=20, choices=Chapter.choices)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    title = models.CharField(
        _("titel"), max_length=200, blank=True, help_text=_("Leeg: de inleidende tekst van het hoofdstuk.")
    )
    text = models.TextField(_("tekst"), blank=True)
    conclusion = models.TextField(_("conclusie"), blank=True)
    themes = models.ManyToManyField(
        "frameworks.Theme",
        verbose_name=_("thema's van het toetsingskader"),
        blank=True,
        related_name="+",
        help_text=_("Waar de gehanteerde criteria en normen staan."),
    )
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("paragraaf van de nota")
        verbose_name_plural = _("paragrafen van de nota")
        ordering = ["inspection", "order", "pk"]

    def __str__(self) -> str:
        return self.title or str(Chapter(self.chapter).label)

    def clean(self) -> None:
        if not (self.title.strip() or self.text.strip() or self.conclusion.strip()):
            raise ValidationError({"text": _("Geef een titel, een tekst of een conclusie.")})


class DatePrecision(models.TextChoices):
    DAY = "day", _("dag")
    MONTH = "month", _("maand")
    YEAR = "year", _("jaar")


class PublishedDocument(models.Model):
    inspection = models.OneToOneField(
        "inspections.Inspection", on_delete=models.CASCADE, related_name="published_document"
    )
    precision = models.CharField(_("nauwkeurigheid van de datum"), max_length=5, choices=DatePrecision.choices)
    dateline = models.CharField(
        _("datumregel"),
        max_length=120,
        blank=True,
        help_text=_("Zoals in het document, bijvoorbeeld 'Utrecht, augustus 2014'."),
    )

    class Meta:
        verbose_name = _("gepubliceerd document")
        verbose_name_plural = _("gepubliceerde documenten")

    def __str__(self) -> str:
        return self.dateline or str(self.inspection_id)
