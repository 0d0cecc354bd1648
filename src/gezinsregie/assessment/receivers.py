"""Marks a family for recomputation when a record under it is saved or deleted (issue 13 §11).

Any model of the casework, plans, trajectory or assessment apps that reaches a family through its foreign keys
counts: a problem, a plan goal, an evaluation, a voice. The mark (`DirtyFamily`) is written in the transaction of
the change; the next background check recomputes the family (`services.assessment_refresh`). `QuerySet.update()`
and `bulk_create` send no signal: the daily full recomputation catches what they change.
"""

from functools import cache
from typing import Any
from uuid import UUID

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

WATCHED_APPS = {"casework", "plans", "trajectory", "assessment"}
NOT_WATCHED = {"StoredResult", "DirtyFamily", "AssessmentSnapshot"}


@cache
def _under_a_family() -> frozenset[type[Model]]:
    """Every model with a foreign-key path to Family (Family itself included)."""
    reached: set[type[Model]] = {apps.get_model("casework", "Family")}
    grown = True
    while grown:
        grown = False
        for model in apps.get_models():
            if model in reached:
                continue
            forward = [f for f in model._meta.get_fields() if f.concrete and (f.many_to_one or f.one_to_one)]
            if any(f.related_model in reached for f in forward):
                reached.add(model)
                grown = True
    return frozenset(reached)


def family_id_of(instance: Model, depth: int = 0) -> UUID | None:
    """The family a record belongs to: its own `family_id`, or through its foreign keys (a few levels)."""
    if instance._meta.label == "casework.Family":
        return instance.pk
    own = getattr(instance, "family_id", None)
    if own is not None:
        return own
    if depth >= 3:
        return None
    for field in instance._meta.concrete_fields:
        if not (field.many_to_one or field.one_to_one) or field.related_model not in _under_a_family():
            continue
        if getattr(instance, field.attname) is None:
            continue
        try:
            related = getattr(instance, field.name)
        except ObjectDoesNotExist:
            continue
        found = family_id_of(related, depth + 1)
        if found is not None:
            return found
    return None


def mark_changed(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    if kwargs.get("raw") or sender._meta.app_label not in WATCHED_APPS or sender.__name__ in NOT_WATCHED:
        return
    if sender not in _under_a_family():
        return
    if sender._meta.label == "casework.Family" and kwargs.get("signal") is post_delete:
        return  # its stored results go with it (cascade); the next daily run recounts the approach
    # a record deleted with its family marks a family gone by the commit: the next check drops such marks
    family_id = family_id_of(instance)
    if family_id is None:
        return
    from gezinsregie.assessment.models import DirtyFamily

    DirtyFamily.objects.bulk_create(
        [DirtyFamily(family_id=family_id, since=timezone.now())],
        update_conflicts=True,
        unique_fields=["family_id"],
        update_fields=["since"],
    )


def connect() -> None:
    """Per watched model, not for every sender: a receiver for all senders would stop Django's fast deletes."""
    for model in _under_a_family():
        if model._meta.app_label in WATCHED_APPS and model.__name__ not in NOT_WATCHED:
            uid = model._meta.label_lower
            post_save.connect(mark_changed, sender=model, dispatch_uid=f"assessment.mark_changed.save.{uid}")
            post_delete.connect(mark_changed, sender=model, dispatch_uid=f"assessment.mark_changed.delete.{uid}")
