"""The case meeting over many families (zorgnetwerkoverleg, Venlo): planning it with families on the agenda, and
each family's part: an ordinary round table of that family (agreements into its plan, minutes only within its
consent) in which a case manager can be appointed through casework's coordinator service. Bad input writes nothing.
The pages are in test_case_meetings_views.py, the calendar files in test_calendar.py."""

from datetime import date, time, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.casework.models import CoordinatorAssignment, FamilyStatus
from gezinsregie.notifications.models import Notification
from gezinsregie.plans.models import Action, CaseMeeting, CaseMeetingItem, Meeting, OwnerKind
from gezinsregie.plans.rules import case_meetings as rules
from gezinsregie.plans.services import AgreementInput, Owner
from tests.builder import Builder
from tests.plans.case_meetings import plan_case_meeting, record_part, second_coordinator
from tests.worlds.plans import PlanWithContent, PlanWorld

pytestmark = pytest.mark.django_db

# --- the pure rules ---------------------------------------------------------------------------------------------

TODAY = date(2025, 11, 12)


def meeting_errors(**changes: object) -> dict[str, list[str]]:
    values: dict[str, object] = {
        "held_on": TODAY,
        "starts_at": time(9, 30),
        "ends_at": time(11, 0),
        "location": "Stadhuis",
        "chair_allowed": True,
        "today": TODAY,
    }
    values.update(changes)
    return rules.case_meeting_errors(**values)  # type: ignore[arg-type]


def test_a_meeting_a_year_ahead_is_fine_a_day_further_is_refused() -> None:
    assert meeting_errors(held_on=TODAY + timedelta(days=rules.MAX_DAYS_AHEAD)) == {}
    refused = meeting_errors(held_on=TODAY + timedelta(days=rules.MAX_DAYS_AHEAD + 1))
    assert refused["held_on"][0].startswith("Deze datum ligt meer dan een jaar vooruit")


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"ends_at": time(9, 30)}, "ends_at", "De eindtijd moet na de begintijd liggen."),
        ({"ends_at": time(8, 0)}, "ends_at", "De eindtijd moet na de begintijd liggen."),
        ({"location": "  "}, "location", "Vul de plaats in"),
        ({"location": "x" * 201}, "location", "De plaats is te lang"),
        ({"chair_allowed": False}, "chair", "De voorzitter is een procesmanager van deze aanpak"),
    ],
)
def test_bad_times_places_and_chairs_are_refused_in_dutch(changes: dict, field: str, message: str) -> None:
    assert meeting_errors(**changes)[field][0].startswith(message)


def test_the_agenda_rules_name_a_family_only_when_the_planner_may_see_it() -> None:
    family = rules.AgendaFamily("G-1", in_approach=True, registered_on=TODAY, open=True)
    assert rules.agenda_errors(held_on=TODAY, families=[family]) == {}
    assert rules.agenda_errors(held_on=TODAY, families=[]) == {"families": ["Zet ten minste één gezin op de agenda."]}
    before = rules.agenda_errors(held_on=TODAY - timedelta(days=1), families=[family])["families"]
    assert before == ["Het overleg ligt vóór de aanmelding van gezin G-1 (12 november 2025)."]
    closed = rules.AgendaFamily("G-2", in_approach=True, registered_on=TODAY, open=False)
    assert rules.agenda_errors(held_on=TODAY, families=[closed])["families"] == [
        "Gezin G-2 is afgesloten of niet opgenomen."
    ]
    elsewhere = rules.AgendaFamily("G-SECRET", in_approach=False, registered_on=TODAY, open=True)
    message = rules.agenda_errors(held_on=TODAY, families=[elsewhere])["families"][0]
    assert message == "Een van de gekozen gezinnen hoort niet bij deze aanpak." and "G-SECRET" not in message


# --- planning -----------------------------------------------------------------------------------------------------


def test_the_process_manager_plans_a_meeting_with_two_families_and_their_coordinators_are_told(w: PlanWorld) -> None:
    meeting = plan_case_meeting(w)
    items = CaseMeetingItem.objects.filter(case_meeting=meeting).order_by("position")
    assert [(i.position, i.family.reference) for i in items] == [(1, "GR-PLAN-1"), (2, "GR-PLAN-2")]
    assert (meeting.chair, meeting.location, meeting.recurrence) == (
        w.process_manager,
        "Stadhuis, vergaderzaal 2",
        "maandelijks",
    )
    told = Notification.objects.filter(key__startswith=f"case_meeting:{meeting.pk}:").order_by("user__username")
    assert [(n.user, n.family) for n in told] == [(w.coordinator, w.family), (w.stranger, w.other_family)]
    assert "staat op de agenda van het zorgnetwerkoverleg op 12 november 2025" in told[0].message
    logged = AccessLogEntry.objects.filter(action="case_meeting.agenda_add", username="procesmanager")
    assert sorted(logged.values_list("family_reference", flat=True)) == ["GR-PLAN-1", "GR-PLAN-2"]


