"""The hash chain over the access log: pure functions on plain values, tested without a database.

Every entry carries its place in the chain (`seq`), the hash of the entry before it (`prev_hash`) and its own
hash (`entry_hash`): sha256 over its canonical content, the previous hash included. Changing any field of any
entry changes its hash; removing an entry leaves a gap in `seq` and a `prev_hash` that points nowhere. The
database computes the chain when a row is inserted (PostgreSQL: a plpgsql trigger, migration 0003; SQLite: a
trigger calling `sqlite_entry_hash`); `manage.py verify_access_log` recomputes it here, independently.

The canonical form (the same in plpgsql and here): every field as `<length>:<text>`, NULL as `-`, joined by `|`,
in the order of FIELDS; the time as whole microseconds since 1970-01-01 UTC, the family id as a lowercase UUID
with hyphens, the IP address as PostgreSQL's host() writes it. NEN 7513 asks that the log cannot be changed
unnoticed; the chain makes a change noticed, the database roles make it impossible for the application.
"""

import hashlib
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.utils.dateparse import parse_datetime

GENESIS = "0" * 64  # the "previous hash" of the very first entry
FIELDS = (
    "id",
    "seq",
    "at",
    "user_id",
    "username",
    "user_display",
    "organisation",
    "role",
    "on_behalf_of",
    "family_id",
    "family_reference",
    "action",
    "object_type",
    "object_id",
    "ip_address",
    "channel",
    "path",
    "prev_hash",
)
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def micros(at: datetime) -> int:
    """Whole microseconds since the epoch: exact, and independent of any time zone setting."""
    return (at - EPOCH) // timedelta(microseconds=1)


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return str(micros(value))
    return str(value)


def canonical(values: Sequence[object]) -> str:
    """The text that is hashed: one `<length>:<text>` (or `-` for NULL) per field, joined by `|`."""
    parts = []
    for value in values:
        text = _text(value)
        parts.append("-" if text is None else f"{len(text)}:{text}")
    return "|".join(parts)


def entry_hash(values: Sequence[object]) -> str:
    """sha256 (hex) over the canonical form of the values in the order of FIELDS."""
    return hashlib.sha256(canonical(values).encode("utf-8")).hexdigest()


def sqlite_entry_hash(*raw: object) -> str:
    """The SQL function `gezinsregie_log_hash` on SQLite: the values as SQLite stores them (time as text in UTC,
    UUID as 32 hex digits), brought to the canonical form first."""
    values = list(raw)
    at_index, family_index = FIELDS.index("at"), FIELDS.index("family_id")
    at = parse_datetime(str(values[at_index]))
    if at is None:
        raise ValueError(f"onleesbaar tijdstip {values[at_index]!r}")
    values[at_index] = at.replace(tzinfo=UTC) if at.tzinfo is None else at
    if values[family_index] is not None:
        values[family_index] = uuid.UUID(str(values[family_index]))
    return entry_hash(values)


@dataclass(frozen=True)
class Link:
    """One entry as the chain sees it: the FIELDS values and the stored hash."""

    values: tuple[object, ...]
    entry_hash: str

    def field(self, name: str) -> object:
        return self.values[FIELDS.index(name)]


@dataclass(frozen=True)
class Break:
    """The first broken link: which entry, and what is wrong with it (in Dutch, for the operator)."""

    id: object
    seq: object
    at: object
    reason: str

    def __str__(self) -> str:
        at = self.at.isoformat() if isinstance(self.at, datetime) else self.at
        return f"regel id={self.id} (volgnummer {self.seq}, {at}): {self.reason}"


class ChainCheck:
    """Walks the chain in order of `seq`, one link at a time (so the caller can read it in chunks).

    Starts after the anchor of the retention (or at the very beginning); `feed` answers the first break it
    finds, and None while the chain holds.
    """

    def __init__(self, *, after_seq: int = 0, after_hash: str = GENESIS) -> None:
        self.last_seq = after_seq
        self.last_hash = after_hash
        self.checked = 0

    def feed(self, link: Link) -> Break | None:
        seq = link.field("seq")
        where = {"id": link.field("id"), "seq": seq, "at": link.field("at")}
        if not isinstance(seq, int):
            return Break(**where, reason="regel zonder plaats in de keten (buiten de database om geschreven)")
        if seq != self.last_seq + 1:
            if seq <= self.last_seq:
                return Break(**where, reason=f"volgnummer {seq} komt na {self.last_seq} (volgorde aangetast)")
            if seq == self.last_seq + 2:
                return Break(**where, reason=f"de regel met volgnummer {self.last_seq + 1} ontbreekt (verwijderd)")
            missing = f"{self.last_seq + 1} t/m {seq - 1}"
            return Break(**where, reason=f"de regels met volgnummers {missing} ontbreken (verwijderd)")
        if link.field("prev_hash") != self.last_hash:
            return Break(**where, reason="verwijst niet naar de hash van de regel ervoor (keten verbroken)")
        if entry_hash(link.values) != link.entry_hash:
            return Break(**where, reason="inhoud past niet bij de hash (regel gewijzigd)")
        self.last_seq, self.last_hash = seq, link.entry_hash
        self.checked += 1
        return None
