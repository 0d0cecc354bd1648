"""Reads for the web pages that are not one app's: the family page and the start page. The callers got the family
through policy.access_family or the lists through policy.family_list; everything here reads through them."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils.translation import ngettext

from gezinsregie import policy
from gezinsregie.accounts.models import Role
from gezinsregie.casework import rules, workflow
from gezinsregie.casework.models import EndReason, Family, Member
from gezinsregie.common.formatting import long_date
from gezinsregie.inspections import selectors as inspection_selectors
from gezinsregie.inspections import workflow as inspection_workflow
from gezinsregie.plans import selectors as plan_selectors
from gezinsregie.plans.models import Action, ActionStatus
from gezinsregie.web import todos

Permission = policy.Permission


@dataclass(frozen=True)
class MemberRow:
    member: Member
    age: int


@dataclass(frozen=True)
class PlanSummary:
    status: str
    version: int | None
    overdue: list[Action]


def members_with_ages(family: Family, *, today: date) -> list[MemberRow]:
    return [MemberRow(m, rules.age(m.birth_date, today)) for m in family.members.all()]


def plan_summary(family: Family, *, today: date) -> PlanSummary:
    """The plan's status and version and its open actions past their date (issue 14 §4)."""
    plan = plan_selectors.plan_of(family)
    if plan is None:
        return PlanSummary(todos.plan_status(exists=False), None, [])
    overdue = [
        action
        for goal in plan_selectors.goals_of(plan)
        for action in goal.actions.all()
        if action.status == ActionStatus.OPEN and action.due_on < today
    ]
    overdue.sort(key=lambda a: (a.due_on, a.pk))
    status = todos.plan_status(exists=True, version=plan.version, approved_version=plan.approved_version)
    return PlanSummary(status, plan.version, overdue)


def consent_summary(family: Family, *, today: date) -> str:
    """The consent in one sentence: in force (since when, for how many organisations), withdrawn, or none."""
    consents = list(family.consents.prefetch_related("organisations").order_by("-signed_on", "-pk"))
    current = next(
        (c for c in consents if c.withdrawn_on is None and c.superseded_by_id is None and c.signed_on <= today), None
    )
    if current is not None:
        n = len(current.organisations.all())
        organisations = ngettext("%(n)d organisatie", "%(n)d organisaties", n) % {"n": n}
        return f"Geldig sinds {long_date(current.signed_on)}, voor {organisations}."
    latest = consents[0] if consents else None
    if latest is not None and latest.withdrawn_on is not None:
        return f"Ingetrokken op {long_date(latest.withdrawn_on)}: er mag geen informatie gedeeld worden."
    if latest is not None and latest.signed_on > today:
        return f"Getekend, geldig vanaf {long_date(latest.signed_on)}: tot dan mag er geen informatie gedeeld worden."
    return "Er is nog geen toestemmingsverklaring: er mag geen informatie gedeeld worden."


def attention_list(unmet: list[tuple[str, str]], allowed_urls: dict[str, str]) -> list[dict[str, Any]]:
    """The to-dos with the link where to act, when the actor may follow it (allowed_urls: URL name → URL)."""
    return [
        {"text": todo.text, "url": allowed_urls.get(todo.url_name, ""), "evidence": todo.evidence}
        for todo in todos.todos(unmet)
    ]


# --- why a family the professional had a relation with is not visible (issue 14 §4; docs/security.md §6) --------


def hidden_reasons(
    families: list[Family], *, actor: Any, organisation_ids: set[int], today: date
) -> list[dict[str, Any]]:
    """For each family the actor registered or works with but may not see (policy VIEW_REFERRAL_STATUS minus VIEW):
    the true reason, from the actor's own relation with it. Only families the caller got from the policy."""
    rows = []
    for family in families:
        own = [i for i in family.involvements.all() if i.user_id == actor.pk]
        consents = [c for c in family.consents.all() if c.superseded_by_id is None]  # a replaced one says nothing
        reason = rules.hidden_reason(
            left=family.status in workflow.LEFT,
            closed=family.status in workflow.CASEWORK_OVER,
            involvement_ended_on=max((i.ended_on for i in own if i.ended_on), default=None),
            involvement_end_reason=next(
                (str(EndReason(i.end_reason).label) for i in own if i.ended_on and i.end_reason), ""
            ),
            involved=any(i.ended_on is None for i in own),
            consent_signed=any(c.signed_on <= today for c in consents),
            consent_withdrawn_on=max((c.withdrawn_on for c in consents if c.withdrawn_on), default=None),
            consent_in_force=any(c.withdrawn_on is None and c.signed_on <= today for c in consents),
            consent_covers_organisation=any(
                c.withdrawn_on is None
                and c.signed_on <= today
                and {o.pk for o in c.organisations.all()} & organisation_ids
                for c in consents
            ),
        )
        rows.append({"family": family, "reason": reason})
    return rows


# --- the start page ------------------------------------------------------------------------------------------


def registered_by(*, actor: Any, limit: int) -> list[Family]:
    """The families the coordinator registered and does not coordinate (issue 14 §4), newest first, by reference
    and status only (policy VIEW_REFERRAL_STATUS); the ones they coordinate are in their caseload already."""
    return list(
        policy.family_list(actor, Permission.VIEW_REFERRAL_STATUS, roles=(Role.COORDINATOR,))
        .filter(referrals__referred_by=actor)
        .exclude(coordinator=actor)
        .distinct()
        .only("id", "reference", "status", "registered_on")
        .order_by("-registered_on", "reference")[:limit]
    )


def open_inspections(*, actor: Any) -> list[dict[str, Any]]:
    """The inspector's inspections not yet published, each with the families in its sample (by pseudonym) and,
    where families may still join it, the way to the mandated families (issue 14 §4)."""
    inspections = (
        policy.inspections_for(actor, Permission.CONDUCT_INSPECTION)
        .exclude(status=inspection_workflow.Status.PUBLISHED)
        .select_related("approach__municipality")
        .order_by("-year", "approach__name")
    )
    return [
        {
            "inspection": inspection,
            "case_level": inspection_workflow.is_case_level(inspection),
            "can_select": inspection_workflow.can_select_cases(inspection),
            "reviews": inspection_selectors.reviews_of(inspection)
            if inspection_workflow.is_case_level(inspection)
            else [],
        }
        for inspection in inspections
    ]
