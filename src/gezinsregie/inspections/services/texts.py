"""The texts of the published reports: the narrative of the factsheet and the nota van bevindingen."""

from django.db import transaction

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.audit import services as audit
from gezinsregie.inspections import workflow
from gezinsregie.inspections.models import Inspection
from gezinsregie.inspections.services._common import Permission, inspector_membership, lock


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
    inspection = lock(inspection)
    workflow.check_state(inspection, workflow.can_edit_texts, what="De rapportteksten wijzigen")
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
    audit.record(actor=actor, action="inspection.texts", obj=inspection, membership=inspector_membership(actor))
    return inspection
