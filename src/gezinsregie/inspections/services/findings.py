"""The inspector's judgements: per indicator (or a group of one criterion) for the approach, and per family."""

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.audit import services as audit
from gezinsregie.frameworks.models import Indicator
from gezinsregie.inspections import rules, selectors, workflow
from gezinsregie.inspections.models import AttentionNote, CaseReview, Finding, Inspection
from gezinsregie.inspections.services._common import Permission, inspector_membership, lock, record_for_family


def _covered_elsewhere(
    inspection: Inspection, case_review: CaseReview | None, finding: Finding | None
) -> dict[int, str]:
    others = inspection.findings.filter(case_review=case_review)
    if finding is not None and finding.pk:
        others = others.exclude(pk=finding.pk)
    return dict(others.values_list("indicators__pk", "indicators__key"))


def store_notes(finding: Finding, notes: Sequence[str]) -> None:
    """The finding's LET OP notes, in the order given, replacing what it had."""
    finding.notes.all().delete()
    AttentionNote.objects.bulk_create(
        [AttentionNote(finding=finding, text=note, order=n) for n, note in enumerate(notes) if note.strip()]
    )


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
    store_notes(record, notes)
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
    inspection = lock(inspection)
    workflow.check_state(inspection, workflow.can_judge, what="Een oordeel geven")
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
    audit.record(actor=actor, action="inspection.finding_save", obj=record, membership=inspector_membership(actor))
    return record


@transaction.atomic
def finding_delete(*, actor: User, finding: Finding) -> None:
    inspection = finding.inspection
    policy.ensure(actor, Permission.CONDUCT_INSPECTION, inspection)
    inspection = lock(inspection)
    workflow.check_state(inspection, workflow.can_judge, what="Een oordeel verwijderen")
    audit.record(actor=actor, action="inspection.finding_delete", obj=finding, membership=inspector_membership(actor))
    finding.delete()


@transaction.atomic
def case_findings_save(
    *, actor: User, case_review: CaseReview, judgements: Sequence[tuple[Indicator, str, str]]
) -> None:
    """One family's judgement per case-level indicator: (indicator, judgement or "" for none, text)."""
    inspection = case_review.inspection
    policy.ensure(actor, Permission.CONDUCT_INSPECTION, inspection)
    policy.ensure(actor, Permission.INSPECT, case_review.family)  # no mandate, no access
    inspection = lock(inspection)
    workflow.check_state(inspection, workflow.can_judge, what="Een oordeel geven")
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
    record_for_family(actor=actor, action="inspection.case_judge", family=case_review.family, obj=case_review)
