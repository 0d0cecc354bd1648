"""System accounts: the actor of work the system does itself (importing published reports, background tasks).

A system account is inactive and has no usable password, so nobody can log in as it; the policy grants it only
what `policy.SYSTEM_RULES` names for its purpose, and everything it does is in the access log like anyone's.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gezinsregie.accounts.models import User


class SystemPurpose(models.TextChoices):
    IMPORT_REPORTS = "import-rapporten", _("import van gepubliceerde rapporten")
    BACKGROUND_TASKS = "achtergrondtaken", _("achtergrondtaken")


def system_actor(purpose: SystemPurpose) -> User:
    """The one system account for `purpose`, created on first use."""
    user, created = User.objects.get_or_create(
        username=f"systeem-{purpose.value}",
        defaults={
            "first_name": "Systeem",
            "last_name": f"({purpose.label})",
            "is_active": False,
            "is_system_account": True,
        },
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def purpose_of(user: User) -> SystemPurpose | None:
    """The purpose of a system account; None for a person."""
    if not user.is_system_account:
        return None
    name = user.username.removeprefix("systeem-")
    return SystemPurpose(name) if name in SystemPurpose.values else None
