"""Personal API tokens (issue 12 §1): shown once, stored as a digest, revocable, last use recorded; the admin makes
them only for a koppelaccount."""

import re

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied

from gezinsregie.accounts import services
from gezinsregie.accounts.models import ApiToken, Role
from gezinsregie.accounts.system import SystemPurpose, system_actor
from gezinsregie.common import idempotency
from tests.accounts.helpers import person
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db
FAMILIES = "/api/v1/gezinnen/"


def test_a_user_makes_a_token_on_the_account_page_and_sees_it_once(client):
    user = person()
    client.force_login(user)

    response = client.post("/mijn-account/api-sleutels/", {"name": "Registratiesysteem"})

    page = response.content.decode()
    secret = page.split('data-testid="new-api-token">')[1].split("<")[0]
    assert secret.startswith("gzr_")
    assert response["Cache-Control"] == "no-store"
    token = ApiToken.objects.get(user=user)
    assert secret not in (token.digest, token.prefix) and secret.startswith(token.prefix)
    assert secret not in client.get("/mijn-account/").content.decode()
    assert client.get(FAMILIES, HTTP_AUTHORIZATION=f"Token {secret}").status_code == 200


def test_a_revoked_token_is_refused_at_once(client):
    user = person()
    token, secret = services.api_token_create(actor=user, user=user, name="koppeling")
    client.force_login(user)
    client.post(f"/mijn-account/api-sleutels/{token.pk}/intrekken/")
    client.logout()

    response = client.get(FAMILIES, HTTP_AUTHORIZATION=f"Token {secret}")

    assert response.status_code == 401
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_the_last_use_is_recorded(client):
    user = person()
    token, secret = services.api_token_create(actor=user, user=user, name="koppeling")
    assert token.last_used_at is None

    client.get(FAMILIES, HTTP_AUTHORIZATION=f"Token {secret}")

    token.refresh_from_db()
    assert token.last_used_at is not None


def test_someone_elses_token_cannot_be_revoked_from_the_account_page(client):
    owner = person()
    token, _secret = services.api_token_create(actor=owner, user=owner, name="koppeling")
    client.force_login(person())

    assert client.post(f"/mijn-account/api-sleutels/{token.pk}/intrekken/").status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_a_token_of_an_inactive_user_is_refused(client):
    user = person()
    _token, secret = services.api_token_create(actor=user, user=user, name="koppeling")
    user.is_active = False
    user.save()

    assert client.get(FAMILIES, HTTP_AUTHORIZATION=f"Token {secret}").status_code == 401


def test_the_admin_makes_tokens_for_a_koppelaccount_only():
    admin = UserFactory()
    MembershipFactory(user=admin, role=Role.ADMINISTRATOR)
    koppeling = UserFactory(is_integration_account=True)

    token, _secret = services.api_token_create(actor=admin, user=koppeling, name="politie")
    assert token.user == koppeling and token.created_by == admin
    with pytest.raises(PermissionDenied):
        services.api_token_create(actor=admin, user=person(), name="als iemand anders")  # a person: impersonation
    with pytest.raises(PermissionDenied):
        services.api_token_create(actor=person(), user=koppeling, name="geen beheerder")
    with pytest.raises(PermissionDenied):
        services.api_token_create(actor=admin, user=system_actor(SystemPurpose.BACKGROUND_TASKS), name="systeem")


def test_the_admin_shows_a_new_koppelaccount_token_once(client):
    admin = UserFactory(is_staff=True, is_superuser=True)
    MembershipFactory(user=admin, role=Role.ADMINISTRATOR)
    koppeling = UserFactory(is_integration_account=True)
    client.force_login(admin)

    response = client.post("/beheer/accounts/apitoken/add/", {"user": koppeling.pk, "name": "politie"})

    secret = response.content.decode().split('data-testid="new-api-token">')[1].split("<")[0]
    assert ApiToken.objects.get(user=koppeling).prefix == secret[:12]
    assert client.get(FAMILIES, HTTP_AUTHORIZATION=f"Token {secret}").status_code == 200


def _token_on(page: str) -> str:
    found = re.search(rf'name="{idempotency.FIELD}" value="" data-gr-token="([0-9a-f]+)"', page)
    assert found, "the form carries a submission token"
    return found.group(1)


def test_sending_the_account_pages_token_form_twice_makes_one_token_and_shows_no_second_secret(client):
    user = person()
    client.force_login(user)
    data = {"name": "Registratiesysteem", idempotency.FIELD: _token_on(client.get("/mijn-account/").content.decode())}

    first = client.post("/mijn-account/api-sleutels/", data)
    secret = first.content.decode().split('data-testid="new-api-token">')[1].split("<")[0]
    again = client.post("/mijn-account/api-sleutels/", data)  # Back, and send again

    assert ApiToken.objects.filter(user=user).count() == 1
    assert (again.status_code, again["Location"]) == (302, "/mijn-account/")
    assert [str(m) for m in get_messages(again.wsgi_request)] == [idempotency.ALREADY_SENT]
    shown = client.get(again["Location"]).content.decode()
    assert 'data-testid="new-api-token"' not in shown and secret not in shown
    assert "Registratiesysteem" in shown  # the one token, listed by its name


def test_sending_the_admins_token_form_twice_makes_one_token_and_shows_no_second_secret(client):
    admin = UserFactory(is_staff=True, is_superuser=True)
    MembershipFactory(user=admin, role=Role.ADMINISTRATOR)
    koppeling = UserFactory(is_integration_account=True)
    client.force_login(admin)
    form = client.get("/beheer/accounts/apitoken/add/").content.decode()
    data = {"user": koppeling.pk, "name": "politie", idempotency.FIELD: _token_on(form)}

    first = client.post("/beheer/accounts/apitoken/add/", data)
    secret = first.content.decode().split('data-testid="new-api-token">')[1].split("<")[0]
    again = client.post("/beheer/accounts/apitoken/add/", data)

    assert ApiToken.objects.filter(user=koppeling).count() == 1
    assert (again.status_code, again["Location"]) == (302, "/beheer/accounts/apitoken/")
    shown = client.get(again["Location"]).content.decode()
    assert idempotency.ALREADY_SENT in shown
    assert 'data-testid="new-api-token"' not in shown and secret not in shown
