"""Escalation (Casework II item 5 and 10): the ladder, its deadlines, climbing by hand and by the periodic check."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from gezinsregie.accounts.models import Role
from gezinsregie.accounts.system import SystemPurpose, system_actor
from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.casework import rules, services, tasks
from gezinsregie.casework.models import Escalation, EscalationMove, Stagnation
from gezinsregie.notifications.models import Notification
from gezinsregie.organisations.models import EscalationRung

LADDER = rules.DEFAULT_LADDER  # 5, 10, 10, 20 days
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


# --- the ladder, without a database ---------------------------------------------------------------------------


def test_a_rung_hands_over_the_day_after_its_deadline() -> None:
    since = date(2026, 3, 2)
    assert rules.climb(step=0, since=since, today=since + timedelta(days=5), ladder=LADDER) == []
    assert rules.climb(step=0, since=since, today=since + timedelta(days=6), ladder=LADDER) == [
        (1, since + timedelta(days=5))
    ]


def test_a_late_check_catches_up_every_missed_rung_with_its_own_date() -> None:
    since = date(2026, 3, 2)
    moves = rules.climb(step=0, since=since, today=since + timedelta(days=100), ladder=LADDER)
    assert moves == [(1, date(2026, 3, 7)), (2, date(2026, 3, 17)), (3, date(2026, 3, 27))]  # the top rung stays


@given(st.integers(0, 3), st.integers(0, 200), st.integers(0, 200))
def test_climbing_is_idempotent_and_never_skips_or_passes_the_top(step: int, since_days: int, after: int) -> None:
    since = date(2026, 1, 1) + timedelta(days=since_days)
    today = since + timedelta(days=after)
    moves = rules.climb(step=step, since=since, today=today, ladder=LADDER)
    assert [s for s, _ in moves] == list(range(step + 1, step + 1 + len(moves)))
    assert all(s < len(LADDER) for s, _ in moves)
    final_step, final_since = moves[-1] if moves else (step, since)
    assert rules.climb(step=final_step, since=final_since, today=today, ladder=LADDER) == []


# --- services -------------------------------------------------------------------------------------------------


def start_of(world) -> datetime:
    """10:00 on a day well after the family's registration: the frozen clock of these tests starts there."""
    day = world.family("coordinated").registered_on + timedelta(days=30)
    return datetime(day.year, day.month, day.day, 10, 0, tzinfo=AMSTERDAM)


def open_escalation(world, opened_on: date | None = None) -> Escalation:
    return services.escalation_open(
        actor=world.user(Role.COORDINATOR),
        family=world.family("coordinated"),
        stagnation=Stagnation.WAITING_LIST,
        organisation=world.professional_org,
        description="GGZ-intake wacht al zes weken.",
        opened_on=opened_on or timezone.localdate(),
    )


def test_opening_tells_who_steers_the_family_where_it_lies(world) -> None:
    family = world.family("coordinated")
    family.process_manager = world.user(Role.PROCESS_MANAGER)
    family.save()
    escalation = open_escalation(world)
    assert (escalation.step, escalation.moves.count()) == (0, 1)
    told = Notification.objects.filter(family=family).values_list("user__username", flat=True)
    assert set(told) == {world.user(Role.COORDINATOR).username, world.user(Role.PROCESS_MANAGER).username}
    assert all("ligt nu bij: regisseur" in n for n in Notification.objects.values_list("message", flat=True))
    assert AccessLogEntry.objects.filter(action="escalation.open", family_id=family.pk).exists()


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"description": " "}, "description", "Beschrijf wat er stagneert."),
        ({"opened_on": "tomorrow"}, "opened_on", "Deze datum ligt in de toekomst."),
        ({"organisation": "stranger"}, "organisation", "is geen netwerkpartner van deze aanpak"),
    ],
)
def test_bad_escalations_are_refused_in_dutch(world, change, field, message) -> None:
    from tests.factories import OrganisationFactory

    values = {"tomorrow": timezone.localdate() + timedelta(days=1), "stranger": OrganisationFactory()}
    arguments = {
        "actor": world.user(Role.COORDINATOR),
        "family": world.family("coordinated"),
        "stagnation": Stagnation.OTHER,
        "organisation": world.professional_org,
        "description": "Stagnatie",
        "opened_on": timezone.localdate(),
    }
    arguments.update({k: values.get(v, v) for k, v in change.items()})
    with pytest.raises(ValidationError) as refused:
        services.escalation_open(**arguments)
    assert any(message in m for m in refused.value.message_dict[field])
    assert not Escalation.objects.exists()


