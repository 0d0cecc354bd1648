"""Issue 13 §6 and §7 as the coordinator, the inspector and the municipality walk them: the coordinator records the
family's mandate for the inspectorate; the inspector sees the family among those that gave one, runs a case-level
inspection on it and sends the concept for hoor en wederhoor; the municipality responds to a finding and finishes;
the inspector answers, changes the finding and publishes, with the exchange as the report's appendix; the family
withdraws its mandate and the inspector no longer reaches the case.
"""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from gezinsregie.accounts.models import User
from gezinsregie.casework.models import Family, FamilyStatus
from gezinsregie.inspections.models import CaseReview, Inspection
from gezinsregie.inspections.selectors.case import candidate_label
from tests.worlds.inspections import judge_everything

pytestmark = pytest.mark.browser

APPROACH = "Gezinsmanagement"  # the demo has this year's case-level inspection of it in hoor en wederhoor
X_TEXT = "Het gezin is niet betrokken bij de probleemanalyse."
RESPONSE = "Het gezin heeft de analyse in maart samen met de regisseur gemaakt; zie het verslag van het huisbezoek."
CHANGED = "De probleemanalyse is met het gezin gemaakt, maar niet met alle gezinsleden."


def logout(page: Page) -> None:
    page.get_by_role("button", name="Uitloggen").click()


def status(page: Page) -> Any:
    return expect(page.get_by_role("status").first)


