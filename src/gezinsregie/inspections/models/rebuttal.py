"""Hoor en wederhoor: before publication the municipality sees the concept report and responds per finding within a
term; the inspector answers each response and decides whether the finding stays or changes. The exchange is kept
(and shown in the published report as its appendix "Hoor en wederhoor"). The states are in workflow.py."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gezinsregie.common.formatting import long_date
from gezinsregie.inspections.models.inspection import Finding, Inspection


class Rebuttal(models.Model):
    """The concept report sent to the municipality of the inspection's approach, with its term."""

    inspection = models.OneToOneField(Inspection, on_delete=models.CASCADE, related_name="rebuttal")
    sent_on = models.DateField(_("verstuurd op"))
    days = models.PositiveSmallIntegerField(_("termijn in dagen"))
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # The municipality says it is done before the term has passed: no more responses, the inspector may publish.
    closed_at = models.DateTimeField(_("reactie afgerond op"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("hoor en wederhoor")
        verbose_name_plural = _("hoor en wederhoor")

    def __str__(self) -> str:
        return f"Hoor en wederhoor {self.inspection} ({long_date(self.sent_on)})"


class Stance(models.TextChoices):
    AGREE = "agree", _("eens")
    DISAGREE = "disagree", _("niet eens")


class Decision(models.TextChoices):
    KEPT = "kept", _("bevinding blijft")
    CHANGED = "changed", _("bevinding aangepast")


class ConceptResponse(models.Model):
    """The municipality's response to one finding of the concept (hoor), and the inspector's answer (wederhoor).
    Once the inspector has answered, the response is fixed; a changed finding keeps what it said before."""

    rebuttal = models.ForeignKey(Rebuttal, on_delete=models.CASCADE, related_name="responses")
    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="concept_responses")
    stance = models.CharField(_("de gemeente is het"), max_length=10, choices=Stance.choices)
    text = models.TextField(_("reactie van de gemeente"), blank=True)
    responded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    responded_at = models.DateTimeField(_("gereageerd op"))
    decision = models.CharField(_("besluit van de inspectie"), max_length=10, choices=Decision.choices, blank=True)
    answer = models.TextField(_("antwoord van de inspectie"), blank=True)
    judgement_before = models.CharField(_("oordeel in het concept"), max_length=15, blank=True)
    text_before = models.TextField(_("bevinding in het concept"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(_("beantwoord op"), null=True, blank=True)

    class Meta:
        verbose_name = _("reactie op het concept")
        verbose_name_plural = _("reacties op het concept")
        ordering = ["rebuttal", "finding__order", "finding__pk"]
        constraints = [
            models.UniqueConstraint(fields=["rebuttal", "finding"], name="one_response_per_finding"),
            models.CheckConstraint(
                condition=models.Q(decision="") | models.Q(answered_at__isnull=False),
                name="response_decided_only_when_answered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_stance_display()}: {self.text[:60]}"

    @property
    def is_answered(self) -> bool:
        return bool(self.decision)

    @property
    def disagrees(self) -> bool:
        return self.stance == Stance.DISAGREE

    @property
    def changed_finding(self) -> bool:
        return self.decision == Decision.CHANGED
