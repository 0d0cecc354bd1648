"""Two people edit the same plan at once: the second never silently overwrites the first."""

from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from gezinsregie.demo.logins import DEMO_PASSWORD
from gezinsregie.plans.models import Goal

pytestmark = pytest.mark.browser


def logged_in(browser: Browser, base: str, username: str) -> Page:
    page = browser.new_context().new_page()
    page.goto(f"{base}/inloggen/")
    page.get_by_label("Gebruikersnaam", exact=True).fill(username)
    page.get_by_label("Wachtwoord", exact=True).fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    return page


def test_the_second_of_two_simultaneous_edits_is_refused_with_the_input_kept(
    browser: Browser, live_server: Any, demo_world: None
) -> None:
    goal = Goal.objects.filter(
        plan__family__coordinator__username="regisseur", plan__family__approach__name__startswith="Integrale"
    ).first()
    assert goal is not None, "the demo has a plan of the coordinator in the process manager's approach"
    edit_url = f"{live_server.url}/gezinnen/{goal.plan.family_id}/plan/doelen/{goal.pk}/"
    coordinator = logged_in(browser, live_server.url, "regisseur")
    process_manager = logged_in(browser, live_server.url, "procesmanager")
    coordinator.goto(edit_url)
    process_manager.goto(edit_url)

    coordinator.get_by_label("Doel", exact=True).fill("Versie van de regisseur")
    coordinator.get_by_role("button", name="Opslaan").click()
    expect(coordinator.locator("main")).to_contain_text("Versie van de regisseur")

    process_manager.get_by_label("Doel", exact=True).fill("Versie van de procesmanager")
    process_manager.get_by_role("button", name="Opslaan").click()
    expect(process_manager.locator("main")).to_contain_text("Iemand anders heeft het plan intussen gewijzigd")
    expect(process_manager.get_by_label("Doel", exact=True)).to_have_value("Versie van de procesmanager")

    goal.refresh_from_db()
    assert goal.description == "Versie van de regisseur"


def test_one_coordinator_in_two_tabs_the_older_form_is_refused_in_place_with_the_input_kept(
    browser: Browser, live_server: Any, demo_world: None
) -> None:
    goal = (
        Goal.objects.filter(plan__family__coordinator__username="regisseur")
        .exclude(plan__sessions__closed_at__isnull=True, plan__sessions__isnull=False)
        .first()
    )
    assert goal is not None, "the demo has a plan of the coordinator without an open working session"
    plan_url = f"{live_server.url}/gezinnen/{goal.plan.family_id}/plan/"
    first = logged_in(browser, live_server.url, "regisseur")
    second = first.context.new_page()  # the same login: a second tab
    for tab in (first, second):
        tab.goto(plan_url)
        tab.locator(f"a[hx-get$='/doelen/{goal.pk}/']").click()
        expect(tab.locator(f"#doel-{goal.pk}-description")).to_be_visible()

    first.locator(f"#doel-{goal.pk}-description").fill("Uit het eerste tabblad")
    first.get_by_role("button", name="Wijziging bewaren").click()
    expect(first.locator("#plan-inhoud")).to_contain_text("Uit het eerste tabblad")

    second.locator(f"#doel-{goal.pk}-description").fill("Uit het tweede tabblad")
    second.get_by_role("button", name="Wijziging bewaren").click()
    expect(second.locator(".gr-inline-edit")).to_contain_text("Dit doel is intussen gewijzigd")
    expect(second.locator(".gr-current")).to_contain_text("Uit het eerste tabblad")  # how it is now
    expect(second.locator(f"#doel-{goal.pk}-description")).to_have_value("Uit het tweede tabblad")
    goal.refresh_from_db()
    assert goal.description == "Uit het eerste tabblad"

    # sent again, having seen the other change: on purpose, and kept
    second.get_by_role("button", name="Wijziging bewaren").click()
    expect(second.locator(".gr-inline-edit")).to_have_count(0)
    expect(second.locator("#plan-inhoud")).to_contain_text("Uit het tweede tabblad")
    goal.refresh_from_db()
    assert goal.description == "Uit het tweede tabblad"
