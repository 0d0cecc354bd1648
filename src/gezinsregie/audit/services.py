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
SYSTEM_ORGANISATION = "Gezinsregie (het systeem zelf)"
SYSTEM_ROLE = "systeemaccount"

# Denials inside a transaction wait here: the refusal usually rolls that transaction back, and the entry with it.
_pending: ContextVar[tuple[AccessLogEntry, ...]] = ContextVar("audit_pending_denials", default=())


def _where() -> dict[str, Any]:
    where = context.current.get()
    return {"ip_address": where.ip_address, "channel": where.channel, "path": where.path}


def _memberships_of(actor: Any) -> "list[Membership]":
    """The actor's active memberships: the policy's per-request list when it has read them, else from the database."""
    if not getattr(actor, "is_authenticated", False) or getattr(actor, "pk", None) is None:
        return []
    cached = getattr(actor, "_policy_memberships", None)  # policy.memberships_of keeps them on the user object
    if cached is not None:
        return list(cached)
    return list(actor.active_memberships())


def _capacity(
    actor: Any,
    family: "Family | None",
    membership: "Membership | None",
    memberships: "list[Membership] | None" = None,
) -> tuple[str, str]:
    """Organisation and role for the entry (NEN 7513: in which capacity). The caller's membership when it names
    one; otherwise the actor's membership in the family's approach, else their first one; a system account acts
    as the system itself. Empty only for someone without any membership."""
    if membership is None:
        memberships = _memberships_of(actor) if memberships is None else memberships
        if family is not None:
            membership = next((m for m in memberships if m.approach_id == family.approach_id), None)
        membership = membership or next(iter(memberships), None)
    if membership is not None:
        return str(membership.organisation), str(membership.get_role_display())
    if getattr(actor, "is_system_account", False):
        return SYSTEM_ORGANISATION, SYSTEM_ROLE
    return "", ""


def _entry(
    *,
    actor: "User",
    action: str,
    family: "Family | None",
    obj: models.Model | None,
    membership: "Membership | None",
    memberships: "list[Membership] | None" = None,
) -> AccessLogEntry:
    organisation, role = _capacity(actor, family, membership, memberships)
    return AccessLogEntry(
        user_id=actor.pk,
        username=actor.get_username(),
        user_display=str(actor),
        organisation=organisation[:300],
        role=role[:60],
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
    known = _memberships_of(actor) if membership is None else []  # read once for the whole list
    AccessLogEntry.objects.bulk_create(
        [
            _entry(actor=actor, action=action, family=f, obj=None, membership=membership, memberships=known)
            for f in families
        ]
    )


def record_login(*, actor: "User", action: str = "login") -> AccessLogEntry:
    """A login or logout of a known user (receivers.py)."""
    return record(actor=actor, action=action)


def record_login_failed(*, username: str, user_id: int | None) -> AccessLogEntry:
    """A failed login: the name typed (which may not exist) and, when it does, whose account it is."""
    organisation, role = "", ""
    if user_id is not None:
        from gezinsregie.accounts.models import User

        owner = User.objects.filter(pk=user_id).first()
        if owner is not None:
            organisation, role = _capacity(owner, None, None)
    entry = AccessLogEntry(
        user_id=user_id,
        username=username[:150] or ANONYMOUS,
        user_display="",
        organisation=organisation[:300],
        role=role[:60],
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
    organisation, role = _capacity(actor, None, None) if known else ("", "")
    entry = AccessLogEntry(
        user_id=actor.pk if known else None,
        username=actor.get_username() if known else ANONYMOUS,
        user_display=str(actor) if known else "",
        organisation=organisation[:300],
        role=role[:60],
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