def test_a_mandate_a_case_level_inspection_hoor_en_wederhoor_and_publication(
    login: Callable[[str], Page], live_server: Any, pseudonymiser: None
) -> None:
    family = (
        Family.objects.filter(coordinator__username="regisseur", approach__name=APPROACH, status=FamilyStatus.ACTIVE)
        .filter(mandates__isnull=True)
        .order_by("reference")
        .first()
    )
    assert family is not None and not family.mandates.exists()
    today = timezone.localdate()

    # 1. The coordinator records the family's mandate; a wrong end date is refused in Dutch first.
    page = login("regisseur")
    page.goto(f"{live_server.url}/gezinnen/{family.pk}/")
    page.get_by_role("link", name="Machtiging inspectie").click()
    expect(page.locator("main")).to_contain_text("heeft (nog) geen inspectie gemachtigd")
    page.get_by_label("Getekend door").fill("Moeder en vader, samen")
    page.get_by_label("Geldig tot en met").fill((today - timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Machtiging vastleggen").click()
    expect(page.get_by_role("alert").first).to_contain_text("De machtiging verloopt vóór zij verleend is")
    expect(page.get_by_label("Getekend door")).to_have_value("Moeder en vader, samen")
    page.get_by_label("Geldig tot en met").fill((today + timedelta(days=180)).isoformat())
    page.get_by_role("button", name="Machtiging vastleggen").click()
    status(page).to_contain_text("De machtiging is vastgelegd: Samenwerkend Toezicht Jeugd kan het gezin nu inzien.")
    expect(page.locator("main")).to_contain_text("gepseudonimiseerd inzien")
    logout(page)

    # 2. The inspector sees the family among those that mandated the inspectorate, and starts a case-level
    #    inspection of its approach.
    page = login("inspecteur")
    expect(page.locator("main")).to_contain_text("gezinnen hebben een geldige machtiging")
    expect(page.locator("main")).not_to_contain_text(family.reference)  # issue 12 §4: never the reference
    page.get_by_role("link", name="Toezicht", exact=True).click()
    page.get_by_role("link", name="Nieuw toezichtonderzoek").click()
    page.get_by_label("Aanpak").select_option(label=f"{APPROACH} (Zeldenbroek)")
    page.get_by_label("casusniveau", exact=True).check()
    page.get_by_label("Jaar").fill(str(today.year + 1))  # the demo holds this year's
    page.get_by_role("button", name="Onderzoek aanmaken").click()
    status(page).to_contain_text("is aangemaakt")
    inspection = Inspection.objects.get(approach__name=APPROACH, level="case", year=today.year + 1)
    page.get_by_role("link", name="Gezin toevoegen").click()
    table = page.get_by_role("table", name="een geldige machtiging gaven")
    label = candidate_label(inspection.pk, family.pk)  # opaque: which reference becomes "Gezin A" stays unknown
    row = table.get_by_role("row", name=label)
    expect(row).to_contain_text("gepseudonimiseerd inzien")
    expect(table.locator("tbody tr")).to_have_count(3)  # and the demo's two mandated families
    expect(page.locator("main")).not_to_contain_text(family.name)
    expect(page.locator("main")).not_to_contain_text(family.reference)
    page.get_by_label(f"{label} (").check()
    page.get_by_role("button", name="Gezin toevoegen").click()
    expect(page.locator("h1")).to_have_text("Gezin A")
    expect(page.locator("main")).not_to_contain_text(family.name)

    # 3. Judging: an X through the screen, the other indicators ✓ at once; then the concept goes out.
    page.get_by_role("link", name="Overzicht").click()
    page.get_by_role("button", name="Beoordeling starten").click()
    page.get_by_role("link", name="Oordelen", exact=True).click()
    page.get_by_role("link", name="Oordeel geven over C2.a.1").click()
    page.get_by_label("X verbeterpunt").check()
    page.get_by_label("Bevinding", exact=True).fill(X_TEXT)
    page.get_by_role("button", name="Oordeel opslaan").click()
    status(page).to_contain_text("Oordeel X vastgelegd")
    judge_everything(User.objects.get(username="inspecteur"), inspection)
    page.get_by_role("link", name="Overzicht").click()
    page.get_by_role("link", name="Concept voorleggen aan de gemeente (hoor en wederhoor)").click()
    expect(page.locator("main")).to_contain_text("Marieke Claassen")  # the municipality's policy officer
    expect(page.get_by_label("Termijn voor de gemeente, in dagen")).to_have_value("14")
    page.get_by_role("button", name="Concept naar de gemeente sturen").click()
    status(page).to_contain_text("Het concept is naar de gemeente gestuurd. Zij kan reageren tot en met")
    expect(page.locator("main")).to_contain_text("De gemeente kan reageren tot en met")
    page.goto(f"{live_server.url}/toezicht/{inspection.pk}/publiceren/")
    expect(page.locator("main")).to_contain_text("De gemeente kan nog reageren op het concept")
    expect(page.get_by_role("button", name="Definitief publiceren")).to_have_count(0)
    logout(page)

    # 4. The municipality reads the concept, disagrees with the X, and finishes its response.
    page = login("beleid")
    page.get_by_role("link", name="Toezicht", exact=True).click()
    concepts = page.get_by_role("region", name="Concepten voor hoor en wederhoor")
    concepts.get_by_role("link", name=inspection.title).click()
    expect(page.locator("main")).to_contain_text("CONCEPT")
    expect(page.locator("main")).to_contain_text(X_TEXT)
    page.get_by_role("link", name="Reageren C2.a.1").click()
    page.get_by_label("niet eens", exact=True).check()
    page.get_by_label("Reactie van de gemeente").fill(RESPONSE)
    page.get_by_role("button", name="Reactie opslaan").click()
    status(page).to_contain_text("Uw reactie op de bevinding is opgeslagen.")
    expect(page.locator("#bevinding-" + str(inspection.findings.get(indicators__key="C2.a.1").pk))).to_contain_text(
        RESPONSE
    )
    page.get_by_role("button", name="Reactie afronden en naar de inspectie sturen").click()
    status(page).to_contain_text("Uw reactie is afgerond")
    expect(page.get_by_role("link", name="Reactie wijzigen C2.a.1")).to_have_count(0)
    logout(page)

    # 5. The inspector answers, changes the finding, and publishes; the nota has the exchange as its appendix.
    page = login("inspecteur")
    page.get_by_role("link", name="Toezicht", exact=True).click()
    page.get_by_role("link", name=inspection.title).click()
    page.get_by_role("link", name="Naar hoor en wederhoor").click()
    expect(page.locator("main")).to_contain_text("Nog 1 reactie van de gemeente zonder antwoord")
    page.get_by_role("link", name="Beantwoorden C2.a.1").click()
    page.get_by_label("bevinding aangepast").check()
    page.get_by_label("Antwoord aan de gemeente").fill(
        "Het verslag bevestigt dit voor de ouders; de bevinding is aangepast."
    )
    page.get_by_label("Aangepaste bevinding").fill(CHANGED)
    page.get_by_role("button", name="Antwoord vastleggen").click()
    status(page).to_contain_text("Uw antwoord aan de gemeente is vastgelegd.")
    page.get_by_role("link", name="Naar publiceren").click()
    expect(page.locator("main")).to_contain_text("Na hoor en wederhoor: 1 reactie van de gemeente, beantwoord.")
    page.get_by_role("button", name="Definitief publiceren").click()
    status(page).to_contain_text("Het onderzoek is gepubliceerd")
    expect(page.locator("main")).to_contain_text(CHANGED)
    page.get_by_role("link", name="Nota van bevindingen", exact=True).click()
    appendix = page.get_by_role("region", name="Bijlage 2: Hoor en wederhoor")
    expect(appendix).to_contain_text(RESPONSE)
    expect(appendix).to_contain_text("Antwoord van de inspectie: de bevinding is aangepast.")
    expect(appendix).to_contain_text(X_TEXT)  # what the concept said
    expect(page.locator("main")).not_to_contain_text(family.name)
    review = CaseReview.objects.get(inspection=inspection)
    logout(page)

    # 6. The family withdraws its mandate: the inspector no longer reaches the case.
    page = login("regisseur")
    page.goto(f"{live_server.url}/gezinnen/{family.pk}/machtiging/")
    page.get_by_role("link", name="Intrekken").click()
    page.get_by_label("Reden").fill("Het gezin wil geen inzage meer.")
    page.get_by_role("button", name="Intrekken").click()
    status(page).to_contain_text("De machtiging is ingetrokken: Samenwerkend Toezicht Jeugd ziet het gezin niet meer.")
    logout(page)
    page = login("inspecteur")
    response = page.goto(f"{live_server.url}/toezicht/{inspection.pk}/gezinnen/{review.pk}/")
    assert response is not None and response.status == 404
