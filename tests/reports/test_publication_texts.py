"""The inspector writes the narrative of the reports ("Rapportteksten"): service and page."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.inspections import services
from gezinsregie.inspections.models import Inspection, InspectionLevel
from tests.reports.publication_world import page_url, publish
from tests.worlds.inspections import YEAR, InspectionWorld, judge_everything


@pytest.fixture
def case_inspection(iw: InspectionWorld) -> Inspection:
    return services.inspection_create(actor=iw.inspector, approach=iw.approach, level=InspectionLevel.CASE, year=YEAR)


def test_the_inspector_writes_the_texts_and_it_is_logged(iw: InspectionWorld, case_inspection: Inspection) -> None:
    services.inspection_update_texts(
        actor=iw.inspector, inspection=case_inspection, goes_well="  Veel.  ", conclusion="Goed."
    )
    services.inspection_update_texts(actor=iw.inspector, inspection=case_inspection, conclusion="Beter.")
    case_inspection.refresh_from_db()
    assert (case_inspection.goes_well, case_inspection.conclusion, case_inspection.description) == (
        "Veel.",
        "Beter.",
        "",
    )
    entries = AccessLogEntry.objects.filter(action="inspection.texts", username="inspecteur")
    assert entries.count() == 2 and all(e.family_id is None for e in entries)


def test_only_the_conducting_inspectorate_writes_and_only_until_publication(
    iw: InspectionWorld, case_inspection: Inspection
) -> None:
    for outsider in (iw.other_inspector, iw.policy_officer, iw.process_manager):
        with pytest.raises(PermissionDenied):
            services.inspection_update_texts(actor=outsider, inspection=case_inspection, conclusion="x")
    services.inspection_advance(actor=iw.inspector, inspection=case_inspection, to="judging")
    judge_everything(iw.inspector, case_inspection)
    publish(iw, case_inspection)
    with pytest.raises(ValidationError, match="De rapportteksten wijzigen kan niet meer"):
        services.inspection_update_texts(actor=iw.inspector, inspection=case_inspection, conclusion="x")


def test_the_texts_page_shows_the_fields_of_the_level_and_saves(
    iw: InspectionWorld, case_inspection: Inspection
) -> None:
    client = Client()
    client.force_login(iw.inspector)
    url = reverse("inspections:report_texts", args=[case_inspection.pk])
    page = client.get(url).content.decode()
    for label in (
        "Beschrijving van de aanpak",
        "Wat gaat goed?",
        "Wat kan beter?",
        "Algemene conclusie",
        "Aanbevelingen",
    ):
        assert label in page
    assert page_url(case_inspection) in page
    data = {
        "description": "Een aanpak.",
        "goes_well": "Alinea een.\r\n\r\nAlinea twee.",
        "can_be_better": "",
        "conclusion": "",
        "recommendations": "- Eén plan.",
    }
    response = client.post(url, data)
    assert response.status_code == 302 and response["Location"] == url
    case_inspection.refresh_from_db()
    assert case_inspection.goes_well.replace("\r\n", "\n") == "Alinea een.\n\nAlinea twee."
    report = client.get(page_url(case_inspection)).content.decode()
    assert (
        '<p class="utrecht-paragraph">Alinea een.</p>' in report
        and '<p class="utrecht-paragraph">Alinea twee.</p>' in report
    )

    policy = services.inspection_create(
        actor=iw.inspector, approach=iw.approach, level=InspectionLevel.POLICY, year=YEAR
    )
    page = client.get(reverse("inspections:report_texts", args=[policy.pk])).content.decode()
    assert "Beschrijving van de aanpak" in page and "Wat gaat goed?" not in page
    client.post(reverse("inspections:report_texts", args=[policy.pk]), {"description": "Factsheettekst."})
    policy.refresh_from_db()
    assert policy.description == "Factsheettekst."


def test_nobody_else_opens_the_texts_page(iw: InspectionWorld, case_inspection: Inspection) -> None:
    url = reverse("inspections:report_texts", args=[case_inspection.pk])
    for outsider in (iw.other_inspector, iw.policy_officer):
        client = Client()
        client.force_login(outsider)
        assert client.get(url).status_code == 404
        assert client.post(url, {"conclusion": "x"}).status_code == 404
    case_inspection.refresh_from_db()
    assert case_inspection.conclusion == ""
