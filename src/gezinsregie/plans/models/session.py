"""The working session on a plan (werksessie): the edits between two versions (issue 14 §1)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SessionOutcome(models.TextChoices):
    SAVED = "saved", _("opgeslagen als nieuwe versie")
    DISCARDED = "discarded", _("ongedaan gemaakt")


class PlanSession(models.Model):
    """A working session (werksessie): the edits one coordinator makes to the plan between two versions.

    The edits reach the goals and actions at once (the plan page shows them), but no version is written until
    the coordinator saves: then one PlanVersion holds the whole session. Undoing puts every item the session
    touched back as it was (PlanSessionChange.before). One open session per plan; while it is open, nobody else
    edits the plan (no one silently overwrites another: plans.services.StalePlanError).
    """

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="sessions")
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("geopend door"), on_delete=models.PROTECT, related_name="+"
    )
    opened_at = models.DateTimeField(_("geopend op"), auto_now_add=True)
    base_version = models.PositiveIntegerField(_("gebaseerd op versie"))
    last_change_at = models.DateTimeField(_("laatste wijziging"), auto_now=True)
    closed_at = models.DateTimeField(_("gesloten op"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    outcome = models.CharField(_("uitkomst"), max_length=10, choices=SessionOutcome.choices, blank=True)
    saved_version = models.PositiveIntegerField(_("opgeslagen als versie"), null=True, blank=True)

    class Meta:
        verbose_name = _("werksessie plan")
        verbose_name_plural = _("werksessies plan")
        ordering = ["-opened_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan"], condition=models.Q(closed_at__isnull=True), name="one_open_session_per_plan"
            )
        ]

    def __str__(self) -> str:
        return f"Werksessie {self.plan} ({self.opened_by})"


class PlanSessionChange(models.Model):
    """An item the session touched, and how it was before the session's first change to it (None: it is new).

    Only the first change per item is kept: that is what undoing puts back.
    """

    session = models.ForeignKey(PlanSession, on_delete=models.CASCADE, related_name="changes")
    kind = models.CharField(max_length=10, choices=[("goal", _("doel")), ("action", _("actie"))])
    item_id = models.PositiveIntegerField()
    before = models.JSONField(null=True, blank=True)
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("wijziging in werksessie")
        verbose_name_plural = _("wijzigingen in werksessie")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["session", "kind", "item_id"], name="one_change_per_item_per_session")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.item_id} in {self.session}"
