"""Writing the access log. Every read and write of personal data calls `record` (or `record_many`)."""

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db import models

from gezinsregie.audit import context
from gezinsregie.audit.models import AccessLogEntry

if TYPE_CHECKING:
    from gezinsregie.accounts.models import Membership, User
    from gezinsregie.casework.models import Family


def _entry(
    *,
    actor: "User",
    action: str,
    family: "Family | None",
    obj: models.Model | None,
    membership: "Membership | None",
) -> AccessLogEntry:
    where = context.current.get()
    return AccessLogEntry(
        user_id=actor.pk,
        username=actor.get_username(),
        user_display=str(actor),
        organisation=str(membership.organisation) if membership else "",
        role=membership.get_role_display() if membership else "",
        on_behalf_of=str(family.approach) if family is not None else "",
        family_id=family.pk if family is not None else None,
        family_reference=family.reference if family is not None else "",
        action=action,
        object_type=obj._meta.label if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        ip_address=where.ip_address,
        channel=where.channel,
        path=where.path,
    )


def record(
    *,
    actor: "User",
    action: str,
    family: "Family | None" = None,
    obj: models.Model | None = None,
    membership: "Membership | None" = None,
) -> AccessLogEntry:
    entry = _entry(actor=actor, action=action, family=family, obj=obj, membership=membership)
    entry.save()
    return entry


def record_many(
    *, actor: "User", action: str, families: Iterable["Family"], membership: "Membership | None" = None
) -> None:
    """One entry per family shown, e.g. in a list: a list of names is a read of personal data too."""
    AccessLogEntry.objects.bulk_create(
        [_entry(actor=actor, action=action, family=f, obj=None, membership=membership) for f in families]
    )
