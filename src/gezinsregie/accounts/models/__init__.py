"""Users and what they are: a membership gives a user a role within an organisation (and approach).

A membership is given only through a MembershipGrant approved by a second person (models/grants.py, issue 12 §2).
How they sign in lives beside them: API tokens (models/tokens.py) and the recovery codes of the second factor
(models/second_factor.py; the authenticator app's TOTP device is django-otp's own)."""

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("regisseur")
    PROCESS_MANAGER = "process_manager", _("procesmanager")
    PROFESSIONAL = "professional", _("professional")
    INTAKE = "intake", _("intake- en prioriteringsteam")
    POLICY_OFFICER = "policy_officer", _("beleidsmedewerker")
    INSPECTOR = "inspector", _("inspecteur")
    PRIVACY_OFFICER = "privacy_officer", _("privacyfunctionaris")
    ADMINISTRATOR = "administrator", _("beheerder")


# Roles whose work is bound to one approach; the others act for their organisation as a whole.
APPROACH_ROLES = {Role.PROCESS_MANAGER, Role.INTAKE}

# Roles that can see personal data, and so sign in with a second factor where settings.TWO_FACTOR_REQUIRED is on
# (issue 12 §1). Every role is one: casework roles see families; the inspector mandated families; the privacy officer
# the access log (who looked at which family); the policy officer concept reports that name staff and describe
# cases; the functional admin every user account. Only accounts that are no person (system accounts, koppelaccounts)
# have no second factor, and they cannot sign in with a password at all.
ROLES_WITH_PERSONAL_DATA = frozenset(Role)


class User(AbstractUser):  # type: ignore[django-manager-missing]  # django-otp's devices point here
    # A system account (accounts.system.system_actor) acts for the system itself, e.g. the report import or
    # the background tasks: never a person, never able to log in, allowed only what policy.SYSTEM_RULES says.
    is_system_account = models.BooleanField(_("systeemaccount"), default=False, editable=False)
    # A koppelaccount is a connected system of a partner (e.g. a police registration system), not a person: it
    # signs in only with an API token the functional admin made for it (accounts.services.api_token_create), never
    # with a password or a second factor, and may do what its memberships allow, like anyone.
    is_integration_account = models.BooleanField(
        _("koppelaccount"),
        default=False,
        help_text=_(
            "Een gekoppeld systeem, geen persoon: logt alleen in met een API-sleutel die de beheerder aanmaakt, "
            "nooit met een wachtwoord."
        ),
    )

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def active_memberships(self) -> "models.QuerySet[Membership]":
        return self.memberships.filter(active=True).select_related("organisation", "approach")

    def roles(self) -> set[str]:
        return {m.role for m in self.active_memberships()}


class Membership(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("organisatie"), on_delete=models.PROTECT
    )
    role = models.CharField(_("rol"), max_length=30, choices=Role.choices)
    approach = models.ForeignKey(
        "organisations.Approach",
        verbose_name=_("aanpak"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("Verplicht voor procesmanager en intaketeam."),
    )
    active = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation", "role", "approach"], name="unique_membership")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} bij {self.organisation}"

    def clean(self) -> None:
        if self.role in APPROACH_ROLES and self.approach_id is None:
            raise ValidationError({"approach": _("Kies de aanpak waarvoor deze rol geldt.")})


from gezinsregie.accounts.models.grants import GrantStatus, MembershipGrant  # noqa: E402
from gezinsregie.accounts.models.second_factor import RecoveryCode, RecoveryCodeDevice  # noqa: E402
from gezinsregie.accounts.models.tokens import ApiToken  # noqa: E402

__all__ = [
    "APPROACH_ROLES",
    "ROLES_WITH_PERSONAL_DATA",
    "ApiToken",
    "GrantStatus",
    "Membership",
    "MembershipGrant",
    "RecoveryCode",
    "RecoveryCodeDevice",
    "Role",
    "User",
]
