"""Reads of casework for a user. Lists of families come from policy.family_list, the one door that also logs
what it shows; aggregate numbers (population) never name a family."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import ngettext

from gezinsregie import policy
from gezinsregie.accounts.models import Role, User
from gezinsregie.audit import services as audit
from gezinsregie.casework import rules, workflow
from gezinsregie.casework.models import (
    BindingDecision,
    Consent,
    Contact,
    Family,
    FamilyStatus,
    Involvement,
    NetworkInfluence,
    NetworkPerson,
    OwnStrength,
    Problem,
    Referral,
    ReferralSource,
)
from gezinsregie.common.counts import CountRow
from gezinsregie.organisations.models import Approach
from gezinsregie.plans import rules as plan_rules
from gezinsregie.plans.models import Action as PlanAction
from gezinsregie.plans.models import ActionStatus, Plan

Permission = policy.Permission


def caseload(*, actor: User) -> QuerySet[Family]:
    """The coordinator's own families."""
    return (
        policy.family_list(actor, Permission.VIEW, roles=(Role.COORDINATOR,))
        .filter(coordinator=actor)
        .select_related("approach__municipality")
        .order_by("status", "reference")
    )


def approach_families(*, actor: User) -> QuerySet[Family]:
    """All families a process manager oversees; those without a coordinator first."""
    return (
        policy.family_list(actor, Permission.ASSIGN_COORDINATOR, roles=(Role.PROCESS_MANAGER,))
        .select_related("approach__municipality", "coordinator")
        .order_by("status", "reference")
    )


def triage_queue(*, actor: User) -> QuerySet[Family]:
    return (
        policy.family_list(actor, Permission.TRIAGE, roles=(Role.INTAKE, Role.PROCESS_MANAGER))
        .select_related("approach__municipality")
        .order_by("registered_on", "reference")
    )


def involved_families(*, actor: User) -> QuerySet[Family]:
    return (
        policy.family_list(actor, Permission.VIEW, roles=(Role.PROFESSIONAL,))
        .select_related("approach__municipality", "coordinator")
        .order_by("reference")
    )


def own_referrals_status_only(*, actor: User) -> QuerySet[Family]:
    """Families the actor registered or works with but may not see beyond their existence."""
    visible = policy.families_for(actor, Permission.VIEW).values("pk")
    return (
        policy.family_list(actor, Permission.VIEW_REFERRAL_STATUS, roles=(Role.PROFESSIONAL,))
        .exclude(pk__in=visible)
        .only("id", "reference", "status", "registered_on")
        .order_by("reference")
    )


def mandated_families(*, actor: User) -> QuerySet[Family]:
    return (
        policy.family_list(actor, Permission.INSPECT, roles=(Role.INSPECTOR,))
        .only("id", "reference", "status")
        .order_by("reference")
    )


def population_by_status(*, approaches: QuerySet[Approach]) -> list[CountRow]:
    """Aggregate numbers: how many families per status. Never a person (toetsingskader B1.a.2: the
    municipality sees its population, not its people)."""
    counts = dict(
        Family.objects.filter(approach__in=approaches).values_list("status").annotate(n=Count("pk")).order_by()
    )
    return [CountRow(str(label), counts.get(value, 0)) for value, label in FamilyStatus.choices]


# Fewer families than this are not shown on their own to whoever may not see them (issue 12 §5; the setting
# SMALL_NUMBER_THRESHOLD, default 5): a neighbourhood, a breakdown, a share.
SMALL_NUMBER: int = settings.SMALL_NUMBER_THRESHOLD


def sees_every_family(actor: User, *, approaches: QuerySet[Approach]) -> bool:
    """Whether the actor may see every family behind these numbers (then they are shown exactly; issue 12 §5)."""
    visible = policy.families_for(actor, policy.Permission.VIEW).values("pk")
    return not Family.objects.filter(approach__in=approaches).exclude(pk__in=visible).exists()


def population_by_neighbourhood(*, approaches: QuerySet[Approach]) -> list[CountRow]:
    rows = (
        Family.objects.filter(approach__in=approaches)
        .filter(status__in=workflow.IN_POPULATION)
        .values_list("neighbourhood")
        .annotate(n=Count("pk"))
        .order_by("-n", "neighbourhood")
    )
    shown = [CountRow(name or "onbekend", n) for name, n in rows if n >= SMALL_NUMBER]
    small = [n for _, n in rows if n < SMALL_NUMBER]
    if small:  # a wijk with one or two families could point to a family: merge the small ones
        shown.append(CountRow(f"overige wijken (elk minder dan {SMALL_NUMBER})", sum(small)))
    return shown


def population_by_source(*, approaches: QuerySet[Approach]) -> list[CountRow]:
    labels = dict(ReferralSource.choices)
    rows = (
        Referral.objects.filter(family__approach__in=approaches)
        .values_list("source")
        .annotate(n=Count("family", distinct=True))
        .order_by("-n")
    )
    return [CountRow(str(labels.get(source, source)), n) for source, n in rows]


