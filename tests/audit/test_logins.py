"""Logins, logouts, failed logins and refused attempts are in the access log (NEN 7513: who had access, and who
tried), through receivers of Django's signals and the policy's refusals."""

from contextlib import suppress

import pytest
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse

from gezinsregie import policy
from gezinsregie.accounts.models import Role
from gezinsregie.audit import services
from gezinsregie.audit.models import AccessLogEntry
from tests.factories import UserFactory

IP = "192.0.2.44"
PASSWORD = "een-lang-genoeg-wachtwoord"


def logged(action: str) -> list[AccessLogEntry]:
    return list(AccessLogEntry.objects.filter(action=action).order_by("id"))


@pytest.fixture
def person(db):
    user = UserFactory(username="fatima", first_name="Fatima", last_name="de Vries")
    user.set_password(PASSWORD)
    user.save()
    return user


def test_a_login_on_the_form_is_logged_with_who_and_from_where(person, client):
    response = client.post(reverse("login"), {"username": "fatima", "password": PASSWORD}, REMOTE_ADDR=IP)

    assert response.status_code == 302
    [entry] = logged("login")
    assert (entry.user_id, entry.username, entry.user_display) == (person.pk, "fatima", "Fatima de Vries")
    assert (entry.ip_address, entry.channel, entry.family_id) == (IP, "web", None)
    assert not logged("login.failed")


def test_a_failed_login_on_the_form_is_logged_with_the_name_tried_and_the_address(person, client):
    response = client.post(reverse("login"), {"username": "fatima", "password": "fout"}, REMOTE_ADDR=IP)

    assert response.status_code in (200, 429)
    [entry] = logged("login.failed")
    assert (entry.user_id, entry.username, entry.ip_address, entry.channel) == (person.pk, "fatima", IP, "web")
    assert not logged("login")


def test_a_failed_login_of_an_unknown_name_is_logged_without_a_user(db, client):
    client.post(reverse("login"), {"username": "bestaat-niet", "password": "fout"}, REMOTE_ADDR=IP)

    [entry] = logged("login.failed")
    assert (entry.user_id, entry.username) == (None, "bestaat-niet")


def test_a_logout_is_logged(person, client):
    client.force_login(person)
    client.post(reverse("logout"), REMOTE_ADDR=IP)

    [entry] = logged("logout")
    assert (entry.user_id, entry.ip_address) == (person.pk, IP)


# --- refusals ---


def test_a_refusal_outside_a_transaction_is_logged_at_once(world):
    coordinator = world.user(Role.COORDINATOR)

    with pytest.raises(PermissionDenied):
        policy.ensure(coordinator, policy.Permission.SEARCH_LOGS)

    [entry] = AccessLogEntry.objects.filter(action__startswith="denied.")
    assert (entry.action, entry.user_id, entry.object_type, entry.object_id) == (
        "denied.search_logs",
        coordinator.pk,
        "",
        "",
    )


def test_a_refusal_that_rolls_its_transaction_back_is_logged_after_it(world):
    coordinator, other = world.user(Role.COORDINATOR), world.family("other")

    with pytest.raises(PermissionDenied), transaction.atomic():
        policy.ensure(coordinator, policy.Permission.VIEW_LOG, other)
    assert not AccessLogEntry.objects.exists()  # rolled back with the transaction, waiting

    assert services.flush_denials() == 1  # what the middleware does when the request is done
    [entry] = AccessLogEntry.objects.all()
    assert (entry.action, entry.family_id, entry.object_type) == ("denied.view_log", other.pk, "casework.Family")
    assert (entry.family_reference, entry.on_behalf_of) == ("", "")  # the reference only, nothing about the family
    assert services.flush_denials() == 0


def test_a_refusal_in_a_transaction_that_commits_is_logged_on_commit(world, django_capture_on_commit_callbacks):
    coordinator = world.user(Role.COORDINATOR)

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic(), suppress(PermissionDenied):
        policy.ensure(coordinator, policy.Permission.SEARCH_LOGS)  # the caller carries on: the transaction commits

    assert [e.action for e in AccessLogEntry.objects.all()] == ["denied.search_logs"]


def test_a_refused_page_logs_the_attempt(world, login):
    response = login(world.user(Role.COORDINATOR)).get(reverse("audit:search"), REMOTE_ADDR=IP)

    assert response.status_code == 403
    [entry] = AccessLogEntry.objects.filter(action__startswith="denied.")
    assert (entry.ip_address, entry.path) == (IP, reverse("audit:search"))
