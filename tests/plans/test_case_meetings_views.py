"""The case-meeting pages: planning on the form, the agenda as each reader may see it (no reference of a family
the reader may not see), recording a family's part with an appointment, and the access log of what was shown."""

from datetime import timedelta

import pytest
from django.urls import reverse

from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.plans.models import CaseMeeting, Meeting
from tests.plans.case_meetings import plan_case_meeting, record_part, second_coordinator
from tests.worlds.plans import PlanWithContent, PlanWorld

pytestmark = pytest.mark.django_db


def html(response: object) -> str:
    return response.content.decode()  # type: ignore[attr-defined]


def detail_url(meeting: CaseMeeting) -> str:
    return reverse("case_meetings:detail", kwargs={"case_meeting_id": meeting.pk})


def part_url(meeting: CaseMeeting, w: PlanWorld) -> str:
    return reverse("case_meetings:part", kwargs={"case_meeting_id": meeting.pk, "family_id": w.family.pk})


def test_the_process_manager_plans_on_the_form(w: PlanWorld) -> None:
    client = w.client_for(w.process_manager)
    index = html(client.get(reverse("case_meetings:index")))
    form_url = reverse("case_meetings:plan", kwargs={"approach_id": w.approach.pk})
    assert form_url in index and "Nieuw zorgnetwerkoverleg plannen voor Gezinsaanpak" in index
    page = html(client.get(form_url))
    assert "GR-PLAN-1 — Gezin De Vries (actief)" in page and "GR-PLAN-2 — Gezin Bakker (actief)" in page
    shown = AccessLogEntry.objects.filter(action="case_meeting.choose_families", username="procesmanager")
    assert sorted(shown.values_list("family_reference", flat=True)) == ["GR-PLAN-1", "GR-PLAN-2"]
    response = client.post(
        form_url,
        {
            "held_on": (w.today + timedelta(days=28)).isoformat(),
            "starts_at": "14:00",
            "ends_at": "16:00",
            "location": "Stadhuis, zaal 3",
            "chair": w.process_manager.pk,
            "recurrence": "maandelijks",
            "families": [w.family.pk, w.other_family.pk],
        },
    )
    meeting = CaseMeeting.objects.get()
    assert response.status_code == 302 and response["Location"] == detail_url(meeting)
    assert (str(meeting.starts_at), meeting.agenda.count()) == ("14:00:00", 2)  # type: ignore[attr-defined]


def test_a_bad_plan_keeps_the_input_and_says_why_in_dutch(w: PlanWorld) -> None:
    client = w.client_for(w.process_manager)
    form_url = reverse("case_meetings:plan", kwargs={"approach_id": w.approach.pk})
    response = client.post(
        form_url,
        {"held_on": "31-2-2026", "starts_at": "kwart over", "ends_at": "10:00", "location": "Zaal 9", "families": []},
    )
    page = html(response)
    assert response.status_code == 200 and not CaseMeeting.objects.exists()
    assert "Dit is geen bestaande datum." in page and "Dit is geen tijd." in page
    assert "Zet ten minste één gezin op de agenda." in page and 'value="Zaal 9"' in page


def test_only_who_may_plan_sees_the_form(w: PlanWorld) -> None:
    form_url = reverse("case_meetings:plan", kwargs={"approach_id": w.approach.pk})
    assert w.client_for(w.coordinator).get(form_url).status_code == 404
    assert w.client_for(w.stranger).get(reverse("case_meetings:index")).status_code == 404


def test_each_reader_sees_only_the_families_they_may_see(w: PlanWorld) -> None:
    meeting = plan_case_meeting(w)
    manager = html(w.client_for(w.process_manager).get(detail_url(meeting)))
    assert "GR-PLAN-1" in manager and "GR-PLAN-2" in manager and "geen inzage" not in manager
    professional = html(w.client_for(w.professional).get(detail_url(meeting)))
    assert "GR-PLAN-1" in professional and "Gezin De Vries" in professional
    assert "GR-PLAN-2" not in professional and "Bakker" not in professional
    assert "Verder staat er 1 gezin op de agenda waar u geen inzage in heeft." in professional
    assert "Deel vastleggen" not in professional  # may see, not edit
    logged = AccessLogEntry.objects.filter(action="case_meeting.agenda_view", username="professional")
    assert list(logged.values_list("family_reference", flat=True)) == ["GR-PLAN-1"]
    # a stranger (coordinator outside the approach's partners) does not even see that the meeting exists
    assert w.client_for(w.stranger).get(detail_url(meeting)).status_code == 404


