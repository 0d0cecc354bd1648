"""Outcomes per approach (issue 10 §8; toetsingskader B5.a.1): closures by reason, time in the approach and in
aftercare, check-ins held against planned, re-entries, self-sufficiency at the start against the end.

Numbers only, never a person. A number under SMALL_NUMBER could point to a family: such a count is merged or
not shown, and an average over fewer families is not given. For whoever may not see every family behind them
(the municipality's policy staff, the inspector) the counts are also rounded to fives and the shares computed from
the rounded counts (common.counts, issue 12 §5): the process manager of the approach gets them exact.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from statistics import mean, median
from uuid import UUID

from django.db.models import Count, F, Q, QuerySet

from gezinsregie.casework.models import EntryRoute, Episode, ScoreMoment, SelfSufficiencyScore
from gezinsregie.casework.selectors import SMALL_NUMBER
from gezinsregie.casework.workflow import ClosureReason
from gezinsregie.common.counts import CountRow, disclosed, disclosed_rows, protected_percent
from gezinsregie.organisations.models import Approach
from gezinsregie.trajectory.models import Aftercare, CheckIn, Closure


@dataclass(frozen=True)
class Outcomes:
    closed: int
    closed_text: str  # in words: exact, rounded, or "minder dan 5"
    by_reason: list[CountRow]
    median_days_in_approach: int | None
    median_days_in_aftercare: int | None
    aftercare_share: int | None  # percent of closures with aftercare
    checkins: str  # held of planned in words ("minder dan 5 van 10"), "" while fewer than SMALL_NUMBER planned
    reentries: list[CountRow]
    scores: list[tuple[str, float, float]]  # domain, mean at the start, mean at the end (closed episodes)

    @property
    def enough(self) -> bool:
        return self.closed >= SMALL_NUMBER


def _suppressed(rows: list[CountRow], rest_label: str) -> list[CountRow]:
    """Counts of at least SMALL_NUMBER; the small ones merged, and the merged group only when it is not small
    itself. With a total known elsewhere on the page, one hidden cell could be worked out by subtraction: then
    the smallest shown count is merged too (complementary suppression)."""
    shown = sorted((r for r in rows if r.value >= SMALL_NUMBER), key=lambda r: r.value)
    small = sum(r.value for r in rows if 0 < r.value < SMALL_NUMBER)
    while 0 < small < SMALL_NUMBER and shown:
        small += shown.pop(0).value
    if small >= SMALL_NUMBER:
        shown.append(CountRow(f"{rest_label} (samengevoegd: kleine aantallen)", small))
    return shown


def _median_days(pairs: list[tuple[date, date]]) -> int | None:
    days = [(end - start).days for start, end in pairs]
    return round(median(days)) if len(days) >= SMALL_NUMBER else None


def outcomes_for(*, approaches: QuerySet[Approach], today: date, exact: bool = False) -> Outcomes:
    """The caller got `approaches` from policy.approaches_for(VIEW_POPULATION); `exact` only for who sees every
    family of them (casework.selectors.sees_every_family)."""
    closures = Closure.objects.filter(family__approach__in=approaches)
    labels = dict(ClosureReason.choices)
    reasons = dict(closures.values_list("reason").annotate(n=Count("pk")).order_by())
    by_reason = [CountRow(str(labels[r]), reasons.get(r, 0)) for r in ClosureReason.values]
    closed_episodes = Episode.objects.filter(family__approach__in=approaches, closed_on__isnull=False)
    in_approach = [
        (s, c) for s, c in closed_episodes.values_list("started_on", "closed_on") if s is not None and c is not None
    ]
    aftercares = Aftercare.objects.filter(family__approach__in=approaches, ended_on__isnull=False)
    # planned = due by today while the aftercare still ran (a check-in after its end was never going to be held)
    checkins = CheckIn.objects.filter(family__approach__in=approaches, due_on__lte=today).filter(
        Q(aftercare__ended_on__isnull=True) | Q(due_on__lte=F("aftercare__ended_on"))
    )
    routes = dict(
        Episode.objects.filter(family__approach__in=approaches, number__gt=1)
        .values_list("route")
        .annotate(n=Count("pk"))
        .order_by()
    )
    route_labels = dict(EntryRoute.choices)
    total = closures.count()
    planned = checkins.count()
    held = checkins.filter(held_on__isnull=False).count()
    with_aftercare = closures.filter(aftercare_waived=False).count()

    def words(value: int) -> str:
        return str(value) if exact else disclosed(value, threshold=SMALL_NUMBER)[1]

    def rows(protected: list[CountRow]) -> list[CountRow]:
        return protected if exact else disclosed_rows(protected, threshold=SMALL_NUMBER)

    return Outcomes(
        closed=total,
        closed_text=str(total) if total >= SMALL_NUMBER and exact else disclosed(total, threshold=SMALL_NUMBER)[1],
        by_reason=rows(_suppressed(by_reason, "overige redenen")),
        median_days_in_approach=_median_days(in_approach),
        median_days_in_aftercare=_median_days(
            [(s, e) for s, e in aftercares.values_list("starts_on", "ended_on") if e is not None]
        ),
        aftercare_share=(
            None
            if total < SMALL_NUMBER
            else round(100 * with_aftercare / total)
            if exact
            else protected_percent(with_aftercare, total, threshold=SMALL_NUMBER)
        ),
        checkins=f"{words(held)} van {words(planned)}" if planned >= SMALL_NUMBER else "",
        reentries=rows(
            _suppressed(
                [CountRow(f"terug via {route_labels[r]}", routes.get(r, 0)) for r in EntryRoute.values], "terugkeer"
            )
        ),
        scores=_scores(approaches),
    )


def _scores(approaches: QuerySet[Approach]) -> list[tuple[str, float, float]]:
    """Mean self-sufficiency per domain at intake and at closure, over families scored at both (and enough)."""
    rows = SelfSufficiencyScore.objects.filter(
        family__approach__in=approaches, member__isnull=True, moment__in=[ScoreMoment.INTAKE, ScoreMoment.CLOSURE]
    ).values_list("family_id", "domain__name", "domain__order", "moment", "score", "scored_on")
    first: dict[tuple[UUID, str], int] = {}
    last: dict[tuple[UUID, str], int] = {}
    order: dict[str, int] = {}
    for family_id, domain, position, moment, score, _ in sorted(rows, key=lambda r: r[5]):
        order[domain] = position
        key = (family_id, domain)
        if moment == ScoreMoment.INTAKE:
            first.setdefault(key, score)
        else:
            last[key] = score
    pairs: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for (family_id, domain), end in last.items():
        if (family_id, domain) in first:
            pairs[domain].append((first[family_id, domain], end))
    return [
        (domain, round(mean(s for s, _ in values), 1), round(mean(e for _, e in values), 1))
        for domain, values in sorted(pairs.items(), key=lambda item: order[item[0]])
        if len(values) >= SMALL_NUMBER
    ]
