"""Closure: only with a reason, a final evaluation, a handover and aftercare or a reasoned waiver (issue 10 §5)."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.casework import services as casework
from gezinsregie.casework.models import (
    Escalation,
    FamilyStatus,
    Involvement,
    Measure,
    MeasureKind,
    Stagnation,
)
from gezinsregie.casework.services.episodes import episode_current
from gezinsregie.casework.services.measures import measure_record, non_cooperation_decide
from gezinsregie.casework.workflow import ClosureReason
from gezinsregie.trajectory import services
from gezinsregie.trajectory.models import Aftercare, CheckIn, Closure, EvaluationKind, GoalResult
from tests.trajectory.helpers import aftercare_plan, close, final_evaluation, today

pytestmark = pytest.mark.django_db


def nothing_written(w) -> dict[str, object]:
    w.family.refresh_from_db()
    return {
        "status": w.family.status,
        "closures": Closure.objects.count(),
        "aftercare": Aftercare.objects.count(),
        "checkins": CheckIn.objects.count(),
        "log": AccessLogEntry.objects.filter(action="family.close").count(),
    }


def test_a_closure_with_everything_closes_the_episode_and_plans_the_checkins(w, planned) -> None:
    final_evaluation(w)
    closure = close(w)

    w.family.refresh_from_db()
    assert w.family.status == FamilyStatus.AFTERCARE
    assert w.family.closed_on == today()
    assert episode_current(w.family).closed_on == today()
    assert closure.final_evaluation.kind == EvaluationKind.FINAL
    assert [h.provider for h in closure.handover.all()] == ["Schuldhulp"]
    dues = list(CheckIn.objects.filter(family=w.family).values_list("due_on", flat=True))
    first = today() + timedelta(days=30)
    assert len(dues) == 4 and dues[0] == first  # monthly three times, then one a quarter later
    assert (dues[3] - dues[2]).days in range(89, 93)
    # the professionals' involvement ends with the trajectory; the watcher keeps access through the aftercare
    assert not Involvement.objects.working().filter(family=w.family).exists()
    assert AccessLogEntry.objects.filter(family_id=w.family.pk, action="family.close").count() == 1


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"reason": ""}, "reason", "Kies een reden van afsluiten"),
        ({"handover": []}, "handover", "welke zorg of ondersteuning nog nodig is"),
        ({"aftercare": None}, "aftercare", "tenzij u met een reden afziet van nazorg"),
        ({"closed_on": "tomorrow"}, "closed_on", "niet in de toekomst"),
    ],
)
def test_an_incomplete_closure_is_refused_in_dutch_and_writes_nothing(w, planned, changes, field, message) -> None:
    final_evaluation(w)
    before = nothing_written(w)
    if changes.get("closed_on") == "tomorrow":  # the parameters are made before the clock is frozen
        changes = {"closed_on": today() + timedelta(days=1)}

    with pytest.raises(ValidationError) as refused:
        close(w, **changes)

    assert any(message in m for m in refused.value.message_dict[field])
    assert nothing_written(w) == before


def test_without_a_final_evaluation_nothing_closes(w, planned) -> None:
    before = nothing_written(w)
    with pytest.raises(ValidationError) as refused:
        close(w)
    assert "eindevaluatie" in refused.value.message_dict["final_evaluation"][0]
    assert nothing_written(w) == before


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"first_on": -1}, "vóór de afsluiting"),
        ({"monthly": 0, "quarterly": 0}, "ten minste één"),
        ({"monthly": 12, "quarterly": 9}, "houdt niet op"),
    ],
)
def test_a_schedule_that_never_ends_or_starts_before_closure_is_refused(w, planned, changes, message) -> None:
    final_evaluation(w)
    if "first_on" in changes:  # days from today: the parameters are made before the clock is frozen
        changes = {"first_on": today() + timedelta(days=changes["first_on"])}
    with pytest.raises(ValidationError) as refused:
        close(w, aftercare=aftercare_plan(w, **changes))
    assert any(message in m for m in refused.value.message_dict["schedule"])
    assert not Closure.objects.exists()


def test_aftercare_may_be_waived_only_with_a_reason(w, planned) -> None:
    final_evaluation(w)
    closure = close(w, aftercare=None, waiver_reason="Gezin verhuist naar het buitenland.")

    w.family.refresh_from_db()
    assert w.family.status == FamilyStatus.CLOSED
    assert closure.aftercare_waived and not Aftercare.objects.exists()


def test_a_reason_the_approach_does_not_use_is_refused(w, planned) -> None:
    w.approach.closure_reasons = [ClosureReason.GOALS_REACHED]
    w.approach.save()
    final_evaluation(w)
    with pytest.raises(ValidationError) as refused:
        close(w, reason=ClosureReason.MOVED_AWAY)
    assert "lijst van deze aanpak" in refused.value.message_dict["reason"][0]


def not_cooperating(w) -> Escalation:
    return casework.escalation_open(
        actor=w.coordinator,
        family=w.family,
        stagnation=Stagnation.NOT_COOPERATING,
        organisation=w.coordinator_org,
        description="Gezin doet de deur niet meer open en zegt afspraken af.",
        opened_on=today() - timedelta(days=10),
    )


def test_a_family_that_stopped_cooperating_leaves_only_by_the_process_managers_decision(w, planned) -> None:
    not_cooperating(w)
    final_evaluation(w)

    # every other way is refused: another reason, or the reason without the decision
    for reason in (ClosureReason.MOVED_AWAY, ClosureReason.STOPPED_COOPERATING):
        with pytest.raises(ValidationError) as refused:
            close(w, reason=reason)
        assert "besluit van de procesmanager" in " ".join(refused.value.message_dict["reason"])
    assert not Closure.objects.exists()

    measure = measure_record(
        actor=w.coordinator,
        family=w.family,
        kind=MeasureKind.CHILD_PROTECTION,
        considered_on=today() - timedelta(days=5),
        decision="not_applied",
        decided_on=today() - timedelta(days=3),
        decided_by="procesmanager",
        reason="Geen acute onveiligheid voor de kinderen.",
    )
    with pytest.raises(PermissionDenied):  # a coordinator cannot take the process manager's decision
        non_cooperation_decide(actor=w.coordinator, family=w.family, decided_on=today(), reason="x", measures=[measure])
    decision = non_cooperation_decide(
        actor=w.process_manager,
        family=w.family,
        decided_on=today(),
        reason="Alle middelen zijn ingezet; het gezin weigert elk contact.",
        measures=[measure],
    )

    closure = close(w, reason=ClosureReason.STOPPED_COOPERATING)
    assert closure.exit_decision == decision
    assert list(decision.measures_considered.all()) == [measure]


def test_the_exit_decision_names_the_measures_considered(w, planned) -> None:
    with pytest.raises(ValidationError) as refused:
        non_cooperation_decide(
            actor=w.process_manager, family=w.family, decided_on=today(), reason="Weigert alles.", measures=[]
        )
    assert "maatregelen van drang en dwang" in refused.value.message_dict["measures"][0]
    assert not Measure.objects.exists()


def test_the_final_evaluation_needs_every_goal_and_the_familys_words(w, planned) -> None:
    with pytest.raises(ValidationError) as refused:
        services.evaluation_record(
            actor=w.coordinator,
            family=w.family,
            kind=EvaluationKind.FINAL,
            held_on=today(),
            with_family=True,
            family_view="",
            goal_results=[services.GoalResultInput(goal=planned.housing_goal, result=GoalResult.PARTLY)],
        )
    errors = refused.value.message_dict
    assert "eigen woorden" in errors["family_view"][0]
    assert "voor elk doel" in errors["goals"][0]
    assert "zelfredzaamheid" in errors["scores"][0]


def test_a_declined_invitation_does_not_block_the_closure_and_open_escalations_end_with_it(w, planned) -> None:
    from gezinsregie.casework.workflow import InvolvementStatus

    Involvement.objects.create(
        family=w.family,
        user=w.outsider,
        organisation=w.outside_org,
        status=InvolvementStatus.DECLINED,
        started_on=today() - timedelta(days=3),
    )
    stuck = casework.escalation_open(
        actor=w.coordinator,
        family=w.family,
        stagnation=Stagnation.CARE_NOT_DELIVERED,
        organisation=w.coordinator_org,
        description="De intake is drie keer verzet.",
        opened_on=today() - timedelta(days=4),
    )
    final_evaluation(w)
    close(w)
    stuck.refresh_from_db()
    assert stuck.closed_on == today() and stuck.outcome.startswith("Gezin afgesloten")


def test_only_the_process_manager_says_a_non_cooperating_family_cooperates_again(w, planned) -> None:
    escalation = not_cooperating(w)
    with pytest.raises(PermissionDenied):  # else closing it would be the way around the exit decision
        casework.escalation_close(
            actor=w.coordinator, escalation=escalation, closed_on=today(), outcome="Werkt weer mee."
        )
    casework.escalation_close(
        actor=w.process_manager, escalation=escalation, closed_on=today(), outcome="Werkt weer mee."
    )
    escalation.refresh_from_db()
    assert escalation.closed_on == today()


def test_the_watcher_is_someone_who_works_with_the_family_now(w, planned) -> None:
    final_evaluation(w)
    with pytest.raises(ValidationError) as refused:  # Olga's organisation is not in the consent
        close(w, aftercare=aftercare_plan(w, watcher=w.outsider))
    assert "betrokken is en in de toestemming staat" in refused.value.message_dict["watcher"][0]
    assert not Closure.objects.exists()
