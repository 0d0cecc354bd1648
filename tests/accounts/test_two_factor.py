"""The second factor (issue 12 §1, ASVS 2.7/2.8): TOTP with a QR code, ten hashed one-time recovery codes, and
TWO_FACTOR_REQUIRED sending every person with a role to set it up or give it before any page."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.test import override_settings
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from gezinsregie.accounts import services
from gezinsregie.accounts.models import RecoveryCode, Role
from tests.accounts.helpers import person, sign_in, signed_in_as, totp_code
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
ENROL, VERIFY, CODES = (
    "/mijn-account/tweestapsverificatie/instellen/",
    "/mijn-account/tweestapsverificatie/",
    ("/mijn-account/tweestapsverificatie/herstelcodes/"),
)
required = override_settings(TWO_FACTOR_REQUIRED=True)


def enrolled(user) -> tuple[TOTPDevice, list[str]]:
    device = services.authenticator_start(user=user)
    codes = services.authenticator_confirm(user=user, device=device, code=totp_code(device))
    assert codes is not None
    return device, codes


@required
@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.INSPECTOR, Role.PRIVACY_OFFICER, Role.ADMINISTRATOR])
def test_with_the_setting_on_a_person_with_a_role_must_set_it_up_before_any_page(client, role):
    sign_in(client, person(role))

    for page in ["/", "/mijn-account/", "/beheer/"]:
        response = client.get(page)
        assert response.status_code == 302, page
        assert response["Location"].startswith(ENROL)
    assert client.get("/api/v1/gezinnen/").status_code == 403


@required
def test_a_koppelaccount_and_a_user_without_a_role_are_not_sent_to_set_it_up(client):
    client.force_login(UserFactory())
    assert client.get("/").status_code == 200
    client.force_login(UserFactory(is_integration_account=True))
    assert client.get("/").status_code == 200


def test_enrolment_shows_a_qr_code_and_the_secret_and_confirms_with_a_code(client):
    user = person()
    client.force_login(user)

    page = client.get(ENROL).content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert "<svg" in page and 'class="segno"' in page  # inline, no external image (CSP)
    secret = re.search(r'data-testid="totp-secret">([A-Z2-7 ]+)<', page).group(1).replace(" ", "")
    assert len(secret) == 32

    wrong = client.post(ENROL, {"code": "000000" if totp_code(device) != "000000" else "111111"})
    assert "Deze code klopt niet" in wrong.content.decode()

    with time_machine.travel(timezone.now() + timedelta(seconds=5)):  # django-otp lets a wrong code wait a second
        response = client.post(ENROL, {"code": totp_code(device)})
    assert response.status_code == 302 and response["Location"].startswith(CODES)
    device.refresh_from_db()
    assert device.confirmed

    shown = client.get(CODES).content.decode()
    codes = re.findall(r"<code class=\"utrecht-code\">([A-Z2-9-]{14})</code>", shown)
    assert len(codes) == 10
    assert codes[0] not in client.get(CODES).content.decode()  # shown once
    digests = list(RecoveryCode.objects.filter(device__user=user).values_list("digest", flat=True))
    assert len(digests) == 10
    assert not any(code.replace("-", "") in digest for code in codes for digest in digests)  # stored hashed


def test_a_password_alone_is_not_enough_once_it_is_set_up_even_where_not_required(client):
    user = person()
    device, _codes = enrolled(user)

    sign_in(client, user)
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    # and the authenticator cannot be replaced with the password alone
    assert client.get(ENROL)["Location"].startswith(VERIFY)

    response = client.post(VERIFY, {"code": totp_code(device, steps_ahead=1), "next": "/mijn-account/"})
    assert response["Location"] == "/mijn-account/"
    assert client.get("/").status_code == 200


def test_a_recovery_code_works_once(client):
    user = person()
    _device, codes = enrolled(user)

    sign_in(client, user)
    response = client.post(VERIFY, {"code": codes[3].lower()}, follow=True)
    assert response.status_code == 200
    assert "nog 9" in response.content.decode()

    client.logout()
    sign_in(client, user)
    again = client.post(VERIFY, {"code": codes[3]})
    assert "klopt niet of is al gebruikt" in again.content.decode()
    assert client.get("/").status_code == 302


def test_wrong_codes_are_throttled(client):
    user = person()
    device, _codes = enrolled(user)
    sign_in(client, user)
    for _ in range(3):
        client.post(VERIFY, {"code": "12345"[:5] + "0"})

    right = client.post(VERIFY, {"code": totp_code(device, steps_ahead=1)})

    assert right.status_code == 200  # refused: django-otp makes the user wait after failures
    assert signed_in_as(client) == user.pk
    assert client.get("/").status_code == 302


def test_new_recovery_codes_replace_the_old_ones(client):
    user = person()
    _device, old = enrolled(user)
    new = services.recovery_codes_renew(user=user)

    assert services.second_factor_verify(user=user, code=new[0]) is not None
    assert services.second_factor_verify(user=user, code=old[0]) is None
