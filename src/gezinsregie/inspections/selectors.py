"""Reads for the inspection screens. Every function takes an inspection, respondent or family the caller
already got through the policy (access_inspection, access_respondent, access_family)."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Generic, TypeVar

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.casework.models import Family, MandateScope
from gezinsregie.frameworks.models import Criterion, Indicator, Theme
from gezinsregie.inspections import pseudonymise, rules
from gezinsregie.inspections.models import (
    Answer,
    AttentionNote,
    CaseReview,
    Finding,
    ImprovementPoint,
    Inspection,
    InspectionStatus,
    Respondent,
)
from gezinsregie.organisations.models import Approach, Organisation, OrganisationKind
from gezinsregie.plans import selectors as plan_selectors

Permission = policy.Permission


# --- the framework's indicators for an inspection ---------------------------------------------------------------


def indicators_of(inspection: Inspection) -> list[Indicator]:
    """The inspection's level of its framework, in framework order."""
    return list(
        Indicator.objects.filter(
            criterion__theme__level__framework_id=inspection.framework_id, criterion__theme__level__key=inspection.level
        )
        .select_related("criterion__theme")
        .order_by("criterion__theme__order", "criterion__order", "order", "pk")
    )


def positions(indicators: Iterable[Indicator]) -> dict[int, int]:
    return {indicator.pk: index for index, indicator in enumerate(indicators)}


def refs(indicators: Iterable[Indicator]) -> list[rules.IndicatorRef]:
    return [rules.IndicatorRef(i.pk, i.key, i.criterion_id) for i in indicators]


def _findings(inspection: Inspection) -> QuerySet[Finding]:
    return inspection.findings.prefetch_related(
        Prefetch("indicators", queryset=Indicator.objects.order_by("criterion__order", "order")),
        Prefetch("notes", queryset=AttentionNote.objects.order_by("order", "pk")),
    ).select_related("case_review")


def overall_findings(inspection: Inspection) -> list[Finding]:
    """The judgements for the approach (at case level: not for one family)."""
    return list(_findings(inspection).filter(case_review__isnull=True).order_by("order", "pk"))


def finding_by_indicator(findings: Iterable[Finding]) -> dict[int, Finding]:
    return {indicator.pk: f for f in findings for indicator in f.indicators.all()}


# --- the judging screen: per indicator the answers side by side, or the families' judgements ---------------


@dataclass
class IndicatorRow:
    indicator: Indicator
    answers: list[tuple[Respondent, Answer | None]] = field(default_factory=list)
    summary: rules.AnswerSummary | None = None
    family_findings: list[tuple[CaseReview, Finding | None]] = field(default_factory=list)
    finding: Finding | None = None
    earlier: rules.ComparisonRow | None = None  # the previous inspection's improvement point on it
    first_of_finding: bool = True  # a finding covering a group is shown once, at its first indicator


def submitted_respondents(inspection: Inspection) -> list[Respondent]:
    return list(inspection.respondents.filter(submitted_at__isnull=False).select_related("organisation"))


def judging_tree(
    inspection: Inspection, *, earlier: dict[int, rules.ComparisonRow] | None = None
) -> "list[ThemeGroup[IndicatorRow]]":
    """Per indicator: the submitted answers side by side with a summary of (dis)agreement (policy level), or
    each family's judgement (case level); and the overall finding that covers it."""
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
        for f in _findings(inspection).filter(case_review__isnull=False)
        for i in f.indicators.all()
    }
    rows, seen = [], set()
    for indicator in indicators:
        row = IndicatorRow(indicator, finding=by_indicator.get(indicator.pk), earlier=(earlier or {}).get(indicator.pk))
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
    return finding_by_indicator(_findings(review.inspection).filter(case_review=review))


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


# --- the published result (factsheet / Bijlage 1) ----------------------------------------------------------------


@dataclass
class ResultRow:
    criterion: Criterion
    criterion_first: bool
    indicators: list[Indicator]
    finding: Finding | None  # None: not judged (yet)


@dataclass
class ResultTheme:
    theme: Theme
    rows: list[ResultRow]


