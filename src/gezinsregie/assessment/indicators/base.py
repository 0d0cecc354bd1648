"""The facts the indicators read, and what they answer: plain values, no database."""

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from uuid import UUID


class Outcome(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"


OUTCOME_LABELS = {Outcome.MET: "voldoet", Outcome.NOT_MET: "voldoet niet", Outcome.UNKNOWN: "onbekend"}

# toetsingskader C4.a.1: one coordinator from the start; a week or two to name one is not a gap yet.
COORDINATOR_GRACE_DAYS = 14


@dataclass(frozen=True)
class Result:
    outcome: Outcome
    evidence: str


@dataclass(frozen=True)
class FamilyFacts:
    """What the casework data says about one family on one day. Plain values: no database here."""

    family_id: UUID
    registered_on: date
    started_on: date | None
    as_of: date
    start_norm_days: int
    has_referral: bool = False
    problem_ids: frozenset[int] = frozenset()
    chronic_domains: frozenset[int] = frozenset()
    problems_with_family: int = 0
    own_strength_problem_ids: frozenset[int] = frozenset()  # the family solves these itself
    examined_problem_ids: frozenset[int] = frozenset()  # eigen kracht was looked at with the family
    last_problem_on: date | None = None
    domains_total: int = 0
    domains_analysed: int = 0
    members_total: int = 0
    members_analysed: int = 0
    has_plan: bool = False
    plan_approved_on: date | None = None
    goals_set_with_family: bool = False
    plan_last_change_on: date | None = None
    problems_with_goal: frozenset[int] = frozenset()
    member_actions: int = 0
    network_actions: int = 0
    network_persons: int = 0  # the social network as mapped (C2.c.1); how many support the family (C2.c.3)
    supportive_network: int = 0
    network_with_role: int = 0  # a role in the plan or eyes and ears after closure (C2.c.2)
    network_goal: bool = False  # a goal on building the network (casework.rules.builds_network)
    professional_actions: int = 0
    overdue_professional_actions: int = 0
    has_coordinator: bool = False
    first_coordinator_on: date | None = None
    coordinator_changes: int = 0
    has_active_consent: bool = False
    # care requests as they stood that day: (days waited, the limit that applies, started by then)
    care_waits: tuple[tuple[int, int, bool], ...] = ()
    contacts: int = 0  # contacts recorded by then
    last_outreach_on: date | None = None  # the latest home visit or contact elsewhere (not at the office)
    escalations: tuple[tuple[date, date | None], ...] = ()  # (opened on, closed on) of escalations opened by then
    ladder_days: int = 45  # the whole ladder of the approach: an escalation open longer has not lifted anything
    # after the plan (trajectory): the evaluation rhythm, the evaluations held in this episode by then as
    # (held on, kind, with the family, goals given a result), and the closure of this episode if it closed by then
    evaluation_interval_days: int = 90
    evaluations: tuple[tuple[date, str, bool, int], ...] = ()
    closure: "ClosureFacts | None" = None
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def problem_count(self) -> int:
        return len(self.problem_ids)


@dataclass(frozen=True)
class ClosureFacts:
    """How an episode closed: the reason, whether a handover was written (or nothing more was needed), and
    whether aftercare was arranged (or waived with a reason)."""

    closed_on: date
    reason: str
    handover: bool
    aftercare_or_reasoned_waiver: bool
