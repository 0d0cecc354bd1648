"""Issue 13 §4 and §5 as the municipality and the inspector walk them: the policy officer records the municipality's
own estimate of the group and a cooperation agreement (a wrong entry refused in Dutch first) from the approach's
policy page; the inspector then finds both as evidence beside the indicators on the judging screen, with the
proposal that follows from them — labelled as a self-assessment, the judgement left to the inspector.
"""

from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from gezinsregie.inspections.models import Inspection
from gezinsregie.organisations.models import Approach, CooperationAgreement

pytestmark = pytest.mark.browser

APPROACH = "Integrale Aanpak Veiligheidshuis"  # the demo has this year's policy-level inspection of it, open
LABEL = "Zelfevaluatie uit de gegevens — geen oordeel van de inspectie"


def test_the_municipality_records_its_facts_and_the_inspector_sees_them_as_evidence(
    login: Callable[[str], Page], live_server: Any
) -> None:
    approach = Approach.objects.get(name=APPROACH)
    today = timezone.localdate()

    # 1. The policy officer opens the policy level of the self-assessment and records a new estimate.
    page = login("beleid")
    page.goto(f"{live_server.url}/zelfevaluatie/{approach.pk}/")
    page.get_by_role("link", name="Beleidsniveau: wat de gegevens zeggen").click()
    expect(page.locator("main")).to_contain_text("Voorstel (zelfevaluatie)")
    page.get_by_role("link", name="Schatting van de doelgroep vastleggen").click()
    page.get_by_label("Geschat aantal gezinnen").fill("175")
    page.get_by_role("button", name="Schatting vastleggen").click()
    expect(page.locator("main")).to_contain_text("Waar komt de schatting vandaan? Noem de bron of de werkwijze.")
    expect(page.get_by_label("Geschat aantal gezinnen")).to_have_value("175")
    page.get_by_label("Bron en werkwijze").fill("Wijkscan 2026 met politie, Woonstichting en de scholen")
    page.get_by_role("button", name="Schatting vastleggen").click()
    expect(page.get_by_role("status").first).to_contain_text("De schatting van de doelgroep is vastgelegd.")
    expect(page.get_by_role("table")).to_contain_text("Wijkscan 2026")

    # 2. ... and the addendum that brings the school into the convenant, with its document.
    page.get_by_role("link", name="Terug naar het beleidsniveau uit de gegevens").click()
    page.get_by_role("link", name="Samenwerkingsafspraken vastleggen").click()
    expect(page.locator("main")).to_contain_text("Verlopen")  # the demo's expired privacy protocol
    page.get_by_label("samenwerkingsafspraak", exact=True).check()
    page.get_by_label("Titel").fill("Addendum onderwijs bij het samenwerkingsconvenant")
    page.get_by_label("Basisschool De Regenboog").check()
    page.get_by_label("Ondertekend op").fill(today.isoformat())
    page.get_by_role("button", name="Afspraak vastleggen").click()
    expect(page.locator("main")).to_contain_text("Een afspraak heeft minstens twee partijen")
    page.get_by_label("Gemeente Zeldenbroek").check()
    page.get_by_label("Document (optioneel)").set_input_files(
        files=[{"name": "addendum.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 addendum"}]
    )
    page.get_by_role("button", name="Afspraak vastleggen").click()
    expect(page.get_by_role("status").first).to_contain_text("staat in het register")
    row = page.get_by_role("row", name="Addendum onderwijs")
    expect(row).to_contain_text("Basisschool De Regenboog")
    expect(row).to_contain_text("Geldig")
    expect(row.get_by_role("link", name="Document: addendum")).to_be_visible()
    assert CooperationAgreement.objects.get(title__startswith="Addendum").document.read() == b"%PDF-1.4 addendum"
    page.get_by_role("button", name="Uitloggen").click()

    # 3. The inspector judges this year's inspection of the approach: the data beside every indicator.
    inspection = Inspection.objects.get(approach=approach, level="policy", year=today.year)
    page = login("inspecteur")
    page.goto(f"{live_server.url}/toezicht/{inspection.pk}/")
    page.get_by_role("link", name="Antwoorden en oordelen").first.click()
    population = page.get_by_role("complementary", name="Zelfevaluatie uit de gegevens bij B1.a.2")
    expect(population).to_contain_text(LABEL)
    expect(population).to_contain_text("Eigen schatting van de gemeente: 175 gezinnen")
    expect(population).to_contain_text("Wijkscan 2026")
    cooperation = page.get_by_role("complementary", name="Zelfevaluatie uit de gegevens bij B4.b.2")
    expect(cooperation).to_contain_text("Addendum onderwijs bij het samenwerkingsconvenant")
    expect(cooperation).to_contain_text("Voorstel: voldoet — Alle")  # the school is a party now
    sharing = page.get_by_role("complementary", name="Zelfevaluatie uit de gegevens bij B4.c.1")
    expect(sharing).to_contain_text("VERLOPEN: Privacyprotocol Veiligheidshuis Zeldenbroek")
    expect(sharing).to_contain_text("Voorstel: voldoet niet")
    # the judgement stays the inspector's: nothing is judged by the proposal
    expect(page.locator("main")).not_to_contain_text("Oordeel ✓ vastgelegd")
    page.get_by_role("link", name="Register van samenwerkingsafspraken").click()
    expect(page.get_by_role("row", name="Addendum onderwijs")).to_contain_text("Geldig")
    expect(page.get_by_role("button", name="Afspraak vastleggen")).to_have_count(0)
