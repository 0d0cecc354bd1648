"""Demo: the coordinator's daily work (issue 14 §1). The analysis of a family marks a life domain, and where one was
not looked at yet a member, as "geen problemen", so the analysis gap closes without a problem or a score; and the
coordinator has a working session open on a plan (a goal sharpened, an action added, not saved yet), so the plan
page shows the unsaved changes with "Opslaan als nieuwe versie" and "Ongedaan maken", and the family's summary
still shows the saved version. And the police officer has registered a family the system already knows but he may
not see, so the aanmelding is held for the intake team to link (issue 12 §6) and their start page says so. Written
through the services, as the real flow would."""

from datetime import date, timedelta

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.casework import selectors as casework_selectors
from gezinsregie.casework import services as casework_services
from gezinsregie.casework.models import Family, FamilyStatus, MemberRelation, PendingReferral, ReferralSource, Urgency
from gezinsregie.casework.rules import MemberInput
from gezinsregie.casework.services import analysis
from gezinsregie.organisations.models import Approach
from gezinsregie.plans import selectors as plan_selectors
from gezinsregie.plans import services as plan_services
from gezinsregie.plans.models import GoalStatus, OwnerKind

NOTHING_ON_DOMAIN = "Besproken met het gezin en de school: op dit leefgebied gaat het goed, er is niets op te lossen."
NOTHING_FOR_MEMBER = "Gesproken met dit gezinslid: geen zorgen, gaat goed naar school en heeft vrienden in de wijk."


def _active_families(coordinator: User) -> list[Family]:
    families = casework_selectors.with_analysis(
        policy.families_for(coordinator, policy.Permission.EDIT).filter(
            status=FamilyStatus.ACTIVE, plan__goals__actions__isnull=False
        )
    )
    return list(families.distinct().order_by("reference"))


def demo_daily_use(*, coordinator: User, referrer: User, approach: Approach, today: date) -> None:
    _held_aanmelding(referrer, approach, today=today)
    families = _active_families(coordinator)
    if len(families) < 2:
        return
    _no_problems(coordinator, families[-1])
    # The last but one: the browser tests build plans in the first ones and leave this session alone.
    _open_session(coordinator, families[-2], today=today)


def _no_problems(coordinator: User, family: Family) -> None:
    gaps = casework_selectors.analysis_gaps(family)
    domains = {d.name: d for d in family.approach.life_domain_set.domains.all()}
    open_domain = next((domains[name] for name in gaps.domains if name in domains), None)
    if open_domain is None:  # every domain looked at: the one with the fewest problems, looked at again
        open_domain = min(domains.values(), key=lambda d: (family.problems.filter(domain=d).count(), d.pk))
    analysis.no_problems_note(actor=coordinator, family=family, member=None, domain=open_domain, note=NOTHING_ON_DOMAIN)
    unlooked = [m for m in family.members.order_by("birth_date", "pk") if str(m) in gaps.members]
    if unlooked:
        analysis.no_problems_note(
            actor=coordinator, family=family, member=unlooked[-1], domain=None, note=NOTHING_FOR_MEMBER
        )


def _open_session(coordinator: User, family: Family, *, today: date) -> None:
    plan = plan_selectors.plan_of(family)
    assert plan is not None
    goal = next((g for g in plan_selectors.goals_of(plan) if g.status == GoalStatus.OPEN), None)
    if goal is None:
        return
    plan_services.plan_update_goal(
        actor=coordinator,
        goal=goal,
        expected_version=plan.version,
        problem=goal.problem,
        description=f"{goal.description.rstrip('.')}, binnen drie maanden.",
        priority=goal.priority,
        term=goal.term,
        status=goal.status,
    )
    member = family.members.order_by("birth_date", "pk").first()  # the eldest: a parent
    if member is None:
        return
    plan_services.plan_add_action(
        actor=coordinator,
        goal=goal,
        expected_version=plan.version,
        description="Samen met het gezin een weekplanning maken en op de koelkast hangen",
        owner=plan_services.Owner(OwnerKind.MEMBER, member=member),
        due_on=today + timedelta(days=14),
    )


def _held_aanmelding(referrer: User, approach: Approach, *, today: date) -> PendingReferral | None:
    """The referrer registers a family of the approach he may not see (its eldest member, and a baby): held."""
    visible = policy.families_for(referrer, policy.Permission.VIEW).values_list("pk", flat=True)
    known = (
        approach.families.filter(status=FamilyStatus.ACTIVE, members__isnull=False)
        .exclude(pk__in=visible)
        .distinct()
        .order_by("reference")
        .first()
    )
    if known is None:
        return None
    eldest = known.members.order_by("birth_date", "pk").first()
    assert eldest is not None
    members = [
        MemberInput(eldest.first_name, eldest.last_name, eldest.birth_date, MemberRelation.PARENT),
        MemberInput("Noor", eldest.last_name, today - timedelta(days=40), MemberRelation.CHILD),
    ]
    held = casework_services.family_register(
        actor=referrer,
        approach=approach,
        family_name=known.name,
        address=known.address,
        neighbourhood=known.neighbourhood,
        members=members,
        referral=casework_services.ReferralInput(
            source=ReferralSource.POLICE,
            reason="Melding huiselijk geweld na een ruzie in de nacht; er is een baby van zes weken in huis.",
            domains=list(approach.life_domain_set.domains.order_by("order")[:2]),
            urgency=Urgency.HIGH,
            referred_on=today - timedelta(days=1),
        ),
    )
    return held if isinstance(held, PendingReferral) else None
