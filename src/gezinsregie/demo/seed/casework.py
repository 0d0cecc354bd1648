"""Demo casework per family: the problem analysis, scores and the versioned plan."""

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from gezinsregie.accounts.models import User
from gezinsregie.casework.models import (
    Family,
    OwnStrength,
    Problem,
    ScoreMoment,
    SelfSufficiencyScore,
    Severity,
)
from gezinsregie.plans.models import Action, ActionStatus, Goal, OwnerKind, Plan, PlanVersion, Term
from gezinsregie.plans.selectors import snapshot_of

PROBLEM_TEXTS = [
    "Oplopende schulden; post wordt niet geopend.",
    "Huurachterstand en dreigende uitzetting.",
    "Ouder heeft onbehandelde depressieve klachten.",
    "Kind verzuimt regelmatig van school.",
    "Spanningen en ruzies thuis; politie is twee keer langs geweest.",
    "Geen dagbesteding of werk; dagritme ontbreekt.",
    "Weinig mensen om op terug te vallen.",
    "Woning is vervuild; huishouden loopt vast.",
]


def _demo_analysis(*, rng: random.Random, family: Family, recorder: User, number: int) -> None:
    """Problems on several domains (chronic ones for most families) and intake scores on most domains.

    Some families are left with gaps on purpose: the analysis page and caseload must show them.
    """
    domains = list(family.approach.life_domain_set.domains.all())
    members = list(family.members.all())
    analysed = domains if number % 4 else domains[: len(domains) // 2]
    identified_on = family.started_on or family.registered_on
    for index, domain in enumerate(rng.sample(analysed, k=min(len(analysed), rng.randint(3, 6)))):
        Problem.objects.create(
            family=family,
            member=rng.choice([None, *members]),
            domain=domain,
            description=PROBLEM_TEXTS[(number + index) % len(PROBLEM_TEXTS)],
            severity=rng.choice([Severity.MODERATE, Severity.SEVERE, Severity.SEVERE]),
            chronic=rng.random() < 0.8,
            own_strength=rng.choices(list(OwnStrength), weights=[2, 2, 3, 3])[0],
            family_participated=number % 3 != 0,  # Maastricht: "het gezin is niet bij de eerste analyse betrokken"
            identified_on=identified_on,
            recorded_by=recorder,
        )
    for domain in analysed:
        SelfSufficiencyScore.objects.create(
            family=family,
            domain=domain,
            score=rng.choice([1, 2, 2, 3, 3, 4]),
            moment=ScoreMoment.INTAKE,
            scored_on=identified_on,
            recorded_by=recorder,
        )


GOAL_TEXTS = {
    "severe": "Het probleem is binnen drie maanden beheersbaar.",
    "moderate": "Het gezin pakt dit zelf op met steun uit het netwerk.",
}
ACTION_TEXTS = [
    "Afspraak maken met de schuldhulpverlener en alle post meenemen.",
    "Wekelijks gesprek over de voortgang met de regisseur.",
    "Kinderen elke ochtend naar school brengen.",
    "Aanmelden bij de huisarts voor een verwijzing naar de GGZ.",
    "Huurachterstand bespreken met de woningcorporatie en een regeling treffen.",
    "Eén keer per week helpen met het huishouden.",
]


def _demo_plan(*, rng: random.Random, today: date, family: Family, author: User, number: int) -> Plan:
    """A plan with goals for most problems (not all: C3.a.2 must have something to find) and actions.

    Built directly rather than through plans.services, so that loading the demo does not write
    access-log entries in the names of the demo users. The version history is real: one snapshot per step.
    """
    started_on = family.started_on or family.registered_on
    # the plan's own history lies in the past, so the monthly trend of the self-assessment tells a true story
    written_on = min(started_on + timedelta(days=rng.randint(7, 60)), today)
    moment = timezone.make_aware(datetime.combine(written_on, time(10)))
    plan = Plan.objects.create(family=family, version=1, created_by=author)
    Plan.objects.filter(pk=plan.pk).update(created_at=moment)
    plan.created_at = moment  # a later plan.save() writes every field

    def snapshot(summary: str) -> None:
        version = PlanVersion.objects.create(
            plan=plan, number=plan.version, snapshot=snapshot_of(plan), summary=summary, changed_by=author
        )
        PlanVersion.objects.filter(pk=version.pk).update(changed_at=moment)

    snapshot("Plan opgesteld")
    members = list(family.members.all())
    consented = set(family.consents.filter(withdrawn_on__isnull=True).values_list("organisations", flat=True))
    involvement = family.involvements.select_related("user", "organisation").first()
    problems = list(family.problems.all())
    for priority, problem in enumerate(problems[: max(1, len(problems) - number % 2)], start=1):
        goal = Goal.objects.create(
            plan=plan,
            problem=problem,
            description=GOAL_TEXTS["severe" if problem.severity == Severity.SEVERE else "moderate"],
            priority=priority,
            term=Term.SHORT if priority <= 2 else Term.LONG,
        )
        Goal.objects.filter(pk=goal.pk).update(created_at=moment)
        for index in range(rng.randint(1, 2)):
            due_on = started_on + timedelta(days=rng.randint(20, 200))
            done = due_on < today and rng.random() < 0.6
            owner: dict[str, object] = {"owner_kind": OwnerKind.MEMBER, "owner_member": rng.choice(members)}
            if index == 1 and involvement and involvement.organisation_id in consented:
                owner = {
                    "owner_kind": OwnerKind.PROFESSIONAL,
                    "owner_user": involvement.user,
                    "owner_organisation": involvement.organisation,
                }
            elif index == 1:
                owner = {"owner_kind": OwnerKind.NETWORK, "owner_name": rng.choice(["Oma Truus", "Buurvrouw Ans"])}
            Action.objects.create(
                goal=goal,
                description=ACTION_TEXTS[(number + priority + index) % len(ACTION_TEXTS)],
                due_on=due_on,
                status=ActionStatus.DONE if done else ActionStatus.OPEN,
                done_on=due_on if done else None,
                **owner,
            )
        Action.objects.filter(goal=goal).update(created_at=moment)
        plan.version += 1
        plan.save(update_fields=["version"])
        snapshot(f"Doel toegevoegd: {goal.description}")
    if number % 5 != 2:  # most families agreed to their plan; some never did (C2.a.3, plan "te laat")
        plan.goals_set_with_family = number % 3 != 0
        plan.approved_by_family_on = min(written_on + timedelta(days=rng.randint(3, 30)), today)
        moment = timezone.make_aware(datetime.combine(plan.approved_by_family_on, time(15)))
        plan.version += 1
        plan.approved_version = plan.version
        plan.save()
        snapshot("Instemming van het gezin vastgelegd")
    return plan
