"""The coordinator builds the plan in place (issue 14 §1, §2): goals and actions added, moved and removed on the
plan page itself without a page load, one working session saved as exactly one new version whose comparison shows
the changes (and only them, on request); Back + send again creates nothing."""

import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from gezinsregie.casework import selectors as casework_selectors
from gezinsregie.casework.models import Family
from gezinsregie.plans.models import Action, Goal
from tests.paths import AXE

pytestmark = pytest.mark.browser


def axe_violations(page: Page, selector: str) -> list[tuple[str, str, int]]:
    page.evaluate(AXE.read_text())  # through the DevTools protocol: the page's CSP forbids inline scripts
    result = page.evaluate(
        "async (s) => await axe.run(document.querySelector(s), {resultTypes: ['violations']})", selector
    )
    return [(v["id"], v["impact"], len(v["nodes"])) for v in result["violations"]]


def a_family_of_the_coordinator() -> Family:
    family = (
        Family.objects.filter(coordinator__username="regisseur", plan__goals__actions__isnull=False)
        .filter(problems__isnull=False, members__isnull=False)
        .distinct()
        .order_by("reference")
        .first()
    )
    assert family is not None, "the demo has a plan with actions of the coordinator"
    return family


def test_a_plan_built_in_place_becomes_exactly_one_new_version(login: Callable[[str], Page], live_server: Any) -> None:
    family = a_family_of_the_coordinator()
    plan = family.plan
    start_version, versions = plan.version, plan.versions.count()
    goals, actions = Goal.objects.filter(plan=plan).count(), Action.objects.filter(goal__plan=plan).count()
    removed = Action.objects.filter(goal__plan=plan).order_by("pk").first()
    assert removed is not None
    due = (timezone.localdate() + timedelta(days=21)).isoformat()

    page = login("regisseur")
    page.goto(f"{live_server.url}{reverse('plans:detail', args=[family.pk])}")
    page.evaluate("window.zelfdePagina = true")  # gone after any full page load
    items = page.locator("#plan-inhoud")

    for n in (1, 2, 3):
        page.get_by_role("link", name="Doel toevoegen", exact=True).click()
        form = page.locator("#doel-nieuw form")
        expect(form.get_by_label("Probleem")).to_be_focused()  # the new form takes the focus
        form.get_by_label("Probleem").select_option(index=1)
        form.get_by_label("Doel", exact=True).fill(f"Doel {n} uit de werksessie")
        form.get_by_role("button", name="Doel toevoegen").click()
        expect(items.get_by_role("heading", name=f"Doel {n} uit de werksessie")).to_be_visible()
        for letter in "ab":
            card = items.locator("article", has=page.get_by_role("heading", name=f"Doel {n} uit de werksessie"))
            card.get_by_role("link", name=re.compile(r"^Actie toevoegen")).click()
            action_form = card.locator("form.gr-form")
            action_form.get_by_label("Wat gaat er gebeuren?").fill(f"Actie {n}{letter} uit de werksessie")
            action_form.get_by_label("Wie doet het?").select_option(index=1)
            action_form.get_by_label("Klaar op").fill(due)
            action_form.get_by_role("button", name="Actie toevoegen").click()
            expect(items).to_contain_text(f"Actie {n}{letter} uit de werksessie")
    expect(items).to_contain_text("Uw wijzigingen zijn nog niet opgeslagen")

    # move 1a one place down, by keyboard: the button keeps the focus after the move
    first_card = items.locator("article", has=page.get_by_role("heading", name="Doel 1 uit de werksessie"))
    first_card.get_by_role("button", name=re.compile(r"^omlaag\W+Actie 1a uit")).focus()
    page.keyboard.press("Enter")
    rows = first_card.locator("tbody tr")
    expect(rows.nth(0)).to_contain_text("Actie 1b uit de werksessie")
    expect(rows.nth(1)).to_contain_text("Actie 1a uit de werksessie")
    expect(first_card.get_by_role("button", name=re.compile(r"^omhoog\W+Actie 1a uit"))).to_be_focused()

    # remove an action that was in the last version
    items.get_by_role("button", name=re.compile(r"^verwijderen\W+actie " + re.escape(removed.description[:20]))).click()
    expect(items).to_contain_text("De actie is uit het plan gehaald")

    # the action table is a table again, not the toolbar's flex row that squeezed its header
    display = first_card.locator("table").evaluate("t => getComputedStyle(t).display")
    assert display == "table"
    assert axe_violations(page, "#plan-inhoud") == []
    assert page.evaluate("window.zelfdePagina") is True, "the item edits loaded no page"
    plan.refresh_from_db()
    assert (plan.version, plan.versions.count()) == (start_version, versions)  # nothing is a version yet

    page.get_by_role("button", name="Opslaan als nieuwe versie").click()
    expect(page.locator("main")).to_contain_text(f"Opgeslagen als versie {start_version + 1}")
    plan.refresh_from_db()
    assert (plan.version, plan.versions.count()) == (start_version + 1, versions + 1)  # exactly one new version
    assert Goal.objects.filter(plan=plan).count() == goals + 3
    assert Action.objects.filter(goal__plan=plan).count() == actions + 6 - 1

    page.goto(f"{live_server.url}{reverse('plans:compare', args=[family.pk])}")
    table = page.locator("table.gr-version-compare")
    expect(table).to_contain_text("Doel 2 uit de werksessie")
    expect(table.locator(".gr-compare--removed")).to_contain_text(removed.description[:40])
    assert table.locator(".gr-compare--added").count() == 9  # three goals, six actions
    old, new = (table.locator("thead th").nth(i).bounding_box() for i in (0, 1))
    assert old and new and abs(old["width"] - new["width"]) < 2 and old["width"] > 150  # two equal columns
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    page.get_by_role("link", name="Toon alleen wijzigingen").click()
    expect(page.locator("main")).to_contain_text("U ziet alleen wat er is veranderd.")
    changed_rows = page.locator("table.gr-version-compare tbody tr")
    assert changed_rows.count() == table.locator("tbody tr[class*='gr-compare--']").count() >= 10
    expect(page.locator("table.gr-version-compare")).not_to_contain_text("ongewijzigd")
    assert axe_violations(page, "main") == []


