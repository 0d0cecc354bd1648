"""Follow-up: improvement points and the comparison with the previous inspection (Verbeterpunten Zwolle 2015)."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.frameworks.models import Indicator
from gezinsregie.inspections import rules, workflow
from gezinsregie.inspections.models import (
    Finding,
    ImprovementPoint,
    Inspection,
    InspectionStatus,
    PointFollowUp,
    PointStatus,
)
from gezinsregie.inspections.selectors.indicators import indicators_of, overall_findings
from gezinsregie.organisations.models import Approach, Organisation, OrganisationKind

Permission = policy.Permission


def previous_inspection(inspection: Inspection, *, visible: QuerySet[Inspection]) -> Inspection | None:
    """The latest earlier published inspection of the same approach and level by the same inspectorate."""
    return (
        visible.filter(
            approach_id=inspection.approach_id,
            level=inspection.level,
            organisation_id=inspection.organisation_id,
            status=InspectionStatus.PUBLISHED,
            year__lt=inspection.year,
        )
        .order_by("-year")
        .first()
    )


def facts(findings: Iterable[Finding]) -> list[rules.FindingFact]:
    return [
        rules.FindingFact(
            pk=f.pk,
            indicator_keys=tuple(i.key for i in f.indicators.all()),
            judgement=f.judgement,
            text=f.text,
            notes=tuple(n.text for n in f.notes.all()),
        )
        for f in findings
    ]


@dataclass
class Comparison:
    earlier: Inspection
    later: Inspection
    rows: list[tuple[list[Indicator], rules.ComparisonRow, ImprovementPoint | None]]

    @property
    def later_is_published(self) -> bool:
        """Until then a "met" only resolves the point at publication."""
        return workflow.is_published(self.later)


def comparison(inspection: Inspection, *, visible: QuerySet[Inspection]) -> Comparison | None:
    """The Zwolle format: each earlier improvement point's finding beside this inspection's finding."""
    earlier = previous_inspection(inspection, visible=visible)
    if earlier is None:
        return None
    earlier_findings = overall_findings(earlier)
    indicators = {i.key: i for i in indicators_of(earlier)}
    points = points_by_finding(earlier)
    rows = [
        ([indicators[k] for k in row.indicator_keys if k in indicators], row, points.get(row.earlier.pk))
        for row in rules.comparison_rows(facts(earlier_findings), facts(overall_findings(inspection)))
    ]
    return Comparison(earlier, inspection, rows)


def points_by_finding(inspection: Inspection) -> dict[int, ImprovementPoint]:
    """Per X finding of the inspection its improvement point: the point it raised, or the earlier point it
    continues (a persisting X is the same point)."""
    own = ImprovementPoint.objects.filter(finding__inspection=inspection).prefetch_related("reports")
    found = {p.finding_id: p for p in own}
    continued = PointFollowUp.objects.filter(finding__inspection=inspection).select_related("point")
    for follow_up in continued.prefetch_related("point__reports"):
        found.setdefault(follow_up.finding_id, follow_up.point)
    return found


def open_points_before(inspection: Inspection) -> QuerySet[ImprovementPoint]:
    """The points still open from earlier published inspections of the same approach and level by the same
    inspectorate, however many years back: what this inspection follows up."""
    return (
        ImprovementPoint.objects.filter(
            finding__inspection__approach_id=inspection.approach_id,
            finding__inspection__level=inspection.level,
            finding__inspection__organisation_id=inspection.organisation_id,
            finding__inspection__status=InspectionStatus.PUBLISHED,
            finding__inspection__year__lt=inspection.year,
            finding__case_review__isnull=True,
        )
        .exclude(status=PointStatus.RESOLVED)
        .prefetch_related("finding__indicators")
        .order_by("finding__inspection__year", "finding__order", "pk")
    )


@dataclass(frozen=True)
class HistoryEntry:
    """One year of a point's history: the finding of that year's inspection, and what it meant for the point."""

    year: int
    finding: Finding
    outcome: str  # "raised" for the first X, else a FollowUpOutcome value
    outcome_label: str
    due_before: date | None
    due_after: date | None

    @property
    def renewed(self) -> bool:
        return self.outcome != "raised" and self.due_before != self.due_after


def point_history(point: ImprovementPoint) -> list[HistoryEntry]:
    """The point year by year: the X that raised it, then each later inspection's finding on it (Zwolle format)."""
    first = point.finding
    entries = [HistoryEntry(first.inspection.year, first, "raised", "verbeterpunt", None, None)]
    for f in point.follow_ups.select_related("finding__inspection").prefetch_related("finding__notes"):
        entries.append(
            HistoryEntry(
                f.finding.inspection.year, f.finding, f.outcome, f.get_outcome_display(), f.due_before, f.due_after
            )
        )
    return entries


def overdue_ids(points: Iterable[ImprovementPoint], *, today: date) -> set[int]:
    """The points whose term has passed while they are not resolved: flagged on the points pages."""
    return {p.pk for p in points if p.is_overdue(today)}


def invitable_organisations(approach: Approach) -> QuerySet[Organisation]:
    """The municipality's own organisations and the approach's network partners."""
    own = Q(kind=OrganisationKind.MUNICIPALITY, municipality_id=approach.municipality_id)
    return Organisation.objects.filter(own | Q(approaches=approach)).distinct().order_by("kind", "name")


def municipality_users(approach: Approach) -> QuerySet[User]:
    """Who can own an improvement point: people working for one of the municipality's organisations."""
    return (
        User.objects.filter(
            is_active=True,
            memberships__active=True,
            memberships__organisation__municipality_id=approach.municipality_id,
        )
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


def earlier_by_indicator(found: "Comparison | None") -> dict[int, rules.ComparisonRow]:
    """For the judging screen: per indicator the earlier improvement point's row, to judge it again."""
    if found is None:
        return {}
    return {i.pk: row for indicators, row, _point in found.rows for i in indicators}


def points_per_approach(points: Iterable[ImprovementPoint]) -> list[tuple[Approach, list[ImprovementPoint]]]:
    grouped: dict[int, tuple[Approach, list[ImprovementPoint]]] = {}
    for p in points:
        approach = p.finding.inspection.approach
        grouped.setdefault(approach.pk, (approach, []))[1].append(p)
    return list(grouped.values())


def points_for(actor: User) -> QuerySet[ImprovementPoint]:
    """The improvement points of the inspections the actor may see, per approach and inspection."""
    visible = policy.inspections_for(actor, Permission.VIEW_INSPECTION)
    return (
        ImprovementPoint.objects.filter(finding__inspection__in=visible)
        .select_related("finding__inspection__approach__municipality", "owner")
        .prefetch_related("finding__indicators", "reports", "follow_ups__finding__inspection")
        .order_by("finding__inspection__approach__name", "-finding__inspection__year", "finding__order")
    )
