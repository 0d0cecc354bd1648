"""Stored self-assessment results (issue 13 §11): computed in the background, read by the dashboard.

The readings stay pure (`indicators.assess`); what changes is when they run. The background checks
(`casework.tasks.checks`, as the system account with RUN_CHECKS) call `assessment_refresh`, which per approach

- recomputes every family once a day (the answers depend on the day: norms in days, overdue actions), walking
  the families in chunks of ids, so never more than `chunk_size` families' records are in memory;
- otherwise recomputes only the families marked dirty since (a save or delete of a record under a family marks it,
  `assessment.receivers`), so a change shows on the dashboard after the next check (every 15 minutes);
- rewrites today's counts (`AssessmentSnapshot`, one GROUP BY over the stored results) that the dashboard reads;
- writes the month-end snapshots of the trend that are missing or were taken before the month had ended (the
  first run in a new month takes last month's; the first run ever backfills twelve months).

Writes with `QuerySet.update()` or `bulk_create` send no signal; the daily full recomputation catches those.
"""

from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date
from typing import Any
from uuid import UUID

from django.db import connection, transaction
from django.db.models import Count, F, QuerySet
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.assessment import facts as family_facts
from gezinsregie.assessment.indicators import COMPUTED, Outcome, assess
from gezinsregie.assessment.models import AssessmentSnapshot, DirtyFamily, StoredResult
from gezinsregie.assessment.selectors import month_ends
from gezinsregie.casework.models import Family
from gezinsregie.organisations.models import Approach

CHUNK_SIZE = 500
TREND_MONTHS = 12
_RESULT_FIELDS = ["approach", "episode", "outcome", "evidence", "in_trend", "changed_on"]


def _chunks(families: QuerySet[Family], size: int) -> Iterator[QuerySet[Family]]:
    """`families` in chunks of at most `size`, as ranges of ids (keyset): never all rows at once, and each chunk
    a short condition in the queries that read it rather than a list of ids."""
    last: UUID | None = None
    while True:
        page = families.order_by("pk")
        if last is not None:
            page = page.filter(pk__gt=last)
        ids = list(page.values_list("pk", flat=True)[:size])
        if not ids:
            return
        yield families.filter(pk__gte=ids[0], pk__lte=ids[-1])
        last = ids[-1]


def _episode_number(rows: family_facts.Rows, family_id: UUID, day: date) -> int:
    """Which episode `day` falls in (a family without episode rows is in its first)."""
    return max(sum(1 for episode in rows.episodes[family_id] if episode[0] <= day), 1)


def _store_chunk(chunk: QuerySet[Family], day: date) -> int:
    """Compute and upsert the results of the families of `chunk` on `day`; drop those no longer in scope."""
    rows = family_facts.load_rows(chunk)
    by_id: dict[UUID, dict[str, Any]] = {f["pk"]: f for f in rows.families}
    stored: list[tuple[UUID, int, int, str, str, str, bool, date]] = []
    for facts in family_facts.facts_on(rows, day):
        current = by_id[facts.family_id]
        in_trend = family_facts.in_scope_on(family_facts.episode_on(rows, current, day), day, include_closed=False)
        episode = _episode_number(rows, facts.family_id, day)
        for key, result in assess(facts).items():
            stored.append((facts.family_id, current["approach_id"], episode, key, str(result.outcome),
                           result.evidence, in_trend, day))  # fmt: skip
    computed = {row[0] for row in stored}
    gone = set(by_id) - computed  # not (or no longer) in scope on `day`: e.g. not started, or started later
    with transaction.atomic():
        if gone:
            StoredResult.objects.filter(family_id__in=gone).delete()
        if connection.vendor == "postgresql":
            _upsert_postgresql(stored)
        else:
            StoredResult.objects.bulk_create(
                [StoredResult(**dict(zip(_COLUMNS, row, strict=True))) for row in stored],
                batch_size=500,
                update_conflicts=True,
                unique_fields=["family", "key"],
                update_fields=_RESULT_FIELDS,
            )
    return len(computed)


_COLUMNS = ["family_id", "approach_id", "episode", "key", "outcome", "evidence", "in_trend", "changed_on"]
_COMPARED = ["approach_id", "episode", "outcome", "evidence", "in_trend"]


def _upsert_postgresql(stored: list[tuple[UUID, int, int, str, str, str, bool, date]]) -> None:
    """Set-based: COPY the chunk into a temporary table, then one INSERT … ON CONFLICT that rewrites only the
    rows whose answer changed (an unchanged row is neither written nor bloated)."""
    table = StoredResult._meta.db_table
    columns = ", ".join(_COLUMNS)
    compared = ", ".join(f"t.{c}" for c in _COMPARED), ", ".join(f"EXCLUDED.{c}" for c in _COMPARED)
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TEMPORARY TABLE IF NOT EXISTS assessment_incoming (family_id uuid, approach_id bigint, "
            "episode smallint, key varchar(16), outcome varchar(10), evidence text, in_trend boolean, "
            "changed_on date) ON COMMIT DROP"
        )
        cursor.execute("TRUNCATE assessment_incoming")
        with cursor.cursor.copy(f"COPY assessment_incoming ({columns}) FROM STDIN") as copy:
            for row in stored:
                copy.write_row(row)
        cursor.execute(
            f"INSERT INTO {table} AS t ({columns}) SELECT {columns} FROM assessment_incoming "
            "ON CONFLICT (family_id, key) DO UPDATE SET "
            + ", ".join(f"{c} = EXCLUDED.{c}" for c in _COLUMNS[1:])
            + f" WHERE ({compared[0]}) IS DISTINCT FROM ({compared[1]})"
        )


