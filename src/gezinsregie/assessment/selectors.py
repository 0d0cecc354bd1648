"""The live self-assessment of an approach: per indicator how many families meet it, now and per month."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from uuid import UUID

from django.db.models import QuerySet
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.assessment import facts as family_facts
from gezinsregie.assessment.indicators import (
    INTERVIEW_ONLY,
    NOT_RECORDED,
    Outcome,
    Result,
    Source,
    assess,
    source_of,
)
from gezinsregie.assessment.models import AssessmentSnapshot, StoredResult
from gezinsregie.assessment.policy_evidence import Evidence, evidence_for
from gezinsregie.casework.models import Family
from gezinsregie.frameworks.models import Indicator
from gezinsregie.organisations.models import Approach


@dataclass
class IndicatorSummary:
    indicator: Indicator
    source: Source
    counts: Counter[str] = field(default_factory=Counter)
    note: str = ""

    @property
    def assessed(self) -> int:
        return self.counts[Outcome.MET] + self.counts[Outcome.NOT_MET]

    @property
    def share_met(self) -> float | None:
        """Share of families that meet it, of those for which the data gives an answer."""
        return round(100 * self.counts[Outcome.MET] / self.assessed, 1) if self.assessed else None


@dataclass
class Assessment:
    approach: Approach
    as_of: date
    families: int
    indicators: list[IndicatorSummary]
    results: dict[UUID, dict[str, Result]]  # family id → indicator key → result (empty when read from storage)
    stored: bool = False  # read from the stored results (as computed on `as_of`), not computed now


def _families_of(approach: Approach) -> QuerySet[Family]:
    # Aggregate numbers over all families of the approach; which persons the viewer may see is asked separately.
    return approach.families.all()


def case_indicators(approach: Approach) -> list[Indicator]:
    return list(
        Indicator.objects.filter(
            criterion__theme__level__framework=approach.framework, criterion__theme__level__key="case"
        )
        .select_related("criterion__theme")
        .order_by("criterion__theme__order", "criterion__order", "order")
    )


def assessment_of(*, actor: User, approach: Approach, as_of: date | None = None) -> Assessment:
    policy.ensure(actor, policy.Permission.VIEW_ASSESSMENT, approach)
    day = as_of or timezone.localdate()
    facts = family_facts.facts_on(family_facts.load_rows(_families_of(approach)), day)
    results = {f.family_id: assess(f) for f in facts}
    summaries = []
    for indicator in case_indicators(approach):
        summary = IndicatorSummary(indicator=indicator, source=source_of(indicator.key))
        summary.note = INTERVIEW_ONLY.get(indicator.key) or NOT_RECORDED.get(indicator.key, "")
        for per_family in results.values():
            result = per_family.get(indicator.key)
            summary.counts[result.outcome if result else Outcome.UNKNOWN] += 1
        summaries.append(summary)
    return Assessment(approach=approach, as_of=day, families=len(facts), indicators=summaries, results=results)


def stored_assessment_of(*, actor: User, approach: Approach) -> Assessment | None:
    """The counts the background checks stored for the approach (a fixed number of queries), or None if none yet."""
    policy.ensure(actor, policy.Permission.VIEW_ASSESSMENT, approach)
    latest = (
        AssessmentSnapshot.objects.filter(approach=approach, open_only=False).order_by("-day").values("day").first()
    )
    if latest is None:
        return None
    counts: dict[str, Counter[str]] = {}
    for snapshot in AssessmentSnapshot.objects.filter(approach=approach, open_only=False, day=latest["day"]):
        per_key = counts[snapshot.key] = Counter()
        per_key[Outcome.MET], per_key[Outcome.NOT_MET] = snapshot.met, snapshot.not_met
        per_key[Outcome.UNKNOWN] = snapshot.unknown
    families = max((c.total() for c in counts.values()), default=0)
    summaries = []
    for indicator in case_indicators(approach):
        summary = IndicatorSummary(indicator=indicator, source=source_of(indicator.key))
        summary.note = INTERVIEW_ONLY.get(indicator.key) or NOT_RECORDED.get(indicator.key, "")
        summary.counts = counts.get(indicator.key) or Counter({str(Outcome.UNKNOWN): families})
        summaries.append(summary)
    return Assessment(
        approach=approach, as_of=latest["day"], families=families, indicators=summaries, results={}, stored=True
    )


@dataclass(frozen=True)
class TrendPoint:
    month_end: date
    families: int
    met: int
    assessed: int

    @property
    def share(self) -> float | None:
        return round(100 * self.met / self.assessed, 1) if self.assessed else None


def month_ends(*, today: date, months: int) -> list[date]:
    ends = []
    first_of_month = today.replace(day=1)
    for _ in range(months - 1):
        ends.append(first_of_month - timedelta(days=1))
        first_of_month = (first_of_month - timedelta(days=1)).replace(day=1)
    return [*reversed(ends), today]


def trend_of(*, actor: User, approach: Approach, key: str, months: int = 12) -> list[TrendPoint]:
    """Share of families meeting `key` at the end of each month (this month: today), from one read of the data."""
    policy.ensure(actor, policy.Permission.VIEW_ASSESSMENT, approach)
    rows = family_facts.load_rows(_families_of(approach))
    points = []
    for day in month_ends(today=timezone.localdate(), months=months):
        outcomes = Counter(assess(f)[key].outcome for f in family_facts.facts_on(rows, day, include_closed=False))
        met, assessed = outcomes[Outcome.MET], outcomes[Outcome.MET] + outcomes[Outcome.NOT_MET]
        points.append(TrendPoint(month_end=day, families=sum(outcomes.values()), met=met, assessed=assessed))
    return points


def stored_trend_of(*, actor: User, approach: Approach, key: str, months: int = 12) -> list[TrendPoint] | None:
    """The trend from the stored month-end snapshots and today's, or None while any month end is missing."""
    policy.ensure(actor, policy.Permission.VIEW_ASSESSMENT, approach)
    snapshots = list(AssessmentSnapshot.objects.filter(approach=approach, open_only=True, key=key).order_by("day"))
    if not snapshots:
        return None
    latest = snapshots[-1].day
    by_day = {s.day: s for s in snapshots}
    wanted = month_ends(today=latest, months=months)
    if any(day not in by_day for day in wanted):
        return None
    return [
        TrendPoint(
            month_end=day,
            families=by_day[day].met + by_day[day].not_met + by_day[day].unknown,
            met=by_day[day].met,
            assessed=by_day[day].met + by_day[day].not_met,
        )
        for day in wanted
    ]


