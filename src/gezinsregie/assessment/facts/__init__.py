"""Gathering FamilyFacts for many families at once: a fixed number of queries, whatever the number of families.

`load_rows` (facts.rows, facts.more) reads everything once, one query per kind of record; `facts_on` turns those
rows into facts as they were on any day, in Python. A dashboard for one day and a trend over twelve months cost
the same queries. Each family is read in the episode the day falls in.
"""

from datetime import date
from typing import Any
from uuid import UUID

from django.utils import timezone

from gezinsregie.assessment.facts import more as partners
from gezinsregie.assessment.facts.rows import OUTREACH, Rows, load_rows
from gezinsregie.assessment.indicators import FamilyFacts
from gezinsregie.casework import rules as casework_rules
from gezinsregie.casework.models import NetworkInfluence, OwnStrength
from gezinsregie.plans.models import ActionStatus, GoalStatus, OwnerKind

__all__ = ["Rows", "episode_on", "facts_on", "in_scope_on", "load_rows"]


def episode_on(rows: Rows, family: dict[str, Any], day: date) -> dict[str, Any]:
    """The family as it was in the episode that `day` falls in: the last one registered by then."""
    episodes = [e for e in rows.episodes[family["pk"]] if e[0] <= day]
    if not episodes:
        return family
    registered_on, started_on, closed_on = episodes[-1]
    return family | {"registered_on": registered_on, "started_on": started_on, "closed_on": closed_on}


def _escalations(rows: Rows, fid: UUID, day: date) -> tuple[tuple[date, date | None], ...]:
    """Escalations opened by `day`, with their closing date only if they were closed by then."""
    return tuple((o, c if c is not None and c <= day else None) for o, c in rows.escalations[fid] if o <= day)


def _care_waits(rows: Rows, fid: UUID, day: date) -> tuple[tuple[int, int, bool], ...]:
    """Per care request asked by `day` and not withdrawn by then: (days waited, limit, started by then)."""
    waits = []
    for requested_on, started_on, withdrawn_on, limit in rows.care[fid]:
        if requested_on > day or (withdrawn_on is not None and withdrawn_on <= day):
            continue
        started = started_on is not None and started_on <= day
        until = started_on if started and started_on is not None else day
        waits.append((casework_rules.days_between(requested_on, until), limit, started))
    return tuple(waits)


def in_scope_on(family: dict[str, Any], day: date, *, include_closed: bool) -> bool:
    """Families the approach worked with on `day`: started by then (and, for a trend, not yet closed)."""
    started = family["started_on"]
    if started is None or started > day:
        return False
    closed = family["closed_on"]
    return include_closed or closed is None or closed >= day


def facts_on(rows: Rows, day: date, *, include_closed: bool = True) -> list[FamilyFacts]:
    """FamilyFacts as the records stood on `day` (end of day), for the families in scope that day."""
    facts = []
    for current in rows.families:
        family = episode_on(rows, current, day)  # the self-assessment and trends read per episode
        if not in_scope_on(family, day, include_closed=include_closed):
            continue
        facts.append(_facts_for(rows, family, day))
    return facts


def _facts_for(rows: Rows, family: dict[str, Any], day: date) -> FamilyFacts:
    fid = family["pk"]
    problems = [p for p in rows.problems[fid] if p[6] <= day]
    scores = [s for s in rows.scores[fid] if s[2] <= day]
    plan = rows.plans.get(fid)
    has_plan = plan is not None and plan[0] <= day
    approved_on = plan[1] if has_plan and plan and plan[1] and plan[1] <= day else None
    changes = [d for d in rows.plan_changes[fid] if d <= day]
    goals = [g for g in rows.goals[fid] if g[1] <= day and g[2] != GoalStatus.DROPPED]
    actions = [a for a in rows.actions[fid] if a[4] <= day and a[2] != ActionStatus.CANCELLED]
    professional = [a for a in actions if a[0] == OwnerKind.PROFESSIONAL]
    assignments = sorted(d for d in rows.assignments[fid] if d <= day)
    members = rows.members[fid]
    covered_members = {p[2] for p in problems} | {s[1] for s in scores}
    covered_domains = {p[1] for p in problems} | {s[0] for s in scores}
    network = [n for n in rows.network[fid] if n[2] <= day]
    return FamilyFacts(
        family_id=fid,
        registered_on=family["registered_on"],
        started_on=family["started_on"],
        as_of=day,
        start_norm_days=family["approach__start_norm_days"],
        has_referral=any(family["registered_on"] <= d <= day for d in rows.referrals[fid]),  # in this episode
        problem_ids=frozenset(p[0] for p in problems),
        chronic_domains=frozenset(p[1] for p in problems if p[3]),
        problems_with_family=sum(1 for p in problems if p[4]),
        own_strength_problem_ids=frozenset(p[0] for p in problems if p[5] == OwnStrength.SELF),
        examined_problem_ids=frozenset(p[0] for p in problems if p[5] != OwnStrength.NOT_EXAMINED),
        last_problem_on=max((p[6] for p in problems), default=None),
        domains_total=rows.domains_per_set.get(family["approach__life_domain_set_id"], 0),
        domains_analysed=len(covered_domains),
        members_total=len(members),
        members_analysed=len(covered_members & set(members)),
        has_plan=has_plan,
        plan_approved_on=approved_on,
        goals_set_with_family=bool(has_plan and plan and plan[2]),
        plan_last_change_on=max(changes, default=None),
        problems_with_goal=frozenset(g[0] for g in goals),
        member_actions=sum(1 for a in actions if a[0] == OwnerKind.MEMBER),
        network_actions=sum(1 for a in actions if a[0] == OwnerKind.NETWORK),
        network_persons=len(network),
        supportive_network=sum(1 for n in network if n[0] == NetworkInfluence.SUPPORTIVE),
        network_with_role=sum(1 for n in network if n[1]),
        network_goal=any(d <= day for d in rows.network_goals[fid]),
        professional_actions=len(professional),
        overdue_professional_actions=sum(1 for a in professional if _overdue(a, day)),
        has_coordinator=_has_coordinator(family, assignments, day),
        first_coordinator_on=assignments[0] if assignments else None,
        coordinator_changes=max(len(assignments) - 1, 0),
        has_active_consent=any(_in_force(signed, withdrawn, day) for signed, withdrawn in rows.consents[fid]),
        care_waits=_care_waits(rows, fid, day),
        escalations=_escalations(rows, fid, day),
        ladder_days=rows.ladder_days[family["approach_id"]],
        contacts=sum(1 for _, on in rows.contacts[fid] if on <= day),
        last_outreach_on=max((on for kind, on in rows.contacts[fid] if on <= day and kind in OUTREACH), default=None),
        evaluation_interval_days=family["approach__evaluation_interval_days"],
        evaluations=tuple(e for e in rows.evaluations[fid] if family["started_on"] <= e[0] <= day),
        closure=next(
            (c for c in rows.closures[fid] if c.closed_on == family["closed_on"] and c.closed_on <= day), None
        ),
        last_contact_on=max((on for _, on in rows.contacts[fid] if on <= day), default=None),
        chronic_domains_needing_help=frozenset(
            rows.stj_domain_of.get(p[1], "") for p in problems if p[3] and p[5] != OwnStrength.SELF
        )
        - {""},
        **_partner_facts(rows, family, day, problems),
    )


