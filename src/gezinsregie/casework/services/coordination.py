"""The one coordinator: who can coordinate, and every handover with its reason (toetsingskader C4.a.1/C4.a.2)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet

from gezinsregie import policy
from gezinsregie.accounts.models import Role, User
from gezinsregie.audit import services as audit
from gezinsregie.casework.models import (
    CoordinatorAssignment,
    Family,
)
from gezinsregie.casework.services.locks import family_lock
from gezinsregie.organisations.models import Approach

Permission = policy.Permission


FIRST_ASSIGNMENT = "Eerste regisseur van het gezin."


def coordinators_for(approach: Approach) -> QuerySet[User]:
    """Who can coordinate a family of this approach: coordinators of its partner organisations."""
    return User.objects.filter(
        is_active=True,
        memberships__role=Role.COORDINATOR,
        memberships__active=True,
        memberships__organisation__in=approach.partners.all(),
    ).distinct()


@transaction.atomic
def coordinator_assign(
    *, actor: User, family: Family, coordinator: User, assigned_on: date, reason: str
) -> CoordinatorAssignment:
    """One coordinator at a time; every handover says from whom to whom and why."""
    policy.ensure(actor, Permission.ASSIGN_COORDINATOR, family)
    # Handovers at the same moment follow one another (issue 12 §8): each names the coordinator it takes over from.
    family_lock(family)
    if not coordinators_for(family.approach).filter(pk=coordinator.pk).exists():
        raise ValidationError(
            {"coordinator": ["Deze persoon is geen regisseur bij een organisatie die aan deze aanpak verbonden is."]}
        )
    if coordinator.pk == family.coordinator_id:
        raise ValidationError({"coordinator": ["Deze persoon is al de regisseur van dit gezin."]})
    # A reason is owed for a handover, not for the first coordinator (issue 14 §3).
    if family.coordinator_id and not reason.strip():
        raise ValidationError({"reason": ["Geef de reden van de overdracht."]})
    if family.started_on and assigned_on < family.started_on:
        raise ValidationError({"assigned_on": ["De regie kan niet vóór de start van de aanpak ingaan."]})
    assignment = CoordinatorAssignment(
        family=family,
        coordinator=coordinator,
        previous=family.coordinator,
        assigned_on=assigned_on,
        reason=reason.strip() or FIRST_ASSIGNMENT,
        assigned_by=actor,
    )
    assignment.full_clean()
    assignment.save()
    family.coordinator = coordinator
    family.save(update_fields=["coordinator", "updated_at"])
    audit.record(actor=actor, action="family.assign_coordinator", family=family, obj=assignment)
    return assignment
