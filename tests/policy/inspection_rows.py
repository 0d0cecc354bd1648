"""One inspection row for the policy tables' worlds (test_inspection_rules.py, test_rebuttal_rules.py)."""

from django.utils import timezone

from gezinsregie.accounts.models import User
from gezinsregie.inspections.models import Inspection, InspectionStatus
from gezinsregie.organisations.models import Approach, Organisation


def inspection(
    name: str, approach: Approach, organisation: Organisation, by: User, year: int, status: str, *, level: str
) -> Inspection:
    return Inspection.objects.create(
        approach=approach,
        framework=approach.framework,
        level=level,
        year=year,
        title=name,
        status=status,
        organisation=organisation,
        created_by=by,
        published_at=timezone.now() if status == InspectionStatus.PUBLISHED else None,
    )
