from django.db.models import QuerySet

from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.casework.models import Family


def family_log(*, family: Family) -> QuerySet[AccessLogEntry]:
    """Callers must have passed policy.access_family(..., action=VIEW_LOG) for this family."""
    return AccessLogEntry.objects.filter(family_id=family.pk).order_by("-at", "-id")
