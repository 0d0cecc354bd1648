"""Reading the access log. Callers have passed the policy: VIEW_LOG for a family's log, SEARCH_LOGS for a search."""

from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from uuid import UUID

from django.db.models import Q, QuerySet
from django.db.models.functions import Now, TruncDate
from django.utils import timezone

from gezinsregie.audit import rules
from gezinsregie.audit.models import AccessLogAnchor, AccessLogEntry
from gezinsregie.casework.models import Family
from gezinsregie.common.formatting import long_date


def family_log(*, family: Family) -> QuerySet[AccessLogEntry]:
    """Callers must have passed policy.access_family(..., action=VIEW_LOG) for this family."""
    return AccessLogEntry.objects.filter(family_id=family.pk).order_by("-at", "-id")


def capacity_recorded_since() -> datetime | None:
    """The time of the first entry with an organisation and a role: since then the log stores in which capacity
    someone acted. Entries before it stay without (the chain: gezinsregie.audit.chain)."""
    with_capacity = AccessLogEntry.objects.exclude(organisation="").exclude(role="")
    return with_capacity.order_by("at", "id").values_list("at", flat=True).first()


def capacity_note(entries: Iterable[AccessLogEntry]) -> dict[str, Any]:
    """Whether the rows shown include one from before organisation and role were stored, and since when they are."""
    lacking = [e for e in entries if e.user_id is not None and not (e.organisation and e.role)]
    if not lacking:
        return {"capacity_missing": False}
    since = capacity_recorded_since()
    # older than the first entry that has them: from before the log stored them (a later one lacks them otherwise)
    missing = since is None or any(e.at < since for e in lacking)
    return {"capacity_missing": missing, "capacity_since": long_date(timezone.localtime(since)) if since else ""}


def actions_today(*, user_id: int, action: str) -> int:
    """How often this user did `action` today, by the database's clock (the clock that timed the entries)."""
    return AccessLogEntry.objects.filter(user_id=user_id, action=action, at__date=TruncDate(Now())).count()


@dataclass(frozen=True)
class LogQuery:
    """A privacy officer's search: every part optional, all parts together (AND)."""

    user: str = ""  # username (case-insensitive) or the user's id
    family_id: UUID | None = None  # one family (the officer may see its log)
    action: str = ""  # an action ("family.view") or its start ("denied" finds every denied.*)
    date_from: date | None = None
    date_to: date | None = None  # inclusive


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def log_search(
    *, query: LogQuery, families: QuerySet[Family], municipality_ids: Collection[int]
) -> QuerySet[AccessLogEntry]:
    """The entries matching the query, newest first. Only about `families` (the policy's families_for(actor,
    VIEW_LOG)), or naming no family but made by someone working for an organisation in one of the officer's
    municipalities (logins, refusals, searches, configuration)."""
    from gezinsregie.accounts.models import Membership

    colleagues = Membership.objects.filter(organisation__municipality_id__in=municipality_ids).values("user_id")
    entries = AccessLogEntry.objects.filter(
        Q(family_id__in=families.values("pk")) | Q(family_id__isnull=True, user_id__in=colleagues)
    )
    if query.user:
        user = query.user.strip()
        condition = Q(username__iexact=user)
        if user.isdigit():
            condition |= Q(user_id=int(user))
        entries = entries.filter(condition)
    if query.family_id is not None:
        entries = entries.filter(family_id=query.family_id)
    if query.action:
        action = query.action.strip().rstrip(".")
        entries = entries.filter(Q(action=action) | Q(action__startswith=action + "."))
    if query.date_from:
        entries = entries.filter(at__gte=_start_of(query.date_from))
    if query.date_to:
        entries = entries.filter(at__lt=_start_of(query.date_to + timedelta(days=1)))
    return entries.order_by("-at", "-id")


def reads_in_period(*, families: QuerySet[Family], date_from: date, date_to: date) -> list[rules.Read]:
    """Reads and writes of the officer's families in the period (inclusive), each with whether the family is in
    the reader's caseload (coordinator, process manager or involved professional), for the pattern rules."""
    from gezinsregie.casework.models import Involvement

    rows = list(
        AccessLogEntry.objects.filter(
            family_id__in=families.values("pk"),
            user_id__isnull=False,
            at__gte=_start_of(date_from),
            at__lt=_start_of(date_to + timedelta(days=1)),
        )
        .exclude(action__startswith="denied.")
        .order_by("at", "id")
        .values_list("user_id", "username", "family_id", "family_reference", "action", "at")
    )
    family_ids = {row[2] for row in rows if row[2] is not None}
    caseload: set[tuple[int | None, UUID]] = set()
    for family_id, coordinator_id, process_manager_id in Family.objects.filter(pk__in=family_ids).values_list(
        "pk", "coordinator_id", "process_manager_id"
    ):
        caseload |= {(coordinator_id, family_id), (process_manager_id, family_id)}
    caseload |= set(Involvement.objects.filter(family_id__in=family_ids).values_list("user_id", "family_id"))
    return [
        rules.Read(
            user_id=user_id or 0,
            username=username,
            family_id=family_id,
            family_reference=reference,
            action=action,
            at=at,
            in_caseload=(user_id, family_id) in caseload,
        )
        for user_id, username, family_id, reference, action, at in rows
        if family_id is not None
    ]


def chain_links(*, after_seq: int, chunk: int = 5000) -> Iterator[list[AccessLogEntry]]:
    """The chain from after `after_seq` on, in order, one chunk at a time (keyset: never all rows in memory)."""
    last = after_seq
    while True:
        rows = list(AccessLogEntry.objects.filter(seq__gt=last).order_by("seq")[:chunk])
        if not rows:
            return
        yield rows
        last = rows[-1].seq or last


def expired_prefix(*, after_seq: int, cutoff: datetime) -> tuple[AccessLogEntry | None, int]:
    """The start of the chain (after the anchor) up to the first entry at or after `cutoff`: its last entry and
    how many entries it holds. An old entry behind a younger one is not part of it."""
    chained = AccessLogEntry.objects.filter(seq__gt=after_seq)
    first_kept = chained.filter(at__gte=cutoff).order_by("seq").values_list("seq", flat=True).first()
    expired = chained.filter(at__lt=cutoff)
    if first_kept is not None:
        expired = expired.filter(seq__lt=first_kept)
    return expired.order_by("-seq").first(), expired.count()


def entry_hash_at(*, seq: int) -> str | None:
    return AccessLogEntry.objects.filter(seq=seq).values_list("entry_hash", flat=True).first()


def unsealed_entries() -> QuerySet[AccessLogEntry]:
    """Entries without a place in the chain: only possible when written around the database's triggers."""
    return AccessLogEntry.objects.filter(seq__isnull=True)


def latest_anchor() -> AccessLogAnchor | None:
    return AccessLogAnchor.objects.order_by("-last_seq").first()


def entry_count() -> int:
    return AccessLogEntry.objects.count()
