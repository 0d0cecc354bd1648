"""Case level: the families an inspector may add to the sample, and one family's case as the inspector sees it."""

import base64
import hashlib
import hmac
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import Role, User
from gezinsregie.casework.models import Contact, Family, InspectionMandate, Involvement, MandateScope, Referral
from gezinsregie.inspections import pseudonymise
from gezinsregie.inspections.models import (
    CaseReview,
    Inspection,
)
from gezinsregie.organisations.models import Organisation
from gezinsregie.plans import selectors as plan_selectors
from gezinsregie.plans.models import Goal

Permission = policy.Permission


def _valid_mandate(organisation_id: int, today: date, prefix: str = "") -> Q:
    return Q(
        **{
            f"{prefix}organisation_id": organisation_id,
            f"{prefix}granted_on__lte": today,
            f"{prefix}expires_on__gte": today,
            f"{prefix}withdrawn_on__isnull": True,
        }
    )


def mandated_families(actor: User, inspection: Inspection) -> QuerySet[Family]:
    """Families of the approach the actor may inspect (policy: a valid mandate) that mandated this
    inspection's inspectorate in particular, and are not in the sample yet. Each with what its mandate says:
    `mandate_scope` and `mandate_until` (of its latest valid mandate for this inspectorate)."""
    today = timezone.localdate()
    chosen = inspection.case_reviews.values("family_id")
    valid = InspectionMandate.objects.filter(
        _valid_mandate(inspection.organisation_id, today), family=OuterRef("pk")
    ).order_by("-expires_on", "-pk")
    return (
        policy.family_list(actor, Permission.INSPECT, roles=(Role.INSPECTOR,))
        .filter(approach_id=inspection.approach_id)
        .filter(_valid_mandate(inspection.organisation_id, today, "mandates__"))  # one mandate meets all four
        .exclude(pk__in=chosen)
        .distinct()
        .only("id", "reference", "status")
        .annotate(
            mandate_scope=Subquery(valid.values("scope")[:1]), mandate_until=Subquery(valid.values("expires_on")[:1])
        )
        .order_by("pk")
    )


@dataclass(frozen=True)
class Candidate:
    """A family the inspector may add to the sample, without its reference: the reference would tell which
    family becomes "Gezin A". The label is opaque, fixed per inspection and family, and unlinkable to the
    reference without the server's secret."""

    family: Family
    label: str
    status: str
    scope: str
    until: date


def candidate_label(inspection_id: int, family_id: object) -> str:
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"case-candidate:{inspection_id}:{family_id}".encode(), hashlib.sha256
    ).digest()
    return "Kandidaat " + base64.b32encode(digest).decode()[:5]


def candidates(families: QuerySet[Family], inspection: Inspection) -> list[Candidate]:
    """The families of `mandated_families`, shuffled per inspection (by their opaque label)."""
    found = [
        Candidate(
            family=f,
            label=candidate_label(inspection.pk, f.pk),
            status=f.get_status_display(),
            scope=str(MandateScope(f.mandate_scope).label),  # type: ignore[attr-defined]
            until=f.mandate_until,  # type: ignore[attr-defined]
        )
        for f in families
    ]
    return sorted(found, key=lambda c: c.label)


def reviews_of(inspection: Inspection, *, with_interviews: bool = False) -> list[CaseReview]:
    """The families in the sample, by pseudonym (of an inspection the caller got through the policy)."""
    reviews = inspection.case_reviews.order_by("pseudonym")
    return list(reviews.prefetch_related("interviews") if with_interviews else reviews)


def review_of(inspection: Inspection, review_id: int) -> CaseReview | None:
    return inspection.case_reviews.select_related("inspection").filter(pk=review_id).first()


def mandate_is_full(family: Family, inspection: Inspection) -> bool:
    """A valid mandate for this inspectorate with scope "full"; otherwise the inspector sees pseudonyms."""
    today = timezone.localdate()
    valid = family.mandates.filter(_valid_mandate(inspection.organisation_id, today))
    return valid.filter(scope=MandateScope.FULL).exists()


def _staff_names(family: Family, goals: list[Goal]) -> tuple[str, ...]:
    """Everyone who works or worked with the family: coordinator, process manager, involved professionals,
    who registered it, who held a contact, chaired or attended a meeting, owns an action."""
    ids = {family.coordinator_id, family.process_manager_id}
    ids |= set(Involvement.objects.filter(family=family).values_list("user_id", flat=True))
    ids |= set(Referral.objects.filter(family=family).values_list("referred_by_id", flat=True))
    ids |= set(Contact.objects.filter(family=family).values_list("by_id", flat=True))
    for meeting in family.meetings.prefetch_related("attendees"):
        ids |= {meeting.chair_id, *(u.pk for u in meeting.attendees.all())}
    ids |= {a.owner_user_id for g in goals for a in g.actions.all()}
    users = User.objects.filter(pk__in=[i for i in ids if i is not None]).only("first_name", "last_name", "username")
    return tuple(sorted({" ".join(filter(None, (u.first_name, u.last_name))) for u in users} - {""}))


