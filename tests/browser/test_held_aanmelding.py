"""A held aanmelding (issue 12 §6): the intake team finds it from the start page, sees the known family it may be
for, and links it; the referrer is told only that it was handled."""

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from gezinsregie.casework.models import PendingOutcome, PendingReferral
from gezinsregie.notifications.models import Notification

pytestmark = pytest.mark.browser


def test_the_intake_team_finds_the_held_aanmelding_from_the_start_page_and_links_it(
    login: Callable[[str], Page], live_server: Any
) -> None:
    [held] = PendingReferral.objects.filter(outcome="")
    page = login("intake")
    expect(page.get_by_test_id("te-koppelen")).to_contain_text("1 aanmelding van een partner wacht")
    page.get_by_role("link", name="Naar de aanmeldingen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Aanmeldingen om te koppelen")
    page.get_by_role("link", name=held.family_name).click()

    [known] = held.candidates.all()
    expect(page.locator("legend")).to_contain_text(known.reference)
    page.get_by_role("button", name=f"Koppelen aan {known.reference}").click()

    expect(page.get_by_text(f"De aanmelding is gekoppeld aan gezin {known.reference}.")).to_be_visible()
    expect(page.get_by_role("cell", name="Geen aanmeldingen die wachten op koppeling.")).to_be_visible()
    held.refresh_from_db()
    assert (held.outcome, held.family) == (PendingOutcome.LINKED, known)
    told = Notification.objects.get(user=held.referred_by, key=f"pending_referral:{held.pk}:handled")
    assert known.reference not in told.message
    page.goto(f"{live_server.url}/")
    expect(page.get_by_test_id("te-koppelen")).to_have_text("Er wachten geen aanmeldingen om te koppelen.")