def test_only_the_process_manager_of_the_approach_plans_one(w: PlanWorld) -> None:
    for person in (w.coordinator, w.professional, w.stranger):
        with pytest.raises(PermissionDenied):
            plan_case_meeting(w, actor=person)
    assert not CaseMeeting.objects.exists()


def test_a_family_of_another_approach_is_refused_without_its_reference_and_nothing_is_written(w: PlanWorld) -> None:
    b = Builder()
    elsewhere = b.family(b.approach(b.municipality("Elders")), reference="GR-ELDERS", registered=10)
    with pytest.raises(ValidationError) as refused:
        plan_case_meeting(w, families=[w.family, elsewhere])
    assert refused.value.message_dict["families"] == ["Een van de gekozen gezinnen hoort niet bij deze aanpak."]
    assert not CaseMeeting.objects.exists() and not CaseMeetingItem.objects.exists()
    assert not Notification.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"held_on": "before"}, "families", "Het overleg ligt vóór de aanmelding van gezin GR-PLAN-2"),
        ({"held_on": "far"}, "held_on", "Deze datum ligt meer dan een jaar vooruit"),
        ({"chair": "coordinator"}, "chair", "De voorzitter is een procesmanager van deze aanpak"),
        ({"families": []}, "families", "Zet ten minste één gezin op de agenda."),
        ({"ends_at": time(9, 0)}, "ends_at", "De eindtijd moet na de begintijd liggen."),
    ],
)
def test_bad_plans_are_refused_in_dutch(w: PlanWorld, changes: dict, field: str, message: str) -> None:
    values = {
        "before": w.other_family.registered_on - timedelta(days=1),  # after De Vries', before Bakker's registration
        "far": w.today + timedelta(days=400),
        "coordinator": w.coordinator,
    }
    with pytest.raises(ValidationError) as refused:
        plan_case_meeting(w, **{k: values.get(v, v) if isinstance(v, str) else v for k, v in changes.items()})
    assert any(m.startswith(message) for m in refused.value.message_dict[field])
    assert not CaseMeeting.objects.exists()


def test_a_closed_family_is_not_put_on_the_agenda(w: PlanWorld) -> None:
    w.other_family.status = FamilyStatus.CLOSED
    w.other_family.save()
    with pytest.raises(ValidationError) as refused:
        plan_case_meeting(w)
    assert refused.value.message_dict["families"] == ["Gezin GR-PLAN-2 is afgesloten of niet opgenomen."]


# --- a family's part ----------------------------------------------------------------------------------------------


def test_a_part_puts_its_agreement_in_the_plan_and_appoints_the_case_manager(
    planned: PlanWithContent, w: PlanWorld
) -> None:
    meeting = plan_case_meeting(w)
    tim = second_coordinator(w)
    # Tim attends: appointed first, he works with the family from this meeting on and receives the minutes
    part = record_part(w, meeting, planned, attendees=[w.professional, tim], coordinator=tim, coordinator_note="wijk")
    assert (part.case_meeting, part.held_on, part.chair, part.family) == (meeting, w.today, w.process_manager, w.family)
    planned.plan.refresh_from_db()
    assert planned.plan.version == 6 and part.plan_version == 6
    assert list(Action.objects.filter(meeting=part).values_list("description", flat=True)) == [
        "Kees belt de schuldeisers"
    ]
    assignment = CoordinatorAssignment.objects.get(family=w.family)
    assert part.coordinator_assignment == assignment
    assert (assignment.coordinator, assignment.previous, assignment.assigned_on) == (tim, w.coordinator, w.today)
    assert assignment.reason == "Aangewezen in het zorgnetwerkoverleg van 12 november 2025: wijk"
    w.family.refresh_from_db()
    assert w.family.coordinator == tim
    minutes = Notification.objects.filter(key__startswith=f"meeting:{part.pk}:minutes")
    assert sorted(minutes.values_list("user__username", flat=True)) == ["professional", "tweede"]
    assert "verslag van het zorgnetwerkoverleg over gezin GR-PLAN-1" in minutes.first().message  # type: ignore[union-attr]
    assert Notification.objects.filter(key=f"meeting:{part.pk}:appointed:user:{tim.pk}").exists()


