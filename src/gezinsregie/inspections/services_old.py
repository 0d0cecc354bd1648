"""Writes of inspections. Each service asks the policy first, checks the pure rules, writes atomically and logs.

Findings, answers and improvement points are no personal data; everything about one family (selecting it,
interviews, the plan review, its judgements) also passes policy INSPECT and is logged with the family.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import Membership, Role, User
from gezinsregie.audit import services as audit
from gezinsregie.casework.models import Family
from gezinsregie.frameworks.models import Indicator
from gezinsregie.inspections import rules, selectors
from gezinsregie.inspections.models import (
    Answer,
    AttentionNote,
    CaseReview,
    Finding,
    ImprovementPoint,
    ImprovementReport,
    Inspection,
    InspectionLevel,
    InspectionStatus,
    Interview,
    Judgement,
    PointStatus,
    Respondent,
    RespondentKind,
)
from gezinsregie.organisations.models import Approach, Organisation, OrganisationKind

Permission = policy.Permission
Status = InspectionStatus


@dataclass(frozen=True)
class AnswerInput:
    indicator: Indicator
    value: str  # AnswerValue, or "" while not answered yet
    explanation: str = ""
    document: UploadedFile | None = None


def _today() -> date:
    return timezone.localdate()


def _lock(inspection: Inspection) -> Inspection:
    return Inspection.objects.select_for_update().select_related("approach").get(pk=inspection.pk)


def _inspector_membership(actor: User) -> Membership:
    membership = policy.membership_in_role(actor, Role.INSPECTOR)
    if membership is None:
        raise PermissionDenied
    return membership


def _respondent_membership(actor: User, respondent: Respondent) -> Membership | None:
    return next((m for m in policy.memberships_of(actor) if m.organisation_id == respondent.organisation_id), None)


# --- the inspection ---------------------------------------------------------------------------------------------


def _kind_of(organisation: Organisation, approach: Approach) -> str:
    if organisation.kind == OrganisationKind.MUNICIPALITY and organisation.municipality_id == approach.municipality_id:
        return RespondentKind.MUNICIPALITY
    return RespondentKind.PARTNER


@transaction.atomic
def inspection_create(*, actor: User, approach: Approach, level: str, year: int, title: str = "") -> Inspection:
    policy.ensure(actor, Permission.START_INSPECTION, approach)
    membership = _inspector_membership(actor)
    errors: dict[str, list[str]] = {}
    if not approach.framework.levels.filter(key=level).exists():
        errors.setdefault("level", []).append("Het toetsingskader van deze aanpak kent dit niveau niet.")
    if not 2000 <= year <= _today().year + 1:
        errors.setdefault("year", []).append("Kies een jaar tussen 2000 en volgend jaar.")
    if Inspection.objects.filter(approach=approach, level=level, year=year).exists():
        errors.setdefault("year", []).append("Deze aanpak heeft in dat jaar al een onderzoek op dit niveau.")
    if errors:
        raise ValidationError(errors)
    level_name = InspectionLevel(level).label
    inspection = Inspection(
        approach=approach,
        framework=approach.framework,
        level=level,
        year=year,
        title=title.strip() or f"{approach.name} — {level_name} {year}",
        organisation=membership.organisation,
        created_by=actor,
    )
    inspection.full_clean()
    inspection.save()
    audit.record(actor=actor, action="inspection.create", obj=inspection, membership=membership)
    return inspection


@transaction.atomic
def respondents_invite(
    *, actor: User, inspection: Inspection, organisations: Sequence[Organisation]
) -> list[Respondent]:
    policy.ensure(actor, Permission.CONDUCT_INSPECTION, inspection)
    inspection = _lock(inspection)
    if inspection.level != InspectionLevel.POLICY:
        raise ValidationError("Alleen een onderzoek op beleidsniveau heeft respondenten.")
    rules.check_state(status=inspection.status, allowed=(Status.DRAFT, Status.OPEN), what="Respondenten uitnodigen")
    allowed = set(selectors.invitable_organisations(inspection.approach).values_list("pk", flat=True))
    strangers = [o.name for o in organisations if o.pk not in allowed]
    if strangers:
        raise ValidationError(
            {"organisations": [f"Geen gemeente of netwerkpartner van deze aanpak: {', '.join(strangers)}."]}
        )
    if not organisations:
        raise ValidationError({"organisations": ["Kies minstens één organisatie."]})
    invited = set(inspection.respondents.values_list("organisation_id", flat=True))
    created = []
    for organisation in organisations:
        if organisation.pk in invited:
            continue
        respondent = Respondent(
            inspection=inspection,
            organisation=organisation,
            kind=_kind_of(organisation, inspection.approach),
            invited_on=_today(),
            invited_by=actor,
        )
        respondent.full_clean()
        respondent.save()
        created.append(respondent)
        audit.record(actor=actor, action="inspection.invite", obj=respondent, membership=_inspector_membership(actor))
    return created


@transaction.atomic
def inspection_advance(*, actor: User, inspection: Inspection, to: str) -> Inspection:
    """Open the questionnaire, or close it and start judging (case level: start judging)."""
    policy.ensure(actor, Permission.CONDUCT_INSPECTION, inspection)
    inspection = _lock(inspection)
    if to == Status.PUBLISHED:
        raise ValidationError("Publiceren gaat via inspection_publish.")
    rules.check_transition(level=inspection.level, current=inspection.status, new=to)
    if to == Status.OPEN and not inspection.respondents.exists():
        raise ValidationError("Nodig eerst de gemeente en de netwerkpartners uit.")
    inspection.status = to
    inspection.full_clean()
    inspection.save()
    audit.record(actor=actor, action=f"inspection.{to}", obj=inspection, membership=_inspector_membership(actor))
    return inspection


# --- the questionnaire -----------------------------------------------------------------------------------------


@transaction.atomic
def answers_save(*, actor: User, respondent: Respondent, answers: Sequence[AnswerInput]) -> Respondent:
    """Save halfway: whatever was filled in is kept, nothing is required yet."""
    policy.ensure(actor, Permission.ANSWER_INSPECTION, respondent)
    respondent = Respondent.objects.select_for_update().select_related("inspection").get(pk=respondent.pk)
    if respondent.submitted_at is not None:
        raise ValidationError("Deze vragenlijst is al ingediend: de antwoorden kunnen niet meer worden gewijzigd.")
    valid = {i.pk for i in selectors.indicators_of(respondent.inspection)}
    existing = {a.indicator_id: a for a in respondent.answers.all()}
    for given in answers:
        if given.indicator.pk not in valid:
            raise ValidationError("Deze indicator hoort niet bij de vragenlijst.")
        record = existing.get(given.indicator.pk)
        if record is None and not (given.value or given.explanation.strip() or given.document):
            continue
        record = record or Answer(respondent=respondent, indicator=given.indicator)
        record.value, record.explanation, record.updated_by = given.value, given.explanation.strip(), actor
        if given.document is not None:
            record.document = given.document
        record.full_clean()
        record.save()
    audit.record(
        actor=actor,
        action="inspection.answers_save",
        obj=respondent,
        membership=_respondent_membership(actor, respondent),
    )
    return respondent


@transaction.atomic
def questionnaire_submit(*, actor: User, respondent: Respondent) -> Respondent:
    """Submit the questionnaire: every indicator answered. Afterwards the inspector sees the answers."""
    policy.ensure(actor, Permission.ANSWER_INSPECTION, respondent)
    respondent = Respondent.objects.select_for_update().select_related("inspection").get(pk=respondent.pk)
    if respondent.submitted_at is not None:
        raise ValidationError("Deze vragenlijst is al ingediend.")
    indicators = selectors.indicators_of(respondent.inspection)
    answered = dict(respondent.answers.values_list("indicator_id", "value"))
    missing = rules.unanswered([i.pk for i in indicators], answered)
    if missing:
        keys = [i.key for i in indicators if i.pk in set(missing)]
        raise ValidationError(f"Nog niet beantwoord: {', '.join(keys)}. Uw antwoorden zijn bewaard; vul deze nog in.")
    respondent.submitted_at, respondent.submitted_by = timezone.now(), actor
    respondent.full_clean()
    respondent.save()
    audit.record(
        actor=actor, action="inspection.submit", obj=respondent, membership=_respondent_membership(actor, respondent)
    )
    return respondent


# --- findings -------------------------------------------------------------------------------------------------


def _covered_elsewhere(
    inspection: Inspection, case_review: CaseReview | None, finding: Finding | None
) -> dict[int, str]:
    others = inspection.findings.filter(case_review=case_review)
    if finding is not None and finding.pk:
        others = others.exclude(pk=finding.pk)
    return dict(others.values_list("indicators__pk", "indicators__key"))


def _write_finding(
    *,
    actor: User,
    inspection: Inspection,
    indicators: Sequence[Indicator],
    judgement: str,
    text: str,
    notes: Sequence[str],
    finding: Finding | None,
    case_review: CaseReview | None,
) -> Finding:
    level_indicators = selectors.indicators_of(inspection)
    known = {i.pk for i in level_indicators}
    if any(i.pk not in known for i in indicators):
        raise ValidationError({"indicators": ["Kies indicatoren van het niveau van dit onderzoek."]})
    errors = rules.finding_errors(
        indicators=selectors.refs(indicators),
        judgement=judgement,
        text=text,
        covered_elsewhere=_covered_elsewhere(inspection, case_review, finding),
        for_family=case_review is not None,
    )
    if errors:
        raise ValidationError(errors)
    record = finding or Finding(inspection=inspection, case_review=case_review)
    record.judgement, record.text, record.updated_by = judgement, text.strip(), actor
    record.order = rules.finding_order([i.pk for i in indicators], selectors.positions(level_indicators))
    record.full_clean()
    record.save()
    record.indicators.set(indicators)
    record.notes.all().delete()
    AttentionNote.objects.bulk_create(
        [AttentionNote(finding=record, text=note, order=n) for n, note in enumerate(notes) if note.strip()]
    )
    return record


@transaction.atomic
def finding_save(
    *,
    actor: User,
    inspection: Inspection,
    indicators: Sequence[Indicator],
    judgement: str,
    text: str,
    notes: Sequence[str] = (),
    finding: Finding | None = None,
) -> Finding:
    """The overall judgement (✓ / X / –) for one indicator or a group of one criterion, with LET OP notes."""
    policy.ensure(actor, Permission.CONDUCT_INSPECTION, inspection)
    inspection = _lock(inspection)
    rules.check_state(status=inspection.status, allowed=(Status.JUDGING,), what="Een oordeel geven")
    if finding is not None and (finding.inspection_id != inspection.pk or finding.case_review_id is not None):
        raise ValidationError("Deze bevinding hoort niet bij dit onderzoek.")
    record = _write_finding(
        actor=actor,
        inspection=inspection,
        indicators=indicators,
        judgement=judgement,
        text=text,
        notes=notes,
        finding=finding,
        case_review=None,
    )
    audit.record(actor=actor, action="inspection.finding_save", obj=record, membership=_inspector_membership(actor))
    return record


@transaction.atomic
def finding_delete(*, actor: User, finding: Finding) -> None:
    inspection = finding.inspection
    policy.ensure(actor, Permission.CONDUCT_INSPECTION, inspection)
    inspection = _lock(inspection)
    rules.check_state(status=inspection.status, allowed=(Status.JUDGING,), what="Een oordeel verwijderen")
    audit.record(actor=actor, action="inspection.finding_delete", obj=finding, membership=_inspector_membership(actor))
    finding.delete()


@transaction.atomic
def case_findings_save(
    *, actor: User, case_review: CaseReview, judgements: Sequence[tuple[Indicator, str, str]]
) -> None:
    """One family's judgement per case-level indicator: (indicator, judgement or "" for none, text)."""
    inspection = case_review.inspection
    policy.ensure(actor, Permission.CONDUCT_INSPECTION, inspection)
    policy.ensure(actor, Permission.INSPECT, case_review.family)  # no mandate, no access
    inspection = _lock(inspection)
    rules.check_state(status=inspection.status, allowed=(Status.JUDGING,), what="Een oordeel geven")
    current = {
        i.pk: f
        for f in inspection.findings.filter(case_review=case_review).prefetch_related("indicators")
        for i in f.indicators.all()
    }
    for indicator, judgement, text in judgements:
        existing = current.get(indicator.pk)
        if not judgement:
            if existing is not None:
                existing.delete()
            continue
        _write_finding(
            actor=actor,
            inspection=inspection,
            indicators=[indicator],
            judgement=judgement,
            text=text,
            notes=(),
            finding=existing,
            case_review=case_review,
        )
    audit.record(
        actor=actor,
        action="inspection.case_judge",
        family=case_review.family,
        obj=case_review,
        membership=policy.granting_membership(actor, Permission.INSPECT, case_review.family),
    )


