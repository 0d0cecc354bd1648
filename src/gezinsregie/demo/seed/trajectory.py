"""Demo trajectories: episodes, evaluations, closures with handover, aftercare with check-ins held, due and
missed, drang en dwang with an exit decision, and a family that came back by a signal with two episodes."""

import random
from datetime import date, timedelta

from gezinsregie.accounts.models import User
from gezinsregie.casework import workflow
from gezinsregie.casework.models import (
    EntryRoute,
    Episode,
    Escalation,
    EscalationMove,
    Family,
    FamilyStatus,
    Involvement,
    Measure,
    MeasureDecision,
    MeasureKind,
    NonCooperationDecision,
    Problem,
    ScoreMoment,
    SelfSufficiencyScore,
    Stagnation,
)
from gezinsregie.casework.workflow import AftercareEndReason, ClosureReason
from gezinsregie.organisations.models import Approach
from gezinsregie.plans.models import Goal
from gezinsregie.trajectory import rules
from gezinsregie.trajectory.models import (
    Aftercare,
    CheckIn,
    Closure,
    Evaluation,
    EvaluationKind,
    Extension,
    GoalEvaluation,
    GoalResult,
    HandoverItem,
    Signal,
    SignalStatus,
)

FAMILY_VIEWS = [
    "Het is rustiger thuis. We weten nu bij wie we moeten zijn.",
    "De schulden zijn nog niet weg, maar we openen de post weer samen.",
    "Noah gaat weer elke dag naar school; dat had ik niet gedacht.",
]
CLOSURE_REASONS = [ClosureReason.GOALS_REACHED, ClosureReason.MANAGEABLE, ClosureReason.HANDED_OVER]


def demo_trajectory(
    *, rng: random.Random, today: date, watcher: User, manager: User, manager_approach: Approach
) -> None:
    families = list(Family.objects.select_related("approach", "coordinator").order_by("reference"))
    for family in families:
        if family.status == FamilyStatus.AFTERCARE and family.closed_on is None:
            # closed a month or three ago: some check-ins held, one missed, the rest still to come
            family.closed_on = today - timedelta(days=rng.randint(40, 120))
            Family.objects.filter(pk=family.pk).update(closed_on=family.closed_on)
        Episode.objects.create(
            family=family,
            number=1,
            registered_on=family.registered_on,
            started_on=family.started_on,
            closed_on=family.closed_on,
        )
    # the GGZ professional works on the family's health problems (C4.b.1 reads which domains a partner covers)
    for involvement in Involvement.objects.filter(organisation__name__startswith="GGZ"):
        involvement.problems.set(Problem.objects.filter(family=involvement.family_id, domain__key__contains="gezond"))
    active = [f for f in families if f.status == FamilyStatus.ACTIVE and f.coordinator]
    for index, family in enumerate(active):
        assert family.coordinator is not None
        if index % 3 != 2:  # a third has no evaluation yet: the caseload flags them as due
            _evaluation(rng, family, EvaluationKind.PERIODIC, _some_day(family, today, 0.6), with_family=index % 4 != 1)
        if index % 5 == 0:
            Extension.objects.create(
                episode=family.episodes.get(),
                family=family,
                decided_on=today - timedelta(days=10),
                days=90,
                reason="De schuldsanering loopt nog; de regie is nog nodig tot de rechter heeft beslist.",
                decided_by=family.coordinator,
            )
    if len(active) > 3:
        _not_cooperating(active[3], manager=manager, today=today, decided=False)
    if len(active) > 7:
        _not_cooperating(active[7], manager=manager, today=today, decided=True)
    ended = [f for f in families if f.status in workflow.LEFT and f.closed_on]
    for index, family in enumerate(ended):
        _closed(rng, family, today=today, watcher=watcher, index=index)
    # in the approach the demo process manager runs, so the demo logins see it
    returning = next((f for f in ended if f.status == FamilyStatus.CLOSED and f.approach == manager_approach), None)
    if returning is not None:
        _came_back(returning, watcher=watcher, today=today)


def _some_day(family: Family, today: date, fraction: float) -> date:
    start = family.started_on or family.registered_on
    return start + timedelta(days=int((today - start).days * fraction))


def _evaluation(
    rng: random.Random, family: Family, kind: str, held_on: date, *, with_family: bool = True
) -> Evaluation:
    evaluation = Evaluation.objects.create(
        family=family,
        episode=family.episodes.order_by("-number")[0],
        kind=kind,
        held_on=held_on,
        with_family=with_family,
        family_view=rng.choice(FAMILY_VIEWS) if with_family else "",
        notes="Doelen doorgenomen met het gezin en de betrokken professionals.",
        recorded_by=family.coordinator or manager_of(family),
    )
    final = kind == EvaluationKind.FINAL
    for goal in Goal.objects.filter(plan__family=family):
        result = GoalResult.REACHED if final else rng.choice([GoalResult.PARTLY, GoalResult.REACHED])
        GoalEvaluation.objects.create(evaluation=evaluation, goal=goal, result=result)
    moment = ScoreMoment.CLOSURE if final else ScoreMoment.EVALUATION
    for start in SelfSufficiencyScore.objects.filter(family=family, moment=ScoreMoment.INTAKE):
        SelfSufficiencyScore.objects.get_or_create(
            family=family,
            member=None,
            domain=start.domain,
            moment=moment,
            scored_on=held_on,
            defaults={"score": min(5, start.score + (2 if final else 1)), "recorded_by": evaluation.recorded_by},
        )
    return evaluation


def manager_of(family: Family) -> User:
    assert family.process_manager is not None
    return family.process_manager


