"""Writing the plan: versions, snapshots, the stale-version guard, the consent boundary, permissions, logging."""

import threading
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.plans import services
from gezinsregie.plans.models import Action, ActionStatus, Goal, OwnerKind, PlanVersion
from gezinsregie.plans.services import Owner, StalePlanError
from tests.worlds.plans import PlanWithContent, PlanWorld

pytestmark = pytest.mark.django_db


def _state(planned: PlanWithContent) -> tuple[int, int, int, int]:
    planned.plan.refresh_from_db()
    return (
        planned.plan.version,
        Goal.objects.count(),
        Action.objects.count(),
        PlanVersion.objects.filter(plan=planned.plan).count(),
    )


def test_creating_a_plan_stores_version_1(w: PlanWorld) -> None:
    plan = services.plan_create(actor=w.coordinator, family=w.family)
    version = plan.versions.get()
    assert (plan.version, version.number, version.summary) == (1, 1, "Plan opgesteld")
    assert version.snapshot["goals"] == []
    assert version.changed_by == w.coordinator


def test_one_plan_per_family(w: PlanWorld) -> None:
    services.plan_create(actor=w.coordinator, family=w.family)
    with pytest.raises(ValidationError, match="al een plan"):
        services.plan_create(actor=w.process_manager, family=w.family)


def test_every_saved_session_raises_the_version_and_stores_a_snapshot(planned: PlanWithContent, w: PlanWorld) -> None:
    plan = planned.plan
    assert plan.version == 5
    assert list(plan.versions.order_by("number").values_list("number", flat=True)) == [1, 2, 3, 4, 5]
    second = plan.versions.get(number=2)
    assert second.summary == "Doel toegevoegd: Het gezin kan in het huis blijven wonen"
    goal = second.snapshot["goals"][0]
    assert (goal["description"], goal["domain"], goal["problem"]) == (
        "Het gezin kan in het huis blijven wonen",
        "Wonen",
        w.housing.description,
    )
    latest = plan.versions.get(number=5).snapshot
    action = latest["goals"][1]["actions"][0]
    assert (action["owner"], action["owner_kind"], action["status"]) == ("Sanne de Vries", "member", "open")
    assert latest["goals"][0]["actions"][0]["owner"] == "Kees Jansen (Schuldhulp Zeldenbroek)"

    services.plan_update_goal(
        actor=w.coordinator,
        goal=planned.housing_goal,
        expected_version=5,
        problem=w.housing,
        description="Het gezin kan in het huis blijven wonen",
        priority=1,
        term="short",
        status="achieved",
    )
    plan.refresh_from_db()
    assert plan.version == 5  # an edit goes into the working session: no version per field
    assert services.plan_session_save(actor=w.coordinator, plan=plan, expected_version=5) == 6
    plan.refresh_from_db()
    assert plan.version == 6
    assert plan.versions.get(number=6).summary == (
        "Doel gewijzigd: Het gezin kan in het huis blijven wonen (status: loopt → bereikt)"
    )


def test_a_stale_version_is_refused_and_nothing_is_written(planned: PlanWithContent, w: PlanWorld) -> None:
    before = _state(planned)
    log_before = AccessLogEntry.objects.filter(action__startswith="plan.").count()
    with pytest.raises(StalePlanError) as stale:
        services.plan_add_goal(
            actor=w.process_manager,
            plan=planned.plan,
            expected_version=4,
            problem=w.health,
            description="Noah gaat weer elke dag naar school",
            priority=3,
            term="short",
        )
    assert str(stale.value) == (
        "Iemand anders heeft het plan intussen gewijzigd (versie 5). Uw wijziging is niet opgeslagen; "
        "bekijk de nieuwe versie en voer uw wijziging opnieuw in."
    )
    assert stale.value.current_version == 5
    assert _state(planned) == before
    assert AccessLogEntry.objects.filter(action__startswith="plan.").count() == log_before


@pytest.mark.parametrize("service", ["goal", "action", "agreement"])
def test_every_change_checks_the_version(planned: PlanWithContent, w: PlanWorld, service: str) -> None:
    action = Action.objects.filter(goal=planned.debts_goal).get()
    calls = {
        "goal": lambda v: services.plan_update_goal(
            actor=w.coordinator,
            goal=planned.debts_goal,
            expected_version=v,
            problem=w.debts,
            description="x",
            priority=1,
            term="short",
            status="open",
        ),
        "action": lambda v: services.plan_update_action(
            actor=w.coordinator,
            action=action,
            expected_version=v,
            description="x",
            owner=Owner(OwnerKind.MEMBER, member=w.sanne),
            due_on=w.today,
            status="open",
            done_on=None,
        ),
        "agreement": lambda v: services.plan_record_approval(
            actor=w.coordinator,
            plan=planned.plan,
            expected_version=v,
            goals_set_with_family=True,
            approved_by_family_on=w.today,
        ),
    }
    before = _state(planned)
    with pytest.raises(StalePlanError):
        calls[service](3)
    assert _state(planned) == before
    calls[service](5)
    if service != "agreement":  # the family's agreement is a version at once; an edit when the session is saved
        services.plan_session_save(actor=w.coordinator, plan=planned.plan, expected_version=5)
    assert _state(planned)[0] == 6


