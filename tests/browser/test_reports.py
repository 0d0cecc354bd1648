"""The inspector reads the published reports of the Integrale Aanpak in a real browser: the factsheet of a
policy-level inspection and the nota van bevindingen of a case-level one, both without accessibility violations
(axe-core), each with a PDF to download. Neither shows the family that was inspected.

The inspections are made with the services, as the inspector would have made them on the inspection pages
(tests/browser/test_inspections.py walks those).
"""

import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from gezinsregie.accounts.models import User
from gezinsregie.casework.models import Family
from gezinsregie.inspections import selectors, services
from gezinsregie.inspections.models import Inspection, InspectionLevel, InspectionStatus
from gezinsregie.organisations.models import Approach, Organisation
from tests.paths import AXE
from tests.worlds.inspections import answer_everything, judge_everything

pytestmark = pytest.mark.browser


APPROACH = "Integrale Aanpak Veiligheidshuis"
INSPECTORATE = "Samenwerkend Toezicht Jeugd"
# demo user → the organisation it answers for
RESPONDENTS = [
    ("beleid", "Gemeente Zeldenbroek"),
    ("professional", "GGZ Zeldenbroek"),
    ("regisseur", "Maatschappelijk werk De Schakel"),
]
NO_VIEW = "De gemeente heeft geen zicht op de omvang van de doelgroep."


def free_year(approach: Approach, level: str) -> int:
    """A year without an inspection of this approach and level (the demo may have some of its own)."""
    taken = set(Inspection.objects.filter(approach=approach, level=level).values_list("year", flat=True))
    return next(year for year in range(timezone.localdate().year, 2000, -1) if year not in taken)


def published_policy_inspection(inspector: User, approach: Approach) -> Inspection:
    inspection = services.inspection_create(
        actor=inspector, approach=approach, level=InspectionLevel.POLICY, year=free_year(approach, "policy")
    )
    organisations = [Organisation.objects.get(name=name) for _, name in RESPONDENTS]
    services.respondents_invite(actor=inspector, inspection=inspection, organisations=organisations)
    services.inspection_advance(actor=inspector, inspection=inspection, to=InspectionStatus.OPEN)
    for username, name in RESPONDENTS:
        answer_everything(User.objects.get(username=username), inspection.respondents.get(organisation__name=name))
    services.inspection_advance(actor=inspector, inspection=inspection, to=InspectionStatus.JUDGING)
    services.finding_save(
        actor=inspector,
        inspection=inspection,
        indicators=[i for i in selectors.indicators_of(inspection) if i.key == "B1.a.2"],
        judgement="improvement",
        text=NO_VIEW,
        notes=["Volgens schattingen krijgen circa 18 gezinnen ondersteuning."],
    )
    judge_everything(inspector, inspection)
    services.inspection_update_texts(
        actor=inspector,
        inspection=inspection,
        description="Persoons- en systeemgerichte aanpak vanuit het Veiligheidshuis.\n\nVastpakken en niet loslaten.",
    )
    services.inspection_publish(actor=inspector, inspection=inspection)
    return inspection


def published_case_inspection(inspector: User, approach: Approach) -> tuple[Inspection, Family]:
    inspection = services.inspection_create(
        actor=inspector, approach=approach, level=InspectionLevel.CASE, year=free_year(approach, "case")
    )
    family = selectors.mandated_families(inspector, inspection).first()
    assert family is not None
    review = services.case_review_add(actor=inspector, inspection=inspection, family=family)
    member = family.members.first()
    assert member is not None
    for kind in ("family", "coordinator", "professional"):
        services.interview_add(
            actor=inspector,
            case_review=review,
            kind=kind,
            held_on=timezone.localdate() - timedelta(days=7),
            interviewee="",
            summary=f"Gesprek over {member.first_name} {member.last_name}.",
        )
    services.inspection_advance(actor=inspector, inspection=inspection, to=InspectionStatus.JUDGING)
    indicators = selectors.indicators_of(inspection)
    services.case_findings_save(
        actor=inspector, case_review=review, judgements=[(indicators[0], "met", f"{family.name} valt eronder.")]
    )
    services.finding_save(
        actor=inspector,
        inspection=inspection,
        indicators=[i for i in indicators if i.key == "C2.a.1"],
        judgement="improvement",
        text=f"{member.first_name} en de andere gezinsleden zijn niet betrokken bij de probleemanalyse.",
    )
    judge_everything(inspector, inspection)
    services.inspection_update_texts(
        actor=inspector,
        inspection=inspection,
        goes_well="Gezinnen worden niet losgelaten.",
        can_be_better=f"Er is niet altijd een trajectplan, ook niet bij {family.name}.",
        conclusion="De aanpak is vasthoudend, maar niet planmatig.",
        recommendations="- Werk met één plan per gezin.\n- Betrek het gezin bij de probleemanalyse.",
    )
    services.inspection_publish(actor=inspector, inspection=inspection)
    return inspection, family