def test_back_and_send_again_creates_nothing(login: Callable[[str], Page], live_server: Any) -> None:
    family = a_family_of_the_coordinator()
    goal = Goal.objects.filter(plan=family.plan).order_by("pk").first()
    assert goal is not None
    before = Action.objects.filter(goal=goal).count()
    page = login("regisseur")
    page.goto(f"{live_server.url}{reverse('plans:action_add', args=[family.pk, goal.pk])}")  # the form's own page
    page.get_by_label("Wat gaat er gebeuren?").fill("Eén keer afgesproken")
    page.get_by_label("Wie doet het?").select_option(index=1)
    page.get_by_label("Klaar op").fill((timezone.localdate() + timedelta(days=10)).isoformat())
    token = page.locator("input[name=formulier_token]").input_value()
    assert len(token) == 32  # filled in by common/idempotency.js
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("main")).to_contain_text("De actie is toegevoegd.")
    assert Action.objects.filter(goal=goal).count() == before + 1

    page.go_back()
    expect(page.get_by_label("Wat gaat er gebeuren?")).to_have_value("Eén keer afgesproken")
    assert page.locator("input[name=formulier_token]").input_value() == token  # the browser kept the first one's
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("main")).to_contain_text("Dit formulier was al verstuurd")
    assert Action.objects.filter(goal=goal).count() == before + 1
    assert Action.objects.filter(goal=goal, description="Eén keer afgesproken").count() == 1


def test_problems_are_corrected_and_removed_with_the_trail_and_geen_problemen_closes_the_gap(
    login: Callable[[str], Page], live_server: Any
) -> None:
    family = a_family_of_the_coordinator()
    page = login("regisseur")
    analysis = f"{live_server.url}{reverse('casework:analysis', args=[family.pk])}"
    page.goto(analysis)
    main = page.locator("main")

    # add a problem, correct it, then remove it: the trail shows what it said
    page.get_by_label("Leefgebied", exact=True).select_option(index=1)
    page.get_by_label("Omschrijving van het probleem").fill("Per vergissing vastgelegd probleem")
    page.get_by_label("Ernst").select_option(label="licht")
    page.get_by_role("button", name="Probleem toevoegen").click()
    expect(main).to_contain_text("Het probleem is toegevoegd aan de analyse.")
    page.get_by_role("link", name=re.compile(r"wijzigen of verwijderen\W+Per vergissing")).click()
    page.get_by_label("Omschrijving van het probleem").fill("Toch een ander probleem")
    page.get_by_role("button", name="Wijziging opslaan").click()
    expect(main).to_contain_text("Het probleem is gewijzigd")
    page.get_by_role("link", name=re.compile(r"wijzigen of verwijderen\W+Toch een ander")).click()
    page.get_by_label("Waarom gaat dit probleem uit de analyse?").fill("Hoort bij een ander gezin")
    page.get_by_role("button", name="Probleem verwijderen").click()
    expect(main).to_contain_text("Het probleem is uit de analyse gehaald")
    trail = page.get_by_role("list", name="Geschiedenis: gewijzigde en verwijderde problemen")
    expect(trail).to_contain_text("Per vergissing vastgelegd probleem")
    expect(trail).to_contain_text("Hoort bij een ander gezin")
    expect(page.get_by_role("table")).not_to_contain_text("Toch een ander probleem")

    # a family with members or life domains nobody analysed: each marked "geen problemen", the gap closes
    with_gaps = [
        f
        for f in casework_selectors.with_analysis(Family.objects.filter(coordinator__username="regisseur"))
        if not casework_selectors.analysis_gaps(f).complete
    ]
    assert with_gaps, "the demo has a family of the coordinator with an incomplete analysis"
    gaps = casework_selectors.analysis_gaps(with_gaps[0])
    page.goto(f"{live_server.url}{reverse('casework:analysis', args=[with_gaps[0].pk])}")
    expect(main).to_contain_text("zonder analyse")
    for name in [*gaps.members, *gaps.domains]:
        page.get_by_label("Geen problemen bij").select_option(label=name)
        page.get_by_role("button", name="Geen problemen vastleggen").click()
        expect(main).to_contain_text(f"Vastgelegd: geen problemen bij {name}.")
    expect(main).not_to_contain_text("zonder analyse")
    expect(main).to_contain_text("Alle leefgebieden en gezinsleden zijn geanalyseerd.")
    assert axe_violations(page, "main") == []
