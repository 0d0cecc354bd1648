"""The working session on the plan: edits in place, one version on saving, undo puts everything back."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.plans import selectors, services
from gezinsregie.plans.models import Action, Goal, OwnerKind, PlanSession, SessionOutcome
from gezinsregie.plans.services import Owner, StalePlanError
from tests.worlds.plans import PlanWithContent, PlanWorld

pytestmark = pytest.mark.django_db


def _edit_goal(planned: PlanWithContent, w: PlanWorld, actor: object, text: str, version: int = 5) -> Goal:
    return services.plan_update_goal(
        actor=actor,  # type: ignore[arg-type]
        goal=planned.housing_goal,
        expected_version=version,
        problem=w.housing,
        description=text,
        priority=1,
        term="short",
        status="open",
    )


def _add_action(planned: PlanWithContent, w: PlanWorld, text: str) -> Action:
    return services.plan_add_action(
        actor=w.coordinator,
        goal=planned.housing_goal,
        expected_version=5,
        description=text,
        owner=Owner(OwnerKind.MEMBER, member=w.sanne),
        due_on=w.today + timedelta(days=7),
    )


def test_many_edits_make_one_version_with_every_change_in_its_summary(planned: PlanWithContent, w: PlanWorld) -> None:
    _edit_goal(planned, w, w.coordinator, "Het gezin houdt zijn huis")
    first = _add_action(planned, w, "Huurtoeslag aanvragen")
    second = _add_action(planned, w, "Energiecontract overzetten")
    services.plan_move(actor=w.coordinator, item=second, expected_version=5, direction="up")
    debts_action = Action.objects.get(goal=planned.debts_goal)
    services.plan_remove(actor=w.coordinator, item=debts_action, expected_version=5)
    plan = planned.plan
    plan.refresh_from_db()
    assert plan.version == 5 and plan.versions.count() == 5  # nothing written as a version yet
    assert services.plan_session_save(actor=w.coordinator, plan=plan, expected_version=5) == 6
    plan.refresh_from_db()
    assert plan.versions.count() == 6
    summary = plan.versions.get(number=6).summary
    assert "Doel gewijzigd: Het gezin houdt zijn huis (omschrijving aangepast)" in summary
    assert "Actie toegevoegd: Huurtoeslag aanvragen" in summary
    assert "Actie toegevoegd: Energiecontract overzetten" in summary
    assert "Actie verwijderd: Alle post van schuldeisers in één map doen" in summary
    # the removed action stays in the trail: version 5 still holds it
    assert any(a["id"] == debts_action.pk for g in plan.versions.get(number=5).snapshot["goals"] for a in g["actions"])
    # the move: the second new action now stands before the first
    order = [a.pk for a in selectors.goals_of(plan).get(pk=planned.housing_goal.pk).actions.all()]
    assert order.index(second.pk) < order.index(first.pk)
    session = PlanSession.objects.latest("pk")
    assert (session.outcome, session.saved_version, session.closed_by) == (SessionOutcome.SAVED, 6, w.coordinator)


def test_undoing_puts_every_touched_item_back_and_keeps_the_version(planned: PlanWithContent, w: PlanWorld) -> None:
    before = selectors.snapshot_of(planned.plan)
    _edit_goal(planned, w, w.coordinator, "Iets anders")
    _add_action(planned, w, "Nieuwe actie die weer weg moet")
    services.plan_remove(actor=w.coordinator, item=planned.debts_goal, expected_version=5)  # with its action
    housing_action = Action.objects.get(goal=planned.housing_goal, description__startswith="Betalingsregeling")
    services.plan_move(actor=w.coordinator, item=housing_action, expected_version=5, direction="down")
    services.plan_session_discard(actor=w.coordinator, plan=planned.plan)
    planned.plan.refresh_from_db()
    assert selectors.snapshot_of(planned.plan) == before
    assert planned.plan.version == 5 and planned.plan.versions.count() == 5
    assert PlanSession.objects.latest("pk").outcome == SessionOutcome.DISCARDED
    assert AccessLogEntry.objects.filter(action="plan.session_discard", username="regisseur").exists()


def test_while_one_works_on_the_plan_another_cannot_overwrite_it(planned: PlanWithContent, w: PlanWorld) -> None:
    _edit_goal(planned, w, w.coordinator, "Van de regisseur")
    with pytest.raises(StalePlanError, match="werkt er sinds") as busy:
        _edit_goal(planned, w, w.process_manager, "Van de procesmanager")
    assert busy.value.busy_with == str(w.coordinator)
    with pytest.raises(StalePlanError):  # the agreement would take the other's unsaved edits along
        services.plan_record_approval(
            actor=w.process_manager,
            plan=planned.plan,
            expected_version=5,
            goals_set_with_family=True,
            approved_by_family_on=w.today,
        )
    with pytest.raises(PermissionDenied):  # nor undo them while they are in use
        services.plan_session_discard(actor=w.process_manager, plan=planned.plan)
    planned.housing_goal.refresh_from_db()
    assert planned.housing_goal.description == "Van de regisseur"


def test_a_forgotten_session_may_be_undone_by_another_coordinator(planned: PlanWithContent, w: PlanWorld) -> None:
    _edit_goal(planned, w, w.coordinator, "Vergeten wijziging")
    PlanSession.objects.filter(closed_at__isnull=True).update(last_change_at=timezone.now() - timedelta(hours=5))
    services.plan_session_discard(actor=w.process_manager, plan=planned.plan)
    planned.housing_goal.refresh_from_db()
    assert planned.housing_goal.description == "Het gezin kan in het huis blijven wonen"
    _edit_goal(planned, w, w.process_manager, "Nu mag het")  # the plan is free again


def test_the_familys_agreement_is_to_a_saved_version_with_the_sessions_edits(
    planned: PlanWithContent, w: PlanWorld
) -> None:
    _edit_goal(planned, w, w.coordinator, "Besproken met het gezin")
    plan = services.plan_record_approval(
        actor=w.coordinator,
        plan=planned.plan,
        expected_version=5,
        goals_set_with_family=True,
        approved_by_family_on=w.today,
    )
    assert (plan.version, plan.approved_version, plan.changed_since_approval) == (6, 6, False)
    assert "Besproken met het gezin" in plan.versions.get(number=6).summary
    assert selectors.open_session_of(plan) is None  # the session went into that version


def test_a_progress_report_during_a_session_survives_undoing_it(planned: PlanWithContent, w: PlanWorld) -> None:
    action = Action.objects.get(goal=planned.housing_goal)  # owned by the professional
    services.plan_update_action(
        actor=w.coordinator,
        action=action,
        expected_version=5,
        description="Betalingsregeling afspreken, ook met de energieleverancier",
        owner=Owner(OwnerKind.PROFESSIONAL, user=w.professional, organisation=w.professional_org),
        due_on=action.due_on,
        status="open",
        done_on=None,
    )
    services.plan_report_progress(actor=w.professional, action=action, done=True, note="Regeling getekend")
    planned.plan.refresh_from_db()
    assert planned.plan.version == 5  # no version in the middle of someone's session
    services.plan_session_discard(actor=w.coordinator, plan=planned.plan)
    action.refresh_from_db()
    assert (action.description, action.status, action.status_note) == (
        "Betalingsregeling afspreken met de verhuurder",
        "done",
        "Regeling getekend",
    )


def test_saving_without_changes_is_refused_and_edits_that_cancel_out_make_no_version(
    planned: PlanWithContent, w: PlanWorld
) -> None:
    with pytest.raises(ValidationError, match="geen wijzigingen"):
        services.plan_session_save(actor=w.coordinator, plan=planned.plan, expected_version=5)
    _edit_goal(planned, w, w.coordinator, "Tijdelijk")
    _edit_goal(planned, w, w.coordinator, "Het gezin kan in het huis blijven wonen")
    assert services.plan_session_save(actor=w.coordinator, plan=planned.plan, expected_version=5) is None
    planned.plan.refresh_from_db()
    assert planned.plan.version == 5


def test_a_professional_cannot_move_or_remove(planned: PlanWithContent, w: PlanWorld) -> None:
    with pytest.raises(PermissionDenied):
        services.plan_remove(actor=w.professional, item=planned.debts_goal, expected_version=5)
    with pytest.raises(PermissionDenied):
        services.plan_move(actor=w.professional, item=planned.debts_goal, expected_version=5, direction="up")
    assert Goal.objects.filter(pk=planned.debts_goal.pk).exists()
