"""The standing judgement per indicator: this inspection's own, or carried forward from an earlier one.

A follow-up inspection does not test again what stood ✓ (Verbeterpunten Zwolle 2015: "de punten waarop de
aanpak al in 2013 een ✓ scoorde zijn niet opnieuw getoetst"): that ✓ stands, with its year, and the publication
check lets such an indicator stay unjudged. A "–" later does not erase an earlier ✓ or X (rules.standing). The
aggregate report counts the same standing judgements (reports.aggregate.selectors).
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import QuerySet

from gezinsregie.frameworks.models import Indicator
from gezinsregie.inspections import rules
from gezinsregie.inspections.models import Finding, Inspection, InspectionStatus
from gezinsregie.inspections.selectors.indicators import indicators_of, overall_findings


@dataclass(frozen=True)
class StandingJudgement:
    indicator: Indicator
    judgement: str | None  # met / improvement / not_assessed; None: never judged
    finding: Finding | None
    year: int | None
    carried: bool  # from an earlier inspection, not tested again by this one

    @property
    def carried_met(self) -> bool:
        """ "✓ (2013, niet opnieuw getoetst)": what may stay unjudged in a follow-up."""
        return self.carried and self.judgement == rules.MET


def earlier_inspections(inspection: Inspection, *, visible: QuerySet[Inspection] | None = None) -> list[Inspection]:
    """The earlier published inspections of the same approach, level and framework by the same inspectorate,
    oldest first: what a follow-up carries forward from (the same approach as `previous_inspection`)."""
    found = (visible if visible is not None else Inspection.objects.all()).filter(
        approach_id=inspection.approach_id,
        level=inspection.level,
        framework_id=inspection.framework_id,
        organisation_id=inspection.organisation_id,
        status=InspectionStatus.PUBLISHED,
        year__lt=inspection.year,
    )
    return list(found.order_by("year", "published_at", "pk"))


def _judged(findings: Sequence[Finding]) -> tuple[dict[str, str], dict[str, Finding]]:
    """One inspection's judgement per indicator key (rules.indicator_judgement) and the finding that gives it."""
    covering: dict[str, list[Finding]] = {}
    for finding in findings:
        for indicator in finding.indicators.all():
            covering.setdefault(indicator.key, []).append(finding)
    judgements: dict[str, str] = {}
    source: dict[str, Finding] = {}
    for key, found in covering.items():
        judgement = rules.indicator_judgement([f.judgement for f in found])
        if judgement is not None:
            judgements[key] = judgement
            source[key] = next(f for f in found if f.judgement == judgement)
    return judgements, source


def standing_judgements(
    inspection: Inspection, *, visible: QuerySet[Inspection] | None = None, own: bool = True
) -> list[StandingJudgement]:
    """Per indicator of the inspection's level, in framework order, the judgement that stands for it: its own,
    or carried forward from an earlier inspection (judgement, finding, year, carried). `own=False` leaves this
    inspection's findings out: what stood before it (the judging screen's "✓ in 2013 wordt overgenomen")."""
    sequence = [*earlier_inspections(inspection, visible=visible), *([inspection] if own else [])]
    read = [_judged(overall_findings(i)) for i in sequence]
    stands = rules.standing([judgements for judgements, _source in read])
    result = []
    for indicator in indicators_of(inspection):
        index = stands.get(indicator.key)
        if index is None:
            result.append(StandingJudgement(indicator, None, None, None, carried=False))
            continue
        judgements, source = read[index]
        from_inspection = sequence[index]
        result.append(
            StandingJudgement(
                indicator,
                judgements[indicator.key],
                source[indicator.key],
                from_inspection.year,
                carried=from_inspection.pk != inspection.pk,
            )
        )
    return result


def standing_by_indicator(
    inspection: Inspection, *, visible: QuerySet[Inspection] | None = None, own: bool = True
) -> dict[int, StandingJudgement]:
    return {s.indicator.pk: s for s in standing_judgements(inspection, visible=visible, own=own)}


def carried_forward(inspection: Inspection) -> dict[int, StandingJudgement]:
    """For the judging screen: per indicator that stood ✓ before this inspection, that ✓ with its year. Left
    unjudged, it is carried forward ("✓ in 2013 wordt overgenomen"); an earlier X must be judged again."""
    return {pk: s for pk, s in standing_by_indicator(inspection, own=False).items() if s.judgement == rules.MET}


def uncovered_keys(inspection: Inspection) -> list[str]:
    """The publication check: the indicators without an overall judgement of this inspection, in framework order,
    except those whose ✓ of an earlier inspection carries forward."""
    covered = {i.key for f in overall_findings(inspection) for i in f.indicators.all()}
    before = standing_judgements(inspection, own=False)
    keys = [s.indicator.key for s in before]
    earlier = {s.indicator.key: s.judgement for s in before if s.judgement is not None}
    return rules.uncovered(keys, covered | rules.carried_met(keys, earlier))
