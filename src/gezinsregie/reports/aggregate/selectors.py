"""The aggregate report from stored inspections: per indicator how many approaches meet it, have an improvement
point, or were not assessed (Rapportage 21 gemeenten 2013, figures 2–10), with the report's denominator (of the
assessed approaches), and the approaches' characteristics (figures 3, 6 and 8: characteristics.py). The counting
itself is the pure rules.py; this module only reads the database and hands it rows.

Which inspections count (issue: aggregate_report contract):
- only PUBLISHED inspections, of one level (policy | case) and one framework;
- per approach only its LATEST one (the latest year, then the latest publication); with a year filter the one
  of that year; with a municipality filter only that municipality's approaches;
- per indicator the latest judgement, carried forward ones included (issue 13 §8): where the counted inspection
  did not judge an indicator, or judged it "–", the judgement of the approach's latest earlier published
  inspection (same level, framework and inspectorate, any year before) that judged it ✓ or X stands
  (inspections.rules.standing; Verbeterpunten Zwolle 2015: the 2013 ✓s "niet opnieuw getoetst");
- only the findings about the approach: a per-family finding (case_review set) does not count;
- findings with the same `row` form one published table row; a finding without a row is a row of its own.

Numbers, approaches and municipalities only: nothing here reads a family, a member or a person's name.
"""

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import cast

from django.db.models import F, OuterRef, QuerySet, Subquery

from gezinsregie.frameworks.models import Framework
from gezinsregie.inspections import rules as inspection_rules
from gezinsregie.inspections import selectors
from gezinsregie.inspections.models import Finding, Inspection, InspectionStatus
from gezinsregie.organisations.models import Municipality
from gezinsregie.reports.aggregate import rules
from gezinsregie.reports.aggregate.characteristics import CharacteristicCount, characteristics_of
from gezinsregie.reports.aggregate.rules import (
    IMPROVEMENT,
    JUDGEMENTS,
    MET,
    NOT_ASSESSED,
    Row,
    aggregate,
    approach_judgements,
    percentages,
)

CHUNK = 100  # inspections whose findings are read in one query

Track = Callable[[Iterator[list[Row]], int], Iterable[list[Row]]]  # e.g. a progress bar around the reading


@dataclass(frozen=True)
class AggregateFilter:
    level: str  # "policy" | "case"
    year: int | None = None
    municipality_id: int | None = None
    framework_id: int | None = None  # None: the framework of the most recently published inspection


# --- rows: pure ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StoredFinding:
    pk: int
    row: int | None
    order: int
    judgement: str
    indicators: tuple[str, ...]


def rows_from_findings(findings: Iterable[StoredFinding], position: Mapping[str, int]) -> list[Row]:
    """One inspection's findings as the rows of its published tables, in document order.

    Findings sharing a row number are one row (their judgements in document order, their indicators in
    framework order); a finding without a row number is a row of its own."""
    groups: dict[tuple[str, int], list[StoredFinding]] = {}
    for finding in sorted(findings, key=lambda f: (f.order, f.pk)):
        group = ("row", finding.row) if finding.row is not None else ("finding", finding.pk)
        groups.setdefault(group, []).append(finding)
    rows = []
    for members in groups.values():
        keys = dict.fromkeys(key for finding in members for key in finding.indicators)
        ordered = sorted(keys, key=lambda key: position.get(key, len(position)))
        rows.append(Row(indicators=tuple(ordered), judgements=tuple(f.judgement for f in members)))
    return rows


# --- which inspections count --------------------------------------------------------------------------------------


def published(f: AggregateFilter) -> QuerySet[Inspection]:
    """The published inspections the filter allows, of every framework and every year of an approach."""
    inspections = Inspection.objects.filter(status=InspectionStatus.PUBLISHED, level=f.level)
    if f.year is not None:
        inspections = inspections.filter(year=f.year)
    if f.municipality_id is not None:
        inspections = inspections.filter(approach__municipality_id=f.municipality_id)
    if f.framework_id is not None:
        inspections = inspections.filter(framework_id=f.framework_id)
    return inspections


LATEST_FIRST = ("-year", F("published_at").desc(nulls_last=True), "-pk")


def framework_for(f: AggregateFilter) -> Framework | None:
    """The filter's framework; without one, the framework of the most recently published inspection, and
    when nothing is published yet a framework that has the level (so the numbers are all zero)."""
    if f.framework_id is not None:
        return Framework.objects.filter(pk=f.framework_id).first()
    latest = published(f).select_related("framework").order_by(*LATEST_FIRST).first()
    if latest is not None:
        return latest.framework
    return Framework.objects.filter(levels__key=f.level).order_by("-pk").first()