def stored_families_behind(
    *, actor: User, approach: Approach, key: str, outcome: Outcome
) -> tuple[int, list[tuple[Family, Result]]]:
    """The families behind a stored number: how many, and those the viewer may see (policy.family_list VIEW)."""
    policy.ensure(actor, policy.Permission.VIEW_ASSESSMENT, approach)
    stored = StoredResult.objects.filter(approach=approach, key=key, outcome=outcome)
    visible = list(
        policy.family_list(actor, policy.Permission.VIEW, what="assessment.families")
        .filter(pk__in=stored.values("family_id"))
        .select_related("coordinator")
        .order_by("reference")
    )
    evidence = dict(stored.filter(family_id__in=[f.pk for f in visible]).values_list("family_id", "evidence"))
    return stored.count(), [(family, Result(outcome, evidence.get(family.pk, ""))) for family in visible]


def families_behind(*, actor: User, assessment: Assessment, key: str, outcome: Outcome) -> list[tuple[Family, Result]]:
    """The families behind a number, only those the viewer may see (policy.family_list VIEW, which logs them)."""
    wanted = [fid for fid, per_family in assessment.results.items() if per_family[key].outcome == outcome]
    visible = (
        policy.family_list(actor, policy.Permission.VIEW, what="assessment.families")
        .filter(pk__in=wanted)
        .select_related("coordinator")
        .order_by("reference")
    )
    return [(family, assessment.results[family.pk][key]) for family in visible]


def family_assessment(
    *, actor: User, family: Family, action: policy.Permission = policy.Permission.VIEW
) -> dict[str, Result]:
    """One family's indicators, for someone who may `action` the family (VIEW, or INSPECT under a mandate)."""
    rows = family_facts.load_rows(policy.families_for(actor, action).filter(pk=family.pk))
    facts = family_facts.facts_on(rows, timezone.localdate())
    return assess(facts[0]) if facts else {}


def policy_indicators(approach: Approach) -> list[Indicator]:
    return list(
        Indicator.objects.filter(
            criterion__theme__level__framework=approach.framework, criterion__theme__level__key="policy"
        )
        .select_related("criterion__theme")
        .order_by("criterion__theme__order", "criterion__order", "order")
    )


def policy_evidence_of(*, actor: User, approach: Approach) -> dict[str, Evidence]:
    policy.ensure(actor, policy.Permission.VIEW_ASSESSMENT, approach)
    return evidence_for(approach=approach, families=_families_of(approach), today=timezone.localdate())