def _in_force(start: date, end: date | None, day: date) -> bool:
    return start <= day and (end is None or end > day)


def _partner_facts(rows: Rows, family: dict[str, Any], day: date, problems: list[Any]) -> dict[str, Any]:
    """The facts from facts.more: partners, plan versions and commitments, decisions, voices (issue 13)."""
    more, fid, start = rows.more, family["pk"], family["started_on"]
    working = [
        (org, problem_ids)
        for org, started, ended, accepted, problem_ids in more.involvements[fid]
        if accepted and started <= day and (ended is None or ended > day)
    ]
    consented = frozenset().union(
        *(
            orgs
            for signed, withdrawn, orgs in more.consent_organisations[fid]
            if signed <= day and not (withdrawn and withdrawn <= day)
        )
    )
    versions = [number for number, on in more.versions[fid] if on <= day]
    plan = rows.plans.get(fid)
    approved_on = plan[1] if plan and plan[1] and plan[1] <= day else None
    current = max(versions, default=None)
    committed = frozenset(org for org, version, on in more.commitments[fid] if on <= day and version == current)
    domain_of = {p[0]: p[1] for p in problems}
    needing_help = {p[0] for p in problems if p[5] != OwnStrength.SELF}
    routes = [route for registered, route in more.routes[fid] if registered == family["registered_on"]]
    adjustments = [
        *(started for _, started, _, accepted, _ in more.involvements[fid] if accepted and start <= started <= day),
        *(ended for _, _, ended, accepted, _ in more.involvements[fid] if accepted and ended and start <= ended <= day),
        *(on for on in more.extensions[fid] if start <= on <= day),
        *(requested for requested, *_ in rows.care[fid] if start <= requested <= day),
    ]
    return {
        "children": partners.minors_on(more.children[fid], day),
        "entered_by_signal": bool(routes) and routes[-1] == "signal" and family["approach__reentry_by_signal"],
        "involved_organisations": frozenset(org for org, _ in working),
        "consented_organisations": consented,
        "plan_version": current,
        "approved_version": more.approved_version.get(fid) if approved_on else None,
        "goals_after_approval": sum(
            1 for g in rows.goals[fid] if approved_on and approved_on < g[1] <= day and g[2] != GoalStatus.DROPPED
        ),
        "committed_organisations": committed,
        "domains_needing_help": frozenset(domain_of[p] for p in needing_help),
        "domains_with_partner": frozenset(domain_of[p] for _, ids in working for p in ids if p in domain_of),
        "problems_helped": frozenset(p for p, on in more.helped[fid] if on <= day),
        "decisions": tuple(d for d in more.decisions[fid] if d[0] <= day),
        "measures_considered": sum(1 for on in more.measures[fid] if on <= day),
        "not_cooperating_since": min(
            (o for o, c in more.not_cooperating[fid] if o <= day and not (c and c <= day)), default=None
        ),
        "adjustments": tuple(sorted(adjustments)),
        "unreached_evaluations": tuple(sorted(on for on in more.unreached[fid] if start <= on <= day)),
        "family_voices": tuple(sorted(v for v in more.family_voices[fid] if start <= v[0] <= day)),
        "partner_voices": tuple(sorted(v for v in more.partner_voices[fid] if start <= v[0] <= day)),
    }


def _overdue(action: tuple[str, date, str, date | None, date], day: date) -> bool:
    _, due_on, status, done_on, _ = action
    finished_by_then = status == ActionStatus.DONE and done_on is not None and done_on <= day
    return due_on < day and not finished_by_then


def _has_coordinator(family: dict[str, Any], assignments: list[date], day: date) -> bool:
    if assignments:
        return True
    # no recorded handover: only today's coordinator field can tell, and only about today
    return family["coordinator_id"] is not None and day >= timezone.localdate()
