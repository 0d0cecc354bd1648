"""Case level: the families an inspector may add to the sample, and one family's case as the inspector sees it."""

from datetime import date

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import Role, User
from gezinsregie.casework.models import Family, InspectionMandate, MandateScope
from gezinsregie.inspections import pseudonymise
from gezinsregie.inspections.models import (
    CaseReview,
    Inspection,
)
from gezinsregie.plans import selectors as plan_selectors

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
        .order_by("reference")
    )


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


def case_input(family: Family) -> pseudonymise.CaseIn:
    """The family's casework as plain values for pseudonymise.case_view."""
    plan = plan_selectors.plan_of(family)
    goals = list(plan_selectors.goals_of(plan)) if plan is not None else []
    network_names = tuple(
        {a.owner_name for g in goals for a in g.actions.all() if a.owner_kind == "network" and a.owner_name}
    )
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
            for p in plan_selectors.problems_of(family)
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
    )


def case_view(family: Family, review: CaseReview) -> pseudonymise.CaseOut:
    full = mandate_is_full(family, review.inspection)
    return pseudonymise.case_view(case_input(family), pseudonym=review.pseudonym, full=full, today=timezone.localdate())
