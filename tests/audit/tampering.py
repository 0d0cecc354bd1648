"""What an attacker with the database superuser does: write around the triggers (tests only, PostgreSQL)."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from django.db import connection
from django.db.backends.utils import CursorWrapper

from gezinsregie.audit.chain import FIELDS, GENESIS, entry_hash

TABLE = "audit_accesslogentry"


@contextmanager
def triggers_off() -> Iterator[CursorWrapper]:
    """The superuser's way past every ordinary trigger, for the rest of this block of the test's transaction."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")
        try:
            yield cursor
        finally:
            cursor.execute("SET LOCAL session_replication_role = origin")


def head() -> tuple[int, str]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT seq, entry_hash FROM {TABLE} ORDER BY seq DESC LIMIT 1")
        row = cursor.fetchone()
    return (row[0], row[1]) if row else (0, GENESIS)


def write_valid_entries(times: list[datetime], *, action: str = "family.view", **fields: Any) -> list[int]:
    """Entries with the times given (in the past: as if written years ago), chained correctly onto the head.

    Written around the triggers because the database would time them now; the chain is computed as the database
    computes it, so verification must accept them. Returns their ids.
    """
    seq, prev = head()
    ids = []
    with triggers_off() as cursor:
        for at in times:
            cursor.execute(f"SELECT nextval(pg_get_serial_sequence('{TABLE}', 'id'))")
            (entry_id,) = cursor.fetchone()
            seq += 1
            row: dict[str, Any] = {
                "id": entry_id,
                "seq": seq,
                "at": at,
                "user_id": None,
                "username": "vroeger",
                "user_display": "Vroeger Iemand",
                "organisation": "",
                "role": "",
                "on_behalf_of": "",
                "family_id": None,
                "family_reference": "",
                "action": action,
                "object_type": "",
                "object_id": "",
                "ip_address": None,
                "channel": "web",
                "path": "",
                "prev_hash": prev,
                **fields,
            }
            row["family_id"] = str(row["family_id"]) if row["family_id"] is not None else None
            prev = entry_hash([row[name] for name in FIELDS])
            columns = ", ".join([*FIELDS, "entry_hash"])
            placeholders = ", ".join(["%s"] * (len(FIELDS) + 1))
            cursor.execute(
                f"INSERT INTO {TABLE} ({columns}) VALUES ({placeholders})", [*(row[n] for n in FIELDS), prev]
            )
            ids.append(entry_id)
    return ids