def latest_inspections(f: AggregateFilter) -> list[Inspection]:
    """Per approach its latest inspection among those the filter allows, by municipality and approach name."""
    candidates = published(f)
    latest_of_approach = candidates.filter(approach_id=OuterRef("approach_id")).order_by(*LATEST_FIRST).values("pk")
    return list(
        candidates.filter(pk=Subquery(latest_of_approach[:1]))
        .select_related("approach__municipality")
        .order_by("approach__municipality__name", "approach__name", "pk")
    )


def rows_per_inspection(inspections: Sequence[Inspection], position: Mapping[str, int]) -> Iterator[list[Row]]:
    """The rows of each inspection, in the order given; two queries per CHUNK inspections."""
    for start in range(0, len(inspections), CHUNK):
        ids = [inspection.pk for inspection in inspections[start : start + CHUNK]]
        overall = Finding.objects.filter(inspection_id__in=ids, case_review__isnull=True)  # not per family
        keys: dict[int, list[str]] = {}
        links = (
            Finding.indicators.through.objects.filter(finding__in=overall)
            .order_by("indicator__criterion__theme__order", "indicator__criterion__order", "indicator__order")
            .values_list("finding_id", "indicator__key")
        )
        for finding_id, key in links:
            keys.setdefault(finding_id, []).append(key)
        per_inspection: dict[int, list[StoredFinding]] = {pk: [] for pk in ids}
        for pk, inspection_id, row, order, judgement in overall.values_list(
            "pk", "inspection_id", "row", "order", "judgement"
        ):
            per_inspection[inspection_id].append(StoredFinding(pk, row, order, judgement, tuple(keys.get(pk, ()))))
        for pk in ids:
            yield rows_from_findings(per_inspection[pk], position)


def earlier_published(inspections: Sequence[Inspection]) -> dict[int, list[Inspection]]:
    """Per counted inspection the earlier published inspections of its approach at its level and framework by
    the same inspectorate, oldest first (as inspections.selectors.earlier_inspections); one query."""
    if not inspections:
        return {}
    candidates = Inspection.objects.filter(
        status=InspectionStatus.PUBLISHED,
        approach_id__in={i.approach_id for i in inspections},
        level__in={i.level for i in inspections},
        framework_id__in={i.framework_id for i in inspections},
    ).order_by("year", F("published_at").asc(nulls_first=True), "pk")
    per_approach: dict[int, list[Inspection]] = {}
    for candidate in candidates:
        per_approach.setdefault(candidate.approach_id, []).append(candidate)
    return {
        i.pk: [
            e
            for e in per_approach.get(i.approach_id, [])
            if (e.level, e.framework_id, e.organisation_id) == (i.level, i.framework_id, i.organisation_id)
            and e.year < i.year
        ]
        for i in inspections
    }


def carried_rows(judged: Sequence[Mapping[str, str]]) -> list[Row]:
    """An approach's standing judgements as rows of one indicator each: `judged` holds per inspection, oldest
    first and the counted one last, its judgement per indicator (rules.approach_judgements)."""
    stands = inspection_rules.standing(judged)
    return [Row((key,), (judged[index][key],)) for key, index in stands.items()]


def standing_rows(inspections: Sequence[Inspection], position: Mapping[str, int]) -> Iterator[list[Row]]:
    """The rows of each counted inspection, in the order given, with what it carries forward from the earlier
    inspections of its approach; a constant number of queries however many approaches."""
    earlier = earlier_published(inspections)
    needed = list({e.pk: e for found in earlier.values() for e in found}.values())
    earlier_rows = dict(zip([e.pk for e in needed], rows_per_inspection(needed, position), strict=True))
    for inspection, rows in zip(inspections, rows_per_inspection(inspections, position), strict=True):
        before = earlier.get(inspection.pk, [])
        if not before:
            yield rows
            continue
        judged = [approach_judgements(earlier_rows[e.pk]) for e in before] + [approach_judgements(rows)]
        yield carried_rows(judged)