def _organisations(family: Family) -> tuple[str, ...]:
    """The partner organisations of the family's municipality (and the inspectorates): not persons."""
    municipality = family.approach.municipality_id
    names = Organisation.objects.filter(Q(municipality_id=municipality) | Q(municipality__isnull=True))
    return tuple(sorted(names.values_list("name", flat=True)))


def _neighbourhoods(family: Family) -> tuple[str, ...]:
    """The municipality's neighbourhoods: every neighbourhood its approaches' families live in."""
    municipality = family.approach.municipality_id
    found = Family.objects.filter(approach__municipality_id=municipality).exclude(neighbourhood="")
    return tuple(sorted(set(found.values_list("neighbourhood", flat=True))))


def case_input(family: Family, review: CaseReview | None = None) -> pseudonymise.CaseIn:
    """The family's casework as plain values for pseudonymise.case_view."""
    plan = plan_selectors.plan_of(family)
    goals = list(plan_selectors.goals_of(plan)) if plan is not None else []
    network_names = tuple(
        sorted(
            {a.owner_name for g in goals for a in g.actions.all() if a.owner_kind == "network" and a.owner_name}
            | set(family.network.values_list("name", flat=True))
        )
    )
    problems = list(plan_selectors.problems_of(family))
    coordinator_org = ""
    if family.coordinator is not None:
        membership = family.coordinator.active_memberships().filter(role="coordinator").first()
        coordinator_org = membership.organisation.name if membership else ""
    return pseudonymise.CaseIn(
        family_name=family.name,
        address=family.address,
        neighbourhood=family.neighbourhood,
        status=family.get_status_display(),
        registered_on=family.registered_on,
        started_on=family.started_on,
        has_coordinator=family.coordinator_id is not None,
        coordinator_organisation=coordinator_org,
        members=tuple(
            pseudonymise.PersonIn(m.pk, m.first_name, m.last_name, m.birth_date, m.relation)
            for m in family.members.all()
        ),
        problems=tuple(
            pseudonymise.ProblemIn(
                domain=p.domain.name,
                member_key=p.member_id,
                description=p.description,
                severity=p.get_severity_display(),
                chronic=p.chronic,
                own_strength_label=p.get_own_strength_display(),
                family_participated=p.family_participated,
            )
            for p in problems
        ),
        goals=tuple(
            pseudonymise.GoalIn(
                description=g.description,
                domain=g.problem.domain.name,
                member_key=g.problem.member_id,
                priority=g.priority,
                status=g.get_status_display(),
                actions=tuple(
                    pseudonymise.ActionIn(
                        description=a.description,
                        owner_kind=a.owner_kind,
                        owner_member_key=a.owner_member_id,
                        owner_organisation=a.owner_organisation.name if a.owner_organisation else "",
                        owner_name=a.owner_name,
                        due_on=a.due_on,
                        status=a.get_status_display(),
                    )
                    for a in g.actions.all()
                ),
            )
            for g in goals
        ),
        plan_version=plan.version if plan is not None else None,
        plan_approved=bool(plan and plan.approved_by_family_on),
        network_names=network_names,
        staff_names=_staff_names(family, goals),
        neighbourhoods=_neighbourhoods(family),
        organisations=_organisations(family),
        domains=tuple(sorted({p.domain.name for p in problems})),
        interviews=tuple(
            pseudonymise.InterviewIn(i.get_kind_display(), i.interviewee, i.held_on, i.summary)
            for i in (review.interviews.all() if review is not None else ())
        ),
    )


def case_view(family: Family, review: CaseReview) -> pseudonymise.CaseOut:
    """The case as the inspector sees it: pseudonymised (free text de-identified) unless the mandate is full."""
    full = mandate_is_full(family, review.inspection)
    return pseudonymise.case_view(
        case_input(family, review), pseudonym=review.pseudonym, full=full, today=timezone.localdate()
    )


def evidence_text(family: Family, review: CaseReview) -> Callable[[str], str]:
    """What the inspector may read of other texts about the case (the evidence from the data)."""
    if mandate_is_full(family, review.inspection):
        return str
    return pseudonymise.deidentifier(case_input(family), timezone.localdate())
