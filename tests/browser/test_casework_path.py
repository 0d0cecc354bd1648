"""The whole casework path as users walk it (issue: registration to one living plan).

register (professional) → triage (intake) → consent, analysis, coordinator, plan (process manager)
→ plan version 2 after an edit → family summary PDF.
"""

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from gezinsregie.casework.models import Family, FamilyStatus

pytestmark = pytest.mark.browser


def logout(page: Page) -> None:
    page.get_by_role("button", name="Uitloggen").click()


def test_from_registration_to_a_living_plan_and_the_family_summary(
    login: Callable[[str], Page], tmp_path: Path
) -> None:
    # 1. A professional registers a family; a child older than its parent is refused, nothing typed is lost.
    page = login("professional")
    page.get_by_role("link", name="Gezin aanmelden").click()
    page.get_by_role("link", name=re.compile("Integrale Aanpak Veiligheidshuis")).click()
    page.get_by_label("Naam van het gezin").fill("Gezin Zonneveld")
    page.get_by_label("Wijk").select_option("Havenkwartier")  # the municipality's list of wijken
    page.get_by_label("Bron van de aanmelding").select_option("school")
    page.get_by_label("Reden van aanmelding").fill("Kinderen komen vaak niet op school; moeder is overbelast.")
    page.get_by_label("Wonen/huishouding").check()
    page.get_by_label("Inkomen/financiën").check()
    page.get_by_label("Voornaam").fill("Marloes")
    page.get_by_label("Achternaam").fill("Zonneveld")
    page.get_by_label("Geboortedatum").fill("2016-04-02")
    page.get_by_label("Rol in het gezin").select_option("parent")
    page.get_by_role("button", name="Nog een gezinslid toevoegen").click()
    page.locator("#id_lid-1-first_name").fill("Jesse")
    page.locator("#id_lid-1-last_name").fill("Zonneveld")
    page.locator("#id_lid-1-birth_date").fill("2010-09-15")
    page.locator("#id_lid-1-relation").select_option("child")
    page.get_by_role("button", name="Aanmelden", exact=True).click()
    expect(page.get_by_role("alert").first).to_contain_text("niet jonger dan ouder")
    expect(page.get_by_label("Naam van het gezin")).to_have_value("Gezin Zonneveld")
    page.locator("#id_lid-0-birth_date").fill("1984-04-02")
    page.get_by_role("button", name="Aanmelden", exact=True).click()
    expect(page.get_by_role("status").first).to_contain_text("De aanmelding is ontvangen")  # the same, known or not
    family = Family.objects.get(name="Gezin Zonneveld")
    expect(page.locator("main")).to_contain_text(f"{family.reference}: aangemeld")
    logout(page)

    # 2. The intake team accepts the family and names the process manager.
    page = login("intake")
    page.get_by_role("link", name=family.reference).click()
    page.get_by_role("link", name="Prioriteren").click()
    page.get_by_label("Opnemen in de aanpak").check()
    page.get_by_label("Complexe problemen op meerdere leefgebieden").check()
    page.get_by_label("Motivering").fill("Problemen op school, wonen en geld; eerdere hulp vastgelopen.")
    page.get_by_label("Procesmanager").select_option(label="Bram Willemsen")
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_role("status").first).to_contain_text("opgenomen in de aanpak")
    family.refresh_from_db()
    assert family.status == FamilyStatus.ACTIVE
    logout(page)

    # 3. The process manager records consent, the analysis, the coordinator and the plan.
    page = login("procesmanager")
    page.get_by_role("link", name="Mijn gezinnen").click()
    page.get_by_label("Zoek op kenmerk of naam").fill(family.reference)
    page.get_by_role("button", name="Filteren").click()
    page.get_by_role("link", name=family.reference).click()
    page.get_by_role("link", name="Toestemming").click()
    page.get_by_label("Het gezin is geïnformeerd over zijn rechten").check()
    page.get_by_label("Getekend door").fill("Marloes Zonneveld")
    page.get_by_label("GGZ Zeldenbroek").check()
    page.get_by_label("Basisschool De Regenboog").check()
    page.get_by_role("button", name="Toestemming vastleggen").click()
    expect(page.get_by_role("status").first).to_contain_text("toestemmingsverklaring is vastgelegd")

    page.get_by_role("link", name="Probleemanalyse").click()
    expect(page.locator("main")).to_contain_text("Leefgebieden zonder analyse")
    page.get_by_label("Gezinslid").select_option(label="Jesse Zonneveld")
    page.get_by_label("Leefgebied").select_option(label="Werk- en dagbesteding")
    page.get_by_label("Omschrijving van het probleem").fill("Jesse gaat al weken niet naar school.")
    page.get_by_label("Ernst").select_option(label="ernstig")
    page.get_by_label("Chronisch (langdurig)").check()
    page.get_by_label("Het gezin heeft meegedaan aan deze analyse").check()
    page.get_by_role("button", name="Probleem toevoegen").click()
    expect(page.get_by_role("table", name="Problemen per leefgebied")).to_contain_text("niet naar school")

    page.get_by_role("link", name="Terug naar het gezin").click()
    page.get_by_role("link", name="Regisseur").click()
    fleur = page.get_by_label("Regisseur").locator("option", has_text="Fleur Jansen (Maatschappelijk werk De Schakel, ")
    page.get_by_label("Regisseur").select_option(fleur.get_attribute("value"))  # her caseload beside her name
    page.get_by_label("Toelichting").fill("Eerste regisseur; kent de school.")  # a first one owes no reason
    page.get_by_role("button", name="Regisseur toewijzen").click()
    expect(page.get_by_role("status").first).to_contain_text("Fleur Jansen is nu de regisseur")

    page.get_by_role("link", name="Gezinsplan").click()
    page.get_by_role("button", name="Plan opstellen").click()
    page.get_by_role("link", name=re.compile("Doel toevoegen", re.I)).first.click()
    page.get_by_label("Probleem").select_option(index=1)
    page.get_by_label("Doel", exact=True).fill("Jesse gaat weer elke dag naar school.")
    page.get_by_role("button", name="Doel toevoegen").click()  # the forms open in the plan page (htmx)
    page.get_by_role("link", name=re.compile("Actie toevoegen", re.I)).first.click()
    page.get_by_label("Wat gaat er gebeuren?").fill("Marloes brengt Jesse elke ochtend naar school.")
    page.get_by_label("Wie doet het?").select_option(label="Marloes Zonneveld (ouder/verzorger)")
    page.get_by_label("Klaar op").fill("2027-01-31")
    page.get_by_role("button", name="Actie toevoegen").click()
    expect(page.locator("main")).to_contain_text("Marloes brengt Jesse elke ochtend naar school.")

    versions_before_edit = family.plan.versions.count()
    page.get_by_role("link", name=re.compile("doel wijzigen", re.I)).first.click()
    page.get_by_label("Doel", exact=True).fill("Jesse gaat weer elke dag naar school, ook op maandag.")
    page.get_by_role("button", name="Wijziging bewaren").click()
    expect(page.locator("main")).to_contain_text("ook op maandag")
    assert family.plan.versions.count() == versions_before_edit  # the working session: not a version yet
    page.get_by_role("button", name="Opslaan als nieuwe versie").click()
    expect(page.get_by_role("status").first).to_contain_text("Opgeslagen als versie 2")
    assert family.plan.versions.count() == versions_before_edit + 1

    page.get_by_role("link", name=re.compile("versiegeschiedenis", re.I)).first.click()
    expect(page.get_by_role("table")).to_contain_text("Doel toegevoegd")
    assert family.plan.versions.count() == 2  # opgesteld; doel, actie en wijziging in één werksessie
    page.get_by_role("button", name="Vergelijken").click()
    expect(page.locator("main")).to_contain_text("Oude versie")
    expect(page.locator("main")).to_contain_text("Nieuwe versie")
    expect(page.locator("main")).to_contain_text("ook op maandag")

    # 4. The family summary as PDF: Dutch, with the coordinator's name and the goal.
    pdf = page.context.request.get(page.url.split("/gezinnen/")[0] + f"/gezinnen/{family.pk}/plan/samenvatting.pdf")
    assert pdf.ok and pdf.body().startswith(b"%PDF")
    target = tmp_path / "samenvatting.pdf"
    target.write_bytes(pdf.body())
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "Fleur Jansen" in text
    assert "naar school" in text
