"""Overdue agreements and reminders (Casework II item 4): per organisation and professional; the owner is
reminded two days before and on the date, each once, also when the check runs late."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from gezinsregie.casework import tasks
from gezinsregie.notifications.models import Notification
from gezinsregie.plans import rules, selectors
from gezinsregie.plans.models import Action
from tests.worlds.plans import PlanWithContent, PlanWorld


@given(st.integers(-30, 30))
def test_the_reminder_owed_depends_only_on_the_days_left(days_left: int) -> None:
    today = date(2026, 5, 10)
    kind = rules.reminder_due(due_on=today + timedelta(days=days_left), status="open", today=today)
    assert kind == ("due" if days_left <= 0 else "before" if days_left <= 2 else None)
    assert rules.reminder_due(due_on=today + timedelta(days=days_left), status="done", today=today) is None


def test_the_owner_is_reminded_before_and_on_the_date_once_each(planned: PlanWithContent, w: PlanWorld) -> None:
    action = Action.objects.get(goal=planned.housing_goal)  # the professional's, three days overdue
    due = w.today + timedelta(days=10)
    Action.objects.filter(pk=action.pk).update(due_on=due)
    start = datetime(due.year, due.month, due.day, 9, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
    mine = Notification.objects.filter(user=w.professional, message__startswith="Herinnering")
    with time_machine.travel(start - timedelta(days=3), tick=False):
        assert tasks.checks()["action_reminders"] == 0
    with time_machine.travel(start - timedelta(days=2), tick=False):
        assert tasks.checks()["action_reminders"] == 1
        assert tasks.checks()["action_reminders"] == 0
    assert "staat op" in mine.get().message
    with time_machine.travel(start + timedelta(days=4), tick=False):  # the worker was down on the day itself
        assert tasks.checks()["action_reminders"] == 1
    assert mine.count() == 2 and "verlopen" in mine.first().message  # type: ignore[union-attr]


def test_overdue_actions_per_organisation_and_professional(planned: PlanWithContent, w: PlanWorld) -> None:
    actions = selectors.overdue_actions(type(w.family).objects.filter(pk=w.family.pk), today=w.today)
    assert [a.description for a in actions] == ["Betalingsregeling afspreken met de verhuurder"]
    (line,) = selectors.overdue_per_owner(actions)
    assert (line.organisation, line.professional, line.actions) == (w.professional_org.name, "Kees Jansen", 1)
    page = w.client_for(w.coordinator).get(reverse("casework:overdue"))
    assert page.status_code == 200 and "Kees Jansen" in page.content.decode()
    assert w.client_for(w.professional).get(reverse("casework:overdue")).status_code == 404
