"""Reads for the family's rights: every record held on a family (for its export and its erasure), and the families
whose retention period has passed.

Every record = every model with a foreign-key path to Family, derived from the model graph (as the policy guard
derives it), so a new casework model is exported and erased the day it is added. The access log is not among them:
it has its own retention (audit, NEN 7513) and a family's log is exported by the privacy officer there.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache

from django.apps import apps
from django.conf import settings
from django.db.models import Model, QuerySet

from gezinsregie.casework import workflow
from gezinsregie.casework.models import Episode, Family
from gezinsregie.organisations.models import Approach
from gezinsregie.privacy import erasure
from gezinsregie.privacy.models import Rectification, RetentionPeriod


@cache
def family_paths() -> dict[type[Model], str]:
    """Per model that hangs off a family: the shortest lookup from it to its family ("" for Family itself)."""
    family = apps.get_model("casework", "Family")
    paths: dict[type[Model], str] = {family: ""}
    frontier: list[type[Model]] = [family]
    while frontier:
        reached: list[type[Model]] = []
        for model in apps.get_models():
            if model in paths:
                continue
            for f in model._meta.concrete_fields:
                if (f.many_to_one or f.one_to_one) and f.related_model in frontier:
                    above = paths[f.related_model]
                    paths[model] = f"{f.name}__{above}" if above else f.name
                    reached.append(model)
                    break
        frontier = reached
    return paths


def records_of(family: Family) -> Iterator[tuple[type[Model], QuerySet[Model]]]:
    """Every record held on `family`, per model, in a stable order. The caller asked the policy."""
    for model, path in sorted(family_paths().items(), key=lambda item: item[0]._meta.label):
        manager = model._base_manager
        rows = manager.filter(pk=family.pk) if not path else manager.filter(**{path: family.pk})
        yield model, rows.order_by("pk")


def rectifications_of(family: Family) -> QuerySet[Rectification]:
    """The family's corrections, newest first; for a caller that fetched the family through policy.access_family."""
    return Rectification.objects.filter(family=family).select_related("by", "member")


@dataclass(frozen=True)
class Due:
    family: Family
    ended_on: date
    years: int


def retention_years(approach: Approach) -> int:
    period = RetentionPeriod.objects.filter(approach=approach).values_list("years", flat=True).first()
    return period if period is not None else settings.FAMILY_RETENTION_YEARS


def families_due(*, today: date) -> list[Due]:
    """Closed families, not erased yet, whose last episode ended (closure, or the end of its aftercare) at least
    the approach's retention period ago. For the retention task only (policy RUN_CHECKS)."""
    found = []
    closed = Family.objects.filter(status=workflow.FamilyStatus.CLOSED, erasure__isnull=True).select_related("approach")
    years_of: dict[int, int] = {}
    for family in closed.order_by("pk").iterator(chunk_size=500):
        ended = _ended_on(family)
        if ended is None:
            continue
        years = years_of.setdefault(family.approach_id, retention_years(family.approach))
        if erasure.due(ended_on=ended, years=years, today=today):
            found.append(Due(family, ended, years))
    return found


def _ended_on(family: Family) -> date | None:
    last = Episode.objects.filter(family=family).order_by("-number").values_list("closed_on", "aftercare_ended_on")
    dates: list[date] = [d for d in (last.first() or ()) if d is not None]
    if family.closed_on is not None:
        dates.append(family.closed_on)
    return max(dates, default=None)
