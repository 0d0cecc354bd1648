"""Lockout after failed sign-ins (issue 12 §1, ASVS 2.2.1), with django-axes: the finding was "50 wrong passwords
then the right one logs in (form and Basic auth alike)"."""

from datetime import timedelta

import pytest
import time_machine
from axes.models import AccessAttempt
from django.conf import settings
from django.utils import timezone

from gezinsregie.accounts import services
from gezinsregie.accounts.models import Role
from tests.accounts.helpers import person, sign_in, signed_in_as
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db
FAMILIES = "/api/v1/gezinnen/"


def fail(client, user, times: int, **extra: str) -> None:
    for _ in range(times):
        sign_in(client, user, password="fout-wachtwoord", **extra)


def test_fifty_wrong_passwords_then_the_right_one_does_not_log_in(client):
    user = person()
    fail(client, user, 50)

    response = sign_in(client, user)

    assert response.status_code == 429
    assert signed_in_as(client) is None
    page = response.content.decode()
    assert "Te veel mislukte inlogpogingen" in page
    assert f"{settings.AXES_COOLOFF_TIME.seconds // 60} minuten geblokkeerd" in page
    assert "functioneel beheerder" in page  # who can lift it
    assert "/wachtwoord-vergeten/" in page  # and the way out for a forgotten password


def test_the_lock_starts_at_the_limit_and_not_before(client):
    user = person()
    fail(client, user, settings.AXES_FAILURE_LIMIT - 1)

    assert sign_in(client, user).status_code == 302
    assert signed_in_as(client) == user.pk


def test_the_lock_is_for_the_username_from_that_address(client):
    user, colleague = person(), person()
    fail(client, user, settings.AXES_FAILURE_LIMIT)

    assert sign_in(client, user).status_code == 429
    assert sign_in(client, user, REMOTE_ADDR="10.1.2.3").status_code == 302  # the same user elsewhere
    client.logout()
    assert sign_in(client, colleague).status_code == 302  # a colleague on the same network


def test_the_lock_ends_after_the_cool_off(client):
    user = person()
    fail(client, user, settings.AXES_FAILURE_LIMIT)
    assert sign_in(client, user).status_code == 429

    with time_machine.travel(timezone.now() + settings.AXES_COOLOFF_TIME + timedelta(minutes=1), tick=False):
        response = sign_in(client, user)

    assert response.status_code == 302
    assert signed_in_as(client) == user.pk


def test_the_functional_admin_lifts_a_lock_in_beheer(client):
    user = person()
    fail(client, user, settings.AXES_FAILURE_LIMIT)
    admin = UserFactory(is_staff=True)
    MembershipFactory(user=admin, role=Role.ADMINISTRATOR)
    client.force_login(admin)

    listing = client.get("/beheer/axes/accessattempt/")
    assert listing.status_code == 200
    assert user.username in listing.content.decode()

    attempt = AccessAttempt.objects.get(username=user.username)
    response = client.post(
        "/beheer/axes/accessattempt/", {"action": "lift", "_selected_action": [attempt.pk]}, follow=True
    )
    assert "Blokkade opgeheven" in response.content.decode()
    client.logout()

    assert sign_in(client, user).status_code == 302
    assert signed_in_as(client) == user.pk


def test_the_admin_lifts_a_lock_from_the_user_list(client):
    user = person()
    fail(client, user, settings.AXES_FAILURE_LIMIT)
    admin = UserFactory(is_staff=True, is_superuser=True)  # as the demo's beheer: the user list needs model rights
    MembershipFactory(user=admin, role=Role.ADMINISTRATOR)
    client.force_login(admin)

    client.post("/beheer/accounts/user/", {"action": "unlock", "_selected_action": [user.pk]})
    client.logout()

    assert not AccessAttempt.objects.filter(username=user.username).exists()
    assert sign_in(client, user).status_code == 302


def test_someone_without_the_admin_role_cannot_see_or_lift_locks(client):
    user = person()
    fail(client, user, settings.AXES_FAILURE_LIMIT)
    client.force_login(person(Role.PROCESS_MANAGER, is_staff=True))

    assert client.get("/beheer/axes/accessattempt/").status_code in {302, 403}
    assert AccessAttempt.objects.filter(username=user.username).exists()


def test_fifty_wrong_api_tokens_then_the_right_one_is_refused(client):
    user = person()
    _token, secret = services.api_token_create(actor=user, user=user, name="koppeling")
    for number in range(50):
        assert client.get(FAMILIES, HTTP_AUTHORIZATION=f"Token gzr_geraden{number}").status_code in {401, 429}

    response = client.get(FAMILIES, HTTP_AUTHORIZATION=f"Token {secret}")

    assert response.status_code == 429
    assert "Te veel mislukte inlogpogingen" in response.json()["detail"]
    # from another address the right token works: the lock is per address
    assert client.get(FAMILIES, HTTP_AUTHORIZATION=f"Token {secret}", REMOTE_ADDR="10.9.9.9").status_code == 200