def _snapshot_today(approach: Approach, day: date) -> None:
    """Today's counts per indicator from the stored results: all families (dashboard) and the open ones (trend)."""
    counts: dict[bool, dict[str, Counter[str]]] = {False: defaultdict(Counter), True: defaultdict(Counter)}
    grouped = (
        StoredResult.objects.filter(approach=approach)
        .values_list("key", "in_trend", "outcome")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for key, in_trend, outcome, n in grouped:
        counts[False][key][outcome] += n
        if in_trend:
            counts[True][key][outcome] += n
    first_of_month = day.replace(day=1)
    with transaction.atomic():
        # yesterday's "today" rows of this month are no month end: only the latest one is kept
        AssessmentSnapshot.objects.filter(approach=approach, day__gte=first_of_month, day__lt=day).delete()
        _upsert_snapshots(approach, day, counts, computed_on=day)


def _upsert_snapshots(
    approach: Approach, day: date, counts: dict[bool, dict[str, Counter[str]]], *, computed_on: date
) -> None:
    AssessmentSnapshot.objects.bulk_create(
        [
            AssessmentSnapshot(
                approach=approach,
                day=day,
                open_only=open_only,
                key=key,
                met=per_key[key][Outcome.MET],
                not_met=per_key[key][Outcome.NOT_MET],
                unknown=per_key[key][Outcome.UNKNOWN],
                computed_on=computed_on,
            )
            for open_only, per_key in counts.items()
            for key in COMPUTED
        ],
        update_conflicts=True,
        unique_fields=["approach", "day", "open_only", "key"],
        update_fields=["met", "not_met", "unknown", "computed_on"],
    )


def _month_end_snapshots(approach: Approach, today: date, chunk_size: int) -> int:
    """The trend points of past month ends that are missing or not final, from one read of each chunk."""
    ends = month_ends(today=today, months=TREND_MONTHS)[:-1]
    final = set(
        AssessmentSnapshot.objects.filter(
            approach=approach, open_only=True, day__in=ends, computed_on__gt=F("day")
        ).values_list("day", flat=True)
    )
    missing = [day for day in ends if day not in final]
    if not missing:
        return 0
    counts: dict[date, dict[str, Counter[str]]] = {day: defaultdict(Counter) for day in missing}
    for chunk in _chunks(Family.objects.filter(approach=approach, erasure__isnull=True), chunk_size):
        rows = family_facts.load_rows(chunk)
        for day in missing:
            for facts in family_facts.facts_on(rows, day, include_closed=False):
                for key, result in assess(facts).items():
                    counts[day][key][result.outcome] += 1
    with transaction.atomic():
        for day in missing:
            _upsert_snapshots(approach, day, {True: counts[day]}, computed_on=today)
    return len(missing)


def assessment_recompute(
    *, actor: User, approach: Approach, chunk_size: int = CHUNK_SIZE, today: date | None = None
) -> int:
    """Recompute and store every family of `approach` on `today`, chunk by chunk; returns how many are stored."""
    policy.ensure(actor, policy.Permission.RUN_CHECKS)
    day = today or timezone.localdate()
    started = timezone.now()
    stored = 0
    # an erased family (issue 12 §9) keeps the results it had: its texts are gone, its numbers stay
    for chunk in _chunks(Family.objects.filter(approach=approach, erasure__isnull=True), chunk_size):
        stored += _store_chunk(chunk, day)
    # families that left the approach since the last run
    StoredResult.objects.filter(approach=approach).exclude(family_id__in=_ids_of(approach)).delete()
    DirtyFamily.objects.filter(family_id__in=_ids_of(approach), since__lte=started).delete()
    _snapshot_today(approach, day)
    return stored


def _ids_of(approach: Approach) -> QuerySet[Family, UUID]:
    return Family.objects.filter(approach=approach).values_list("pk", flat=True)


def _recompute_dirty(approach: Approach, day: date, chunk_size: int) -> int:
    started = timezone.now()
    dirty = Family.objects.filter(
        approach=approach, pk__in=DirtyFamily.objects.values("family_id"), erasure__isnull=True
    )
    if not dirty.exists():
        return 0
    stored = sum(_store_chunk(chunk, day) for chunk in _chunks(dirty, chunk_size))
    DirtyFamily.objects.filter(family_id__in=_ids_of(approach), since__lte=started).delete()
    _snapshot_today(approach, day)
    return stored


def assessment_refresh(*, actor: User, today: date | None = None, chunk_size: int = CHUNK_SIZE) -> int:
    """The periodic check: keep every approach's stored results and trend current. Returns families recomputed."""
    policy.ensure(actor, policy.Permission.RUN_CHECKS)
    day = today or timezone.localdate()
    recomputed = 0
    for approach in Approach.objects.order_by("pk"):
        fresh = AssessmentSnapshot.objects.filter(approach=approach, open_only=False, day=day).exists()
        if fresh:
            recomputed += _recompute_dirty(approach, day, chunk_size)
        else:
            recomputed += assessment_recompute(actor=actor, approach=approach, chunk_size=chunk_size, today=day)
        _month_end_snapshots(approach, day, chunk_size)
    DirtyFamily.objects.exclude(family_id__in=Family.objects.values("pk")).delete()  # marks of deleted families
    return recomputed
