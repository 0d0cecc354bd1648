"""The trajectory's rules: planned length, evaluation rhythm, the aftercare schedule and its alerts. Pure.

Sources: factsheet Oosterhout 2013 ("vinger aan de pols": a trajectory of three months, then three months of
aftercare); toetsingskader C3.a.5 (a joint evaluation of the results), B5.a.1 (the care runs until the problems
are solved or manageable), C5.c.1 (what is still needed at the end is arranged); rapportage 21 gemeenten §3.6
(aftercare arranged in only 60%: "we have no follow-up system").
"""

import calendar
from collections.abc import Iterable
from datetime import date, timedelta

# A schedule longer than this is not aftercare but a trajectory that was never closed (issue 10, bad input).
MAX_AFTERCARE_MONTHS = 24


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the last day of the month where that month is shorter (31 Jan → 28 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def checkin_offsets(*, monthly: int, quarterly: int) -> list[int]:
    """Months after the first check-in: `monthly` a month apart, then `quarterly` three months apart."""
    months = list(range(monthly))
    last = months[-1] if months else -3
    return months + [last + 3 * q for q in range(1, quarterly + 1)]


def checkin_dates(first_on: date, *, monthly: int, quarterly: int) -> list[date]:
    """The aftercare's check-ins, the first on `first_on` (e.g. monthly for three months, then quarterly)."""
    return [add_months(first_on, m) for m in checkin_offsets(monthly=monthly, quarterly=quarterly)]


def schedule_problems(*, closed_on: date, first_on: date, monthly: int, quarterly: int, today: date) -> list[str]:
    """What is wrong with an aftercare schedule, in Dutch; empty when it is sound."""
    problems = []
    if monthly < 0 or quarterly < 0 or monthly + quarterly == 0:
        problems.append("Plan ten minste één nazorgcontact.")
    if first_on < closed_on:
        problems.append("Het eerste nazorgcontact ligt vóór de afsluiting.")
    elif first_on < today:  # a backdated closure: a check-in already in the past would be "missed" at once
        problems.append("Het eerste nazorgcontact ligt in het verleden; plan het vanaf vandaag.")
    elif (first_on - closed_on).days > 92:
        problems.append("Het eerste nazorgcontact ligt meer dan drie maanden na de afsluiting.")
    offsets = checkin_offsets(monthly=max(monthly, 0), quarterly=max(quarterly, 0))
    if offsets and offsets[-1] > MAX_AFTERCARE_MONTHS:
        problems.append(f"Nazorg duurt ten hoogste {MAX_AFTERCARE_MONTHS} maanden; dit schema houdt niet op.")
    return problems


def planned_end(started_on: date, *, planned_days: int, extensions: Iterable[int] = ()) -> date:
    return started_on + timedelta(days=planned_days + sum(extensions))


def overrun_days(end: date, today: date) -> int:
    """How many days the trajectory runs past its planned end (0 when it does not)."""
    return max(0, (today - end).days)


def evaluation_due_on(started_on: date, *, last_held_on: date | None, interval_days: int) -> date:
    """The next periodic evaluation: an interval after the last one, or after the start when there was none."""
    return (last_held_on or started_on) + timedelta(days=interval_days)


def checkin_alerts(*, due_on: date, held: bool, today: date, grace_days: int) -> tuple[bool, bool]:
    """(alert the watcher, alert the process manager) for a check-in on `today`.

    A check-in not held by the day after it was due alerts whoever keeps watch; still not held `grace_days`
    later, the process manager hears of it too.
    """
    if held or today <= due_on:
        return False, False
    return True, today > due_on + timedelta(days=grace_days)
