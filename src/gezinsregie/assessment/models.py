"""The voices the casework data cannot give, recorded as data (issue 13 §3): short structured questions to the
family at each evaluation and to the involved professionals at a round table or plan commitment. Their answers
give C4.a.3 (partners recognise the coordinator), C4.a.4 (the family trusts the coordinator) and C4.c.2
(information sufficient to work in coherence); an inspector's interview judgement stays possible beside them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gezinsregie.common.formatting import short_date


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
        return f"Stem van {self.family} ({short_date(self.evaluation.held_on)})"


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
        return f"{self.organisation} over {self.family} ({short_date(self.answered_on)})"