@transaction.atomic
def inspection_publish(*, actor: User, inspection: Inspection) -> Inspection:
    """Publish: every indicator judged; each X becomes an improvement point; the points of the previous
    inspection of this approach and level that are now judged met are resolved (the Zwolle follow-up)."""
    policy.ensure(actor, Permission.CONDUCT_INSPECTION, inspection)
    inspection = _lock(inspection)
    rules.check_transition(level=inspection.level, current=inspection.status, new=Status.PUBLISHED)
    missing = selectors.uncovered_keys(inspection)
    if missing:
        raise ValidationError(f"Nog zonder oordeel: {', '.join(missing)}.")
    today = _today()
    inspection.status, inspection.published_at = Status.PUBLISHED, timezone.now()
    inspection.full_clean()
    inspection.save()
    findings = selectors.overall_findings(inspection)
    for finding in findings:
        if finding.judgement == Judgement.IMPROVEMENT:
            ImprovementPoint.objects.create(finding=finding, due_on=today + rules.IMPROVEMENT_TERM)
    earlier = selectors.previous_inspection(inspection, visible=Inspection.objects.all())
    if earlier is not None:
        later_by_key = {i.key: f for f in findings for i in f.indicators.all()}
        later = {key: f.judgement for key, f in later_by_key.items()}
        open_points = (
            ImprovementPoint.objects.filter(finding__inspection=earlier)
            .exclude(status=PointStatus.RESOLVED)
            .prefetch_related("finding__indicators")
        )
        for point in open_points:
            keys = [i.key for i in point.finding.indicators.all()]
            if rules.point_resolved(keys, later):
                point.status, point.resolved_on, point.resolved_by = PointStatus.RESOLVED, today, later_by_key[keys[0]]
                point.full_clean()
                point.save()
    audit.record(actor=actor, action="inspection.publish", obj=inspection, membership=_inspector_membership(actor))
    return inspection


