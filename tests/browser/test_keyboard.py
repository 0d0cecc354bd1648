"""Keyboard only (issue 14 §7): the skip link comes first and leads into the content, the plan's first "Actie
toevoegen" is a few Tabs away, a form is filled in and sent without a mouse, and focus is always visible."""

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from gezinsregie.casework.models import Contact, ContactKind
from tests.browser.pages import coordinator_family

pytestmark = pytest.mark.browser

# From page load to the plan's first "Actie toevoegen": 1 Tab to the skip link (then Enter), and from the start of
# the content the back link, the version history, the plan's toolbar (goal, approval, meeting, summary, PDF: 5) and
# then the first goal's first tool, "Actie toevoegen" itself: the goal's own controls and those of its actions
# (change, move, remove) come after it. 9 on the demo's plan, however many actions the goal has; the header (app
# name, 8+ menu items, account, log-out: 11 more stops) is passed by the skip link. Every stop on the way must be
# in the main content (asserted below).
TABS_TO_FIRST_ACTION_ADD = 9

FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {
    text: (el.textContent || el.value || '').replace(/\\s+/g, ' ').trim(),
    tag: el.tagName.toLowerCase(),
    id: el.id,
    inMain: !!el.closest('main'),
    inHeader: !!el.closest('header'),
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
    shadow: style.boxShadow !== 'none',
    visible: el.getBoundingClientRect().width > 1 && el.getBoundingClientRect().height > 1,
  };
}"""


def focused(page: Page) -> dict[str, Any]:
    result: dict[str, Any] = page.evaluate(FOCUSED)
    return result


def tab_until(page: Page, wanted: Callable[[dict[str, Any]], bool], *, at_most: int) -> tuple[int, list[dict]]:
    """Press Tab until the focused element is the wanted one; the number of Tabs and what was focused on the way."""
    seen = []
    for count in range(1, at_most + 1):
        page.keyboard.press("Tab")
        now = focused(page)
        seen.append(now)
        if wanted(now):
            return count, seen
    raise AssertionError(f"niet bereikt in {at_most} Tabs; gefocust: {[s['text'][:40] for s in seen]}")


def test_the_skip_link_leads_to_the_plans_first_action_add_in_a_few_tabs(
    login: Callable[[str], Page], live_server: Any
) -> None:
    page = login("regisseur")
    page.goto(f"{live_server.url}{reverse('plans:detail', args=[coordinator_family().pk])}")

    # the first Tab after loading: the skip link, visible now it has focus
    page.keyboard.press("Tab")
    first = focused(page)
    assert (first["text"], first["visible"]) == ("Naar de inhoud", True), first
    assert first["outline"] or first["shadow"], "de skiplink heeft focus maar geen zichtbare focusrand"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("#inhoud$"))

    count, seen = tab_until(page, lambda f: f["text"].startswith("Actie toevoegen"), at_most=40)
    tabs = 1 + count  # the skip link's Tab and the ones after it
    assert tabs <= TABS_TO_FIRST_ACTION_ADD, [s["text"][:40] for s in seen]
    assert all(s["inMain"] for s in seen), [s["text"][:40] for s in seen if not s["inMain"]]
    # after the skip link nothing of the header comes by: the content is next in the tab order
    assert all(s["inMain"] and not s["inHeader"] for s in seen), [s["text"][:40] for s in seen if not s["inMain"]]
    # no element is taken out of the document's order with a positive tabindex
    assert page.locator("[tabindex]:not([tabindex='0']):not([tabindex='-1'])").count() == 0
    # and every stop on the way showed where the focus was
    assert all(s["outline"] or s["shadow"] for s in seen), [s["text"][:40] for s in seen if not s["outline"]]


def test_a_contact_is_recorded_with_the_keyboard_only(login: Callable[[str], Page], live_server: Any) -> None:
    family = coordinator_family()
    page = login("regisseur")
    page.goto(f"{live_server.url}{reverse('casework:contacts', args=[family.pk])}")
    before = Contact.objects.filter(family=family).count()

    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the skip link
    tab_until(page, lambda f: f["id"] == "id_kind", at_most=60)
    default_kind = page.locator("#id_kind").input_value()
    page.keyboard.press("ArrowDown")  # another kind of contact, chosen on the closed list as a keyboard does
    kind = page.locator("#id_kind").input_value()
    assert kind != default_kind
    page.keyboard.press("Tab")
    assert focused(page)["id"] == "id_happened_on"  # the date: today, as the form proposes
    tab_until(page, lambda f: f["id"] == "id_note", at_most=15)
    page.keyboard.type("Huisbezoek gehad; afspraken over school doorgenomen.")
    found, _ = tab_until(page, lambda f: f["tag"] == "button" and f["text"] != "", at_most=5)
    assert found <= 5
    button = focused(page)
    assert button["outline"] or button["shadow"], "de knop heeft focus maar geen zichtbare focusrand"
    page.keyboard.press("Enter")

    expect(page.get_by_role("status").first).to_contain_text("Het contactmoment is vastgelegd.")
    assert Contact.objects.filter(family=family).count() == before + 1
    contact = Contact.objects.filter(family=family).latest("pk")
    assert (contact.kind, contact.note) == (kind, "Huisbezoek gehad; afspraken over school doorgenomen.")
    assert kind in ContactKind.values


def test_what_has_focus_shows_a_visible_outline(login: Callable[[str], Page], live_server: Any) -> None:
    page = login("regisseur")
    page.goto(f"{live_server.url}{reverse('casework:contacts', args=[coordinator_family().pk])}")
    for selector in ["a.utrecht-link", "select", "input", "textarea", "button"]:
        target = page.locator(f"main {selector}:visible").first
        # reached with the keyboard, so that :focus-visible applies as it does for a keyboard user
        target.evaluate("el => el.setAttribute('data-target', '')")
        page.locator("body").evaluate("el => el.focus()")
        for _ in range(80):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.hasAttribute('data-target')"):
                break
        else:
            raise AssertionError(f"{selector} niet bereikt met Tab")
        style = target.evaluate(
            "el => { const s = getComputedStyle(el); return [s.outlineStyle, s.outlineWidth, s.boxShadow]; }"
        )
        outline_style, outline_width, shadow = style
        visible = (outline_style != "none" and float(outline_width.removesuffix("px")) >= 2) or shadow != "none"
        assert visible, (selector, style)
        target.evaluate("el => el.removeAttribute('data-target')")
