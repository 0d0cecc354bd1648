"""Reads of the plan. Every function takes a family (or plan) the caller already got from
policy.access_family: the plan has no door of its own, it follows its family."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Prefetch, QuerySet

from gezinsregie.accounts.models import Role, User
from gezinsregie.assessment.models import PartnerVoice
from gezinsregie.casework.models import Family, Problem
from gezinsregie.common.formatting import long_date
from gezinsregie.organisations.models import Approach, Organisation
from gezinsregie.plans import rules
from gezinsregie.plans.models import (
    Action,
    ActionStatus,
    CaseMeeting,
    CaseMeetingItem,
    Goal,
    GoalStatus,
    Meeting,
    Plan,
    PlanSession,
)


def plan_of(family: Family) -> Plan | None:
    try:
        return family.plan
    except Plan.DoesNotExist:
        return None


def goals_of(plan: Plan) -> QuerySet[Goal]:
    """The plan's goals by priority, with their problem and their actions (by due date)."""
    actions = Action.objects.select_related("owner_member", "owner_user", "owner_organisation", "meeting").order_by(
        "position", "due_on", "pk"
    )
    return (
        plan.goals.select_related("problem__domain", "problem__member")
        .prefetch_related(Prefetch("actions", queryset=actions))
        .order_by("priority", "position", "pk")
    )


def action_of(plan: Plan, action_id: int) -> Action | None:
    """One action of this plan (with its goal and owner), or None: an action of another plan is missing too."""
    return (
        Action.objects.select_related("goal__problem__domain", "owner_member", "owner_user", "owner_organisation")
        .filter(pk=action_id, goal__plan=plan)
        .first()
    )


def open_session_of(plan: Plan) -> PlanSession | None:
    """The working session on the plan that is not saved or undone yet, with who opened it."""
    return plan.sessions.filter(closed_at__isnull=True).select_related("opened_by").first()


def problems_of(family: Family) -> QuerySet[Problem]:
    return family.problems.select_related("domain", "member")


def problems_without_goal(family: Family, plan: Plan | None) -> list[Problem]:
    """toetsingskader C3.a.2: the problems of the analysis that have no (open or achieved) goal yet."""
    problems = list(problems_of(family))
    goals = list(plan.goals.values_list("problem_id", "status")) if plan is not None else []
    missing = set(rules.problems_without_goal([p.pk for p in problems], goals))
    return [p for p in problems if p.pk in missing]


def consented_organisation_ids(family: Family, *, today: date) -> frozenset[int]:
    """Organisations named in a consent that is signed and not withdrawn (as policy._consent_covers_organisation)."""
    consents = family.consents.filter(signed_on__lte=today, withdrawn_on__isnull=True)
    return frozenset(pk for pk in consents.values_list("organisations", flat=True) if pk is not None)


@dataclass(frozen=True)
class Professional:
    user: User
    organisation: Organisation

    @property
    def key(self) -> tuple[int, int]:
        return (self.user.pk, self.organisation.pk)

    def __str__(self) -> str:
        return f"{self.user} ({self.organisation})"


def professionals_of(family: Family) -> list[Professional]:
    """Who works with the family: professionals with an active involvement, its coordinator and process
    manager (with the organisation they work for in that role). Consent is not checked here."""
    found: dict[tuple[int, int], Professional] = {}
    working = family.involvements.working()
    for involvement in working.select_related("user", "organisation"):
        p = Professional(involvement.user, involvement.organisation)
        found.setdefault(p.key, p)
    roles = [(family.coordinator, Role.COORDINATOR), (family.process_manager, Role.PROCESS_MANAGER)]
    for user, role in roles:
        if user is None:
            continue
        for m in user.active_memberships().filter(role=role):
            if role == Role.PROCESS_MANAGER and m.approach_id != family.approach_id:
                continue
            p = Professional(user, m.organisation)
            found.setdefault(p.key, p)
    return sorted(found.values(), key=lambda p: (str(p.user), str(p.organisation)))


def coordinator_organisation(family: Family) -> Organisation | None:
    if family.coordinator is None:
        return None
    membership = family.coordinator.active_memberships().filter(role=Role.COORDINATOR).first()
    return membership.organisation if membership is not None else None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _action_snapshot(action: Action) -> dict[str, Any]:
    return {
        "id": action.pk,
        "description": action.description,
        "owner_kind": action.owner_kind,
        "owner_kind_label": str(action.get_owner_kind_display()),
        "owner": action.owner_display,
        "due_on": _iso(action.due_on),
        "status": action.status,
        "status_label": str(action.get_status_display()),
        "done_on": _iso(action.done_on),
        "status_note": action.status_note,
        "meeting": f"rondetafel {long_date(action.meeting.held_on)}" if action.meeting is not None else None,
        "position": action.position,
    }


