"""Case level (Nota van bevindingen Maastricht 2014 §1.3): the sample of families, the interviews, the plan review.
Everything here is about one family: it passes policy INSPECT and is logged with the family."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.casework.models import Family
from gezinsregie.inspections import rules, selectors, workflow
from gezinsregie.inspections.models import CaseReview, Inspection, Interview
from gezinsregie.inspections.services._common import Permission, lock, record_for_family, today


def _case_state(inspection: Inspection, what: str) -> None:
    if not workflow.is_case_level(inspection):
        raise ValidationError("Alleen een onderzoek op casusniveau onderzoekt gezinnen.")
    workflow.check_state(inspection, workflow.can_edit_case, what=what)


@transaction.atomic
def case_review_add(*, actor: User, inspection: Inspection, family: Family) -> CaseReview:
    """Add a family to the sample: only one of the approach with a valid mandate for this inspectorate."""
    policy.ensure(actor, Permission.CONDUCT_INSPECTION, inspection)
    policy.ensure(actor, Permission.INSPECT, family)  # no mandate, no access
    inspection = lock(inspection)
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
        selected_on=today(),
        selected_by=actor,
    )
    review.full_clean()
    review.save()
    record_for_family(actor=actor, action="inspection.case_add", family=family, obj=review)
    return review


def _ensure_case(actor: User, case_review: CaseReview, what: str) -> Inspection:
    policy.ensure(actor, Permission.CONDUCT_INSPECTION, case_review.inspection)
    policy.ensure(actor, Permission.INSPECT, case_review.family)
    inspection = lock(case_review.inspection)
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
        today=today(),
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
    record_for_family(actor=actor, action="inspection.interview_add", family=case_review.family, obj=interview)
    return interview


@transaction.atomic
def plan_review_save(*, actor: User, case_review: CaseReview, plan_reviewed: bool, plan_review: str) -> CaseReview:
    _ensure_case(actor, case_review, "De planbeoordeling vastleggen")
    if plan_reviewed and not plan_review.strip():
        raise ValidationError({"plan_review": ["Schrijf op wat de inspectie van het plan vond."]})
    case_review.plan_reviewed, case_review.plan_review = plan_reviewed, plan_review.strip()
    case_review.full_clean()
    case_review.save()
    record_for_family(actor=actor, action="inspection.plan_review", family=case_review.family, obj=case_review)
    return case_review
