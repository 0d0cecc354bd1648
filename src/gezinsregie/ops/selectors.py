"""Reads of the operations app: is this instance ready to serve? Numbers and states only, never personal data."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from gezinsregie.ops.models import WorkerHeartbeat


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str


def _database() -> Check:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return Check("database", False, f"niet bereikbaar ({type(error).__name__})")
    return Check("database", True, "bereikbaar")


def _migrations() -> Check:
    executor = MigrationExecutor(connection)
    unapplied = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if unapplied:
        return Check("migraties", False, f"{len(unapplied)} nog niet uitgevoerd")
    return Check("migraties", True, "alle uitgevoerd")


def last_heartbeat() -> datetime | None:
    beat = WorkerHeartbeat.objects.order_by("-beat_at").values_list("beat_at", flat=True).first()
    return beat


def _worker(now: datetime) -> Check:
    max_age = timedelta(seconds=settings.WORKER_HEARTBEAT_MAX_AGE)
    beat = last_heartbeat()
    if beat is None:
        return Check("worker", False, "nog geen hartslag")
    age = int((now - beat).total_seconds())
    if now - beat > max_age:
        return Check("worker", False, f"laatste hartslag {age} s geleden (maximaal {int(max_age.total_seconds())} s)")
    return Check("worker", True, f"laatste hartslag {age} s geleden")


def readiness() -> list[Check]:
    """Database reachable, every migration applied, a worker's heartbeat recent. Stops at the first that fails
    which the next depends on (no migrations to read without a database)."""
    database = _database()
    if not database.ok:
        return [database]
    try:
        return [database, _migrations(), _worker(timezone.now())]
    except DatabaseError as error:  # e.g. the heartbeat table itself is not migrated yet
        return [database, Check("migraties", False, f"niet te lezen ({type(error).__name__})")]