def snapshot_of(plan: Plan) -> dict[str, Any]:
    """The whole plan as plain JSON-able data, stored with every version (PlanVersion.snapshot)."""
    return {
        "version": plan.version,
        "goals_set_with_family": plan.goals_set_with_family,
        "approved_by_family_on": _iso(plan.approved_by_family_on),
        "approved_version": plan.approved_version,
        "goals": [
            {
                "id": goal.pk,
                "description": goal.description,
                "priority": goal.priority,
                "position": goal.position,
                "term": goal.term,
                "term_label": str(goal.get_term_display()),
                "status": goal.status,
                "status_label": str(goal.get_status_display()),
                "problem_id": goal.problem_id,
                "problem": goal.problem.description,
                "domain": goal.problem.domain.name,
                "member": str(goal.problem.member) if goal.problem.member else "hele gezin",
                "actions": [_action_snapshot(a) for a in goal.actions.all()],
            }
            for goal in goals_of(plan)
        ],
    }


def saved_snapshot_of(plan: Plan, *, session_open: bool) -> dict[str, Any]:
    """The plan as last saved: while a working session is open (`session_open`, from open_session_of) its edits are
    already in the rows, but not yet a version anyone agreed on, so the latest version's snapshot; otherwise the rows
    are the saved plan."""
    if session_open:
        latest = plan.versions.order_by("-number").first()
        if latest is not None:
            return dict(latest.snapshot)
    return snapshot_of(plan)


# --- commitment: the partners work by the plan ----------------------------------------------------------------


def committing_organisation(actor: User, family: Family) -> Organisation | None:
    """The organisation an involved professional confirms the plan for: that of their accepted involvement."""
    involvement = family.involvements.working().filter(user=actor).select_related("organisation").first()
    return involvement.organisation if involvement is not None else None


def asked_at_a_meeting(family: Family, *, today: date) -> list[Professional]:
    """Who answers the partners' two questions at a round table (issue 13 §3): the professionals involved for an
    organisation within the consent (they may attend), not the coordinator asked about themselves."""
    consented = consented_organisation_ids(family, today=today)
    working = family.involvements.working().select_related("user", "organisation")
    found = {
        i.user.pk: Professional(i.user, i.organisation)
        for i in working
        if i.organisation.pk in consented and i.user.pk != family.coordinator_id
    }
    return sorted(found.values(), key=lambda p: (p.user.last_name, p.user.first_name, p.user.pk))


def commitment_voices_of(plan: Plan) -> QuerySet[PartnerVoice]:
    """What the partners answered when they committed to the plan, newest first (the family's personal data)."""
    return (
        plan.family.partner_voices.filter(commitment__plan=plan)
        .select_related("organisation", "answered_by", "commitment")
        .order_by("-answered_on", "-pk")
    )


@dataclass(frozen=True)
class CommitmentLine:
    organisation: Organisation
    version: int | None  # the latest version it confirmed; None: never

    def current(self, plan_version: int) -> bool:
        return self.version == plan_version


def commitments_of(plan: Plan) -> list[CommitmentLine]:
    """Per organisation working with the family (accepted involvement): the latest plan version it works by."""
    organisations = {
        i.organisation_id: i.organisation for i in plan.family.involvements.working().select_related("organisation")
    }
    latest: dict[int, int] = {}
    for organisation_id, version in plan.commitments.values_list("organisation_id", "version"):
        latest[organisation_id] = max(version, latest.get(organisation_id, 0))
    return sorted(
        (CommitmentLine(o, latest.get(pk)) for pk, o in organisations.items()), key=lambda line: line.organisation.name
    )


# --- overdue agreements: per organisation and professional (toetsingskader C4.b.2) -------------------------------


@dataclass(frozen=True)
class OverdueLine:
    organisation: str
    professional: str
    actions: int
    oldest_due_on: date


def overdue_actions(families: QuerySet[Family], *, today: date) -> list[Action]:
    """Open professional actions past their date, in `families` (which the caller got through the policy)."""
    return list(
        Action.objects.filter(
            goal__plan__family__in=families.values("pk"),
            status=ActionStatus.OPEN,
            due_on__lt=today,
            owner_user__isnull=False,
        )
        .select_related("owner_user", "owner_organisation", "goal__plan__family")
        .order_by("due_on", "pk")
    )


def overdue_per_owner(actions: list[Action]) -> list[OverdueLine]:
    grouped: dict[tuple[str, str], list[Action]] = {}
    for a in actions:
        grouped.setdefault((str(a.owner_organisation), str(a.owner_user)), []).append(a)
    return sorted(
        (OverdueLine(org, who, len(rows), min(r.due_on for r in rows)) for (org, who), rows in grouped.items()),
        key=lambda line: (-line.actions, line.organisation, line.professional),
    )


