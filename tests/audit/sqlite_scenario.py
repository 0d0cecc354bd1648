"""Run inside a Django process on a SQLite database (the demo's engine): what the access log lets through there.

Used by test_sqlite.py through `manage.py shell`; prints one JSON object with what it observed.
"""

import json
from datetime import UTC, datetime

from django.db import DatabaseError, connection, transaction

from gezinsregie.accounts.models import User
from gezinsregie.audit import services
from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.audit.verification import verify_chain

TABLE = "audit_accesslogentry"


def _refused(sql: str, params: list[object]) -> str:
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, params)
    except DatabaseError as refused:
        return str(refused)
    return ""


def main() -> None:
    seen: dict[str, object] = {}
    user = User.objects.create(username="sqlite-proef", first_name="Proef")
    first = services.record(actor=user, action="family.view")
    for _ in range(3):
        services.record(actor=user, action="family.list")
    back_dated = AccessLogEntry(at=datetime(2001, 1, 1, tzinfo=UTC), username="x", user_display="x", action="x")
    back_dated.channel = "cli"
    back_dated.save()
    verdict = verify_chain(chunk=2)
    seen["intact"], seen["checked"] = verdict.intact, verdict.checked
    seen["seqs"] = list(AccessLogEntry.objects.order_by("id").values_list("seq", flat=True))
    seen["back_dated_year"] = AccessLogEntry.objects.get(pk=back_dated.pk).at.year
    columns = "id, at, username, user_display, organisation, role, on_behalf_of, family_reference, action, "
    columns += "object_type, object_id, channel, path, prev_hash, entry_hash"
    seen["replace"] = _refused(
        f"INSERT OR REPLACE INTO {TABLE} ({columns}) "
        "VALUES (%s, '2001-01-01 00:00:00', 'iemand-anders', '', '', '', '', '', 'x', '', '', 'web', '', '', '')",
        [first.pk],
    )
    seen["replace_seq"] = _refused(
        f"INSERT OR REPLACE INTO {TABLE} (seq, at, username, user_display, organisation, role, on_behalf_of, "
        "family_reference, action, object_type, object_id, channel, path, prev_hash, entry_hash) "
        "VALUES (1, '2001-01-01', 'x', '', '', '', '', '', 'x', '', '', 'web', '', '', '')",
        [],
    )
    seen["username_after_replace"] = AccessLogEntry.objects.get(pk=first.pk).username
    seen["update"] = _refused(f"UPDATE {TABLE} SET username = 'iemand-anders' WHERE id = %s", [first.pk])
    seen["delete"] = _refused(f"DELETE FROM {TABLE} WHERE id = %s", [first.pk])
    seen["upsert"] = _refused(
        f"INSERT INTO {TABLE} ({columns}) "
        "VALUES (%s, '2001-01-01', 'x', '', '', '', '', '', 'x', '', '', 'web', '', '', '') "
        "ON CONFLICT(id) DO UPDATE SET username = 'iemand-anders'",
        [first.pk],
    )
    seen["intact_after_attempts"] = verify_chain().intact
    # whoever has the file drops the triggers and edits a row: the chain still tells
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER audit_access_log_no_update")
        cursor.execute(f"UPDATE {TABLE} SET username = 'iemand-anders' WHERE id = %s", [first.pk])
    broken = verify_chain().broken
    seen["broken_id"] = broken.id if broken else None
    seen["first_id"] = first.pk
    print(json.dumps(seen))
