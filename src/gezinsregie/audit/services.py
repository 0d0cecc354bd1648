"""Writing the access log. Every read and write of personal data calls `record` (or `record_many`).

Besides reads and writes the log holds logins, failed logins and logouts (receivers.py) and refusals of the policy
(`record_denial`, called by gezinsregie.policy). The database gives every entry its time and its place in the
chain: nothing here sets `at`, `seq` or a hash.
"""

import uuid
from collections.abc import Iterable
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from django.db import models, transaction

from gezinsregie.audit import context
from gezinsregie.audit.models import AccessLogEntry

if TYPE_CHECKING:
    from gezinsregie.accounts.models import Membership, User
    from gezinsregie.casework.models import Family

ANONYMOUS = "(anoniem)"

# Denials inside a transaction wait here: the refusal usually rolls that transaction back, and the entry with it.
_pending: ContextVar[tuple[AccessLogEntry, ...]] = ContextVar("audit_pending_denials", default=())


def _where() -> dict[str, Any]:
    where = context.current.get()
    return {"ip_address": where.ip_address, "channel": where.channel, "path": where.path}


def _entry(
    *,
    actor: "User",
    action: str,
    family: "Family | None",
    obj: models.Model | None,
    membership: "Membership | None",
) -> AccessLogEntry:
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
        **_where(),
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


def record_login(*, actor: "User", action: str = "login") -> AccessLogEntry:
    """A login or logout of a known user (receivers.py)."""
    return record(actor=actor, action=action)


def record_login_failed(*, username: str, user_id: int | None) -> AccessLogEntry:
    """A failed login: the name typed (which may not exist) and, when it does, whose account it is."""
    entry = AccessLogEntry(
        user_id=user_id,
        username=username[:150] or ANONYMOUS,
        user_display="",
        action="login.failed",
        **_where(),
    )
    entry.save()
    return entry


def _in_transaction() -> bool:
    """Inside an atomic block of the application (a test's own wrapping transaction does not count)."""
    connection = transaction.get_connection()
    return any(not getattr(block, "_from_testcase", False) for block in connection.atomic_blocks)


def record_denial(*, actor: Any, permission: str, obj: models.Model | None = None, object_id: str = "") -> None:
    """The policy refused `permission` on `obj` (or on the object id asked for). Only the reference is logged:
    who, what was asked, which object (type and id, and the family id when the object belongs to a family).

    Outside a transaction the entry is written at once. Inside one it waits until the transaction has ended (the
    refusal usually rolls it back): flush_denials() writes it, called by the middleware when the request is done
    and after a commit.
    """
    family_id = None
    if obj is not None:
        object_id = str(obj.pk)
        family_id = obj.pk if obj._meta.label == "casework.Family" else getattr(obj, "family_id", None)
    else:
        try:
            family_id = uuid.UUID(str(object_id)) if object_id else None
        except ValueError:
            family_id = None
    known = getattr(actor, "is_authenticated", False)
    entry = AccessLogEntry(
        user_id=actor.pk if known else None,
        username=actor.get_username() if known else ANONYMOUS,
        user_display=str(actor) if known else "",
        family_id=family_id if isinstance(family_id, uuid.UUID) else None,
        action=f"denied.{permission}"[:60],
        object_type=obj._meta.label if obj is not None else "",
        object_id=str(object_id)[:64],
        **_where(),
    )
    if not _in_transaction():
        entry.save()
        return
    _pending.set((*_pending.get(), entry))
    transaction.on_commit(flush_denials)


def flush_denials() -> int:
    """Write the denials that waited for their transaction to end; nothing while still inside one."""
    waiting = _pending.get()
    if not waiting or _in_transaction():
        return 0
    _pending.set(())
    AccessLogEntry.objects.bulk_create(waiting)
    return len(waiting)


def forget_denials() -> None:
    """A new request starts with nothing waiting (what an earlier command left behind is not its business)."""
    _pending.set(())