# --- the texts of the published reports ---------------------------------------------------------------------


@transaction.atomic
def inspection_update_texts(
    *,
    actor: User,
    inspection: Inspection,
    description: str | None = None,
    goes_well: str | None = None,
    can_be_better: str | None = None,
    conclusion: str | None = None,
    recommendations: str | None = None,
) -> Inspection:
    """The narrative of the factsheet and the nota van bevindingen; None leaves a text as it is. Plain text:
    paragraphs from blank lines. Fixed with the judgements once the inspection is published."""
    policy.ensure(actor, Permission.CONDUCT_INSPECTION, inspection)
    inspection = _lock(inspection)
    rules.check_state(
        status=inspection.status, allowed=(Status.DRAFT, Status.OPEN, Status.JUDGING), what="De rapportteksten wijzigen"
    )
    given = {
        "description": description,
        "goes_well": goes_well,
        "can_be_better": can_be_better,
        "conclusion": conclusion,
        "recommendations": recommendations,
    }
    changed = [name for name, value in given.items() if value is not None]
    for name in changed:
        setattr(inspection, name, (given[name] or "").strip())
    inspection.full_clean()
    inspection.save(update_fields=changed)
    audit.record(actor=actor, action="inspection.texts", obj=inspection, membership=_inspector_membership(actor))
    return inspection


