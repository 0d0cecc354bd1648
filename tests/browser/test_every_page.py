"""Every page of the main flows, for every role that works on it: axe-core finds no WCAG 2.1 AA violation, and
at 390 px wide (a phone) the page does not scroll sideways (issue 14 §7 and §8).

The pages come from the demo data (tests/browser/pages.py). One demo world, one login per role, every page
visited in turn; the problems are collected and reported at once, each with the page and the role it was found on.
"""

from collections.abc import Callable
from itertools import groupby
from typing import Any

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page as BrowserPage

from tests.browser.pages import Page, every_page
from tests.paths import AXE

pytestmark = pytest.mark.browser

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PHONE_WIDTH = 390
DESKTOP = {"width": 1280, "height": 900}

AXE_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')),
    count: v.nodes.length,
  }));
}"""

SIDEWAYS = """() => {
  const root = document.documentElement;
  if (root.scrollWidth <= root.clientWidth) return null;
  // the widest elements that stick out on the right, to say what to fix
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const right = el.getBoundingClientRect().right;
    if (right > root.clientWidth + 1 && !el.closest('.gr-scroll')) {
      const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
        (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
      out.push(name + ' (' + Math.round(right) + ' px)');
    }
  }
  return {scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, culprits: out.slice(-5)};
}"""


NEXT_FRAME = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def axe_problems(browser_page: BrowserPage, where: str) -> list[str]:
    return [
        f"{where}: axe {v['id']} ({v['impact']}, {v['count']}×: {v['help']}) at {v['targets']}"
        for v in browser_page.evaluate(AXE_RUN, WCAG_21_AA)
    ]


def problems_on(browser_page: BrowserPage, base_url: str, page: Page) -> list[str]:
    """What is wrong with one page: its status, axe-core's violations at desktop width and at 390 px, and sideways
    scrolling at 390 px."""
    where = f"{page.name} ({page.username}, {page.url})"
    browser_page.set_viewport_size(DESKTOP)
    try:
        response = browser_page.goto(f"{base_url}{page.url}")
    except PlaywrightError as error:  # e.g. a 405: the URL is not a page
        return [f"{where}: {error.message.splitlines()[0]}"]
    if response is None or response.status != 200:
        return [f"{where}: status {response.status if response else 'geen antwoord'}"]
    problems = []
    browser_page.evaluate(AXE.read_text())  # through the DevTools protocol: the page's CSP forbids inline scripts
    problems.extend(axe_problems(browser_page, where))
    browser_page.set_viewport_size({"width": PHONE_WIDTH, "height": 844})
    sideways = browser_page.evaluate(SIDEWAYS)
    # on the phone the tables scroll in their own boxes: those must be reachable by keyboard and named
    browser_page.evaluate(NEXT_FRAME)  # what the page does on a resize (app.js) is done before anyone presses Tab
    problems.extend(axe_problems(browser_page, f"{where} op 390 px"))
    if sideways:
        problems.append(
            f"{where}: {sideways['scrollWidth']} px breed op {sideways['clientWidth']} px; "
            f"steekt uit: {', '.join(sideways['culprits'])}"
        )
    return problems


def problems_everywhere(login: Callable[[str], BrowserPage], base_url: str, pages: list[Page]) -> list[str]:
    problems: list[str] = []
    for username, of_role in groupby(pages, key=lambda p: p.username):
        browser_page = login(username)
        for page in of_role:
            problems.extend(problems_on(browser_page, base_url, page))
        browser_page.context.clear_cookies()  # the next role logs in afresh
    return problems


def test_every_page_passes_axe_and_fits_a_phone(
    login: Callable[[str], BrowserPage], live_server: Any, pseudonymiser: None
) -> None:
    pages = every_page()
    assert len(pages) > 80  # the catalogue found the demo's pages, not a handful
    problems = problems_everywhere(login, live_server.url, pages)
    assert not problems, f"{len(problems)} problemen op {len(pages)} pagina's:\n" + "\n".join(problems)


def test_the_municipalitys_own_theme_keeps_the_contrast(
    login: Callable[[str], BrowserPage], live_server: Any, settings: Any
) -> None:
    """The demo's Zeldenbroek look (white on a green header) over the same checks: each role's start page, with
    its own menu in the header, and the coordinator's plan."""
    settings.THEME, settings.THEME_ORGANISATION_NAME = "zeldenbroek", "Gemeente Zeldenbroek"
    pages = [p for p in every_page() if p.name in {"startpagina", "plan"}]
    assert len(pages) == 9
    problems = problems_everywhere(login, live_server.url, pages)
    assert not problems, "\n".join(problems)
    assert "themes/zeldenbroek/theme.css" in login("regisseur").content()
