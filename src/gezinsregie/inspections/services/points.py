"""Improvement points after publication: the municipality's owner and term, and what it did about a point."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.audit import services as audit
from gezinsregie.inspections import selectors
from gezinsregie.inspections.models import ImprovementPoint, ImprovementReport, PointStatus
from gezinsregie.inspections.services._common import Permission, report_membership, today


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
    audit.record(actor=actor, action="inspection.point_update", obj=point, membership=report_membership(actor))
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
    if reported_on > today():
        errors.setdefault("reported_on", []).append("De datum ligt in de toekomst.")
    if errors:
        raise ValidationError(errors)
    report = ImprovementReport(point=point, reported_by=actor, reported_on=reported_on, text=text.strip())
    report.full_clean()
    report.save()
    if point.status == PointStatus.OPEN:
        point.status = PointStatus.IN_PROGRESS
        point.save(update_fields=["status"])
    audit.record(actor=actor, action="inspection.point_report", obj=report, membership=report_membership(actor))
    return report