def test_raising_by_hand_goes_one_rung_at_a_time_with_a_reason(world) -> None:
    escalation = open_escalation(world)
    coordinator = world.user(Role.COORDINATOR)
    with pytest.raises(ValidationError, match="Een trede overslaan kan niet"):
        services.escalation_raise(actor=coordinator, escalation=escalation, to_step=2, note="Snel")
    with pytest.raises(ValidationError, match="Waarom schaalt u op"):
        services.escalation_raise(actor=coordinator, escalation=escalation, to_step=1, note="")
    services.escalation_raise(actor=coordinator, escalation=escalation, to_step=1, note="Geen reactie van GGZ")
    escalation.refresh_from_db()
    assert escalation.step == 1
    for step in (2, 3):
        services.escalation_raise(actor=coordinator, escalation=escalation, to_step=step, note="Nog steeds niets")
    with pytest.raises(ValidationError, match="hoogste trede"):
        services.escalation_raise(actor=coordinator, escalation=escalation, to_step=4, note="x")


def test_closing_needs_an_outcome_and_then_nothing_moves(world) -> None:
    escalation = open_escalation(world)
    coordinator = world.user(Role.COORDINATOR)
    with pytest.raises(ValidationError, match="Wat is de uitkomst"):
        services.escalation_close(actor=coordinator, escalation=escalation, closed_on=timezone.localdate(), outcome="")
    services.escalation_close(
        actor=coordinator, escalation=escalation, closed_on=timezone.localdate(), outcome="Intake gepland"
    )
    with pytest.raises(ValidationError, match="al gesloten"):
        services.escalation_raise(actor=coordinator, escalation=escalation, to_step=1, note="x")


def test_only_who_steers_the_family_escalates(world) -> None:
    with pytest.raises(PermissionDenied):
        services.escalation_open(
            actor=world.user(Role.PROFESSIONAL),
            family=world.family("consented"),
            stagnation=Stagnation.OTHER,
            organisation=world.professional_org,
            description="x",
            opened_on=timezone.localdate(),
        )


# --- the periodic check (frozen clock) -------------------------------------------------------------------------


def steps(done: dict[str, int]) -> tuple[int, ...]:
    """What the checks did, without the e-mail retries (in a test transaction no e-mail leaves on commit)."""
    return done["decisions_escalated"], done["escalation_steps"], done["action_reminders"], done["checkin_alerts"]


def test_the_check_climbs_when_the_deadline_passes_and_a_second_run_sends_nothing(world) -> None:
    start = start_of(world)
    day = start.date()
    with time_machine.travel(start, tick=False):
        escalation = open_escalation(world, opened_on=day)
    notices = Notification.objects.count()
    with time_machine.travel(start + timedelta(days=5), tick=False):
        assert steps(tasks.checks()) == (0, 0, 0, 0)  # the deadline day itself: not yet
    with time_machine.travel(start + timedelta(days=6), tick=False):
        assert steps(tasks.checks()) == (0, 1, 0, 0)
        assert steps(tasks.checks()) == (0, 0, 0, 0)  # run twice: one step, one notice
    escalation.refresh_from_db()
    assert (escalation.step, escalation.step_since) == (1, day + timedelta(days=5))
    move = EscalationMove.objects.get(escalation=escalation, step=1)
    assert move.automatic and move.by is None
    assert Notification.objects.count() == notices + 1  # the coordinator: "ligt nu bij: procesmanager"
    entry = AccessLogEntry.objects.get(action="escalation.climb")
    assert (entry.channel, entry.username) == ("task", "systeem-achtergrondtaken")


