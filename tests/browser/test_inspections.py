"""Supervision as the inspectorate and the municipality walk it (BRIEF, "The supervision, step by step").

Policy level: the inspector opens an inspection of the Integrale Aanpak, invites the municipality and three
partners, each answers its own questionnaire, the inspector judges with the answers side by side and publishes;
the municipality reads the result and reports on its improvement point.
Case level: the inspector selects a family that mandated the inspectorate and sees it pseudonymised; a
family without a mandate is not offered and a crafted request for it is refused.
"""

import re
from collections.abc import Callable

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.casework.models import Family, FamilyStatus
from gezinsregie.inspections.models import CaseReview, ImprovementPoint, Inspection, PointStatus
from gezinsregie.inspections.selectors.case import candidate_label

pytestmark = pytest.mark.browser

APPROACH = "Integrale Aanpak Veiligheidshuis"
# demo user → the organisation it answers for; the police answers "nee" on the first indicator
RESPONDENTS = [
    ("beleid", "Gemeente Zeldenbroek", "ja"),
    ("professional", "GGZ Zeldenbroek", "ja"),
    ("regisseur", "Maatschappelijk werk De Schakel", "ja"),
    ("w.hofman", "Politie basisteam Zeldenbroek", "nee"),
]


def logout(page: Page) -> None:
    page.get_by_role("button", name="Uitloggen").click()


def new_inspection(page: Page, level: str) -> Inspection:
    page.get_by_role("link", name="Toezicht", exact=True).click()
    page.get_by_role("link", name="Nieuw toezichtonderzoek").click()
    page.get_by_label("Aanpak").select_option(label=f"{APPROACH} (Zeldenbroek)")
    page.get_by_label(level, exact=True).check()
    # the demo already holds this year's and last year's inspections of the approach
    year = timezone.localdate().year + 1
    page.get_by_label("Jaar").fill(str(year))
    page.get_by_role("button", name="Onderzoek aanmaken").click()
    expect(page.get_by_role("status").first).to_contain_text("is aangemaakt")
    return Inspection.objects.get(
        level="policy" if level == "beleidsniveau" else "case", year=year, approach__name=APPROACH
    )