# --- case level -------------------------------------------------------------------------------------------------


def _case_state(inspection: Inspection, what: str) -> None:
    if inspection.level != InspectionLevel.CASE:
        raise ValidationError("Alleen een onderzoek op casusniveau onderzoekt gezinnen.")
    rules.check_state(status=inspection.status, allowed=(Status.DRAFT, Status.JUDGING), what=what)


@transaction.atomic
def case_review_add(*, actor: User, inspection: Inspection, family: Family) -> CaseReview:
    """Add a family to the sample: only one of the approach with a valid mandate for this inspectorate."""
    policy.ensure(actor, Permission.CONDUCT_INSPECTION, inspection)
    policy.ensure(actor, Permission.INSPECT, family)  # no mandate, no access
    inspection = _lock(inspection)
    _case_state(inspection, "Een gezin toevoegen")
    if inspection.case_reviews.filter(family=family).exists():
        raise ValidationError({"family": ["Dit gezin is al geselecteerd."]})
    if not selectors.mandated_families(actor, inspection).filter(pk=family.pk).exists():
        raise ValidationError(
            {"family": ["Dit gezin heeft deze inspectie voor deze aanpak geen geldige machtiging gegeven."]}
        )
    review = CaseReview(
        inspection=inspection,
        family=family,
        pseudonym=rules.pseudonym(inspection.case_reviews.count()),
        selected_on=_today(),
        selected_by=actor,
    )
    review.full_clean()
    review.save()
    audit.record(
        actor=actor,
        action="inspection.case_add",
        family=family,
        obj=review,
        membership=policy.granting_membership(actor, Permission.INSPECT, family),
    )
    return review