def test_a_check_after_the_worker_was_down_catches_up(world) -> None:
    start = start_of(world)
    day = start.date()
    with time_machine.travel(start, tick=False):
        escalation = open_escalation(world, opened_on=day)
    with time_machine.travel(start + timedelta(days=40), tick=False):
        call_command("run_checks", stdout=open("/dev/null", "w"))  # noqa: SIM115
    escalation.refresh_from_db()
    assert escalation.step == 3
    moved = list(escalation.moves.order_by("step").values_list("moved_on", flat=True))
    assert moved == [day, day + timedelta(days=5), day + timedelta(days=15), day + timedelta(days=25)]


def test_the_approach_ladder_from_the_admin_counts(world) -> None:
    EscalationRung.objects.create(approach=world.approach, order=1, label="procesmanager", days=2)
    EscalationRung.objects.create(approach=world.approach, order=2, label="wethouder", days=7)
    start = start_of(world)
    day = start.date()
    with time_machine.travel(start, tick=False):
        escalation = open_escalation(world, opened_on=day)
    with time_machine.travel(start + timedelta(days=3), tick=False):
        tasks.checks()
    escalation.refresh_from_db()
    assert escalation.step == 1  # the top of a two-rung ladder
    assert "ligt nu bij: wethouder" in Notification.objects.order_by("-pk").first().message  # type: ignore[union-attr]


def test_nobody_but_the_background_account_runs_the_checks(world) -> None:
    for actor in (world.user(Role.PROCESS_MANAGER), system_actor(SystemPurpose.IMPORT_REPORTS)):
        with pytest.raises(PermissionDenied):
            services.escalations_climb_due(actor=actor)


def test_the_task_runs_on_the_backend(world) -> None:
    result = tasks.run_checks.enqueue()  # the test settings run tasks immediately
    assert result.return_value == {
        "decisions_escalated": 0,
        "escalation_steps": 0,
        "action_reminders": 0,
        "checkin_alerts": 0,
        "aftercare_completed": 0,
        "assessment_recomputed": 13,  # the first run stores the self-assessment of the world's started families
        "families_erased": 0,  # none closed longer than the retention period
        "form_tokens_pruned": 0,
        "emails_retried": 0,
    }


# --- the screen -------------------------------------------------------------------------------------------------


def test_the_coordinator_opens_and_raises_on_the_page(world, login) -> None:
    family = world.family("coordinated")
    client = login(world.user(Role.COORDINATOR))
    url = reverse("casework:escalations", kwargs={"family_id": family.pk})
    response = client.post(
        url,
        {
            "openen": "1",
            "stagnation": Stagnation.DISAGREEMENT,
            "organisation": world.professional_org.pk,
            "description": "Geen overeenstemming over de koers.",
            "opened_on": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 302
    escalation = Escalation.objects.get(family=family)
    page = client.get(url).content.decode()
    assert "Ligt nu bij: <strong>regisseur</strong>" in page
    client.post(url, {"opschalen": "1", "opschaling": escalation.pk, "note": "Geen beweging"})
    escalation.refresh_from_db()
    assert escalation.step == 1


def test_a_professional_reads_but_does_not_escalate(world, login) -> None:
    family = world.family("consented")
    client = login(world.user(Role.PROFESSIONAL))
    url = reverse("casework:escalations", kwargs={"family_id": family.pk})
    assert "Opschaling openen" not in client.get(url).content.decode()
    assert client.post(url, {"openen": "1"}).status_code == 404
