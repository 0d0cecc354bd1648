"""Optional OpenID Connect (issue 12 §1): the provider's user signs in only as an existing person, matched by e-mail
(or username), never created."""

import pytest
from django.test import override_settings

from gezinsregie.accounts.oidc import ExistingUsersBackend
from tests.accounts.helpers import person
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
OIDC = {
    "OIDC_OP_TOKEN_ENDPOINT": "https://idp.example/token",
    "OIDC_OP_USER_ENDPOINT": "https://idp.example/userinfo",
    "OIDC_OP_JWKS_ENDPOINT": "https://idp.example/jwks",
    "OIDC_RP_CLIENT_ID": "gezinsregie",
    "OIDC_RP_CLIENT_SECRET": "geheim",
    "OIDC_RP_SIGN_ALGO": "RS256",
    "OIDC_CREATE_USER": False,
}


def backend(**extra: object) -> ExistingUsersBackend:
    with override_settings(**OIDC, **extra):
        return ExistingUsersBackend()


def sign_in_as(claims: dict[str, object], **extra: object):
    b = backend(**extra)
    b.get_userinfo = lambda *args: claims  # what the provider says; no network
    with override_settings(**OIDC, **extra):
        return b.get_or_create_user("access", "id", {})


def test_the_providers_user_is_the_existing_person_with_that_address():
    user = person(email="j.jansen@zeldenbroek.example")

    assert sign_in_as({"email": "J.Jansen@zeldenbroek.example", "email_verified": True}) == user


def test_nobody_is_created_for_an_unknown_address():
    from gezinsregie.accounts.models import User

    before = User.objects.count()
    assert sign_in_as({"email": "onbekend@zeldenbroek.example"}) is None
    assert User.objects.count() == before


def test_an_unverified_address_or_a_machine_account_is_not_matched():
    from django.core.exceptions import SuspiciousOperation

    person(email="j.jansen@zeldenbroek.example")
    UserFactory(email="koppeling@zeldenbroek.example", is_integration_account=True)

    with pytest.raises(SuspiciousOperation):
        sign_in_as({"email": "j.jansen@zeldenbroek.example", "email_verified": False})
    assert sign_in_as({"email": "koppeling@zeldenbroek.example"}) is None


def test_matching_by_username_when_configured():
    user = person(username="jjansen")

    assert sign_in_as({"preferred_username": "jjansen"}, OIDC_MATCH="username") == user
    assert sign_in_as({"preferred_username": "JJANSEN"}, OIDC_MATCH="username") is None
