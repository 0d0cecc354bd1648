"""More rows behind FamilyFacts: the partners around the family, the plan's versions and commitments, binding
decisions, measures, adjustments of the trajectory, and the voices of the family and the partners.

One query per kind of record for all families, like facts.rows; `facts_on` reads them per day.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from uuid import UUID

from django.db.models import QuerySet
from django.utils import timezone

from gezinsregie.assessment.models import FamilyVoice, PartnerVoice
from gezinsregie.casework import rules as casework_rules
from gezinsregie.casework.models import (
    BindingDecision,
    Consent,
    Episode,
    Escalation,
    Family,
    Involvement,
    Measure,
    Member,
    Stagnation,
)
from gezinsregie.casework.workflow import InvolvementStatus
from gezinsregie.plans.models import Action, GoalStatus, OwnerKind, Plan, PlanCommitment, PlanVersion
from gezinsregie.trajectory.models import Extension, GoalEvaluation, GoalResult

Rows = dict[UUID, list[Any]]


def _rows() -> Rows:
    return defaultdict(list)


@dataclass
class More:
    routes: Rows = field(default_factory=_rows)  # (registered_on, route) per episode
    children: Rows = field(default_factory=_rows)  # birth dates of the children
    involvements: Rows = field(default_factory=_rows)  # (organisation, started, ended, accepted, problem ids)
    consent_organisations: Rows = field(default_factory=_rows)  # (signed, withdrawn, organisation ids)
    versions: Rows = field(default_factory=_rows)  # (number, changed on)
    approved_version: dict[UUID, int | None] = field(default_factory=dict)
    commitments: Rows = field(default_factory=_rows)  # (organisation, version, confirmed on)
    decisions: Rows = field(default_factory=_rows)  # (decided on, answer by, acknowledged on, refused on)
    measures: Rows = field(default_factory=_rows)  # considered on
    not_cooperating: Rows = field(default_factory=_rows)  # (opened, closed) of escalations "niet meewerken"
    extensions: Rows = field(default_factory=_rows)  # decided on
    unreached: Rows = field(default_factory=_rows)  # (held on) of evaluations with a goal not (fully) reached
    helped: Rows = field(default_factory=_rows)  # (problem id, created on) of actions by a professional or network
    family_voices: Rows = field(default_factory=_rows)  # (held on, trusts coordinator, help fits together)
    partner_voices: Rows = field(default_factory=_rows)  # (answered on, organisation, recognises, information)


def load_more(more: More, ids: QuerySet[Family, Any]) -> None:
    for family_id, registered_on, route in Episode.objects.filter(family__in=ids).values_list(
        "family_id", "registered_on", "route"
    ):
        more.routes[family_id].append((registered_on, route))
    for family_id, birth_date in Member.objects.filter(family__in=ids, relation="child").values_list(
        "family_id", "birth_date"
    ):
        more.children[family_id].append(birth_date)
    _load_partners(more, ids)
    _load_plan(more, ids)
    _load_trajectory(more, ids)
    for family_id, on, trusts, fits in FamilyVoice.objects.filter(family__in=ids).values_list(
        "family_id", "evaluation__held_on", "trusts_coordinator", "help_fits_together"
    ):
        more.family_voices[family_id].append((on, trusts, fits))
    for row in PartnerVoice.objects.filter(family__in=ids).values_list(
        "family_id", "answered_on", "organisation_id", "recognises_coordinator", "information_sufficient"
    ):
        more.partner_voices[row[0]].append(row[1:])


def _load_partners(more: More, ids: QuerySet[Family, Any]) -> None:
    problems: dict[int, set[int]] = defaultdict(set)
    for involvement_id, problem_id in Involvement.problems.through.objects.filter(
        involvement__family__in=ids
    ).values_list("involvement_id", "problem_id"):
        problems[involvement_id].add(problem_id)
    for pk, family_id, organisation_id, started, ended, status in Involvement.objects.filter(
        family__in=ids
    ).values_list("pk", "family_id", "organisation_id", "started_on", "ended_on", "status"):
        accepted = status in (InvolvementStatus.ACCEPTED, InvolvementStatus.ENDED)
        more.involvements[family_id].append((organisation_id, started, ended, accepted, frozenset(problems[pk])))
    organisations: dict[int, set[int]] = defaultdict(set)
    for consent_id, organisation_id in Consent.organisations.through.objects.filter(
        consent__family__in=ids
    ).values_list("consent_id", "organisation_id"):
        organisations[consent_id].add(organisation_id)
    for pk, family_id, signed, withdrawn in Consent.objects.filter(family__in=ids).values_list(
        "pk", "family_id", "signed_on", "withdrawn_on"
    ):
        more.consent_organisations[family_id].append((signed, withdrawn, frozenset(organisations[pk])))
    for row in BindingDecision.objects.filter(family__in=ids).values_list(
        "family_id", "decided_on", "answer_by", "acknowledged_on", "refused_on"
    ):
        more.decisions[row[0]].append(row[1:])
    for family_id, on in Measure.objects.filter(family__in=ids).values_list("family_id", "considered_on"):
        more.measures[family_id].append(on)
    for family_id, opened, closed in Escalation.objects.filter(
        family__in=ids, stagnation=Stagnation.NOT_COOPERATING
    ).values_list("family_id", "opened_on", "closed_on"):
        more.not_cooperating[family_id].append((opened, closed))


def _load_plan(more: More, ids: QuerySet[Family, Any]) -> None:
    for family_id, number, changed_at in PlanVersion.objects.filter(plan__family__in=ids).values_list(
        "plan__family_id", "number", "changed_at"
    ):
        more.versions[family_id].append((number, timezone.localdate(changed_at)))
    for family_id, approved in Plan.objects.filter(family__in=ids).values_list("family_id", "approved_version"):
        more.approved_version[family_id] = approved
    for family_id, organisation_id, version, on in PlanCommitment.objects.filter(plan__family__in=ids).values_list(
        "plan__family_id", "organisation_id", "version", "confirmed_on"
    ):
        more.commitments[family_id].append((organisation_id, version, on))
    helping = Action.objects.filter(
        goal__plan__family__in=ids, owner_kind__in=[OwnerKind.PROFESSIONAL, OwnerKind.NETWORK]
    )
    for family_id, problem_id, created_at in helping.exclude(goal__status=GoalStatus.DROPPED).values_list(
        "goal__plan__family_id", "goal__problem_id", "created_at"
    ):
        more.helped[family_id].append((problem_id, timezone.localdate(created_at)))


def _load_trajectory(more: More, ids: QuerySet[Family, Any]) -> None:
    for family_id, on in Extension.objects.filter(family__in=ids).values_list("family_id", "decided_on"):
        more.extensions[family_id].append(on)
    unreached = GoalEvaluation.objects.filter(evaluation__family__in=ids).exclude(result=GoalResult.REACHED)
    for family_id, held_on in unreached.values_list("evaluation__family_id", "evaluation__held_on").distinct():
        more.unreached[family_id].append(held_on)


def minors_on(birth_dates: list[date], day: date) -> int:
    """Children under 18 on `day` (the GGSR definition asks for minor children in the family)."""
    return sum(1 for born in birth_dates if born <= day and casework_rules.age(born, day) < 18)
