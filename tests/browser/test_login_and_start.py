"""A user logs in with the demo login of their role and sees what that role needs first."""

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.paths import AXE

pytestmark = pytest.mark.browser


START_SECTIONS = [
    ("regisseur", "Mijn gezinnen"),
    ("procesmanager", "Actieve gezinnen zonder regisseur"),
    ("professional", "Gezinnen waar ik bij betrokken ben"),
    ("intake", "Wachten op prioritering"),
    ("beleid", "Populatie in beeld"),
    ("inspecteur", "Gezinnen die de inspectie hebben gemachtigd"),
    ("privacy", "Toegangslog"),
    ("beheer", "Beheer"),
]


@pytest.mark.parametrize(("username", "section"), START_SECTIONS)
def test_each_role_lands_on_its_own_start_page(login: Callable[[str], Page], username: str, section: str) -> None:
    page = login(username)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welkom")
    expect(page.get_by_role("heading", level=2, name=section)).to_be_visible()


def test_wrong_password_is_refused_with_a_clear_message(live_server: Any, page: Page, demo_world: None) -> None:
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam", exact=True).fill("regisseur")
    page.get_by_label("Wachtwoord", exact=True).fill("fout")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page).to_have_url(f"{live_server.url}/inloggen/")


def test_policy_officer_sees_numbers_but_no_family(login: Callable[[str], Page]) -> None:
    page = login("beleid")
    expect(page.get_by_role("img", name="Gezinnen per status")).to_be_visible()
    expect(page.locator("main")).not_to_contain_text(re.compile(r"Gezin [A-Z]|GR-\d{4}"))


def test_coordinator_opens_a_family_and_its_access_log(login: Callable[[str], Page]) -> None:
    page = login("regisseur")
    page.get_by_role("table", name="Gezinnen waarvan ik regisseur ben").get_by_role("link").first.click()
    expect(page.get_by_role("heading", name="Gezinsleden")).to_be_visible()
    page.get_by_role("link", name="Toegangslog", exact=True).click()
    log = page.get_by_role("table")
    expect(log).to_contain_text("Gezin bekeken")
    expect(log).not_to_contain_text("family.view")
    expect(log).to_contain_text("Fleur Jansen")


def test_start_page_has_no_accessibility_violations(login: Callable[[str], Page]) -> None:
    page = login("procesmanager")
    # Evaluated through the DevTools protocol: the page's CSP rightly forbids inline scripts.
    page.evaluate(AXE.read_text())
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    violations = [(v["id"], v["impact"], len(v["nodes"])) for v in result["violations"]]
    assert violations == []
