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
    # issue 13 (faithful readings): what each indicator's text asks, per episode
    last_contact_on: date | None = None  # any contact, also knocking on a closed door
    # the STJ definition's life domains (gezin, wonen, werk, inkomen, gezondheid, onderwijs, veiligheid) with a chronic
    # problem the family cannot solve itself; the approach's own domains counted by the STJ one they fall under
    chronic_domains_needing_help: frozenset[str] = frozenset()
    children: int = 0  # minors in the family that day
    entered_by_signal: bool = False  # this episode began with a signal, and the approach accepts that as entry
    involved_organisations: frozenset[int] = frozenset()  # organisations of working involvements
    consented_organisations: frozenset[int] = frozenset()  # organisations the active consent names
    plan_version: int | None = None  # the plan's version that day
    approved_version: int | None = None  # the version the family agreed to (if it agreed by then)
    goals_after_approval: int = 0  # goals added after the family agreed
    committed_organisations: frozenset[int] = frozenset()  # organisations committed to the current version
    domains_needing_help: frozenset[int] = frozenset()  # domains with a problem the family cannot solve alone
    domains_with_partner: frozenset[int] = frozenset()  # domains an involved organisation works on
    problems_helped: frozenset[int] = frozenset()  # problems with an action of a professional or network person
    decisions: tuple[tuple[date, date, date | None, date | None], ...] = ()  # decided, answer by, acked, refused
    measures_considered: int = 0
    not_cooperating_since: date | None = None  # an open escalation "gezin werkt niet mee"
    adjustments: tuple[date, ...] = ()  # involvement started or ended, extension, care requested
    unreached_evaluations: tuple[date, ...] = ()  # evaluations with a goal not (fully) reached
    family_voices: tuple[tuple[date, str, str], ...] = ()  # (on, trusts the coordinator, help fits together)
    partner_voices: tuple[tuple[date, int, str, str], ...] = ()  # (on, organisation, recognises, information)
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