def population_by_domain(*, approaches: QuerySet[Approach]) -> list[CountRow]:
    """Families per life domain of concern at registration (a family counts once per domain)."""
    rows = (
        Referral.objects.filter(family__approach__in=approaches)
        .values_list("domains__name")
        .annotate(n=Count("family", distinct=True))
        .exclude(domains__name__isnull=True)
        .order_by("-n", "domains__name")
    )
    return [CountRow(name, n) for name, n in rows]


def registrations_by_month(*, approaches: QuerySet[Approach], months: int = 12) -> list[CountRow]:
    today = timezone.localdate()
    first = (today.replace(day=1) - timedelta(days=31 * (months - 1))).replace(day=1)
    counts = dict(
        Family.objects.filter(approach__in=approaches, registered_on__gte=first)
        .annotate(month=TruncMonth("registered_on"))
        .values_list("month")
        .annotate(n=Count("pk"))
        .order_by()
    )
    rows, month = [], first
    while month <= today:
        rows.append(CountRow(date_format(month, "M Y"), counts.get(month, 0)))
        month = (month + timedelta(days=32)).replace(day=1)
    return rows


def ggsr_count(*, approaches: QuerySet[Approach]) -> tuple[int, int]:
    """(families meeting the GGSR definition, families with any analysis): chronic problems the family cannot
    solve itself on at least four life domains of the STJ definition."""
    # the seven life domains of the STJ definition, as C1.a.1 counts them (frameworks.LifeDomain.stj_domain)
    per_family = (
        Problem.objects.filter(family__approach__in=approaches, chronic=True)
        .exclude(own_strength=OwnStrength.SELF)
        .exclude(domain__stj_domain="")
        .values("family")
        .annotate(domains=Count("domain__stj_domain", distinct=True))
    )
    meeting = per_family.filter(domains__gte=rules.GGSR_MINIMUM_DOMAINS).count()
    analysed = Problem.objects.filter(family__approach__in=approaches).values("family").distinct().count()
    return meeting, analysed


def days_waiting(family: Family) -> int:
    return rules.days_between(family.registered_on, timezone.localdate())


# --- caseload and analysis -------------------------------------------------------------------------


def _active_consent() -> Exists:
    return Exists(
        Consent.objects.filter(family=OuterRef("pk"), withdrawn_on__isnull=True, signed_on__lte=timezone.localdate())
    )


def caseload_for(*, actor: User, query: str = "", status: str = "", attention_only: bool = False) -> QuerySet[Family]:
    """The families a coordinator (own) or process manager (approach) steers, with what needs attention. A closed
    family stays in its coordinator's caseload to read (issue 12 §7: closure ends the pen, not the reading)."""
    steered = Q(coordinator=actor) | Q(pk__in=policy.families_for(actor, Permission.EDIT).values("pk"))
    families = (
        policy.family_list(actor, Permission.VIEW, roles=(Role.COORDINATOR, Role.PROCESS_MANAGER))
        .filter(steered)
        .select_related("approach__life_domain_set", "approach__municipality", "coordinator")
        .annotate(
            has_consent=_active_consent(),
            has_problems=Exists(Problem.objects.filter(family=OuterRef("pk"))),
            has_plan=Exists(Plan.objects.filter(family=OuterRef("pk"))),
            has_supportive_network=Exists(  # C2.c.3, Maastricht §6.2: "geen volgende stap zonder netwerk"
                NetworkPerson.objects.filter(family=OuterRef("pk"), influence=NetworkInfluence.SUPPORTIVE)
            ),
            plan_approved_on=Subquery(Plan.objects.filter(family=OuterRef("pk")).values("approved_by_family_on")[:1]),
            overdue_actions=Coalesce(
                Subquery(
                    PlanAction.objects.filter(
                        goal__plan__family=OuterRef("pk"), status=ActionStatus.OPEN, due_on__lt=timezone.localdate()
                    )
                    .values("goal__plan__family")
                    .annotate(n=Count("pk"))
                    .values("n")[:1]
                ),
                0,
            ),
        )
    )
    if query:
        families = families.filter(Q(reference__icontains=query) | Q(name__icontains=query))
    if status:
        families = families.filter(status=status)
    if attention_only:
        needs_attention = (
            Q(has_consent=False)
            | Q(has_problems=False)
            | Q(coordinator__isnull=True)
            | Q(has_plan=False)
            | Q(overdue_actions__gt=0)
        )
        families = families.filter(needs_attention, status__in=workflow.STEERED)
    return families.order_by("status", "reference")


@dataclass(frozen=True)
class AnalysisGaps:
    domains: list[str]  # domain names without any problem or intake score
    members: list[str]  # members without any problem or score of their own

    @property
    def complete(self) -> bool:
        return not self.domains and not self.members


