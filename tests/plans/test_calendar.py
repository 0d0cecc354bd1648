"""Meetings as iCalendar: a stable UID, DTSTAMP in UTC, times in Europe/Amsterdam with its VTIMEZONE, and nothing
personal beyond the family's reference; the files come only through the policy, and each download is logged."""

from datetime import date, datetime, time, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.urls import reverse
from icalendar import Calendar

from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.plans import calendar, services
from gezinsregie.plans.models import CaseMeeting, Meeting
from tests.builder import Builder
from tests.plans.case_meetings import plan_case_meeting, record_part
from tests.worlds.plans import PlanWithContent, PlanWorld

pytestmark = pytest.mark.django_db
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
HOST = urlsplit(settings.SITE_URL).hostname  # the UID's domain: this installation's
STAMP = datetime(2025, 11, 12, 10, 0, tzinfo=AMSTERDAM)


def parse(body: bytes) -> Calendar:
    return Calendar.from_ical(body)


def the_event(body: bytes):  # type: ignore[no-untyped-def]
    events = parse(body).events
    assert len(events) == 1
    return events[0]


def test_an_event_at_a_summer_time_carries_its_amsterdam_offset_and_timezone() -> None:
    event = calendar.CalendarEvent(
        uid="zorgnetwerkoverleg-7@example",
        summary="Zorgnetwerkoverleg Gezinsaanpak",
        start=calendar.at(date(2026, 7, 7), time(9, 30)),
        end=calendar.at(date(2026, 7, 7), time(11, 0)),
        url="https://gezinsregie.example/zorgnetwerk/7/",
        location="Stadhuis",
    )
    body = calendar.to_ics([event], stamp=STAMP)
    text = body.decode()
    assert "DTSTART;TZID=Europe/Amsterdam:20260707T093000" in text
    assert "DTSTAMP:20251112T090000Z" in text  # 10:00 in Amsterdam in November is 09:00 UTC
    parsed = the_event(body)
    assert parsed.start.utcoffset() == timedelta(hours=2) and parsed.end - parsed.start == timedelta(minutes=90)
    zones = parse(body).timezones
    assert [z.tz_name for z in zones] == ["Europe/Amsterdam"]
    assert "1970" not in text  # the VTIMEZONE covers the years the events fall in, not half a century


def test_the_case_meeting_file_names_no_family(w: PlanWorld) -> None:
    meeting = plan_case_meeting(w)
    url = reverse("case_meetings:ics", kwargs={"case_meeting_id": meeting.pk})
    response = w.client_for(w.professional).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="zorgnetwerkoverleg-2025-11-12.ics"'
    event = the_event(response.content)
    assert str(event["SUMMARY"]) == "Zorgnetwerkoverleg Gezinsaanpak"
    assert str(event["LOCATION"]) == "Stadhuis, vergaderzaal 2"
    assert event.start == datetime(2025, 11, 12, 9, 30, tzinfo=AMSTERDAM)
    assert event.end == datetime(2025, 11, 12, 11, 30, tzinfo=AMSTERDAM)
    assert str(event["URL"]).endswith(f"/zorgnetwerk/{meeting.pk}/")
    text = response.content.decode()
    for personal in ("GR-PLAN", "Vries", "Bakker", "Sanne", "Post"):  # no family, member, nor the chair's name
        assert personal not in text
    assert AccessLogEntry.objects.filter(action="case_meeting.export_ics", username="professional").count() == 1


def test_the_uid_is_the_same_every_time_and_differs_per_meeting(w: PlanWorld) -> None:
    first, second = plan_case_meeting(w), plan_case_meeting(w, held_on=w.today + timedelta(days=28))
    client = w.client_for(w.process_manager)

    def uid(meeting: CaseMeeting) -> str:
        body = client.get(reverse("case_meetings:ics", kwargs={"case_meeting_id": meeting.pk})).content
        return str(the_event(body)["UID"])

    assert uid(first) == uid(first) == f"zorgnetwerkoverleg-{first.pk}@{HOST}"
    assert uid(second) != uid(first)


def test_only_who_may_see_the_case_meetings_downloads_one(w: PlanWorld) -> None:
    meeting = plan_case_meeting(w)
    url = reverse("case_meetings:ics", kwargs={"case_meeting_id": meeting.pk})
    assert w.client_for(w.stranger).get(url).status_code == 404
    assert not AccessLogEntry.objects.filter(action="case_meeting.export_ics").exists()


def meeting_ics(w: PlanWorld, meeting: Meeting) -> str:
    return reverse("plans:meeting_ics", kwargs={"family_id": w.family.pk, "meeting_id": meeting.pk})


def test_a_round_table_is_an_all_day_event_with_the_reference_only(planned: PlanWithContent, w: PlanWorld) -> None:
    meeting = services.meeting_record(
        actor=w.coordinator,
        plan=planned.plan,
        expected_version=5,
        held_on=w.today,
        chair=w.coordinator,
        attendees=[w.professional],
        members=[w.sanne, w.noah],
        network="buurvrouw Ans",
        minutes="Schulden en woning besproken.",
        agreements=[],
    )
    response = w.client_for(w.professional).get(meeting_ics(w, meeting))
    event = the_event(response.content)
    assert str(event["SUMMARY"]) == "Rondetafel gezin GR-PLAN-1"
    assert event.start == w.today and event.end == w.today + timedelta(days=1)
    assert str(event["UID"]) == f"rondetafel-{meeting.pk}@{HOST}"
    text = response.content.decode()
    for personal in ("Vries", "Sanne", "Noah", "Schulden", "buurvrouw", "Kees"):  # names, minutes, network
        assert personal not in text
    logged = AccessLogEntry.objects.filter(action="meeting.export_ics", username="professional").get()
    assert (logged.family_reference, logged.object_id) == ("GR-PLAN-1", str(meeting.pk))


def test_a_familys_part_is_at_the_time_and_place_of_the_case_meeting(planned: PlanWithContent, w: PlanWorld) -> None:
    part = record_part(w, plan_case_meeting(w), planned)
    event = the_event(w.client_for(w.coordinator).get(meeting_ics(w, part)).content)
    assert str(event["SUMMARY"]) == "Zorgnetwerkoverleg gezin GR-PLAN-1"
    assert event.start == datetime(2025, 11, 12, 9, 30, tzinfo=AMSTERDAM)
    assert str(event["LOCATION"]) == "Stadhuis, vergaderzaal 2"


def test_a_family_meeting_file_follows_the_family(planned: PlanWithContent, w: PlanWorld) -> None:
    part = record_part(w, plan_case_meeting(w), planned)
    assert w.client_for(w.outsider).get(meeting_ics(w, part)).status_code == 404  # involved, outside the consent
    other = Builder().family(w.approach, registered=5)
    wrong_family = reverse("plans:meeting_ics", kwargs={"family_id": other.pk, "meeting_id": part.pk})
    assert w.client_for(w.process_manager).get(wrong_family).status_code == 404  # a meeting of another family
    assert not AccessLogEntry.objects.filter(action="meeting.export_ics").exists()
