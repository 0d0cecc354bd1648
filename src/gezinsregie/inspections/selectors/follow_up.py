"""Follow-up: improvement points and the comparison with the previous inspection (Verbeterpunten Zwolle 2015)."""

from collections.abc import Iterable
from dataclasses import dataclass

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
    points = {p.finding_id: p for p in ImprovementPoint.objects.filter(finding__inspection=earlier)}
    rows = [
        ([indicators[k] for k in row.indicator_keys if k in indicators], row, points.get(row.earlier.pk))
        for row in rules.comparison_rows(facts(earlier_findings), facts(overall_findings(inspection)))
    ]
    return Comparison(earlier, inspection, rows)


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
        .prefetch_related("finding__indicators", "reports")
        .order_by("finding__inspection__approach__name", "-finding__inspection__year", "finding__order")
    )