def test_a_goal_without_a_problem_is_refused(planned: PlanWithContent, w: PlanWorld) -> None:
    before = _state(planned)
    with pytest.raises(ValidationError) as invalid:
        services.plan_add_goal(
            actor=w.coordinator,
            plan=planned.plan,
            expected_version=5,
            problem=None,
            description="Een doel zonder probleem",
            priority=1,
            term="short",
        )
    assert invalid.value.message_dict["problem"] == [
        "Een doel hoort altijd bij een probleem uit de probleemanalyse. Kies het probleem."
    ]
    assert _state(planned) == before


def test_a_goal_for_another_familys_problem_is_refused(planned: PlanWithContent, w: PlanWorld) -> None:
    with pytest.raises(ValidationError) as invalid:
        services.plan_add_goal(
            actor=w.coordinator,
            plan=planned.plan,
            expected_version=5,
            problem=w.other_problem,
            description="Verkeerd gezin",
            priority=1,
            term="short",
        )
    assert invalid.value.message_dict["problem"] == ["Dit probleem hoort niet bij dit gezin."]


def _add_action(planned: PlanWithContent, w: PlanWorld, owner: Owner, **kwargs: object) -> Action:
    return services.plan_add_action(
        actor=w.coordinator,
        goal=planned.housing_goal,
        expected_version=kwargs.pop("expected_version", 5),  # type: ignore[arg-type]
        description="Iets regelen",
        owner=owner,
        due_on=kwargs.pop("due_on", w.today + timedelta(days=7)),  # type: ignore[arg-type]
    )


def test_a_professional_outside_the_consent_cannot_own_an_action(planned: PlanWithContent, w: PlanWorld) -> None:
    before = _state(planned)
    with pytest.raises(ValidationError) as invalid:
        _add_action(planned, w, Owner(OwnerKind.PROFESSIONAL, user=w.outsider, organisation=w.outside_org))
    assert (
        "Deze actiehouder valt buiten de toestemming van het gezin: Woonstichting Buiten"
        in (invalid.value.message_dict["owner_user"][0])
    )
    assert _state(planned) == before


def test_after_the_consent_is_withdrawn_its_organisations_cannot_own_actions(
    planned: PlanWithContent, w: PlanWorld
) -> None:
    w.consent.withdrawn_on = w.today - timedelta(days=1)
    w.consent.save()
    owner = Owner(OwnerKind.PROFESSIONAL, user=w.professional, organisation=w.professional_org)
    with pytest.raises(ValidationError, match="valt buiten de toestemming"):
        _add_action(planned, w, owner)
    # An open action of that professional cannot be changed without choosing someone else ...
    action = Action.objects.get(goal=planned.housing_goal)
    with pytest.raises(ValidationError, match="valt buiten de toestemming"):
        services.plan_update_action(
            actor=w.coordinator,
            action=action,
            expected_version=5,
            description=action.description,
            owner=owner,
            due_on=action.due_on,
            status="open",
            done_on=None,
        )
    # ... but what was done stays history: marking it done keeps the owner.
    services.plan_update_action(
        actor=w.coordinator,
        action=action,
        expected_version=5,
        description=action.description,
        owner=owner,
        due_on=action.due_on,
        status="done",
        done_on=None,
    )
    action.refresh_from_db()
    assert (action.status, action.done_on) == (ActionStatus.DONE, w.today)


def test_a_professional_within_the_consent_and_involved_can_own_an_action(
    planned: PlanWithContent, w: PlanWorld
) -> None:
    action = _add_action(planned, w, Owner(OwnerKind.PROFESSIONAL, user=w.coordinator, organisation=w.coordinator_org))
    assert action.owner_display == "Fatima El Amrani (Wijkteam Noord)"


def test_owners_must_belong_to_the_family_and_network_people_need_a_name(
    planned: PlanWithContent, w: PlanWorld
) -> None:
    with pytest.raises(ValidationError) as invalid:
        _add_action(planned, w, Owner(OwnerKind.MEMBER, member=w.other_member))
    assert invalid.value.message_dict["owner_member"] == ["Dit gezinslid hoort niet bij dit gezin."]
    with pytest.raises(ValidationError) as invalid:
        _add_action(planned, w, Owner(OwnerKind.NETWORK, name="  "))
    assert "owner_name" in invalid.value.message_dict
    action = _add_action(planned, w, Owner(OwnerKind.NETWORK, name="Oma Truus"))
    assert (action.owner_name, action.owner_member, action.owner_user) == ("Oma Truus", None, None)