# --- the report ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorCount:
    key: str
    text: str
    criterion: str  # "B1.a GGSR zijn in beeld"
    counts: dict[str, int]  # met / improvement / not_assessed: adds up to the number of approaches
    shares: dict[str, float]  # percentages of all approaches, one decimal

    # the report's denominator: the approaches assessed on the indicator (rules.py)
    @property
    def assessed(self) -> int:
        return rules.assessed(self.counts)

    @property
    def not_assessed(self) -> int:
        return self.counts[NOT_ASSESSED]

    @property
    def percent_met(self) -> float | None:
        return rules.share(self.counts[MET], self.assessed)

    @property
    def percent_improvement(self) -> float | None:
        return rules.share(self.counts[IMPROVEMENT], self.assessed)

    @property
    def whole_percent_met(self) -> int | None:
        return rules.whole_percent(self.counts[MET], self.assessed)

    @property
    def whole_percent_improvement(self) -> int | None:
        return rules.whole_percent(self.counts[IMPROVEMENT], self.assessed)

    def as_dict(self) -> dict[str, object]:
        """The command-line contract per indicator: the three counts, then the report's denominator."""
        return {
            **{j: self.counts[j] for j in JUDGEMENTS},
            "assessed": self.assessed,
            "percent_met": self.percent_met,
            "percent_improvement": self.percent_improvement,
        }


@dataclass(frozen=True)
class ThemeCounts:
    key: str
    name: str
    indicators: list[IndicatorCount]

    @property
    def label(self) -> str:
        return f"{self.key} {self.name}"


@dataclass(frozen=True)
class Counted:
    """An approach that counts, with the year of its inspection: what the report's list of approaches shows."""

    approach: str
    municipality: str
    year: int


@dataclass(frozen=True)
class AggregateReport:
    level: str
    year: int | None
    municipality: Municipality | None
    framework: Framework | None
    counted: list[Counted]
    themes: list[ThemeCounts]
    characteristics: tuple[CharacteristicCount, ...] = ()  # figures 3, 6 and 8, of the counted inspections

    @property
    def approaches(self) -> int:
        return len(self.counted)

    @property
    def municipalities(self) -> int:
        return len({c.municipality for c in self.counted})

    @property
    def indicators(self) -> list[IndicatorCount]:
        return [indicator for theme in self.themes for indicator in theme.indicators]

    def as_dict(self) -> dict[str, object]:
        """The command-line contract: {"approaches": N, "indicators": {key: {"met": n, "improvement": n,
        "not_assessed": n, "assessed": m, "percent_met": p, "percent_improvement": p}}, "characteristics":
        {field: {"answered": m, "unknown": k, "counts": {...}, "percent": {...}}}} (README)."""
        return {
            "approaches": self.approaches,
            "indicators": {i.key: i.as_dict() for i in self.indicators},
            "characteristics": {c.key: c.as_dict() for c in self.characteristics},
        }


def aggregate_report(f: AggregateFilter, *, track: Track | None = None) -> AggregateReport:
    framework = framework_for(f)
    municipality = Municipality.objects.filter(pk=f.municipality_id).first() if f.municipality_id else None
    if framework is None:
        return AggregateReport(f.level, f.year, municipality, None, [], [], characteristics_of([]))
    indicators = selectors.level_indicators(framework.pk, f.level)
    position = {indicator.key: index for index, indicator in enumerate(indicators)}
    inspections = latest_inspections(replace(f, framework_id=framework.pk))
    reading = standing_rows(inspections, position)
    rows = track(reading, len(inspections)) if track is not None else reading
    result = aggregate(list(rows), list(position))
    counts = cast(dict[str, dict[str, int]], result["indicators"])
    themes: dict[int, ThemeCounts] = {}
    for indicator in indicators:
        criterion = indicator.criterion
        theme = themes.setdefault(
            criterion.theme_id, ThemeCounts(criterion.theme.key, criterion.theme.name, indicators=[])
        )
        count = counts[indicator.key]
        theme.indicators.append(
            IndicatorCount(
                key=indicator.key,
                text=indicator.text,
                criterion=f"{criterion.key} {criterion.name}",
                counts=count,
                shares=percentages(count),
            )
        )
    counted = [Counted(i.approach.name, i.approach.municipality.name, i.year) for i in inspections]
    found = characteristics_of(inspections)
    return AggregateReport(f.level, f.year, municipality, framework, counted, list(themes.values()), found)


# --- the choices a filter offers ----------------------------------------------------------------------------------


def published_years() -> list[int]:
    years = Inspection.objects.filter(status=InspectionStatus.PUBLISHED).values_list("year", flat=True)
    return sorted(set(years), reverse=True)


def published_municipalities() -> QuerySet[Municipality]:
    return Municipality.objects.filter(approaches__inspections__status=InspectionStatus.PUBLISHED).distinct()


def published_frameworks() -> QuerySet[Framework]:
    used = Inspection.objects.filter(status=InspectionStatus.PUBLISHED).values("framework_id")
    return Framework.objects.filter(pk__in=used)