def result_tables(inspection: Inspection) -> list[ResultTheme]:
    """Per theme a table: criterion, the indicators a finding covers, the finding (✓ / X / – with LET OP)."""
    tables: list[ResultTheme] = []
    for block in judging_tree(inspection):
        rows: list[ResultRow] = []
        for criterion_block in block.criteria:
            first = True
            for row in criterion_block.rows:
                if row.finding is not None and not row.first_of_finding:
                    continue
                covered = [i for i in row.finding.indicators.all()] if row.finding is not None else [row.indicator]
                rows.append(ResultRow(criterion_block.criterion, first, covered, row.finding))
                first = False
        tables.append(ResultTheme(block.theme, rows))
    return tables


# --- follow-up: improvement points and the Zwolle comparison -----------------------------------------------------


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


# --- case level ---------------------------------------------------------------------------------------------------


def _valid_mandate(organisation_id: int, today: date, prefix: str = "") -> Q:
    return Q(
        **{
            f"{prefix}organisation_id": organisation_id,
            f"{prefix}granted_on__lte": today,
            f"{prefix}expires_on__gte": today,
            f"{prefix}withdrawn_on__isnull": True,
        }
    )


def mandated_families(actor: User, inspection: Inspection) -> QuerySet[Family]:
    """Families of the approach the actor may inspect (policy: a valid mandate) that mandated this
    inspection's inspectorate in particular, and are not in the sample yet."""
    today = timezone.localdate()
    chosen = inspection.case_reviews.values("family_id")
    return (
        policy.families_for(actor, Permission.INSPECT)
        .filter(approach_id=inspection.approach_id)
        .filter(_valid_mandate(inspection.organisation_id, today, "mandates__"))  # one mandate meets all four
        .exclude(pk__in=chosen)
        .distinct()
        .only("id", "reference", "status")
        .order_by("reference")
    )


def mandate_is_full(family: Family, inspection: Inspection) -> bool:
    """A valid mandate for this inspectorate with scope "full"; otherwise the inspector sees pseudonyms."""
    today = timezone.localdate()
    valid = family.mandates.filter(_valid_mandate(inspection.organisation_id, today))
    return valid.filter(scope=MandateScope.FULL).exists()


def case_input(family: Family) -> pseudonymise.CaseIn:
    """The family's casework as plain values for pseudonymise.case_view."""
    plan = plan_selectors.plan_of(family)
    goals = list(plan_selectors.goals_of(plan)) if plan is not None else []
    network_names = tuple(
        {a.owner_name for g in goals for a in g.actions.all() if a.owner_kind == "network" and a.owner_name}
    )
    coordinator_org = ""
    if family.coordinator is not None:
        membership = family.coordinator.active_memberships().filter(role="coordinator").first()
        coordinator_org = membership.organisation.name if membership else ""
    return pseudonymise.CaseIn(
        family_name=family.name,
        address=family.address,
        neighbourhood=family.neighbourhood,
        status=family.get_status_display(),
        registered_on=family.registered_on,
        started_on=family.started_on,
        has_coordinator=family.coordinator_id is not None,
        coordinator_organisation=coordinator_org,
        members=tuple(
            pseudonymise.PersonIn(m.pk, m.first_name, m.last_name, m.birth_date, m.relation)
            for m in family.members.all()
        ),
        problems=tuple(
            pseudonymise.ProblemIn(
                domain=p.domain.name,
                member_key=p.member_id,
                description=p.description,
                severity=p.get_severity_display(),
                chronic=p.chronic,
                own_strength=p.own_strength,
                family_participated=p.family_participated,
            )
            for p in plan_selectors.problems_of(family)
        ),
        goals=tuple(
            pseudonymise.GoalIn(
                description=g.description,
                domain=g.problem.domain.name,
                member_key=g.problem.member_id,
                priority=g.priority,
                status=g.get_status_display(),
                actions=tuple(
                    pseudonymise.ActionIn(
                        description=a.description,
                        owner_kind=a.owner_kind,
                        owner_member_key=a.owner_member_id,
                        owner_organisation=a.owner_organisation.name if a.owner_organisation else "",
                        owner_name=a.owner_name,
                        due_on=a.due_on,
                        status=a.get_status_display(),
                    )
                    for a in g.actions.all()
                ),
            )
            for g in goals
        ),
        plan_version=plan.version if plan is not None else None,
        plan_approved=bool(plan and plan.approved_by_family_on),
        network_names=network_names,
    )


def case_view(family: Family, review: CaseReview) -> pseudonymise.CaseOut:
    full = mandate_is_full(family, review.inspection)
    return pseudonymise.case_view(case_input(family), pseudonym=review.pseudonym, full=full, today=timezone.localdate())