def test_a_policy_level_inspection_with_four_respondents_to_published_judgements(
    login: Callable[[str], Page],
) -> None:
    # 1. The inspector opens the inspection and invites the municipality and three partners.
    page = login("inspecteur")
    inspection = new_inspection(page, "beleidsniveau")
    page.get_by_role("link", name="Respondenten uitnodigen").click()
    for _, organisation, _ in RESPONDENTS:
        page.get_by_label(organisation, exact=True).check()
    page.get_by_role("button", name="Uitnodigen").click()
    expect(page.get_by_role("status").first).to_contain_text("4 organisaties uitgenodigd.")
    page.get_by_role("button", name="Vragenlijst openzetten").click()
    expect(page.get_by_role("status").first).to_contain_text("De vragenlijst staat open")
    logout(page)

    # 2. Each respondent answers its own questionnaire; the municipality saves halfway first.
    for username, organisation, first_answer in RESPONDENTS:
        page = login(username)
        page.get_by_role("link", name="Toezicht", exact=True).click()
        expect(page.locator("main")).to_contain_text(f"namens {organisation}")
        expect(page.get_by_role("link", name=inspection.title)).to_have_count(1)  # only its own questionnaire
        page.get_by_role("link", name=inspection.title).click()
        questions = page.locator(".gr-question")
        expect(questions).to_have_count(30)
        questions.first.get_by_label(first_answer, exact=True).check()
        questions.first.get_by_label("Toelichting").fill(f"Antwoord van {organisation}.")
        if username == "beleid":
            page.get_by_role("button", name="Tussentijds opslaan").click()
            expect(page.get_by_role("status").first).to_contain_text("tussentijds opgeslagen")
            expect(page.locator("main")).to_contain_text("1 van 30 indicatoren beantwoord.")
            expect(page.locator(".gr-question").first.get_by_label("ja", exact=True)).to_be_checked()
            expect(page.locator(".gr-question").first.get_by_label("Toelichting")).to_have_value(
                f"Antwoord van {organisation}."
            )
        for question in page.locator(".gr-question").all()[1:]:
            question.get_by_label("ja", exact=True).check()
        page.get_by_role("button", name="Indienen").click()
        expect(page.get_by_role("status").first).to_contain_text("Uw antwoorden zijn ingediend")
        expect(page.locator("main")).to_contain_text("Ingediend op")
        logout(page)

    # 3. The inspector closes the questionnaire and sees the answers side by side, disagreement said in words.
    page = login("inspecteur")
    page.get_by_role("link", name="Toezicht", exact=True).click()
    page.get_by_role("link", name=inspection.title).click()
    expect(page.locator("main")).to_contain_text("4 van 4 respondenten hebben de vragenlijst ingediend.")
    page.get_by_role("button", name="Vragenlijst sluiten en beoordelen").click()
    page.get_by_role("link", name="Antwoorden en oordelen").click()
    first = page.locator(".gr-indicator").first
    expect(first).to_contain_text(
        "Verschil van mening: De gemeente zegt ja, 2 van 3 netwerkpartners zeggen ja en 1 zegt nee."
    )
    expect(first).to_contain_text("Antwoord van Politie basisteam Zeldenbroek.")

    # 4. Judgements: an X on the first indicator, then one finding per criterion, with a LET OP note once.
    page.get_by_role("link", name="Oordeel geven over B1.a.1").click()
    page.get_by_label("X verbeterpunt").check()
    page.get_by_label("Bevinding", exact=True).fill("De gemeente en de politie hanteren een andere omschrijving.")
    page.get_by_role("button", name="Oordeel opslaan").click()
    expect(page.get_by_role("status").first).to_contain_text("Oordeel X vastgelegd")
    while page.get_by_role("link", name=re.compile("^Oordeel geven over")).count():
        page.get_by_role("link", name=re.compile("^Oordeel geven over")).first.click()
        for box in page.locator("input[name=indicators]").all():
            box.check()  # the whole criterion in one finding, as in the factsheets
        page.get_by_label("✓ voldoet").check()
        page.get_by_label("Bevinding", exact=True).fill("De ondervraagden geven aan dat dit is geregeld.")
        if "Planmatig" in page.locator("h1").inner_text():
            page.get_by_label("LET OP").fill("Dit beleid is niet specifiek voor de groep GGSR.")
        page.get_by_role("button", name="Oordeel opslaan").click()
        expect(page.get_by_role("status").first).to_contain_text("Oordeel ✓ vastgelegd")
    page.get_by_role("link", name="Publiceren").last.click()
    expect(page.locator("main")).to_contain_text("1 verbeterpunt komt op de lijst van de gemeente")
    page.get_by_role("button", name="Definitief publiceren").click()
    expect(page.get_by_role("status").first).to_contain_text("Het onderzoek is gepubliceerd")
    expect(page.locator("main")).to_contain_text("verbeterpunt De gemeente en de politie hanteren een andere")
    expect(page.locator("main")).to_contain_text("Let op: Dit beleid is niet specifiek voor de groep GGSR.")
    logout(page)

    # 5. The municipality reads the result (not the answers) and reports on its improvement point.
    page = login("beleid")
    page.get_by_role("link", name="Toezicht", exact=True).click()
    page.get_by_role("link", name=inspection.title).click()
    expect(page.locator("h1")).to_contain_text("Uitkomsten toezichtonderzoek Zeldenbroek")
    expect(page.locator("main")).not_to_contain_text("Antwoord van Politie basisteam Zeldenbroek.")
    page.get_by_role("link", name="Verbeterpunten en voortgang").click()
    expect(page.locator("main")).to_contain_text("nog geen eigenaar")
    point = ImprovementPoint.objects.get(finding__inspection=inspection)  # the demo has older points too
    page.locator(f"a[href='/toezicht/verbeterpunten/{point.pk}/']").click()
    page.get_by_label("Wat heeft de gemeente gedaan?").fill("Gemeente en partners stellen samen één omschrijving vast.")
    page.get_by_role("button", name="Melding opslaan").click()
    expect(page.get_by_role("status").first).to_contain_text("voortgangsmelding is opgeslagen")
    expect(page.locator("main")).to_contain_text("wordt opgepakt")
    point.refresh_from_db()
    assert point.status == PointStatus.IN_PROGRESS


