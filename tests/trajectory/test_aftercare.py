"""Aftercare that nobody forgets, and the quick way back in (issue 10 §6–7)."""

from datetime import datetime, time, timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from gezinsregie.accounts.system import SystemPurpose, system_actor
from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.casework import tasks
from gezinsregie.casework.models import EntryRoute, Episode, FamilyStatus
from gezinsregie.casework.workflow import AftercareEndReason
from gezinsregie.notifications.models import Notification
from gezinsregie.trajectory import rules, services
from gezinsregie.trajectory.models import CheckIn, SignalStatus
from gezinsregie.trajectory.services.aftercare import UNMATCHED_SIGNALS_PER_DAY
from tests.trajectory.helpers import close, final_evaluation, today

pytestmark = pytest.mark.django_db


def at(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(9, 0)))


@pytest.fixture
def in_aftercare(w, planned):
    final_evaluation(w)
    return close(w).aftercare


def test_a_missed_checkin_alerts_the_watcher_then_the_process_manager_once_each(w, in_aftercare) -> None:
    first = CheckIn.objects.filter(family=w.family).order_by("due_on").first()
    grace = w.approach.checkin_grace_days
    with time_machine.travel(at(first.due_on), tick=False):
        assert tasks.checks()["checkin_alerts"] == 0  # the day itself: not missed yet
    with time_machine.travel(at(first.due_on + timedelta(days=1)), tick=False):
        assert tasks.checks()["checkin_alerts"] == 1
        assert tasks.checks()["checkin_alerts"] == 0  # run twice: one alert
    assert Notification.objects.filter(user=w.professional, key__startswith=f"checkin:{first.pk}").count() == 1
    with time_machine.travel(at(first.due_on + timedelta(days=grace + 1)), tick=False):
        assert tasks.checks()["checkin_alerts"] == 1
        assert tasks.checks()["checkin_alerts"] == 0
    assert Notification.objects.filter(user=w.process_manager, key__startswith=f"checkin:{first.pk}").count() == 1


def test_a_check_after_the_worker_was_down_alerts_both_at_once(w, in_aftercare) -> None:
    first = CheckIn.objects.filter(family=w.family).order_by("due_on").first()
    with time_machine.travel(at(first.due_on + timedelta(days=20)), tick=False):
        assert tasks.checks()["checkin_alerts"] == 2  # watcher and process manager; the 2nd check-in is not due


def test_only_the_background_account_runs_the_check(w, in_aftercare) -> None:
    with pytest.raises(PermissionDenied):
        services.checkins_alert_missed(actor=w.process_manager, today=today())
    assert services.checkins_alert_missed(actor=system_actor(SystemPurpose.BACKGROUND_TASKS), today=today()) == 0


def test_the_watcher_records_a_checkin_and_a_held_one_is_never_alerted(w, in_aftercare) -> None:
    first = CheckIn.objects.filter(family=w.family).order_by("due_on").first()
    with time_machine.travel(at(first.due_on), tick=False):
        services.checkin_record(
            actor=w.professional, checkin=first, held_on=first.due_on, reached=True, how_it_goes="Gaat goed."
        )
    with time_machine.travel(at(first.due_on + timedelta(days=30)), tick=False):
        assert tasks.checks()["checkin_alerts"] == 0
    with pytest.raises(ValidationError) as refused:
        services.checkin_record(actor=w.professional, checkin=first, held_on=today(), reached=False, how_it_goes="")
    assert "al vastgelegd" in refused.value.messages[0]


def test_a_stranger_records_no_checkin(w, in_aftercare) -> None:
    checkin = CheckIn.objects.filter(family=w.family).first()
    with pytest.raises(PermissionDenied):
        services.checkin_record(actor=w.stranger, checkin=checkin, held_on=today(), reached=False, how_it_goes="")


def test_a_signal_brings_the_family_back_in_triage_with_a_second_episode_of_its_own(w, in_aftercare) -> None:
    first_episode = Episode.objects.get(family=w.family)
    registered, started, closed = first_episode.registered_on, first_episode.started_on, first_episode.closed_on
    later = today() + timedelta(days=50)
    with time_machine.travel(at(later), tick=False):
        signal = services.signal_raise(
            actor=w.outsider,  # any partner of the approach
            reference=w.family.reference.lower(),
            family_name=w.family.name.upper(),
            description="Huurachterstand van drie maanden gemeld door de corporatie.",
        )
    w.family.refresh_from_db()
    assert w.family.status == FamilyStatus.TRIAGE
    assert signal.status == SignalStatus.IN_TRIAGE
    assert (w.family.registered_on, w.family.started_on, w.family.closed_on) == (later, None, None)
    episodes = list(Episode.objects.filter(family=w.family).order_by("number"))
    assert [e.number for e in episodes] == [1, 2]
    first_episode.refresh_from_db()
    # the earlier episode keeps its own dates; its aftercare ended because the family returned
    assert (first_episode.registered_on, first_episode.started_on, first_episode.closed_on) == (
        registered,
        started,
        closed,
    )
    assert first_episode.aftercare_ended_on == later
    in_aftercare.refresh_from_db()
    assert in_aftercare.end_reason == AftercareEndReason.RETURNED
    assert episodes[1].route == EntryRoute.SIGNAL and episodes[1].registered_on == later
    assert Notification.objects.filter(user=w.process_manager, key__startswith=f"signal:{signal.pk}").exists()


