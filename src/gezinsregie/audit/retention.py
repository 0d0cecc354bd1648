"""The retention of the access log itself: remove what is older than the retention, anchor the chain where it is
cut. Runs as the database's owner role (manage.py prune_access_log); docs/security.md."""

from datetime import UTC, datetime
from typing import cast

from django.db import connection, transaction
from django.utils.dateparse import parse_datetime

from gezinsregie.audit import selectors
from gezinsregie.audit.models import AccessLogAnchor, AccessLogEntry
from gezinsregie.audit.verification import verify_chain

# --- retention of the log itself -------------------------------------------------------------------------------

# NEN 7513 asks that logging be kept for at least five years; the database refuses an anchor (and so any removal)
# of entries younger than that, whatever the setting says (migration 0004).
RETENTION_MINIMUM_YEARS = 5


class RetentionError(Exception):
    """The retention refused to cut: the setting is too short, or the chain is not intact."""


def _database_now() -> datetime:
    with connection.cursor() as cursor:
        cursor.execute("SELECT CURRENT_TIMESTAMP")
        (now,) = cursor.fetchone()
    if isinstance(now, str):  # SQLite: text in UTC
        parsed = parse_datetime(now)
        if parsed is None:
            raise RetentionError(f"onleesbare databasetijd {now!r}")
        now = parsed.replace(tzinfo=UTC)
    return cast(datetime, now)


def years_before(moment: datetime, years: int) -> datetime:
    try:
        return moment.replace(year=moment.year - years)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year - years, day=28)


@transaction.atomic
def access_log_prune(*, retention_years: int) -> AccessLogAnchor | None:
    """Remove the entries older than the retention, from the start of the chain, and anchor the chain where it is
    cut (the last removed entry's place and hash), so verification starts there and still covers every entry kept.

    Runs as the database's owner role (`manage.py prune_access_log`): the application role may neither DELETE from
    the log nor INSERT an anchor. Only the prefix of the chain before the first entry that is still within the
    retention goes; the chain is verified first and nothing is cut when it is broken (the evidence stays).
    """
    if retention_years < RETENTION_MINIMUM_YEARS:
        raise RetentionError(f"Bewaartermijn {retention_years} jaar: minimaal {RETENTION_MINIMUM_YEARS} (NEN 7513).")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # no entry joins the chain while it is cut
            cursor.execute("SELECT pg_advisory_xact_lock(7513, 1)")
    verdict = verify_chain()
    if verdict.broken is not None:
        raise RetentionError(f"De keten is verbroken, er wordt niets verwijderd: {verdict.broken}")
    cutoff = years_before(_database_now(), retention_years)
    last, removed = selectors.expired_prefix(after_seq=verdict.anchored_at_seq, cutoff=cutoff)
    if last is None or last.seq is None:
        return None
    anchor = AccessLogAnchor(
        last_seq=last.seq,
        last_hash=last.entry_hash,
        last_at=last.at,
        removed=removed,
        retention_years=retention_years,
    )
    anchor.save()
    with connection.cursor() as cursor:  # the database allows this delete only for what an anchor covers
        cursor.execute(f"DELETE FROM {AccessLogEntry._meta.db_table} WHERE seq <= %s", [last.seq])
    return anchor
