"""Signing in with a second factor (issue 12 §1): where it is required, a coordinator sets up an authenticator app
from the QR code's secret, keeps the recovery codes, signs out, and signs in again with password + a code the app
would show now, and once more with a recovery code."""

import base64
import re
import time
from collections.abc import Callable
from typing import Any

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import Page, expect

from gezinsregie.demo.logins import DEMO_PASSWORD

pytestmark = pytest.mark.browser


def app_code(secret: str, *, steps_ahead: int = 0) -> str:
    """What an authenticator app shows for this secret (RFC 6238: 30 seconds, 6 digits, SHA-1)."""
    totp = TOTP(base64.b32decode(secret))
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


def sign_in_with_password(page: Page, url: str) -> None:
    page.goto(f"{url}/inloggen/")
    page.get_by_label("Gebruikersnaam", exact=True).fill("regisseur")
    page.get_by_label("Wachtwoord", exact=True).fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def sign_out(page: Page) -> None:
    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen")


def test_enrol_then_sign_in_with_a_code_and_with_a_recovery_code(
    login: Callable[[str], Page], live_server: Any, settings: Any
) -> None:
    settings.TWO_FACTOR_REQUIRED = True

    # the password alone leads to setting up the second factor, not to the start page
    page = login("regisseur")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweestapsverificatie instellen")
    expect(page.locator("figure.gr-qr svg")).to_be_visible()
    page.goto(f"{live_server.url}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweestapsverificatie instellen")
    secret = page.get_by_test_id("totp-secret").inner_text().replace(" ", "")
    assert re.fullmatch(r"[A-Z2-7]{32}", secret)

    page.get_by_label("Code").fill(app_code(secret))
    page.get_by_role("button", name="Instellen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Herstelcodes")
    codes = page.locator(".gr-recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    page.get_by_role("link", name="Ik heb de codes bewaard, verder").click()
    expect(page.get_by_role("heading", level=2, name="Mijn gezinnen")).to_be_visible()
    sign_out(page)

    # password, then a code of the app (the next period's: a code is accepted once)
    sign_in_with_password(page, live_server.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweestapsverificatie")
    page.get_by_label("Code").fill(app_code(secret, steps_ahead=1))
    page.get_by_role("button", name="Controleren").click()
    expect(page.get_by_role("heading", level=2, name="Mijn gezinnen")).to_be_visible()
    sign_out(page)

    # a wrong code is refused in Dutch
    sign_in_with_password(page, live_server.url)
    page.get_by_label("Code").fill("ABCD-EFGH-JKLM")
    page.get_by_role("button", name="Controleren").click()
    # beside the field and, as a link to it, in the summary at the top
    expect(page.locator("#id_code-fout")).to_contain_text("Deze code klopt niet of is al gebruikt.")
    expect(page.get_by_role("link", name="Code: Deze code klopt niet of is al gebruikt.")).to_be_visible()

    # password, then a recovery code
    time.sleep(2)  # django-otp lets the next try after a wrong code wait a second
    page.get_by_label("Code").fill(codes[0])
    page.get_by_role("button", name="Controleren").click()
    expect(page.get_by_role("heading", level=2, name="Mijn gezinnen")).to_be_visible()
    expect(page.get_by_text("U hebt een herstelcode gebruikt; er zijn er nog 9.")).to_be_visible()
