"""The error summary on the forms with hand-written fields (issue 14 §3), in a real browser: after a bad submit
the summary has the focus, each of its links moves the focus into its field, and the error stays beside the field.

An error's text is on the page twice (the summary's link and beside the field): located by id or by link role.
"""

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.inspections import selectors as inspection_selectors
from gezinsregie.inspections.models import InspectionLevel, InspectionStatus
from gezinsregie.inspections.pseudonymise import library
from tests.browser.pages import case_inspection_being_judged, coordinator_family
from tests.browser.test_every_page import axe_problems
from tests.paths import AXE

pytestmark = pytest.mark.browser
Permission = policy.Permission


def summary_of(page: Page) -> Any:
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()  # the keyboard and the screen reader start at the summary
    return summary


def test_the_questionnaire_links_a_wrong_document_to_its_upload(login: Callable[[str], Page], live_server: Any) -> None:
    page = login("beleid")
    respondent = policy.respondents_for(User.objects.get(username="beleid")).filter(submitted_at=None).first()
    assert respondent is not None
    indicator = inspection_selectors.indicators_of(respondent.inspection)[0]
    page.goto(live_server.url + reverse("inspections:questionnaire", args=[respondent.pk]))
    upload = page.locator(f"#id_document_{indicator.pk}")
    upload.set_input_files({"name": "nota.pdf", "mimeType": "application/pdf", "buffer": b"MZ\x90\x00 geen pdf"})
    page.get_by_role("button", name="Tussentijds opslaan").click()

    summary = summary_of(page)
    expect(page.locator(f"#id_document_{indicator.pk}-fout")).to_be_visible()  # beside the upload
    summary.get_by_role("link", name=re.compile("^Document: ")).click()
    expect(page.locator(f"#id_document_{indicator.pk}")).to_be_focused()


def test_a_finding_for_a_family_without_a_judgement_is_linked_to_its_judgement(
    login: Callable[[str], Page], live_server: Any
) -> None:
    library.warm()  # the case's evidence is de-identified; loading the library would outlast the page's timeout
    page = login("inspecteur")
    inspector = User.objects.get(username="inspecteur")
    open_policy = policy.inspections_for(inspector, Permission.CONDUCT_INSPECTION).get(
        level=InspectionLevel.POLICY, status=InspectionStatus.OPEN
    )
    judging = case_inspection_being_judged(inspector, open_policy.approach)
    review = judging.case_reviews.order_by("pk").first()
    assert review is not None
    indicator = inspection_selectors.indicators_of(judging)[0]
    page.goto(live_server.url + reverse("inspections:case_judge", args=[judging.pk, review.pk]))
    page.get_by_label(f"Bevinding {indicator.key}", exact=True).fill("Het plan mist een doel voor de schulden.")
    page.get_by_role("button", name="Oordelen opslaan").click()

    summary = summary_of(page)
    expect(page.locator(f"#id_oordeel_{indicator.pk}-fout")).to_contain_text("Kies een oordeel bij deze bevinding")
    summary.get_by_role("link", name=re.compile(f"^Oordeel {re.escape(indicator.key)}: ")).click()
    expect(page.locator(f"#id_oordeel_{indicator.pk}")).to_be_focused()
    expect(page.get_by_label(f"Bevinding {indicator.key}", exact=True)).to_have_value(
        "Het plan mist een doel voor de schulden."
    )


def test_the_log_search_links_a_wrong_period_to_its_end_and_passes_axe(
    login: Callable[[str], Page], live_server: Any
) -> None:
    page = login("privacy")
    page.goto(live_server.url + reverse("audit:search"))
    page.locator("#id_van").fill("2025-02-01")
    page.locator("#id_tot").fill("2025-01-01")
    page.get_by_role("button", name="Zoeken").click()

    summary = summary_of(page)
    expect(page.locator("#id_tot-fout")).to_contain_text("De periode klopt niet")
    page.evaluate(AXE.read_text())  # through the DevTools protocol: the page's CSP forbids inline scripts
    assert axe_problems(page, "toegangslog met een fout") == []
    summary.get_by_role("link", name=re.compile("^Tot en met: ")).click()
    expect(page.locator("#id_tot")).to_be_focused()


def test_closing_a_trajectory_links_a_missing_reason_to_its_first_choice(
    login: Callable[[str], Page], live_server: Any
) -> None:
    page = login("regisseur")
    family = coordinator_family()
    page.goto(live_server.url + reverse("trajectory:close", args=[family.pk]))
    page.locator("#id_closed_on").fill("")
    page.get_by_role("button", name="Afsluiten", exact=True).click()

    summary = summary_of(page)
    expect(page.locator("#id_reason-fout")).to_be_visible()
    summary.get_by_role("link", name=re.compile("^Reden van afsluiten: ")).click()
    expect(page.locator("#id_reason_0")).to_be_focused()  # a group of radios: the focus goes to its first choice
    summary.get_by_role("link", name=re.compile("^Afgesloten op: ")).click()
    expect(page.locator("#id_closed_on")).to_be_focused()