def latest_scores(family: Family, *, moment: str = "") -> dict[int, int]:
    """The family's latest stored self-sufficiency score per domain (id), of one moment or of any: what a score form
    starts from, so that changing one score and saving keeps the others (issue 14 §3)."""
    scores = family.scores.filter(member__isnull=True).order_by("scored_on", "pk")
    if moment:
        scores = scores.filter(moment=moment)
    return dict(scores.values_list("domain_id", "score"))  # later rows overwrite earlier ones


def analysis_gaps(family: Family) -> AnalysisGaps:
    """Which life domains and members have no analysis yet (Maastricht §2.6 problem analysis; toetsingskader
    C3.a.1/C3.a.4).

    Works on prefetched `problems`, `scores`, `members` and the domain set, so a page of families costs a
    fixed number of queries.
    """
    problems = list(family.problems.all())
    scores = list(family.scores.all())
    nothing = list(family.no_problem_findings.all())  # "geen problemen": looked at, nothing to solve
    covered_domains = {p.domain_id for p in problems} | {s.domain_id for s in scores} | {n.domain_id for n in nothing}
    covered_members = {p.member_id for p in problems} | {s.member_id for s in scores} | {n.member_id for n in nothing}
    domains = [d.name for d in family.approach.life_domain_set.domains.all() if d.pk not in covered_domains]
    members = [str(m) for m in family.members.all() if m.pk not in covered_members]
    return AnalysisGaps(domains=domains, members=members)


def with_analysis(families: QuerySet[Family]) -> QuerySet[Family]:
    return families.prefetch_related(
        "problems", "scores", "no_problem_findings", "members", "approach__life_domain_set__domains"
    )


def plan_flags(family: Family) -> list[str]:
    """What needs attention in the plan of a family from caseload_for (uses its annotations)."""
    if not family.is_steered or family.started_on is None:
        return []
    flags = []
    # annotations made by caseload_for
    has_plan, approved_on, overdue = (getattr(family, a) for a in ("has_plan", "plan_approved_on", "overdue_actions"))
    due_on = plan_rules.plan_due_on(started_on=family.started_on, norm_days=family.approach.plan_norm_days)
    late = plan_rules.plan_is_late(due_on=due_on, approved_on=approved_on, today=timezone.localdate())
    if not has_plan:
        flags.append(
            "geen plan (te laat)" if late or due_on is None else f"plan nodig vóór {date_format(due_on, 'j F')}"
        )
    elif late:
        flags.append("plan niet vastgesteld met het gezin (te laat)")
    if overdue:
        flags.append(ngettext("%(n)d actie over de datum", "%(n)d acties over de datum", overdue) % {"n": overdue})
    return flags


def start_overdue(family: Family) -> bool:
    return rules.start_is_late(
        registered_on=family.registered_on,
        started_on=family.started_on,
        today=timezone.localdate(),
        norm_days=family.approach.start_norm_days,
    )


# --- involvement ---------------------------------------------------------------------------------------------


def involvements_of(family: Family) -> list[Involvement]:
    """Everyone invited to or working with the family, open ones first (of a family the caller got through the
    policy)."""
    rows = family.involvements.select_related("user", "organisation", "proposed_by").prefetch_related(
        "problems__domain"
    )
    return sorted(rows, key=lambda i: (i.status not in workflow.INVOLVEMENT_OPEN, i.started_on, i.pk))


def contacts_of(family: Family) -> QuerySet[Contact]:
    return family.contacts.select_related("by").prefetch_related("members")


def involvement_of(family: Family, involvement_id: str) -> Involvement | None:
    return family.involvements.filter(pk=involvement_id).first() if involvement_id.isdigit() else None


def own_actions(*, actor: User, limit: int) -> list[PlanAction]:
    """The open plan actions a professional owns, in families they may see (accepted involvement, consent).
    Showing them names their families: each family shown is logged, as a list read is."""
    visible = policy.families_for(actor, Permission.VIEW).values("pk")
    actions = list(
        PlanAction.objects.filter(owner_user=actor, goal__plan__family__in=visible, status=ActionStatus.OPEN)
        .select_related("goal__plan__family", "goal__problem__domain")
        .order_by("due_on", "pk")[:limit]
    )
    families = list({a.goal.plan.family.pk: a.goal.plan.family for a in actions}.values())
    audit.record_many(
        actor=actor,
        action="plan.action_list",
        families=families,
        membership=policy.membership_in_role(actor, Role.PROFESSIONAL),
    )
    return actions


# --- binding decisions ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DecisionRow:
    decision: BindingDecision
    may_answer: bool  # the viewer answers for the organisation it binds, and it awaits an answer


def decisions_of(family: Family, *, actor: User) -> list[DecisionRow]:
    """The family's binding decisions (of a family the caller got through the policy)."""
    organisations = {m.organisation_id for m in policy.memberships_of(actor)}
    rows = family.binding_decisions.select_related("organisation", "decided_by", "acknowledged_by", "escalation")
    return [DecisionRow(d, d.awaiting_answer and d.organisation_id in organisations) for d in rows]