def test_a_signal_that_matches_no_family_tells_nothing_and_is_logged(w, in_aftercare) -> None:
    for name in ("Jansen", w.family.name):
        reference = w.family.reference if name == "Jansen" else "GR-9999"
        assert services.signal_raise(actor=w.outsider, reference=reference, family_name=name, description="x") is None
    w.family.refresh_from_db()
    assert w.family.status == FamilyStatus.AFTERCARE
    assert AccessLogEntry.objects.filter(user_id=w.outsider.pk, action="signal.unmatched").count() == 2


def test_a_partner_who_keeps_guessing_is_stopped(w, in_aftercare) -> None:
    for _ in range(UNMATCHED_SIGNALS_PER_DAY):
        services.signal_raise(actor=w.outsider, reference="GR-0000", family_name="Raden", description="x")
    with pytest.raises(ValidationError) as stopped:
        services.signal_raise(
            actor=w.outsider, reference=w.family.reference, family_name=w.family.name, description="x"
        )
    assert "contact op met de procesmanager" in stopped.value.messages[0]
    w.family.refresh_from_db()
    assert w.family.status == FamilyStatus.AFTERCARE


def test_a_signal_about_a_family_still_in_the_approach_tells_who_steers_it(w, planned) -> None:
    signal = services.signal_raise(
        actor=w.outsider, reference=w.family.reference, family_name=w.family.name, description="Zorgen op school."
    )
    w.family.refresh_from_db()
    assert signal is not None and signal.status == SignalStatus.OPEN and signal.episode is None
    assert w.family.status == FamilyStatus.ACTIVE and Episode.objects.filter(family=w.family).count() <= 1
    told = set(Notification.objects.filter(key__startswith=f"signal:{signal.pk}:").values_list("user", flat=True))
    assert told == {w.coordinator.pk, w.process_manager.pk}


def test_where_the_approach_asks_a_new_registration_the_signal_waits_for_it(w, in_aftercare) -> None:
    w.approach.reentry_by_signal = False
    w.approach.save()
    signal = services.signal_raise(
        actor=w.outsider,
        reference=w.family.reference,
        family_name=w.family.name,
        description="Schoolverzuim.",
    )
    w.family.refresh_from_db()
    assert signal.status == SignalStatus.NEEDS_REFERRAL and w.family.status == FamilyStatus.AFTERCARE
    assert Episode.objects.filter(family=w.family).count() == 1


def test_aftercare_ends_with_its_own_reason(w, in_aftercare) -> None:
    with pytest.raises(ValidationError):
        services.aftercare_end(actor=w.coordinator, aftercare=in_aftercare, ended_on=today(), reason="")
    services.aftercare_end(
        actor=w.coordinator, aftercare=in_aftercare, ended_on=today(), reason=AftercareEndReason.COMPLETED
    )
    w.family.refresh_from_db()
    assert w.family.status == FamilyStatus.CLOSED
    assert Episode.objects.get(family=w.family).aftercare_ended_on == today()


def test_the_schedule_is_monthly_then_quarterly_and_months_end_on_their_last_day() -> None:
    from datetime import date

    assert rules.checkin_dates(date(2025, 1, 31), monthly=3, quarterly=2) == [
        date(2025, 1, 31),
        date(2025, 2, 28),
        date(2025, 3, 31),
        date(2025, 6, 30),
        date(2025, 9, 30),
    ]
    assert rules.checkin_dates(date(2025, 1, 15), monthly=0, quarterly=2) == [date(2025, 1, 15), date(2025, 4, 15)]
    assert rules.checkin_alerts(due_on=date(2025, 1, 15), held=False, today=date(2025, 1, 16), grace_days=14) == (
        True,
        False,
    )


def test_an_aftercare_whose_checkins_were_all_held_ends_by_itself_and_with_it_the_watchers_access(
    w, in_aftercare
) -> None:
    from gezinsregie import policy

    checkins = list(CheckIn.objects.filter(family=w.family).order_by("due_on"))
    for checkin in checkins[:-1]:
        with time_machine.travel(at(checkin.due_on), tick=False):
            services.checkin_record(
                actor=w.professional, checkin=checkin, held_on=checkin.due_on, reached=True, how_it_goes="Goed."
            )
    system = system_actor(SystemPurpose.BACKGROUND_TASKS)
    assert services.aftercares_complete(actor=system, today=checkins[-1].due_on) == 0  # one still to come
    last = checkins[-1]
    with time_machine.travel(at(last.due_on), tick=False):
        services.checkin_record(
            actor=w.professional, checkin=last, held_on=last.due_on, reached=True, how_it_goes="Goed."
        )
        assert policy.can(w.professional, policy.Permission.VIEW, w.family)
        assert services.aftercares_complete(actor=system, today=last.due_on) == 1
        assert services.aftercares_complete(actor=system, today=last.due_on) == 0  # once
        w.family.refresh_from_db()
        assert w.family.status == FamilyStatus.CLOSED
        assert not policy.can(w.professional, policy.Permission.VIEW, w.family)
