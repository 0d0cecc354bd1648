"""Triage, problem analysis and self-sufficiency: what the approach knows about a family's problems."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from gezinsregie.casework.models.family import Family, Member
from gezinsregie.common.formatting import long_date


class TriageDecision(models.Model):
    """Prioritering: the intake team decides whether the family enters the approach."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="triage_decisions")
    decided_on = models.DateField(_("besloten op"))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    accepted = models.BooleanField(_("opgenomen in de aanpak"))
    criteria_met = models.JSONField(_("criteria waaraan is voldaan"), default=list, blank=True)
    reason = models.TextField(_("motivering"))

    class Meta:
        verbose_name = _("prioriteringsbesluit")
        verbose_name_plural = _("prioriteringsbesluiten")
        ordering = ["-decided_on", "-pk"]

    def __str__(self) -> str:
        return f"Prioritering {self.family} ({'opgenomen' if self.accepted else 'niet opgenomen'})"


class Severity(models.IntegerChoices):
    MILD = 1, _("licht")
    MODERATE = 2, _("matig")
    SEVERE = 3, _("ernstig")


class OwnStrength(models.TextChoices):
    """Eigen kracht (toetsingskader C2.b.1, C2.b.2): "examined, cannot" is not the same as "not examined"."""

    NOT_EXAMINED = "not_examined", _("nog niet met het gezin bekeken")
    SELF = "self", _("het gezin lost het zelf op")
    WITH_SUPPORT = "with_support", _("het gezin lost het op met steun")
    PROFESSIONAL = "professional", _("een professional pakt het op")


class Problem(models.Model):
    """One problem of one member (or the whole family) on one life domain."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="problems")
    member = models.ForeignKey(
        Member,
        verbose_name=_("gezinslid"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        help_text=_("Leeg laten als het probleem het hele gezin betreft."),
    )
    domain = models.ForeignKey("frameworks.LifeDomain", verbose_name=_("leefgebied"), on_delete=models.PROTECT)
    description = models.TextField(_("omschrijving"))
    severity = models.PositiveSmallIntegerField(_("ernst"), choices=Severity.choices)
    chronic = models.BooleanField(_("chronisch"), default=False)
    # toetsingskader C2.b.1: "met het gezin wordt bekeken welke problemen zij zelf kunnen oplossen"
    own_strength = models.CharField(
        _("eigen kracht"), max_length=14, choices=OwnStrength.choices, default=OwnStrength.NOT_EXAMINED
    )
    # toetsingskader C2.a.1: "de probleemanalyse is met het gezin gemaakt"
    family_participated = models.BooleanField(_("gezin deed mee aan de analyse"), default=False)
    identified_on = models.DateField(_("vastgesteld op"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("probleem")
        verbose_name_plural = _("problemen")
        ordering = ["domain__order", "-severity", "pk"]

    def __str__(self) -> str:
        who = self.member or _("gezin")
        return f"{self.domain}: {who}: {self.description[:60]}"

    @property
    def own_strength_label(self) -> str:
        return str(OwnStrength(self.own_strength).label)


class ProblemChange(models.Model):
    """The trail of a problem that was changed or removed: how it was, who changed it, when and why.

    Kept when the problem itself is gone (problem_id is a plain number, not a key), so the analysis can always
    show what it once said (Maastricht 2014: analyses changed without anyone knowing what was there before)."""

    class Kind(models.TextChoices):
        CHANGED = "changed", _("gewijzigd")
        REMOVED = "removed", _("verwijderd")

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="problem_changes")
    problem_id = models.PositiveIntegerField(_("probleem"))
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices)
    old = models.JSONField(_("zo was het"))
    reason = models.TextField(_("reden"), blank=True)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField(_("gewijzigd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("wijziging probleem")
        verbose_name_plural = _("wijzigingen problemen")
        ordering = ["-changed_at", "-pk"]

    def __str__(self) -> str:
        return f"Probleem {self.problem_id} {self.get_kind_display()}"


class NoProblemsFinding(models.Model):
    """ "Geen problemen": the analysis looked at this member or this life domain and found nothing to solve.

    It closes the analysis gap as a problem or a score would (casework.selectors.analysis_gaps): a domain nobody
    looked at and a domain without problems are not the same (toetsingskader C3.a.1, every life domain)."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="no_problem_findings")
    member = models.ForeignKey(Member, verbose_name=_("gezinslid"), on_delete=models.CASCADE, null=True, blank=True)
    domain = models.ForeignKey(
        "frameworks.LifeDomain", verbose_name=_("leefgebied"), on_delete=models.PROTECT, null=True, blank=True
    )
    note = models.TextField(_("toelichting"), blank=True)
    noted_on = models.DateField(_("vastgesteld op"))
    noted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("geen problemen")
        verbose_name_plural = _("geen problemen")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(member__isnull=True, domain__isnull=False)
                | models.Q(member__isnull=False, domain__isnull=True),
                name="no_problems_for_a_member_or_a_domain",
            ),
            models.UniqueConstraint(fields=["family", "member"], name="no_problems_once_per_member"),
            models.UniqueConstraint(fields=["family", "domain"], name="no_problems_once_per_domain"),
        ]

    def __str__(self) -> str:
        return f"Geen problemen: {self.member or self.domain}"


class ScoreMoment(models.TextChoices):
    INTAKE = "intake", _("bij de start")
    EVALUATION = "evaluation", _("bij een evaluatie")
    CLOSURE = "closure", _("bij afsluiting")


class SelfSufficiencyScore(models.Model):
    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="scores")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, null=True, blank=True)
    domain = models.ForeignKey("frameworks.LifeDomain", verbose_name=_("leefgebied"), on_delete=models.PROTECT)
    score = models.PositiveSmallIntegerField(_("score"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    moment = models.CharField(_("moment"), max_length=20, choices=ScoreMoment.choices)
    scored_on = models.DateField(_("gescoord op"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("score zelfredzaamheid")
        verbose_name_plural = _("scores zelfredzaamheid")
        ordering = ["domain__order", "scored_on"]
        constraints = [
            models.CheckConstraint(condition=models.Q(score__gte=1, score__lte=5), name="score_between_1_and_5"),
            # one score per domain, moment and day: for the family as a whole, and per member
            models.UniqueConstraint(
                fields=["family", "domain", "moment", "scored_on"],
                condition=models.Q(member__isnull=True),
                name="one_family_score_per_domain_moment_day",
            ),
            models.UniqueConstraint(
                fields=["family", "member", "domain", "moment", "scored_on"],
                condition=models.Q(member__isnull=False),
                name="one_member_score_per_domain_moment_day",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.domain}: {self.score}"


class CoordinatorAssignment(models.Model):
    """Every change of coordinator: from whom to whom and why (toetsingskader C4.a.2: no gaps)."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="coordinator_assignments")
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("nieuwe regisseur"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    previous = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vorige regisseur"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    assigned_on = models.DateField(_("met ingang van"))
    reason = models.TextField(_("reden"))
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("overdracht regie")
        verbose_name_plural = _("overdrachten regie")
        ordering = ["-assigned_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.previous or '—'} → {self.coordinator} ({long_date(self.assigned_on)})"
