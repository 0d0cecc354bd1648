"""The voices the casework data cannot give, recorded as data (issue 13 §3): short structured questions to the
family at each evaluation and to the involved professionals at a round table or plan commitment. Their answers
give C4.a.3 (partners recognise the coordinator), C4.a.4 (the family trusts the coordinator) and C4.c.2
(information sufficient to work in coherence); an inspector's interview judgement stays possible beside them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gezinsregie.common.formatting import long_date


class Answer(models.TextChoices):
    YES = "yes", _("ja")
    PARTLY = "partly", _("een beetje")
    NO = "no", _("nee")
    NO_ANSWER = "no_answer", _("wil ik niet zeggen")


class AnsweredHow(models.TextChoices):
    WITH_COORDINATOR = "with_coordinator", _("samen met de regisseur, tijdens de evaluatie")
    ON_PAPER = "on_paper", _("op papier, later ingevoerd")
    WITH_SOMEONE_ELSE = "with_someone_else", _("met iemand anders dan de regisseur")


class FamilyVoice(models.Model):
    """What the family says at an evaluation, in plain Dutch (B1)."""

    family = models.ForeignKey("casework.Family", on_delete=models.CASCADE, related_name="voices")
    evaluation = models.OneToOneField(
        "trajectory.Evaluation", on_delete=models.CASCADE, related_name="family_voice", verbose_name=_("evaluatie")
    )
    answered_how = models.CharField(_("hoe beantwoord"), max_length=20, choices=AnsweredHow.choices)
    trusts_coordinator = models.CharField(
        _("Heeft u vertrouwen in uw regisseur?"), max_length=10, choices=Answer.choices
    )
    help_fits_together = models.CharField(
        _("Werken de hulpverleners goed samen voor uw gezin?"), max_length=10, choices=Answer.choices
    )
    comment = models.TextField(_("Wat wilt u nog zeggen?"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("stem van het gezin")
        verbose_name_plural = _("stemmen van het gezin")
        ordering = ["family", "evaluation__held_on"]

    def __str__(self) -> str:
        return f"Stem van {self.family} ({long_date(self.evaluation.held_on)})"


class PartnerVoice(models.Model):
    """What an involved professional says for their organisation at a round table or a plan commitment."""

    family = models.ForeignKey("casework.Family", on_delete=models.CASCADE, related_name="partner_voices")
    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("organisatie"), on_delete=models.PROTECT, related_name="+"
    )
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    answered_on = models.DateField(_("beantwoord op"))
    meeting = models.ForeignKey(
        "plans.Meeting", on_delete=models.CASCADE, null=True, blank=True, related_name="partner_voices"
    )
    commitment = models.ForeignKey(
        "plans.PlanCommitment", on_delete=models.CASCADE, null=True, blank=True, related_name="partner_voices"
    )
    recognises_coordinator = models.CharField(
        _("Is de regisseur voor uw organisatie degene die de hulp aan dit gezin afstemt?"),
        max_length=10,
        choices=Answer.choices,
    )
    information_sufficient = models.CharField(
        _("Heeft u genoeg informatie om de problemen van dit gezin in samenhang aan te pakken?"),
        max_length=10,
        choices=Answer.choices,
    )
    comment = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("stem van een netwerkpartner")
        verbose_name_plural = _("stemmen van netwerkpartners")
        ordering = ["family", "answered_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(meeting__isnull=False) | models.Q(commitment__isnull=False),
                name="partner_voice_at_a_meeting_or_commitment",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} over {self.family} ({long_date(self.answered_on)})"


class StoredResult(models.Model):
    """The current answer of one indicator for one family, as last computed by the background checks (issue 13
    §11): the dashboard counts these instead of recomputing every family on every request. One row per family
    and indicator (the episode the computing day fell in is kept beside it); `in_trend` says whether the family
    was open that day (the monthly trend counts only those). A recomputation rewrites only the rows whose answer
    changed; the day of the whole computation is on the approach's snapshot."""

    family = models.ForeignKey("casework.Family", on_delete=models.CASCADE, related_name="stored_results")
    approach = models.ForeignKey("organisations.Approach", on_delete=models.CASCADE, related_name="+")
    episode = models.PositiveSmallIntegerField(_("traject"), null=True)
    key = models.CharField(_("indicator"), max_length=16)
    outcome = models.CharField(_("uitkomst"), max_length=10)
    evidence = models.TextField(_("onderbouwing"), blank=True)
    in_trend = models.BooleanField(default=True)
    changed_on = models.DateField(_("sinds"))  # the day this answer was computed; unchanged answers keep theirs

    class Meta:
        verbose_name = _("opgeslagen uitkomst")
        verbose_name_plural = _("opgeslagen uitkomsten")
        constraints = [models.UniqueConstraint(fields=["family", "key"], name="one_stored_result_per_indicator")]
        indexes = [models.Index(fields=["approach", "key", "outcome"], name="stored_result_count")]

    def __str__(self) -> str:
        return f"{self.key} {self.outcome}"


class AssessmentSnapshot(models.Model):
    """Counts per outcome of one indicator over an approach on one day: `open_only` the families open that day
    (a point of the monthly trend), otherwise every family in scope (the dashboard). Month ends are kept as they
    were computed after the day had passed (`computed_on` > `day`); today's rows are rewritten by every check.
    Numbers, no person."""

    approach = models.ForeignKey("organisations.Approach", on_delete=models.CASCADE, related_name="+")
    day = models.DateField(_("dag"))
    open_only = models.BooleanField()
    key = models.CharField(_("indicator"), max_length=16)
    met = models.PositiveIntegerField(default=0)
    not_met = models.PositiveIntegerField(default=0)
    unknown = models.PositiveIntegerField(default=0)
    computed_on = models.DateField(_("berekend op"))

    class Meta:
        verbose_name = _("momentopname zelfevaluatie")
        verbose_name_plural = _("momentopnamen zelfevaluatie")
        constraints = [
            models.UniqueConstraint(fields=["approach", "day", "open_only", "key"], name="one_snapshot_per_day_key")
        ]

    def __str__(self) -> str:
        return f"{self.key} {self.day}: {self.met}/{self.met + self.not_met}"


class DirtyFamily(models.Model):
    """A family whose records changed since its results were stored: the next check recomputes it. A plain id,
    no foreign key: a record deleted with its family marks a family that is gone by the commit."""

    family_id = models.UUIDField(primary_key=True)
    since = models.DateTimeField()

    class Meta:
        verbose_name = _("te herberekenen gezin")
        verbose_name_plural = _("te herberekenen gezinnen")

    def __str__(self) -> str:
        return str(self.family_id)
