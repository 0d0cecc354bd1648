"""A reminder produces exactly one e-mail (issue 11 §3), on the console backend of the demo too, however often the
periodic check runs; it says that there is something to look at, never what is in the file."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine
from django.core import mail
from django.test import override_settings

from gezinsregie.casework import tasks
from gezinsregie.plans.models import Action
from tests.worlds.plans import PlanWithContent, PlanWorld


def _two_days_before(w: PlanWorld, planned: PlanWithContent) -> datetime:
    action = Action.objects.get(goal=planned.housing_goal)
    due = w.today + timedelta(days=10)
    Action.objects.filter(pk=action.pk).update(due_on=due)
    return datetime(due.year, due.month, due.day, 9, tzinfo=ZoneInfo("Europe/Amsterdam")) - timedelta(days=2)


# transactional: every write commits as it does in the worker, so the e-mail leaves on commit as in production
def test_a_reminder_is_one_message_however_often_the_check_runs(
    transactional_db: None, planned: PlanWithContent, w: PlanWorld
) -> None:
    moment = _two_days_before(w, planned)
    with time_machine.travel(moment, tick=False):
        for _ in range(3):
            tasks.checks()
    reminders = [m for m in mail.outbox if "Herinnering" in m.subject]
    assert len(reminders) == 1
    (message,) = reminders
    assert message.to == [w.professional.email]
    assert "Herinnering: uw actie" in message.body and w.family.reference in message.body
    assert planned.housing_goal.plan.family.name not in message.body  # no names of the family


@override_settings(EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend")
def test_the_demo_prints_the_reminder_once_on_the_console(
    transactional_db: None, planned: PlanWithContent, w: PlanWorld, capsys
) -> None:
    moment = _two_days_before(w, planned)
    capsys.readouterr()
    with time_machine.travel(moment, tick=False):
        for _ in range(2):
            tasks.checks()
    printed = capsys.readouterr().out
    assert printed.count("Herinnering: uw actie") == 1
    assert printed.count(f"To: {w.professional.email}") == 1