# --- round tables ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Agenda:
    """What the round table should discuss, from the plan and the casework (pre-filled, the chair adds)."""

    overdue: list[Action]
    not_possible: list[Action]
    goals_without_progress: list[Goal]
    open_escalations: int
    waiting_care: int

    @property
    def text(self) -> str:
        lines = [f"- Actie over de datum: {a.description[:80]} ({a.owner_display})" for a in self.overdue]
        lines += [f"- Actie kan niet: {a.description[:80]} — {a.status_note}" for a in self.not_possible]
        lines += [f"- Doel zonder voortgang: {g.description[:80]}" for g in self.goals_without_progress]
        if self.open_escalations:
            lines.append(f"- Open opschalingen: {self.open_escalations}")
        if self.waiting_care:
            lines.append(f"- Zorg die nog wacht: {self.waiting_care}")
        return "\n".join(lines) or "- Voortgang van het plan"


def _progress(goal: Goal) -> bool:
    return any(a.status == ActionStatus.DONE for a in goal.actions.all())


def agenda_of(family: Family, plan: Plan, *, today: date) -> Agenda:
    goals = list(goals_of(plan))
    actions = [a for g in goals for a in g.actions.all()]
    return Agenda(
        overdue=[a for a in actions if rules.action_is_overdue(due_on=a.due_on, status=a.status, today=today)],
        not_possible=[a for a in actions if a.status == ActionStatus.NOT_POSSIBLE],
        goals_without_progress=[
            g
            for g in goals
            if g.status == GoalStatus.OPEN and not any(a.status == ActionStatus.DONE for a in g.actions.all())
        ],
        open_escalations=family.escalations.filter(closed_on__isnull=True).count(),
        waiting_care=family.care_requests.filter(started_on__isnull=True, withdrawn_on__isnull=True).count(),
    )


def meetings_of(family: Family) -> QuerySet[Meeting]:
    return family.meetings.select_related(
        "chair", "case_meeting__approach", "coordinator_assignment__coordinator"
    ).prefetch_related("attendees", "agreements", "partner_voices__organisation", "partner_voices__answered_by")


# --- case meetings over many families (zorgnetwerkoverleg) --------------------------------------------------------


def case_meetings_of(approaches: QuerySet[Approach]) -> QuerySet[CaseMeeting]:
    """The case meetings of approaches the caller got from policy.approaches_for: when, where, how many families."""
    return (
        CaseMeeting.objects.filter(approach__in=approaches)
        .select_related("approach", "chair")
        .annotate(families=Count("agenda"))
    )


def chairs_for(approach: Approach) -> QuerySet[User]:
    """Who chairs a case meeting of the approach: one of its process managers (for the municipality), the one
    person who may see every family on the agenda."""
    return (
        User.objects.filter(
            is_active=True,
            memberships__role=Role.PROCESS_MANAGER,
            memberships__active=True,
            memberships__approach=approach,
        )
        .distinct()
        .order_by("last_name", "first_name")
    )


@dataclass(frozen=True)
class AgendaLine:
    family: Family
    part: Meeting | None  # the family's part of the meeting, once recorded


@dataclass(frozen=True)
class CaseMeetingAgenda:
    lines: list[AgendaLine]  # the families the caller may see, in the order of the agenda
    hidden: int  # the others: only how many, never which


def agenda_for(case_meeting: CaseMeeting, *, visible: QuerySet[Family]) -> CaseMeetingAgenda:
    """The agenda as far as `visible` (policy.families_for(actor, VIEW)) reaches: a family the caller may not see
    is counted, never read."""
    allowed = visible.values("pk")
    items = case_meeting.agenda.filter(family__in=allowed).select_related("family").order_by("position", "pk")
    hidden = case_meeting.agenda.exclude(family__in=allowed).count()
    parts = case_meeting.family_parts.filter(family__in=allowed).select_related("coordinator_assignment__coordinator")
    by_family = {m.family_id: m for m in parts.prefetch_related("agreements")}
    return CaseMeetingAgenda([AgendaLine(i.family, by_family.get(i.family_id)) for i in items], hidden)


def agenda_item(case_meeting: CaseMeeting, family: Family) -> CaseMeetingItem | None:
    """The family's place on the agenda (a family the caller got through policy.access_family), or None."""
    return case_meeting.agenda.filter(family=family).first()


def part_of(case_meeting: CaseMeeting, family: Family) -> Meeting | None:
    return case_meeting.family_parts.filter(family=family).first()


def case_meetings_of_family(family: Family) -> QuerySet[CaseMeetingItem]:
    """The case meetings with this family on the agenda, latest first."""
    return family.case_meeting_items.select_related("case_meeting__approach").order_by(
        "-case_meeting__held_on", "-case_meeting__starts_at"
    )
