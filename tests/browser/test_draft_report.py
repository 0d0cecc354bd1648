"""Issue 13 §5 as the municipality and the inspector walk it: the policy officer opens the self-assessment as a draft
report (factsheet and case-level annex with a proposal per indicator, marked as a self-assessment) and downloads it
as a PDF; the inspector starts an inspection from it and finds each proposal with its evidence on the judging
screen, the judgement left to the inspector.
"""

from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from gezinsregie.accounts.models import User
from gezinsregie.inspections import services
from gezinsregie.inspections.models import Inspection, InspectionLevel, InspectionStatus
from gezinsregie.organisations.models import Approach, Organisation

pytestmark = pytest.mark.browser

APPROACH = "Gezinsmanagement"  # the demo has no policy-level inspection of it this year
MARK = "ZELFEVALUATIE, GEEN OORDEEL VAN DE INSPECTIE"


def test_a_draft_report_from_the_self_assessment_and_an_inspection_started_from_it(
    login: Callable[[str], Page], live_server: Any
) -> None:
    approach = Approach.objects.get(name=APPROACH)

    # 1. The policy officer: the self-assessment as a draft report, on screen and as a PDF.
    page = login("beleid")
    page.goto(f"{live_server.url}/zelfevaluatie/{approach.pk}/")
    page.get_by_role("link", name="Conceptrapport: factsheet en bijlage casusniveau").click()
    main = page.locator("main")
    expect(main).to_contain_text(MARK)
    expect(page.get_by_role("heading", name="Conceptfactsheet: beleidsniveau")).to_be_visible()
    expect(page.get_by_role("heading", name="Conceptbijlage: casusniveau")).to_be_visible()
    expect(main).to_contain_text("B3.b.2")
    expect(main).to_contain_text("C1.a.1")
    expect(page.get_by_role("button", name="Onderzoek op beleidsniveau starten")).to_have_count(0)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download als PDF").click()
    assert download.value.suggested_filename.startswith("zelfevaluatie-zeldenbroek-gezinsmanagement-")
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    page.get_by_role("button", name="Uitloggen").click()

    # 2. The inspector starts a policy-level inspection from it.
    page = login("inspecteur")
    page.goto(f"{live_server.url}/rapporten/zelfevaluatie/{approach.pk}/")
    page.get_by_role("button", name="Onderzoek op beleidsniveau starten").click()
    expect(page.get_by_role("status").first).to_contain_text("is gestart vanuit de zelfevaluatie")
    inspection = Inspection.objects.get(approach=approach, level=InspectionLevel.POLICY, year=timezone.localdate().year)
    assert page.url.endswith(f"/toezicht/{inspection.pk}/")
    assert not inspection.findings.exists()  # nothing judged by itself

    # the questionnaire round as the inspector's own screens do it (tests/browser/test_inspections.py walks them)
    inspector = User.objects.get(username="inspecteur")
    municipality = Organisation.objects.get(name="Gemeente Zeldenbroek")
    services.respondents_invite(actor=inspector, inspection=inspection, organisations=[municipality])
    services.inspection_advance(actor=inspector, inspection=inspection, to=InspectionStatus.OPEN)
    services.inspection_advance(actor=inspector, inspection=inspection, to=InspectionStatus.JUDGING)

    # 3. On the judging screen every proposal stands beside its indicator, labelled, with its evidence.
    page.reload()
    page.get_by_role("link", name="Beoordelen").first.click()
    beside = page.get_by_role("complementary", name="Zelfevaluatie uit de gegevens bij B3.b.2")
    expect(beside).to_contain_text("Zelfevaluatie uit de gegevens — geen oordeel van de inspectie")
    expect(beside).to_contain_text("Voorstel")
    expect(page.get_by_text("nog geen oordeel").first).to_be_visible()  # the judgement is the inspector's
