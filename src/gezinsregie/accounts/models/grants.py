"""A membership asked for and not yet given: the four-eyes step of separation of duties (issue 12 §2).

Every role can see personal data (ROLES_WITH_PERSONAL_DATA), so no membership becomes active on one person's word:
the functional admin asks for it (a MembershipGrant), and a second person — another functional admin, or the
privacy officer of the municipality — approves or refuses it (accounts.memberships). Nobody asks for or approves a
membership of their own. The request, the decision and the membership it became stay, for the access log to point to.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gezinsregie.accounts.models import Role  # defined before models/__init__ imports this module


class GrantStatus(models.TextChoices):
    PENDING = "pending", _("wacht op goedkeuring")
    APPROVED = "approved", _("goedgekeurd")
    REFUSED = "refused", _("afgewezen")


class MembershipGrant(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("gebruiker"), on_delete=models.CASCADE, related_name="grants"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("organisatie"), on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(_("rol"), max_length=30, choices=Role.choices)
    approach = models.ForeignKey(
        "organisations.Approach",
        verbose_name=_("aanpak"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Verplicht voor procesmanager en intaketeam."),
    )
    reason = models.CharField(_("reden"), max_length=300, help_text=_("Waarom deze gebruiker deze rol nodig heeft."))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("aangevraagd door"), on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(_("aangevraagd op"), default=timezone.now, editable=False)
    status = models.CharField(_("status"), max_length=10, choices=GrantStatus.choices, default=GrantStatus.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("besloten door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("besloten op"), null=True, blank=True)
    membership = models.ForeignKey(
        "accounts.Membership",
        verbose_name=_("lidmaatschap"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("toekenning van een rol")
        verbose_name_plural = _("toekenningen van rollen (vier ogen)")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            # the second pair of eyes is never the first, nor the one who gets the role
            models.CheckConstraint(
                condition=models.Q(decided_by__isnull=True)
                | (~models.Q(decided_by=models.F("requested_by")) & ~models.Q(decided_by=models.F("user"))),
                name="grant_decided_by_a_second_person",
            ),
            models.CheckConstraint(
                condition=~models.Q(requested_by=models.F("user")), name="grant_not_requested_for_oneself"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} bij {self.organisation} ({self.get_status_display()})"
