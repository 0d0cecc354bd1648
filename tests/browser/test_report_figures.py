"""The reports as the publications read them, in a real browser on the demo world: the national picture counts
of the assessed approaches ("n van m aanpakken (p%)") and charts the approaches' characteristics (figures 3, 6
and 8); Zeldenbroek's nota of last year has a section per theme with its conclusion and the learning meeting; the
inspector records the typering of this year's approach and the factsheet shows it. No accessibility violations
(axe-core) on any of the pages."""

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from gezinsregie.inspections.models import Inspection
from tests.paths import AXE

pytestmark = pytest.mark.browser

APPROACH = "Integrale Aanpak Veiligheidshuis"


def axe_violations(page: Page) -> list[tuple[str, str, int]]:
    page.evaluate(AXE.read_text())  # through the DevTools protocol: the page's CSP forbids inline scripts
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [(v["id"], v["impact"], len(v["nodes"])) for v in result["violations"]]


def test_the_national_picture_the_nota_per_theme_and_the_typering(
    login: Callable[[str], Page], live_server: Any
) -> None:
    page = login("inspecteur")

    # the national picture: of the assessed approaches, and the characteristics charted
    page.goto(f"{live_server.url}{reverse('reports:aggregate')}")
    main = page.locator("main")
    expect(main).to_contain_text("23 van 28 aanpakken (82%)")  # how the percentages are read, in the lead text
    expect(page.get_by_role("heading", name="Kenmerken van de aanpakken")).to_be_visible()
    expect(page.get_by_role("img", name=re.compile(r"^Figuur 6: Is het gezinsplan leidend"))).to_be_visible()
    expect(main).to_contain_text("niet getoetst")
    assert axe_violations(page) == []

    # last year's nota: a section per theme with its conclusion, and the learning meeting
    nota = Inspection.objects.get(approach__name=APPROACH, level="case", status="published")
    page.goto(f"{live_server.url}{reverse('reports:case_report', args=[nota.pk])}")
    toc = page.get_by_role("navigation", name="Inhoudsopgave")
    toc.get_by_role("link", name="3.2 Gezinnen worden niet losgelaten").click()
    expect(page).to_have_url(re.compile("#paragraaf-3-2$"))
    section = page.get_by_role("region", name="3.2 Gezinnen worden niet losgelaten")
    expect(section.get_by_role("heading", name="Conclusie")).to_be_visible()
    expect(section).to_contain_text("een gezin verlaat de aanpak alleen met een expliciet besluit")
    expect(page.get_by_role("heading", name="6 Impressie leerbijeenkomst")).to_be_visible()
    assert axe_violations(page) == []

    # this year's factsheet (a concept): the inspector completes the typering
    concept = Inspection.objects.get(approach__name=APPROACH, level="policy", status="open")
    page.goto(f"{live_server.url}{reverse('reports:factsheet', args=[concept.pk])}")
    page.get_by_role("link", name="Typering van de aanpak").click()
    group = page.get_by_role("group", name="Zijn er problemen met de beschikbaarheid van zorg?")
    group.get_by_label("af en toe").check()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Typering opslaan").click()
    expect(page.get_by_role("status").first).to_contain_text("De typering van de aanpak is opgeslagen.")
    page.get_by_role("link", name="Bekijk de factsheet (concept)").click()
    expect(page.locator(".gr-report__facts--profile")).to_contain_text("Af en toe")
