"""The rows behind FamilyFacts: one query per kind of record for all families at once.

`load_rows` reads everything once (one query per kind of record); `facts_on` turns those rows into facts as
they were on any day, in Python. A dashboard for one day and a trend over twelve months cost the same queries.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from uuid import UUID

from django.db.models import Count, QuerySet
from django.utils import timezone

from gezinsregie.assessment.facts.more import More, load_more
from gezinsregie.assessment.indicators import ClosureFacts
from gezinsregie.casework import rules as casework_rules
from gezinsregie.casework.models import (
    CareRequest,
    Consent,
    Contact,
    ContactKind,
    CoordinatorAssignment,
    Episode,
    Escalation,
    Family,
    Member,
    NetworkPerson,
    Problem,
    Referral,
    SelfSufficiencyScore,
)
from gezinsregie.frameworks.models import LifeDomain
from gezinsregie.organisations.models import EscalationRung, PriorityAgreement
from gezinsregie.plans.models import Action, GoalStatus, Plan, PlanVersion
from gezinsregie.plans.models import Goal as PlanGoal
from gezinsregie.trajectory.models import Closure, Evaluation


@dataclass
class Rows:
    """Everything the indicators need, as plain tuples grouped per family."""

    families: list[dict[str, Any]] = field(default_factory=list)
    referrals: dict[UUID, list[date]] = field(default_factory=lambda: defaultdict(list))
    problems: dict[UUID, list[tuple[int, int, int | None, bool, bool, str, date]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    scores: dict[UUID, list[tuple[int, int | None, date]]] = field(default_factory=lambda: defaultdict(list))
    members: dict[UUID, list[int]] = field(default_factory=lambda: defaultdict(list))
    domains_per_set: dict[int, int] = field(default_factory=dict)
    stj_domain_of: dict[int, str] = field(default_factory=dict)  # a life domain's STJ domain (C1.a.1); "" none
    plans: dict[UUID, tuple[date, date | None, bool]] = field(default_factory=dict)
    plan_changes: dict[UUID, list[date]] = field(default_factory=lambda: defaultdict(list))
    goals: dict[UUID, list[tuple[int, date, str]]] = field(default_factory=lambda: defaultdict(list))
    actions: dict[UUID, list[tuple[str, date, str, date | None, date]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    assignments: dict[UUID, list[date]] = field(default_factory=lambda: defaultdict(list))
    consents: dict[UUID, list[tuple[date, date | None]]] = field(default_factory=lambda: defaultdict(list))
    # (requested on, started on, withdrawn on, the limit in days: the provider's agreement, else the norm)
    care: dict[UUID, list[tuple[date, date | None, date | None, int]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    contacts: dict[UUID, list[tuple[str, date]]] = field(default_factory=lambda: defaultdict(list))
    escalations: dict[UUID, list[tuple[date, date | None]]] = field(default_factory=lambda: defaultdict(list))
    ladder_days: dict[int, int] = field(default_factory=dict)  # approach → days of its whole ladder
    # the social network: (influence, a role in the plan or eyes and ears, recorded on); goals that build it
    network: dict[UUID, list[tuple[str, bool, date]]] = field(default_factory=lambda: defaultdict(list))
    network_goals: dict[UUID, list[date]] = field(default_factory=lambda: defaultdict(list))
    # after the plan: the episodes (registered, started, closed), evaluations and closures of each family
    episodes: dict[UUID, list[tuple[date, date | None, date | None]]] = field(default_factory=lambda: defaultdict(list))
    evaluations: dict[UUID, list[tuple[date, str, bool, int]]] = field(default_factory=lambda: defaultdict(list))
    closures: dict[UUID, list[ClosureFacts]] = field(default_factory=lambda: defaultdict(list))
    more: More = field(default_factory=More)  # the partners, plan versions, decisions, voices (facts.more)


OUTREACH = {ContactKind.HOME_VISIT, ContactKind.ELSEWHERE}  # going to the family (toetsingskader C3.b.1)


def _day(moment: datetime) -> date:
    return timezone.localdate(moment)


def load_rows(families: QuerySet[Family]) -> Rows:
    """One query per kind of record for all `families` (the caller decides which, through the policy)."""
    ids = families.values("pk")
    rows = Rows()
    rows.families = [
        dict(row)
        for row in families.values(
            "pk",
            "registered_on",
            "started_on",
            "closed_on",
            "status",
            "coordinator_id",
            "approach__start_norm_days",
            "approach__life_domain_set_id",
            "approach_id",
            "approach__care_wait_norm_days",
            "approach__evaluation_interval_days",
            "approach__reentry_by_signal",
        )
    ]
    _load_care(rows, ids)
    _load_escalations(rows, ids)
    _load_network(rows, ids)
    _load_trajectory(rows, ids)
    for family_id, kind, happened_on in Contact.objects.filter(family__in=ids).values_list(
        "family_id", "kind", "happened_on"
    ):
        rows.contacts[family_id].append((kind, happened_on))
    for family_id, referred_on in Referral.objects.filter(family__in=ids).values_list("family_id", "referred_on"):
        rows.referrals[family_id].append(referred_on)
    for p in Problem.objects.filter(family__in=ids).values_list(
        "family_id", "pk", "domain_id", "member_id", "chronic", "family_participated", "own_strength", "identified_on"
    ):
        rows.problems[p[0]].append(p[1:])
    for family_id, domain_id, member_id, scored_on in SelfSufficiencyScore.objects.filter(family__in=ids).values_list(
        "family_id", "domain_id", "member_id", "scored_on"
    ):
        rows.scores[family_id].append((domain_id, member_id, scored_on))
    for family_id, member_id in Member.objects.filter(family__in=ids).values_list("family_id", "pk"):
        rows.members[family_id].append(member_id)
    set_ids = {f["approach__life_domain_set_id"] for f in rows.families}
    for set_id in set_ids:
        rows.domains_per_set[set_id] = 0
    for domain_id, set_id, stj in LifeDomain.objects.filter(domain_set__in=set_ids).values_list(
        "pk", "domain_set_id", "stj_domain"
    ):
        rows.domains_per_set[set_id] += 1
        rows.stj_domain_of[domain_id] = stj
    for family_id, created_at, approved_on, with_family in Plan.objects.filter(family__in=ids).values_list(
        "family_id", "created_at", "approved_by_family_on", "goals_set_with_family"
    ):
        rows.plans[family_id] = (_day(created_at), approved_on, with_family)
    for family_id, changed_at in PlanVersion.objects.filter(plan__family__in=ids).values_list(
        "plan__family_id", "changed_at"
    ):
        rows.plan_changes[family_id].append(_day(changed_at))
    for family_id, problem_id, created_at, status in PlanGoal.objects.filter(plan__family__in=ids).values_list(
        "plan__family_id", "problem_id", "created_at", "status"
    ):
        rows.goals[family_id].append((problem_id, _day(created_at), status))
    for family_id, kind, due_on, status, done_on, created_at in Action.objects.filter(
        goal__plan__family__in=ids
    ).values_list("goal__plan__family_id", "owner_kind", "due_on", "status", "done_on", "created_at"):
        rows.actions[family_id].append((kind, due_on, status, done_on, _day(created_at)))
    for family_id, assigned_on in CoordinatorAssignment.objects.filter(family__in=ids).values_list(
        "family_id", "assigned_on"
    ):
        rows.assignments[family_id].append(assigned_on)
    for family_id, signed_on, withdrawn_on in Consent.objects.filter(family__in=ids).values_list(
        "family_id", "signed_on", "withdrawn_on"
    ):
        rows.consents[family_id].append((signed_on, withdrawn_on))
    load_more(rows.more, ids)
    return rows


def _load_care(rows: Rows, ids: QuerySet[Family, Any]) -> None:
    approach_of = {f["pk"]: (f["approach_id"], f["approach__care_wait_norm_days"]) for f in rows.families}
    agreements: dict[tuple[int, int], list[tuple[date, date | None, int]]] = defaultdict(list)
    for approach_id, provider_id, start, end, term in PriorityAgreement.objects.filter(
        approach_id__in={a for a, _ in approach_of.values()}
    ).values_list("approach_id", "provider_id", "valid_from", "valid_until", "term_days"):
        agreements[(approach_id, provider_id)].append((start, end, term))
    for family_id, provider_id, requested_on, started_on, withdrawn_on in CareRequest.objects.filter(
        family__in=ids
    ).values_list("family_id", "provider_id", "requested_on", "started_on", "withdrawn_on"):
        approach_id, norm = approach_of[family_id]
        agreed = casework_rules.agreed_days(agreements[(approach_id, provider_id)], requested_on)
        limit = agreed if agreed is not None else norm
        rows.care[family_id].append((requested_on, started_on, withdrawn_on, limit))


def _load_escalations(rows: Rows, ids: QuerySet[Family, Any]) -> None:
    for family_id, opened_on, closed_on in Escalation.objects.filter(family__in=ids).values_list(
        "family_id", "opened_on", "closed_on"
    ):
        rows.escalations[family_id].append((opened_on, closed_on))
    approaches = {f["approach_id"] for f in rows.families}
    rows.ladder_days = dict.fromkeys(approaches, sum(rung.days for rung in casework_rules.DEFAULT_LADDER))
    configured: dict[int, int] = defaultdict(int)
    for approach_id, days in EscalationRung.objects.filter(approach_id__in=approaches).values_list(
        "approach_id", "days"
    ):
        configured[approach_id] += days
    rows.ladder_days.update(configured)


def _load_network(rows: Rows, ids: QuerySet[Family, Any]) -> None:
    for family_id, influence, role, eyes, recorded_on in NetworkPerson.objects.filter(family__in=ids).values_list(
        "family_id", "influence", "role_in_plan", "eyes_and_ears", "recorded_on"
    ):
        rows.network[family_id].append((influence, role or eyes, recorded_on))
    goals = PlanGoal.objects.filter(plan__family__in=ids).exclude(status=GoalStatus.DROPPED)
    for family_id, key, text, created_at in goals.values_list(
        "plan__family_id", "problem__domain__key", "description", "created_at"
    ):
        if casework_rules.builds_network(domain_key=key, description=text):
            rows.network_goals[family_id].append(_day(created_at))


def _load_trajectory(rows: Rows, ids: QuerySet[Family, Any]) -> None:
    for family_id, registered_on, started_on, closed_on in (
        Episode.objects.filter(family__in=ids)
        .order_by("number")
        .values_list("family_id", "registered_on", "started_on", "closed_on")
    ):
        rows.episodes[family_id].append((registered_on, started_on, closed_on))
    for family_id, held_on, kind, with_family, goals in (
        Evaluation.objects.filter(family__in=ids)
        .annotate(goal_results=Count("goals"))
        .order_by("held_on", "pk")  # a GROUP BY drops Meta.ordering: the readings want them in time order
        .values_list("family_id", "held_on", "kind", "with_family", "goal_results")
    ):
        rows.evaluations[family_id].append((held_on, kind, with_family, goals))
    for family_id, closed_on, reason, handover, no_further_care, waived, waiver in (
        Closure.objects.filter(family__in=ids)
        .annotate(handover_items=Count("handover"))
        .values_list(
            "family_id", "closed_on", "reason", "handover_items", "no_further_care", "aftercare_waived", "waiver_reason"
        )
    ):
        aftercare = not waived
        rows.closures[family_id].append(
            ClosureFacts(closed_on, reason, handover > 0 or no_further_care, aftercare or bool(waiver.strip()))
        )