def _ensure_case(actor: User, case_review: CaseReview, what: str) -> Inspection:
    policy.ensure(actor, Permission.CONDUCT_INSPECTION, case_review.inspection)
    policy.ensure(actor, Permission.INSPECT, case_review.family)
    inspection = _lock(case_review.inspection)
    _case_state(inspection, what)
    return inspection


@transaction.atomic
def interview_add(
    *, actor: User, case_review: CaseReview, kind: str, held_on: date, interviewee: str, summary: str
) -> Interview:
    _ensure_case(actor, case_review, "Een gesprek vastleggen")
    errors = rules.interview_errors(
        kind=kind,
        held_on=held_on,
        today=_today(),
        existing_kinds=list(case_review.interviews.values_list("kind", flat=True)),
    )
    if errors:
        raise ValidationError(errors)
    interview = Interview(
        case_review=case_review,
        kind=kind,
        held_on=held_on,
        interviewee=interviewee.strip(),
        summary=summary.strip(),
        recorded_by=actor,
    )
    interview.full_clean()
    interview.save()
    audit.record(
        actor=actor,
        action="inspection.interview_add",
        family=case_review.family,
        obj=interview,
        membership=policy.granting_membership(actor, Permission.INSPECT, case_review.family),
    )
    return interview


@transaction.atomic
def plan_review_save(*, actor: User, case_review: CaseReview, plan_reviewed: bool, plan_review: str) -> CaseReview:
    _ensure_case(actor, case_review, "De planbeoordeling vastleggen")
    if plan_reviewed and not plan_review.strip():
        raise ValidationError({"plan_review": ["Schrijf op wat de inspectie van het plan vond."]})
    case_review.plan_reviewed, case_review.plan_review = plan_reviewed, plan_review.strip()
    case_review.full_clean()
    case_review.save()
    audit.record(
        actor=actor,
        action="inspection.plan_review",
        family=case_review.family,
        obj=case_review,
        membership=policy.granting_membership(actor, Permission.INSPECT, case_review.family),
    )
    return case_review


# --- improvement points -------------------------------------------------------------------------------------------


def _report_membership(actor: User) -> Membership | None:
    return policy.membership_in_role(actor, Role.POLICY_OFFICER)


@transaction.atomic
def improvement_point_update(
    *, actor: User, point: ImprovementPoint, owner: User | None, due_on: date | None
) -> ImprovementPoint:
    inspection = point.finding.inspection
    policy.ensure(actor, Permission.REPORT_IMPROVEMENT, inspection)
    if owner is not None and not selectors.municipality_users(inspection.approach).filter(pk=owner.pk).exists():
        raise ValidationError({"owner": ["Kies iemand van de gemeente."]})
    point.owner, point.due_on = owner, due_on
    point.full_clean()
    point.save()
    audit.record(actor=actor, action="inspection.point_update", obj=point, membership=_report_membership(actor))
    return point


@transaction.atomic
def improvement_report_add(*, actor: User, point: ImprovementPoint, text: str, reported_on: date) -> ImprovementReport:
    """What the municipality did. The inspection judges at its next visit whether the point is resolved."""
    policy.ensure(actor, Permission.REPORT_IMPROVEMENT, point.finding.inspection)
    point = ImprovementPoint.objects.select_for_update().get(pk=point.pk)
    errors: dict[str, list[str]] = {}
    if point.status == PointStatus.RESOLVED:
        errors.setdefault("text", []).append("Dit verbeterpunt is al opgelost.")
    if not text.strip():
        errors.setdefault("text", []).append("Schrijf op wat de gemeente heeft gedaan.")
    if reported_on > _today():
        errors.setdefault("reported_on", []).append("De datum ligt in de toekomst.")
    if errors:
        raise ValidationError(errors)
    report = ImprovementReport(point=point, reported_by=actor, reported_on=reported_on, text=text.strip())
    report.full_clean()
    report.save()
    if point.status == PointStatus.OPEN:
        point.status = PointStatus.IN_PROGRESS
        point.save(update_fields=["status"])
    audit.record(actor=actor, action="inspection.point_report", obj=report, membership=_report_membership(actor))
    return report
