"""Evaluation of the results with the family (toetsingskader C2.a.4, C3.a.5), and extensions of a trajectory."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gezinsregie.common.formatting import long_date


class EvaluationKind(models.TextChoices):
    PERIODIC = "periodic", _("tussentijdse evaluatie")
    FINAL = "final", _("eindevaluatie")


class GoalResult(models.TextChoices):
    REACHED = "reached", _("bereikt")
    PARTLY = "partly", _("deels bereikt")
    NOT_REACHED = "not_reached", _("niet bereikt")


class Evaluation(models.Model):
    """An evaluation of the plan's results: per goal reached or not, the family's own view in its own words, and
    self-sufficiency scored again (casework.SelfSufficiencyScore, moment evaluation or closure, same day)."""

    family = models.ForeignKey("casework.Family", on_delete=models.CASCADE, related_name="evaluations")
    episode = models.ForeignKey("casework.Episode", on_delete=models.CASCADE, related_name="evaluations")
    kind = models.CharField(_("soort"), max_length=10, choices=EvaluationKind.choices)
    held_on = models.DateField(_("gehouden op"))
    with_family = models.BooleanField(_("het gezin was erbij"))
    family_view = models.TextField(
        _("wat het gezin zelf zegt"), blank=True, help_text=_("In de woorden van het gezin.")
    )
    notes = models.TextField(_("bevindingen"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evaluatie")
        verbose_name_plural = _("evaluaties")
        ordering = ["-held_on", "-pk"]
        constraints = [
            # toetsingskader C2.a.4: "samen met het gezin" — and when not, what the family said is still asked
            models.CheckConstraint(
                condition=models.Q(with_family=False) | ~models.Q(family_view=""),
                name="evaluation_with_family_has_its_view",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.family} ({long_date(self.held_on)})"


class GoalEvaluation(models.Model):
    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="goals")
    goal = models.ForeignKey("plans.Goal", on_delete=models.CASCADE, related_name="evaluations")
    result = models.CharField(_("resultaat"), max_length=12, choices=GoalResult.choices)
    note = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("resultaat per doel")
        verbose_name_plural = _("resultaten per doel")
        ordering = ["evaluation", "goal__pk"]
        constraints = [models.UniqueConstraint(fields=["evaluation", "goal"], name="one_result_per_goal")]

    def __str__(self) -> str:
        return f"{self.goal}: {self.get_result_display()}"


class Extension(models.Model):
    """The trajectory runs longer than the approach's planned duration, for a reason (toetsingskader B5.a.1)."""

    episode = models.ForeignKey("casework.Episode", on_delete=models.CASCADE, related_name="extensions")
    family = models.ForeignKey("casework.Family", on_delete=models.CASCADE, related_name="extensions")
    decided_on = models.DateField(_("besloten op"))
    days = models.PositiveSmallIntegerField(_("verlenging (dagen)"))
    reason = models.TextField(_("reden"))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("verlenging")
        verbose_name_plural = _("verlengingen")
        ordering = ["decided_on", "pk"]
        constraints = [models.CheckConstraint(condition=models.Q(days__gte=1), name="extension_at_least_a_day")]

    def __str__(self) -> str:
        return f"Verlenging {self.family} met {self.days} dagen"
