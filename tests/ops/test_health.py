"""/gezond/ and /gereed/ (issue 11 §2): public, no personal data; ready only with the database, every migration and a
recent heartbeat of a worker, which the scheduler's heartbeat task records."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from gezinsregie.ops import selectors
from gezinsregie.ops.models import WorkerHeartbeat
from gezinsregie.ops.services import heartbeat_record

pytestmark = pytest.mark.django_db


def test_alive_answers_anyone_without_touching_anything() -> None:
    response = Client().get("/gezond/")
    assert response.status_code == 200 and response.json() == {"status": "gezond"}
    assert "no-cache" in response["Cache-Control"]


def test_not_ready_before_a_worker_beat() -> None:
    response = Client().get("/gereed/")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "niet gereed"
    assert body["controles"]["database"]["ok"] and body["controles"]["migraties"]["ok"]
    assert body["controles"]["worker"] == {"ok": False, "toelichting": "nog geen hartslag"}


def test_the_scheduler_enqueues_the_heartbeat_and_the_worker_records_it() -> None:
    call_command("schedule_checks", "--once")  # the test settings run tasks immediately, as a worker would
    (beat,) = WorkerHeartbeat.objects.all()
    assert timezone.now() - beat.beat_at < timedelta(seconds=5)
    response = Client().get("/gereed/")
    assert response.status_code == 200 and response.json()["status"] == "gereed"


def test_a_stale_heartbeat_is_not_ready(settings) -> None:
    settings.WORKER_HEARTBEAT_MAX_AGE = 180
    heartbeat_record(worker_id="w1")
    WorkerHeartbeat.objects.update(beat_at=timezone.now() - timedelta(seconds=181))
    response = Client().get("/gereed/")
    assert response.status_code == 503
    assert "maximaal 180 s" in response.json()["controles"]["worker"]["toelichting"]
    heartbeat_record(worker_id="w2")  # another worker alive is enough
    assert Client().get("/gereed/").status_code == 200


def test_a_worker_silent_for_a_day_is_forgotten() -> None:
    heartbeat_record(worker_id="gone")
    WorkerHeartbeat.objects.update(beat_at=timezone.now() - timedelta(days=2))
    heartbeat_record(worker_id="alive")
    assert list(WorkerHeartbeat.objects.values_list("worker_id", flat=True)) == ["alive"]


def test_unapplied_migrations_are_not_ready() -> None:
    heartbeat_record(worker_id="w1")
    with mock.patch.object(selectors.MigrationExecutor, "migration_plan", return_value=[("m", False)] * 3):
        response = Client().get("/gereed/")
    assert response.status_code == 503
    assert response.json()["controles"]["migraties"] == {"ok": False, "toelichting": "3 nog niet uitgevoerd"}


def test_an_unreachable_database_is_not_ready() -> None:
    from django.db import OperationalError

    with mock.patch.object(selectors.connection, "cursor", side_effect=OperationalError("down")):
        checks = selectors.readiness()
    assert [(c.name, c.ok) for c in checks] == [("database", False)]
    assert "down" not in checks[0].detail  # the error's text may hold a host or user: only its kind is said


def test_the_health_endpoints_say_nothing_but_states() -> None:
    heartbeat_record(worker_id="w1")
    body = Client().get("/gereed/").content.decode()
    assert "w1" not in body  # not even the worker's id
