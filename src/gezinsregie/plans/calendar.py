"""Meetings as iCalendar (RFC 5545), for the professionals' own agendas.

A calendar file leaves the system: it lands in Outlook, on a phone, in a shared agenda. So it carries no personal
data beyond the family's reference: no names of members, no minutes, no problems; the description is only the link
back to Gezinsregie, where the rest is behind the login and the policy. Times are in Europe/Amsterdam, with its
VTIMEZONE; the UID is stable per meeting, so importing a file again updates the event instead of doubling it.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from icalendar import Calendar, Event

from gezinsregie.plans.models import CaseMeeting, Meeting

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
PRODID = "-//Gezinsregie//Zorgnetwerkoverleg en rondetafel//NL"
LINK_TEXT = "Agenda, verslag en afspraken na inloggen in Gezinsregie:"


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    summary: str
    start: datetime | date  # a date: an all-day event
    end: datetime | date
    url: str
    location: str = ""


def at(day: date, moment: time) -> datetime:
    """A wall-clock time on a day in Amsterdam (summer or winter time as it falls)."""
    return datetime.combine(day, moment, tzinfo=AMSTERDAM)


def _domain() -> str:
    return urlsplit(settings.SITE_URL).hostname or "gezinsregie"


def _link(path: str) -> str:
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def case_meeting_event(meeting: CaseMeeting, *, path: str) -> CalendarEvent:
    """The case meeting itself: the approach's name, never a family (the agenda differs per reader)."""
    return CalendarEvent(
        uid=f"zorgnetwerkoverleg-{meeting.pk}@{_domain()}",
        summary=f"Zorgnetwerkoverleg {meeting.approach.name}",
        start=at(meeting.held_on, meeting.starts_at),
        end=at(meeting.held_on, meeting.ends_at),
        location=meeting.location,
        url=_link(path),
    )


def family_meeting_event(meeting: Meeting, *, reference: str, path: str) -> CalendarEvent:
    """A round table, or a family's part of a case meeting (then at its time and place): the reference only."""
    uid = f"rondetafel-{meeting.pk}@{_domain()}"
    if meeting.case_meeting is not None:
        case = meeting.case_meeting
        return CalendarEvent(
            uid=uid,
            summary=f"Zorgnetwerkoverleg gezin {reference}",
            start=at(case.held_on, case.starts_at),
            end=at(case.held_on, case.ends_at),
            location=case.location,
            url=_link(path),
        )
    # a round table has a date, not a time: an all-day event
    return CalendarEvent(
        uid=uid,
        summary=f"Rondetafel gezin {reference}",
        start=meeting.held_on,
        end=meeting.held_on + timedelta(days=1),
        url=_link(path),
    )


def to_ics(events: list[CalendarEvent], *, stamp: datetime) -> bytes:
    """One VCALENDAR with a VEVENT per event; `stamp` (DTSTAMP) is when the file was made."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    for item in events:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp.astimezone(ZoneInfo("UTC")))
        event.add("dtstart", item.start)
        event.add("dtend", item.end)
        event.add("summary", item.summary)
        if item.location:
            event.add("location", item.location)
        event.add("description", f"{LINK_TEXT} {item.url}")
        event.add("url", item.url)
        calendar.add_component(event)
    days = [e.start.date() if isinstance(e.start, datetime) else e.start for e in events]
    if days:  # the VTIMEZONE for the years the events fall in, not from 1970
        calendar.add_missing_timezones(first_date=date(min(days).year, 1, 1), last_date=date(max(days).year + 1, 1, 1))
    return calendar.to_ical()
