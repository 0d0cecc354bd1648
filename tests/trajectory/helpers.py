"""What the trajectory tests share: a final evaluation, a sound aftercare plan, a closure in one call."""

from datetime import date, timedelta

from django.utils import timezone

from gezinsregie.casework.workflow import ClosureReason
from gezinsregie.frameworks.models import LifeDomain
from gezinsregie.plans.models import Goal
from gezinsregie.trajectory import services
from gezinsregie.trajectory.models import Closure, Evaluation, EvaluationKind, GoalResult
from tests.worlds.plans import PlanWorld


def today() -> date:
    return timezone.localdate()


def final_evaluation(w: PlanWorld, *, held_on: date | None = None) -> Evaluation:
    goals = list(Goal.objects.filter(plan__family=w.family))
    domains = LifeDomain.objects.filter(domain_set=w.approach.life_domain_set)
    return services.evaluation_record(
        actor=w.coordinator,
        family=w.family,
        kind=EvaluationKind.FINAL,
        held_on=held_on or today() - timedelta(days=2),
        with_family=True,
        family_view="We redden het nu zelf, de schulden zijn geregeld.",
        goal_results=[services.GoalResultInput(goal=g, result=GoalResult.REACHED) for g in goals],
        scores={d: 4 for d in domains},
    )


def aftercare_plan(w: PlanWorld, **changes: object) -> services.AftercareInput:
    fields: dict[str, object] = {
        "signals": "Huurachterstand, schoolverzuim van Noah.",
        "whom_to_call": "Procesmanager, 14 040",
        "first_on": today() + timedelta(days=30),
        "monthly": 3,
        "quarterly": 1,
        "watcher": w.professional,
    }
    fields.update(changes)
    return services.AftercareInput(**fields)  # type: ignore[arg-type]


def close(w: PlanWorld, **changes: object) -> Closure:
    fields: dict[str, object] = {
        "actor": w.coordinator,
        "family": w.family,
        "closed_on": today(),
        "reason": ClosureReason.GOALS_REACHED,
        "handover": [
            services.HandoverInput(need="Budgetbegeleiding", provider="Schuldhulp", agreed="Maandelijks gesprek")
        ],
        "aftercare": aftercare_plan(w),
    }
    fields.update(changes)
    return services.family_close(**fields)  # type: ignore[arg-type]