def test_the_chair_records_a_part_with_an_agreement_and_a_case_manager(planned: PlanWithContent, w: PlanWorld) -> None:
    meeting = plan_case_meeting(w)
    tim = second_coordinator(w)
    client = w.client_for(w.process_manager)
    agenda = html(client.get(detail_url(meeting)))
    assert part_url(meeting, w) in agenda
    form = html(client.get(part_url(meeting, w)))
    assert "Actie over de datum: Betalingsregeling" in form and "Tim Twee" in form and 'name="held_on"' not in form
    response = client.post(
        part_url(meeting, w),
        {
            "version": 5,
            "attendees": [w.professional.pk],
            "minutes": "Besproken: de schulden.",
            "agreement_1_goal": planned.debts_goal.pk,
            "agreement_1_description": "Sanne opent alle post",
            "agreement_1_owner": f"member:{w.sanne.pk}",
            "agreement_1_due_on": (w.today + timedelta(days=7)).isoformat(),
            "coordinator": tim.pk,
        },
    )
    assert response.status_code == 302 and response["Location"] == detail_url(meeting)
    part = Meeting.objects.get(case_meeting=meeting)
    assert part.agreements.get().description == "Sanne opent alle post"  # type: ignore[attr-defined]
    agenda = html(client.get(detail_url(meeting)))
    assert "vastgelegd, 1 afspraak" in agenda and "Tim Twee" in agenda
    page = html(client.get(reverse("plans:meeting", kwargs={"family_id": w.family.pk, "meeting_id": part.pk})))
    assert "In dit overleg is Tim Twee aangewezen als regisseur" in page and "zorgnetwerkoverleg Gezinsaanpak" in page
    # recorded once: the part's address now leads to the minutes
    assert client.get(part_url(meeting, w))["Location"].endswith(f"/plan/overleg/{part.pk}/")


def test_the_coordinator_has_no_appointment_field_and_the_professional_no_form(
    planned: PlanWithContent, w: PlanWorld
) -> None:
    meeting = plan_case_meeting(w)
    page = html(w.client_for(w.coordinator).get(part_url(meeting, w)))
    assert "Zorgnetwerkoverleg" in page and 'name="coordinator"' not in page and 'name="minutes"' in page
    assert w.client_for(w.professional).get(part_url(meeting, w)).status_code == 404


def test_a_part_of_a_future_meeting_shows_no_form(planned: PlanWithContent, w: PlanWorld) -> None:
    meeting = plan_case_meeting(w, held_on=w.today + timedelta(days=7))
    page = html(w.client_for(w.process_manager).get(part_url(meeting, w)))
    assert "Het overleg is nog niet gehouden." in page and 'name="minutes"' not in page
    assert "nog te bespreken" in html(w.client_for(w.process_manager).get(detail_url(meeting)))


def test_the_familys_meetings_page_shows_the_case_meeting(planned: PlanWithContent, w: PlanWorld) -> None:
    meeting = plan_case_meeting(w)
    record_part(w, meeting, planned)
    page = html(w.client_for(w.coordinator).get(reverse("plans:meetings", kwargs={"family_id": w.family.pk})))
    assert "Op de agenda van het zorgnetwerkoverleg" in page and detail_url(meeting) in page


def test_the_menu_links_the_case_meetings_for_who_may_see_them(w: PlanWorld) -> None:
    index = reverse("case_meetings:index")
    assert index in html(w.client_for(w.process_manager).get(reverse("web:start")))
    assert index in html(w.client_for(w.professional).get(reverse("web:start")))
    assert index not in html(w.client_for(w.stranger).get(reverse("web:start")))


def test_a_part_asks_the_attending_partners_their_two_questions_as_any_round_table(
    planned: PlanWithContent, w: PlanWorld
) -> None:
    """Issue 13 §3: the involved professionals answer at each round table — the family's part of a case meeting is
    one."""
    from gezinsregie.assessment.models import Answer, PartnerVoice

    meeting = plan_case_meeting(w)
    client = w.client_for(w.process_manager)
    form = html(client.get(part_url(meeting, w)))
    assert "Vragen aan de aanwezige professionals" in form and f'name="stem-{w.professional.pk}-' in form
    answers = {
        "version": 5,
        "attendees": [w.professional.pk],
        "minutes": "Besproken: de schulden.",
        f"stem-{w.professional.pk}-recognises_coordinator": Answer.NO,
    }
    refused = client.post(part_url(meeting, w), answers)  # one of the two answered: both or neither
    assert refused.status_code == 200 and not Meeting.objects.filter(case_meeting=meeting).exists()
    answers[f"stem-{w.professional.pk}-information_sufficient"] = Answer.YES
    assert client.post(part_url(meeting, w), answers).status_code == 302
    voice = PartnerVoice.objects.get()
    assert voice.meeting == Meeting.objects.get(case_meeting=meeting) and voice.answered_by == w.professional
    assert (voice.recognises_coordinator, voice.information_sufficient) == (Answer.NO, Answer.YES)
