"""The framework's indicators of an inspection's level, in framework order, and its findings."""

from collections.abc import Iterable

from django.db.models import Prefetch, QuerySet

from gezinsregie.frameworks.models import Indicator
from gezinsregie.inspections import rules
from gezinsregie.inspections.models import (
    AttentionNote,
    Finding,
    Inspection,
)


def level_indicators(framework_id: int, level: str) -> list[Indicator]:
    """One level of a framework, in framework order (theme, criterion, indicator)."""
    return list(
        Indicator.objects.filter(criterion__theme__level__framework_id=framework_id, criterion__theme__level__key=level)
        .select_related("criterion__theme")
        .order_by("criterion__theme__order", "criterion__order", "order", "pk")
    )


def indicators_of(inspection: Inspection) -> list[Indicator]:
    """The inspection's level of its framework, in framework order."""
    return level_indicators(inspection.framework_id, inspection.level)


def positions(indicators: Iterable[Indicator]) -> dict[int, int]:
    return {indicator.pk: index for index, indicator in enumerate(indicators)}


def refs(indicators: Iterable[Indicator]) -> list[rules.IndicatorRef]:
    return [rules.IndicatorRef(i.pk, i.key, i.criterion_id) for i in indicators]


def prefetched_findings(inspection: Inspection) -> QuerySet[Finding]:
    return inspection.findings.prefetch_related(
        Prefetch("indicators", queryset=Indicator.objects.order_by("criterion__order", "order")),
        Prefetch("notes", queryset=AttentionNote.objects.order_by("order", "pk")),
    ).select_related("case_review")


def overall_findings(inspection: Inspection) -> list[Finding]:
    """The judgements for the approach (at case level: not for one family)."""
    return list(prefetched_findings(inspection).filter(case_review__isnull=True).order_by("order", "pk"))


def finding_by_indicator(findings: Iterable[Finding]) -> dict[int, Finding]:
    return {indicator.pk: f for f in findings for indicator in f.indicators.all()}
