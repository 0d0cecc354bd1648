"""Sessions (issue 12 §1, ASVS 3.3): logged out after 30 minutes without a request, and 8 hours after signing in
however active. The finding was "sessions last 8 hours with no idle timeout"."""

from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.utils import timezone

from tests.accounts.helpers import person, sign_in, signed_in_as

pytestmark = pytest.mark.django_db


def at(moment):
    return time_machine.travel(moment, tick=False)


def test_the_idle_timeout_is_thirty_minutes_by_default():
    assert settings.SESSION_IDLE_TIMEOUT == 30 * 60
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60


def test_an_idle_session_is_logged_out(client):
    start = timezone.now()
    user = person()
    with at(start):
        sign_in(client, user)
        assert client.get("/").status_code == 200

    with at(start + timedelta(minutes=31)):
        response = client.get("/", follow=True)

    assert signed_in_as(client) is None
    assert response.redirect_chain[0][0].startswith("/inloggen/")
    assert "30 minuten niets hebt gedaan" in response.content.decode()


def test_an_active_session_is_not_logged_out(client):
    start = timezone.now()
    user = person()
    with at(start):
        sign_in(client, user)
    for minutes in range(20, 7 * 60, 20):  # a request every 20 minutes for most of a day
        with at(start + timedelta(minutes=minutes)):
            assert client.get("/").status_code == 200, minutes

    assert signed_in_as(client) == user.pk


def test_an_active_session_ends_after_the_absolute_lifetime(client):
    start = timezone.now()
    user = person()
    with at(start):
        sign_in(client, user)
    for minutes in range(20, 8 * 60, 20):
        with at(start + timedelta(minutes=minutes)):
            client.get("/")

    with at(start + timedelta(hours=8, minutes=1)):
        response = client.get("/", follow=True)

    assert signed_in_as(client) is None
    assert "langer dan 8 uur" in response.content.decode()


def test_an_idle_api_session_answers_401(client):
    start = timezone.now()
    with at(start):
        sign_in(client, person())
    with at(start + timedelta(minutes=45)):
        response = client.get("/api/v1/gezinnen/")

    assert response.status_code == 401
    assert "30 minuten" in response.json()["detail"]
