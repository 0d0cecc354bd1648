"""Reads of casework for a user. Each starts from policy.families_for: the one door to families."""

from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.casework.models import Family, FamilyStatus
from gezinsregie.organisations.models import Approach

Action = policy.Action


def caseload(*, actor: User) -> QuerySet[Family]:
    """The coordinator's own families."""
    return (
        policy.families_for(actor, Action.VIEW)
        .filter(coordinator=actor)
        .select_related("approach")
        .order_by("status", "reference")
    )


def approach_families(*, actor: User) -> QuerySet[Family]:
    """All families a process manager oversees; those without a coordinator first."""
    return (
        policy.families_for(actor, Action.ASSIGN_COORDINATOR)
        .select_related("approach", "coordinator")
        .order_by("status", "reference")
    )


def triage_queue(*, actor: User) -> QuerySet[Family]:
    return (
        policy.families_for(actor, Action.TRIAGE)
        .select_related("approach")
        .order_by("registered_on", "reference")
    )


def involved_families(*, actor: User) -> QuerySet[Family]:
    return (
        policy.families_for(actor, Action.VIEW)
        .select_related("approach", "coordinator")
        .order_by("reference")
    )


def own_referrals_status_only(*, actor: User) -> QuerySet[Family]:
    """Families the actor registered or works with but may not see beyond their existence."""
    visible = policy.families_for(actor, Action.VIEW).values("pk")
    return (
        policy.families_for(actor, Action.VIEW_REFERRAL_STATUS)
        .exclude(pk__in=visible)
        .only("id", "reference", "status", "registered_on")
        .order_by("reference")
    )


def mandated_families(*, actor: User) -> QuerySet[Family]:
    return policy.families_for(actor, Action.INSPECT).only("id", "reference", "status").order_by("reference")


@dataclass(frozen=True)
class CountRow:
    label: str
    value: int


def population_by_status(*, approaches: QuerySet[Approach]) -> list[CountRow]:
    """Aggregate numbers: how many families per status. Never a person (BRIEF: policy staff)."""
    counts = dict(
        Family.objects.filter(approach__in=approaches)
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return [CountRow(str(label), counts.get(value, 0)) for value, label in FamilyStatus.choices]


def population_by_neighbourhood(*, approaches: QuerySet[Approach]) -> list[CountRow]:
    rows = (
        Family.objects.filter(approach__in=approaches)
        .exclude(status=FamilyStatus.DECLINED)
        .values_list("neighbourhood")
        .annotate(n=Count("pk"))
        .order_by("-n", "neighbourhood")
    )
    return [CountRow(name or "onbekend", n) for name, n in rows]


def days_waiting(family: Family) -> int:
    return (timezone.localdate() - family.registered_on).days
