"""The judging screen: per indicator the answers side by side, or the families' judgements, and beside them what
the approach's own data says (the self-assessment's evidence and proposal: never the inspector's judgement)."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from django.db.models import Q, QuerySet

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.assessment import selectors as assessment_selectors
from gezinsregie.assessment.case_evidence import case_evidence_of
from gezinsregie.assessment.indicators import OUTCOME_LABELS, Outcome
from gezinsregie.frameworks.models import Criterion, Indicator, Theme
from gezinsregie.inspections import rules
from gezinsregie.inspections.models import (
    Answer,
    CaseReview,
    Finding,
    Inspection,
    Respondent,
)
from gezinsregie.inspections.selectors.indicators import (
    finding_by_indicator,
    indicators_of,
    overall_findings,
    prefetched_findings,
)
from gezinsregie.inspections.selectors.standing import StandingJudgement

Permission = policy.Permission


@dataclass(frozen=True)
class FromData:
    """The self-assessment of the approach for one indicator, from its data of today: facts, a proposal and why."""

    proposal: Outcome
    reason: str
    lines: tuple[str, ...] = ()
    words: tuple[tuple[str, str], ...] = ()  # case level: the evidence most often given where it is not met

    @property
    def label(self) -> str:
        return OUTCOME_LABELS[self.proposal]


def data_evidence(actor: User, inspection: Inspection) -> dict[str, FromData]:
    """Per indicator key what the data of the inspected approach says, for who may see the inspection and the
    approach's self-assessment (the inspectorate may see every approach's numbers, never its families). Numbers and
    generalised words only: no family is read, so nothing is logged."""
    policy.ensure(actor, Permission.VIEW_INSPECTION, inspection)
    approach = inspection.approach
    if inspection.is_policy_level:
        policy_level = assessment_selectors.policy_evidence_of(actor=actor, approach=approach)  # VIEW_ASSESSMENT
        return {key: FromData(e.proposal, e.reason, tuple(e.lines)) for key, e in policy_level.items()}
    case_level = case_evidence_of(actor=actor, approach=approach)  # VIEW_ASSESSMENT
    return {key: FromData(c.proposal, c.reason, (c.summary,), tuple(c.words)) for key, c in case_level.items()}


@dataclass
class IndicatorRow:
    indicator: Indicator
    answers: list[tuple[Respondent, Answer | None]] = field(default_factory=list)
    summary: rules.AnswerSummary | None = None
    family_findings: list[tuple[CaseReview, Finding | None]] = field(default_factory=list)
    finding: Finding | None = None
    earlier: rules.ComparisonRow | None = None  # the previous inspection's improvement point on it
    first_of_finding: bool = True  # a finding covering a group is shown once, at its first indicator
    from_data: FromData | None = None  # the self-assessment beside it (data_evidence)
    carried_year: int | None = None  # stood ✓ in that year: left unjudged, that ✓ is carried forward


def submitted_respondents(inspection: Inspection) -> list[Respondent]:
    return list(inspection.respondents.filter(submitted_at__isnull=False).select_related("organisation"))


def judging_tree(
    inspection: Inspection,
    *,
    earlier: dict[int, rules.ComparisonRow] | None = None,
    from_data: dict[str, FromData] | None = None,
    carried: dict[int, StandingJudgement] | None = None,
) -> "list[ThemeGroup[IndicatorRow]]":
    """Per indicator: the submitted answers side by side with a summary of (dis)agreement (policy level), or
    each family's judgement (case level); the overall finding that covers it; and what the data says, when given."""
    indicators = indicators_of(inspection)
    by_indicator = finding_by_indicator(overall_findings(inspection))
    respondents = submitted_respondents(inspection)
    answers = {
        (a.respondent_id, a.indicator_id): a
        for a in Answer.objects.filter(respondent__in=respondents).select_related("respondent")
    }
    reviews = list(inspection.case_reviews.order_by("pseudonym"))
    family_findings = {
        (f.case_review_id, i.pk): f
        for f in prefetched_findings(inspection).filter(case_review__isnull=False)
        for i in f.indicators.all()
    }
    rows, seen = [], set()
    for indicator in indicators:
        row = IndicatorRow(
            indicator,
            finding=by_indicator.get(indicator.pk),
            earlier=(earlier or {}).get(indicator.pk),
            from_data=(from_data or {}).get(indicator.key),
            carried_year=(carried or {})[indicator.pk].year if indicator.pk in (carried or {}) else None,
        )
        if row.finding is not None:
            row.first_of_finding = row.finding.pk not in seen
            seen.add(row.finding.pk)
        if inspection.is_policy_level:
            row.answers = [(r, answers.get((r.pk, indicator.pk))) for r in respondents]
            row.summary = rules.summarise_answers((r.kind, a.value if a else "") for r, a in row.answers)
        else:
            row.family_findings = [(review, family_findings.get((review.pk, indicator.pk))) for review in reviews]
        rows.append(row)
    return group_rows(rows, key=lambda r: r.indicator)


R = TypeVar("R")


@dataclass
class CriterionGroup(Generic[R]):
    criterion: Criterion
    rows: list[R]


@dataclass
class ThemeGroup(Generic[R]):
    theme: Theme
    criteria: list[CriterionGroup[R]]


def group_rows(rows: Iterable[R], *, key: Callable[[R], Indicator]) -> list[ThemeGroup[R]]:
    """Rows in framework order, grouped per theme and criterion (the factsheets' tables)."""
    themes: list[ThemeGroup[R]] = []
    for row in rows:
        criterion = key(row).criterion
        if not themes or themes[-1].theme.pk != criterion.theme_id:
            themes.append(ThemeGroup(criterion.theme, []))
        blocks = themes[-1].criteria
        if not blocks or blocks[-1].criterion.pk != criterion.pk:
            blocks.append(CriterionGroup(criterion, []))
        blocks[-1].rows.append(row)
    return themes


def indicators_free_for(inspection: Inspection, *, criterion_id: int, finding: Finding | None) -> QuerySet[Indicator]:
    """The criterion's indicators that no other overall finding covers: what a finding may (still) cover."""
    others = inspection.findings.filter(case_review__isnull=True)
    if finding is not None:
        others = others.exclude(pk=finding.pk)
    taken = others.values("indicators")
    return Indicator.objects.filter(criterion_id=criterion_id).exclude(pk__in=taken).order_by("order", "pk")


def family_findings(review: CaseReview) -> dict[int, Finding]:
    """One family's judgements per indicator."""
    return finding_by_indicator(prefetched_findings(review.inspection).filter(case_review=review))


def answer_with_document(actor: User, answer_id: int) -> Answer | None:
    """A document is for its own organisation while answering, and for the inspectorate once submitted."""
    own = Q(respondent__in=policy.respondents_for(actor, Permission.ANSWER_INSPECTION))
    submitted = Q(
        respondent__inspection__in=policy.inspections_for(actor, Permission.CONDUCT_INSPECTION),
        respondent__submitted_at__isnull=False,
    )
    return Answer.objects.filter(own | submitted, pk=answer_id).exclude(document="").first()


def uncovered_keys(inspection: Inspection) -> list[str]:
    covered = {i.key for f in overall_findings(inspection) for i in f.indicators.all()}
    return rules.uncovered([i.key for i in indicators_of(inspection)], covered)


def overall_finding(inspection: Inspection, finding_id: int) -> Finding | None:
    """One judgement for the approach (not for a family) of this inspection."""
    return inspection.findings.filter(pk=finding_id, case_review__isnull=True).first()