def test_a_refused_part_leaves_no_appointment_behind(planned: PlanWithContent, w: PlanWorld) -> None:
    meeting = plan_case_meeting(w)
    tim = second_coordinator(w)
    with pytest.raises(ValidationError) as refused:
        record_part(w, meeting, planned, attendees=[w.professional, w.outsider], coordinator=tim)
    assert "niet: Olga Buiten" in refused.value.message_dict["attendees"][0]
    w.family.refresh_from_db()
    assert w.family.coordinator == w.coordinator and not CoordinatorAssignment.objects.exists()
    assert not Meeting.objects.exists() and Action.objects.count() == 2
    planned.plan.refresh_from_db()
    assert planned.plan.version == 5


def test_a_refused_appointment_is_reported_with_the_other_errors(planned: PlanWithContent, w: PlanWorld) -> None:
    meeting = plan_case_meeting(w)
    with pytest.raises(ValidationError) as refused:
        record_part(w, meeting, planned, coordinator=w.coordinator, minutes=" ")
    errors = refused.value.message_dict
    assert errors["coordinator"] == ["Deze persoon is al de regisseur van dit gezin."]
    assert errors["minutes"] == ["Schrijf het verslag: wat is besproken en afgesproken?"]
    assert not Meeting.objects.exists()


def test_the_coordinator_records_her_familys_part_but_appoints_nobody(planned: PlanWithContent, w: PlanWorld) -> None:
    meeting = plan_case_meeting(w)
    with pytest.raises(ValidationError) as refused:
        record_part(w, meeting, planned, actor=w.coordinator, coordinator=second_coordinator(w))
    assert refused.value.message_dict["coordinator"] == [
        "Alleen de procesmanager van de aanpak wijst in het overleg een regisseur aan."
    ]
    part = record_part(w, meeting, planned, actor=w.coordinator)
    assert part.recorded_by == w.coordinator and part.coordinator_assignment is None


def test_a_family_without_a_plan_gets_a_case_manager_but_no_agreements(w: PlanWorld) -> None:
    meeting = plan_case_meeting(w)
    part = record_part(w, meeting, family=w.other_family, attendees=[], members=[], coordinator=w.coordinator)
    w.other_family.refresh_from_db()
    assert w.other_family.coordinator == w.coordinator and part.plan_version is None
    assert part.coordinator_assignment is not None and part.coordinator_assignment.previous == w.stranger


def test_agreements_need_a_plan(planned: PlanWithContent, w: PlanWorld) -> None:
    meeting = plan_case_meeting(w)
    agreement = AgreementInput(planned.debts_goal, "Iets", Owner(OwnerKind.MEMBER, member=w.other_member), w.today)
    with pytest.raises(ValidationError) as refused:
        record_part(w, meeting, family=w.other_family, attendees=[], members=[], agreements=[agreement])
    assert refused.value.message_dict["agreements"] == [
        "Dit gezin heeft nog geen plan: stel eerst het plan op, dan worden afspraken acties."
    ]
    assert not Meeting.objects.exists()


@pytest.mark.parametrize("case", ["not_on_agenda", "twice", "future"])
def test_parts_that_cannot_be_are_refused(planned: PlanWithContent, w: PlanWorld, case: str) -> None:
    if case == "not_on_agenda":
        meeting = plan_case_meeting(w, families=[w.other_family])
        expected = "Dit gezin staat niet op de agenda van dit zorgnetwerkoverleg."
    elif case == "twice":
        meeting = plan_case_meeting(w)
        record_part(w, meeting, planned)
        planned.plan.refresh_from_db()
        expected = "Het deel van dit gezin in dit overleg is al vastgelegd."
    else:
        meeting = plan_case_meeting(w, held_on=w.today + timedelta(days=28))
        expected = "Leg een overleg vast nadat het is gehouden: deze datum ligt in de toekomst."
    before = Meeting.objects.count()
    with pytest.raises(ValidationError) as refused:
        record_part(w, meeting, planned)
    assert expected in refused.value.messages
    assert Meeting.objects.count() == before


def test_someone_who_may_not_edit_the_family_records_nothing(planned: PlanWithContent, w: PlanWorld) -> None:
    meeting = plan_case_meeting(w)
    with pytest.raises(PermissionDenied):
        record_part(w, meeting, planned, actor=w.professional)
    assert not Meeting.objects.exists()