def axe_violations(page: Page) -> list[tuple[str, str, int]]:
    # Evaluated through the DevTools protocol: the page's CSP rightly forbids inline scripts.
    page.evaluate(AXE.read_text())
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [(v["id"], v["impact"], len(v["nodes"])) for v in result["violations"]]


def downloads_a_pdf(page: Page, live_server: Any) -> None:
    link = page.get_by_role("link", name=re.compile("^Download als PDF"))
    href = link.get_attribute("href")
    assert href is not None
    response = page.request.get(f"{live_server.url}{href}")
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    assert response.body()[:4] == b"%PDF"


def test_the_inspector_reads_the_factsheet_and_the_nota_and_downloads_them(
    login: Callable[[str], Page], live_server: Any
) -> None:
    inspector = User.objects.get(username="inspecteur")
    approach = Approach.objects.get(name=APPROACH)
    policy_level = published_policy_inspection(inspector, approach)
    case_level, family = published_case_inspection(inspector, approach)

    # the factsheet, from the inspection's own page
    page = login("inspecteur")
    page.get_by_role("link", name="Toezicht", exact=True).click()
    page.get_by_role("link", name=policy_level.title, exact=True).click()
    page.get_by_role("link", name="Factsheet", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Factsheet {APPROACH}")
    main = page.locator("main")
    expect(main).to_contain_text("Gepubliceerd op")
    expect(main).to_contain_text("Gemeente Zeldenbroek (gemeente)")
    expect(main).not_to_contain_text("CONCEPT")
    for theme in ("Toeleiding", "Gezin centraal", "De aanpak", "Samenwerking", "Continu"):
        expect(page.get_by_role("table", name=theme)).to_be_visible()
    row = page.get_by_role("table", name="Toeleiding").get_by_role("row").filter(has_text=NO_VIEW)
    expect(row).to_contain_text("verbeterpunt")
    expect(row).to_contain_text("LET OP: Volgens schattingen krijgen circa 18 gezinnen ondersteuning.")
    assert axe_violations(page) == []
    downloads_a_pdf(page, live_server)

    # the nota van bevindingen: chapters, the annex, and the family only as "Gezin A"
    page.get_by_role("link", name="Toezicht", exact=True).click()
    page.get_by_role("link", name=case_level.title, exact=True).click()
    page.get_by_role("link", name="Nota van bevindingen", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Nota van bevindingen Zeldenbroek {APPROACH}")
    page.get_by_role("navigation", name="Inhoudsopgave").get_by_role("link", name="4 Wat kan beter?").click()
    expect(page).to_have_url(re.compile("#wat-kan-beter$"))
    main = page.locator("main")
    expect(main).to_contain_text("Er is niet altijd een trajectplan, ook niet bij Gezin A.")
    expect(main).to_contain_text("Gezin A: 3 gesprekken")
    text = main.inner_text()
    names = [family.name, family.reference, family.address]
    names += [name for m in family.members.all() for name in (m.first_name, m.last_name)]
    for name in filter(None, names):
        assert not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, flags=re.IGNORECASE), name
    assert axe_violations(page) == []
    downloads_a_pdf(page, live_server)
