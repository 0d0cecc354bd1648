"""Row locks for the multi-step writes of casework (issue 12 §8: no data lost under concurrency).

A service that reads, decides and writes locks what it changes first and reads it again, so two requests at the
same moment follow one another instead of both deciding on what they read before the other wrote.
"""

from django.db.models import Model

from gezinsregie.casework.models import Family
from gezinsregie.organisations.models import Approach


def _lock(model: type[Model], obj: Model) -> None:
    model._default_manager.select_for_update(of=("self",)).filter(pk=obj.pk).values_list("pk", flat=True).get()


def family_lock(family: Family) -> Family:
    """Lock the family's row until the transaction ends, and read it again (the caller's object, refreshed)."""
    _lock(Family, family)
    family.refresh_from_db()
    return family


def approach_lock(approach: Approach) -> None:
    """Registrations in one approach wait for each other: the duplicate check sees what the previous one wrote."""
    _lock(Approach, approach)
