"""The self-assessment dashboard follows the casework: a new, agreed plan turns C3.a.3 to met."""

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from gezinsregie.casework.models import Family

pytestmark = pytest.mark.browser


def met_count(page: Page, key: str) -> int:
    row = page.get_by_role("row").filter(has_text=key).first
    return int(row.get_by_role("cell").nth(1).inner_text().strip())


def test_adding_an_agreed_plan_turns_c3a3_to_met_on_the_dashboard(login: Callable[[str], Page]) -> None:
    family = Family.objects.get(reference="GR-0022")  # active, in the process manager's approach, no plan yet
    assert not hasattr(family, "plan") or family.plan is None
    page = login("procesmanager")
    page.get_by_role("link", name="Zelfevaluatie").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Zelfevaluatie")
    before = met_count(page, "C3.a.3")

    page.get_by_role("link", name="Mijn gezinnen").click()
    page.get_by_label("Zoek op kenmerk of naam").fill("GR-0022")
    page.get_by_role("button", name="Filteren").click()
    page.get_by_role("link", name="GR-0022").click()
    # The to-do list says it in plain Dutch now, without the framework code.
    expect(page.locator("main")).to_contain_text("Werk het plan bij")
    expect(page.locator("main")).to_contain_text("Er is geen plan.")
    page.get_by_role("link", name="Gezinsplan").click()
    page.get_by_role("button", name="Plan opstellen").click()
    page.get_by_role("link", name=re.compile("Instemming gezin vastleggen", re.I)).first.click()
    page.get_by_label("De doelen zijn samen met het gezin bepaald").check()
    page.locator("input[type=date]").first.fill(page.evaluate("new Date().toISOString().slice(0, 10)"))
    page.get_by_role("button", name="Opslaan").click()

    page.get_by_role("link", name="Zelfevaluatie").click()
    assert met_count(page, "C3.a.3") == before + 1