def test_a_case_level_inspection_of_a_mandated_family_refuses_one_without_mandate(
    login: Callable[[str], Page], pseudonymiser: None
) -> None:
    in_approach = Family.objects.filter(approach__name=APPROACH, status=FamilyStatus.ACTIVE).order_by("reference")
    mandated = in_approach.filter(mandates__isnull=False).first()
    unmandated = in_approach.filter(mandates__isnull=True).first()
    assert mandated is not None and unmandated is not None

    page = login("inspecteur")
    inspection = new_inspection(page, "casusniveau")
    page.get_by_role("link", name="Gezin toevoegen").click()
    label = candidate_label(inspection.pk, mandated.pk)  # opaque: never the reference (issue 12 §4)
    expect(page.get_by_label(re.compile(rf"{label}\b"))).to_have_count(1)
    expect(page.locator("main")).not_to_contain_text(mandated.reference)
    expect(page.locator("main")).not_to_contain_text(unmandated.reference)

    # a crafted request for the family without a mandate is refused, and nothing about it is read
    token = page.locator("input[name=csrfmiddlewaretoken]").first.get_attribute("value")
    response = page.request.post(page.url, form={"csrfmiddlewaretoken": token or "", "family": str(unmandated.pk)})
    assert response.status == 200 and "Selecteer een geldige keuze" in response.text()
    assert not CaseReview.objects.filter(family=unmandated).exists()
    assert not AccessLogEntry.objects.filter(family_id=unmandated.pk, username="inspecteur").exists()

    # the mandated family, pseudonymised
    page.get_by_label(re.compile(rf"{label}\b")).check()
    page.get_by_role("button", name="Gezin toevoegen").click()
    expect(page.locator("h1")).to_have_text("Gezin A")
    main = page.locator("main")
    expect(main).to_contain_text("Gepseudonimiseerd")
    expect(main).to_contain_text("Ouder 1")
    content = main.inner_text()
    for member in mandated.members.all():
        assert member.first_name not in content and f"{member.birth_date:%d-%m-%Y}" not in content
    assert mandated.name not in content and mandated.address not in content and mandated.reference not in content
    assert AccessLogEntry.objects.filter(action="family.inspect", family_id=mandated.pk, username="inspecteur").exists()

    # interviews and the plan review
    page.get_by_label("Gesprek met").select_option(label="gezin")
    page.get_by_label("Verslag").fill("Het gezin voelt zich gehoord, maar deed niet mee aan de probleemanalyse.")
    page.get_by_role("button", name="Gesprek vastleggen").click()
    expect(page.get_by_role("status").first).to_contain_text("Het gesprek is vastgelegd")
    page.get_by_label("Het gezinsplan is beoordeeld").check()
    page.get_by_label("Beoordeling van het plan").fill("Het plan is actueel; elke actie heeft een eigenaar.")
    page.get_by_role("button", name="Planbeoordeling opslaan").click()
    expect(page.get_by_role("status").first).to_contain_text("beoordeling van het plan is opgeslagen")

    # a judgement for the family
    page.get_by_role("link", name="Overzicht").click()
    page.get_by_role("button", name="Beoordeling starten").click()
    page.get_by_role("link", name="Oordelen", exact=True).click()
    page.get_by_role("link", name="Oordelen voor Gezin A").click()
    page.get_by_label("Oordeel C1.a.1").select_option(label="✓ voldoet")
    page.get_by_label("Bevinding C1.a.1").fill("Zware en complexe problemen op meerdere leefgebieden.")
    page.get_by_role("button", name="Oordelen opslaan").click()
    expect(page.get_by_role("status").first).to_contain_text("De oordelen voor Gezin A zijn opgeslagen")
    expect(page.locator(".gr-indicator").first).to_contain_text("Gezin A ✓ voldoet")
    assert inspection.findings.filter(case_review__pseudonym="Gezin A").count() == 1