def test_an_action_cannot_be_due_before_the_family_was_registered(planned: PlanWithContent, w: PlanWorld) -> None:
    before = _state(planned)
    with pytest.raises(ValidationError) as invalid:
        _add_action(
            planned, w, Owner(OwnerKind.MEMBER, member=w.noah), due_on=w.family.registered_on - timedelta(days=1)
        )
    assert invalid.value.message_dict["due_on"][0].startswith("Deze datum ligt vóór de aanmelding van het gezin")
    assert _state(planned) == before


def test_the_agreement_names_the_version_the_family_agreed_to(planned: PlanWithContent, w: PlanWorld) -> None:
    plan = services.plan_record_approval(
        actor=w.coordinator,
        plan=planned.plan,
        expected_version=5,
        goals_set_with_family=True,
        approved_by_family_on=w.today,
    )
    assert (plan.version, plan.approved_version, plan.changed_since_approval) == (6, 6, False)
    assert plan.versions.get(number=6).snapshot["approved_by_family_on"] == w.today.isoformat()
    _add_action(planned, w, Owner(OwnerKind.MEMBER, member=w.sanne), expected_version=6)
    plan.refresh_from_db()
    assert not plan.changed_since_approval  # the family agreed to version 6; the edit is not a version yet
    services.plan_session_save(actor=w.coordinator, plan=plan, expected_version=6)
    plan.refresh_from_db()
    assert plan.changed_since_approval
    with pytest.raises(ValidationError, match="toekomst"):
        services.plan_record_approval(
            actor=w.coordinator,
            plan=plan,
            expected_version=7,
            goals_set_with_family=True,
            approved_by_family_on=w.today + timedelta(days=1),
        )


@pytest.mark.parametrize("who", ["professional", "outsider", "stranger"])
def test_only_who_may_edit_the_family_may_change_its_plan(planned: PlanWithContent, w: PlanWorld, who: str) -> None:
    before = _state(planned)
    with pytest.raises(PermissionDenied):
        services.plan_add_goal(
            actor=getattr(w, who),
            plan=planned.plan,
            expected_version=5,
            problem=w.health,
            description="Niet toegestaan",
            priority=1,
            term="short",
        )
    with pytest.raises(PermissionDenied):
        services.plan_create(actor=getattr(w, who), family=w.family)
    assert _state(planned) == before


def test_every_write_is_in_the_access_log(planned: PlanWithContent, w: PlanWorld) -> None:
    entries = AccessLogEntry.objects.filter(family_id=w.family.pk, action__startswith="plan.").order_by("id")
    assert list(entries.values_list("action", flat=True)) == [
        "plan.create",
        "plan.goal_add",
        "plan.session_save",
        "plan.goal_add",
        "plan.session_save",
        "plan.action_add",
        "plan.session_save",
        "plan.action_add",
        "plan.session_save",
    ]
    first = entries.first()
    assert first is not None
    assert (first.username, first.role, first.organisation) == ("regisseur", "regisseur", "Wijkteam Noord")
    assert entries.filter(action="plan.action_add").last().object_type == "plans.Action"  # type: ignore[union-attr]


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_changes_on_the_same_version_one_wins(w: PlanWorld) -> None:
    """The plan row is locked (select_for_update): the second writer waits, then finds the first one's working
    session open and is refused; the first one's session becomes version 2."""
    plan = services.plan_create(actor=w.coordinator, family=w.family)
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def write(actor: object, text: str) -> None:
        try:
            start.wait()
            services.plan_add_goal(
                actor=actor,  # type: ignore[arg-type]
                plan=plan,
                expected_version=1,
                problem=w.housing,
                description=text,
                priority=1,
                term="short",
            )
            outcomes.append("saved")
        except StalePlanError:
            outcomes.append("stale")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=write, args=(w.coordinator, "Eerste")),
        threading.Thread(target=write, args=(w.process_manager, "Tweede")),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(outcomes) == ["saved", "stale"]
    plan.refresh_from_db()
    assert plan.version == 1 and Goal.objects.count() == 1
    winner = plan.sessions.get().opened_by
    services.plan_session_save(actor=winner, plan=plan, expected_version=1)
    plan.refresh_from_db()
    assert plan.version == 2
    assert list(plan.versions.values_list("number", flat=True).order_by("number")) == [1, 2]