def _closed(rng: random.Random, family: Family, *, today: date, watcher: User, index: int) -> None:
    assert family.closed_on is not None
    episode = family.episodes.get()
    final = _evaluation(rng, family, EvaluationKind.FINAL, family.closed_on - timedelta(days=3))
    in_aftercare = family.status == FamilyStatus.AFTERCARE
    waived = not in_aftercare and index % 3 == 2
    closure = Closure.objects.create(
        family=family,
        episode=episode,
        closed_on=family.closed_on,
        reason=CLOSURE_REASONS[index % len(CLOSURE_REASONS)],
        final_evaluation=final,
        aftercare_waived=waived,
        waiver_reason="Het gezin verhuist naar een andere gemeente; de regisseur daar is ingelicht." if waived else "",
        closed_by=family.coordinator or watcher,
    )
    HandoverItem.objects.create(
        closure=closure,
        need="Budgetbegeleiding tot de schulden zijn afgelost",
        provider="Schuldhulp Zeldenbroek",
        agreed="Eens per maand een gesprek; bij een nieuwe achterstand belt de budgetcoach de regisseur.",
    )
    if waived:
        return
    # the family's own coordinator keeps watch, or the GGZ professional where the consent names GGZ
    keeps_watch = watcher if index % 2 else (family.coordinator or watcher)
    aftercare = Aftercare.objects.create(
        family=family,
        episode=episode,
        closure=closure,
        watcher=keeps_watch,
        signals="Een nieuwe huurachterstand, schoolverzuim, politiecontact of een afgezegde afspraak bij de GGZ.",
        whom_to_call="De procesmanager van de aanpak (14 0123)",
        starts_on=family.closed_on,
        ended_on=None if in_aftercare else family.closed_on + timedelta(days=180),
        end_reason="" if in_aftercare else AftercareEndReason.COMPLETED,
    )
    if not in_aftercare:
        episode.aftercare_ended_on = aftercare.ended_on
        episode.save(update_fields=["aftercare_ended_on"])
    first = family.closed_on + timedelta(days=30)
    for number, due in enumerate(rules.checkin_dates(first, monthly=3, quarterly=1)):
        past = due < today
        missed = in_aftercare and past and number == 1 and index % 2 == 0  # one missed, alerted check-in
        CheckIn.objects.create(
            aftercare=aftercare,
            family=family,
            due_on=due,
            held_on=due if past and not missed else None,
            reached=(number != 2) if past and not missed else None,
            how_it_goes="Gaat goed; de huur wordt betaald." if past and not missed and number != 2 else "",
            recorded_by=keeps_watch if past and not missed else None,
            watcher_alerted_on=due + timedelta(days=1) if missed else None,
            manager_alerted_on=due + timedelta(days=15) if missed and today > due + timedelta(days=15) else None,
        )


def _came_back(family: Family, *, watcher: User, today: date) -> None:
    """A closed family that a partner signalled: back in triage with a second episode of its own."""
    on = today - timedelta(days=6)
    signal_text = "De woningcorporatie meldt opnieuw een huurachterstand van drie maanden."
    episode = Episode.objects.create(
        family=family, number=2, route=EntryRoute.SIGNAL, registered_on=on, reentry_reason=signal_text
    )
    Signal.objects.create(
        family=family,
        raised_on=on,
        raised_by=watcher,
        organisation=watcher.active_memberships()[0].organisation,
        description=signal_text,
        status=SignalStatus.IN_TRIAGE,
        episode=episode,
    )
    Family.objects.filter(pk=family.pk).update(
        status=workflow.FamilyStatus.TRIAGE, registered_on=on, started_on=None, closed_on=None
    )


def _not_cooperating(family: Family, *, manager: User, today: date, decided: bool) -> None:
    """A family that stopped cooperating: measures considered; for one the process manager decided."""
    coordinator = family.coordinator
    assert coordinator is not None
    opened_on = today - timedelta(days=20)
    escalation = Escalation.objects.create(
        family=family,
        stagnation=Stagnation.NOT_COOPERATING,
        organisation=family.approach.partners.order_by("pk")[0],
        description="Het gezin doet de deur niet meer open en zegt elke afspraak af.",
        opened_on=opened_on,
        opened_by=coordinator,
        step_since=opened_on,
    )
    EscalationMove.objects.create(escalation=escalation, step=0, moved_on=opened_on, by=coordinator)
    board = Measure.objects.create(
        family=family,
        kind=MeasureKind.CHILD_PROTECTION,
        description="Verzoek tot onderzoek besproken in het casusoverleg.",
        considered_on=today - timedelta(days=15),
        decision=MeasureDecision.NOT_APPLIED if decided else MeasureDecision.PENDING,
        decided_on=today - timedelta(days=10) if decided else None,
        decided_by="procesmanager en Veilig Thuis" if decided else "",
        reason="Geen acute onveiligheid; de kinderen zijn in beeld bij school." if decided else "",
        recorded_by=coordinator,
    )
    tenancy = Measure.objects.create(
        family=family,
        kind=MeasureKind.TENANCY,
        considered_on=today - timedelta(days=14),
        decision=MeasureDecision.APPLIED,
        decided_on=today - timedelta(days=12),
        decided_by="woningcorporatie",
        reason="Laatste kans: huurovereenkomst met gedragsaanwijzing.",
        outcome="Gezin heeft getekend, maar houdt zich niet aan de afspraken.",
        recorded_by=coordinator,
    )
    if decided:
        decision = NonCooperationDecision.objects.create(
            family=family,
            episode=family.episodes.get(),
            decided_on=today - timedelta(days=2),
            decided_by=manager,
            reason="Alle drang is ingezet; dwang is niet aan de orde. Het gezin mag de aanpak verlaten; "
            "de wijkagent en de school houden een oogje in het zeil.",
        )
        decision.measures_considered.set([board, tenancy])
