"""Unusual patterns in the access log, for the privacy officer: pure functions on plain values.

NEN 7513 (§ controle op de logging) asks that the log is actually looked at: who read files they had no reason to?
Two signals, each a reason to ask, never a verdict:

- many families outside one's caseload: a user who, within the period, read more than a handful of families they
  are neither coordinator, process manager nor involved professional of (browsing);
- reads at night: reads of a family between 22:00 and 06:00 (local time), when casework rarely happens.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, time, tzinfo
from uuid import UUID

from django.utils.translation import ngettext

OUTSIDE_CASELOAD_THRESHOLD = 5  # more than this many families outside the caseload in the period is unusual
NIGHT_STARTS, NIGHT_ENDS = time(22, 0), time(6, 0)
# Reading the log itself, and refusals, are not reads of a family's casework.
NOT_CASEWORK = ("family.view_log", "log.")


@dataclass(frozen=True)
class Read:
    user_id: int
    username: str
    family_id: UUID
    family_reference: str
    action: str
    at: datetime
    in_caseload: bool


@dataclass(frozen=True)
class Pattern:
    kind: str  # "outside_caseload" or "night"
    user_id: int
    username: str
    count: int  # families (outside_caseload) or reads (night)
    families: tuple[str, ...]  # the references concerned, sorted
    first: datetime
    last: datetime

    @property
    def description(self) -> str:
        if self.kind == "outside_caseload":
            families = ngettext("%(n)d gezin", "%(n)d gezinnen", self.count) % {"n": self.count}
            return f"las {families} buiten de eigen caseload"
        return f"{self.count} keer gegevens van een gezin ingezien tussen 22:00 en 06:00"


def is_casework(action: str) -> bool:
    return not action.startswith("denied.") and not any(
        action == marker or (marker.endswith(".") and action.startswith(marker)) for marker in NOT_CASEWORK
    )


def is_night(at: datetime, zone: tzinfo) -> bool:
    local = at.astimezone(zone).time()
    return local >= NIGHT_STARTS or local < NIGHT_ENDS


def _pattern(kind: str, reads: list[Read], count: int) -> Pattern:
    return Pattern(
        kind=kind,
        user_id=reads[0].user_id,
        username=reads[0].username,
        count=count,
        families=tuple(sorted({r.family_reference or str(r.family_id) for r in reads})),
        first=min(r.at for r in reads),
        last=max(r.at for r in reads),
    )


def outside_caseload(reads: list[Read], *, threshold: int = OUTSIDE_CASELOAD_THRESHOLD) -> list[Pattern]:
    """Per user: the families read outside their caseload, when more than `threshold` distinct ones."""
    per_user: dict[int, list[Read]] = defaultdict(list)
    for read in reads:
        if not read.in_caseload and is_casework(read.action):
            per_user[read.user_id].append(read)
    found = []
    for user_reads in per_user.values():
        families = {r.family_id for r in user_reads}
        if len(families) > threshold:
            found.append(_pattern("outside_caseload", user_reads, len(families)))
    return sorted(found, key=lambda p: (-p.count, p.username))


def at_night(reads: list[Read], *, zone: tzinfo) -> list[Pattern]:
    """Per user: the reads of a family at night (local time)."""
    per_user: dict[int, list[Read]] = defaultdict(list)
    for read in reads:
        if is_casework(read.action) and is_night(read.at, zone):
            per_user[read.user_id].append(read)
    found = [_pattern("night", user_reads, len(user_reads)) for user_reads in per_user.values()]
    return sorted(found, key=lambda p: (-p.count, p.username))
