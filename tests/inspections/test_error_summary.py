"""The questionnaire and the judgement of a family show their errors in the error summary, each a link to its
field, and the error beside the field too (issue 14 §3)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gezinsregie.inspections import selectors, services
from gezinsregie.inspections.models import Finding, Inspection, InspectionStatus
from tests.worlds.inspections import InspectionWorld, respondent_of

pytestmark = pytest.mark.django_db


def test_a_refused_submit_links_to_each_open_question(iw: InspectionWorld, open_inspection: Inspection) -> None:
    respondent = respondent_of(open_inspection, iw.gemeente)
    first, second, *_ = selectors.indicators_of(open_inspection)
    url = reverse("inspections:questionnaire", args=[respondent.pk])
    client = iw.client_for(iw.policy_officer)

    page = client.post(url, {f"waarde_{first.pk}": "yes", "indienen": "1"}).content.decode()

    assert "data-error-summary" in page and "Nog niet beantwoord:" in page  # and the answers are kept
    assert f'href="#id_waarde_{second.pk}">{second.text}: Kies een antwoord' in page
    assert f'id="id_waarde_{second.pk}-fout"' in page and f'id="id_waarde_{second.pk}"' in page
    assert f'href="#id_waarde_{first.pk}"' not in page
    respondent.refresh_from_db()
    assert respondent.submitted_at is None


def test_a_wrong_document_links_to_its_upload(iw: InspectionWorld, open_inspection: Inspection) -> None:
    respondent = respondent_of(open_inspection, iw.gemeente)
    first = selectors.indicators_of(open_inspection)[0]
    url = reverse("inspections:questionnaire", args=[respondent.pk])
    program = SimpleUploadedFile("nota.pdf", b"MZ\x90\x00 geen pdf", content_type="application/pdf")
    client = iw.client_for(iw.policy_officer)

    page = client.post(url, {f"document_{first.pk}": program, "opslaan": "1"}).content.decode()

    assert f'<a class="utrecht-link" href="#id_document_{first.pk}">Document: ' in page
    assert f'id="id_document_{first.pk}-fout"' in page and f'id="id_document_{first.pk}"' in page
    assert not respondent.answers.exists()


def test_a_finding_without_a_judgement_is_not_dropped_but_linked(
    iw: InspectionWorld, case_inspection: Inspection
) -> None:
    review = services.case_review_add(actor=iw.inspector, inspection=case_inspection, family=iw.families["mandated"])
    services.inspection_advance(actor=iw.inspector, inspection=case_inspection, to=InspectionStatus.JUDGING)
    first, second, *_ = selectors.indicators_of(case_inspection)
    url = reverse("inspections:case_judge", args=[case_inspection.pk, review.pk])
    data = {f"oordeel_{first.pk}": "met", f"bevinding_{second.pk}": "Het plan mist een doel."}

    page = iw.client_for(iw.inspector).post(url, data).content.decode()

    assert f'href="#id_oordeel_{second.pk}">Oordeel {second.key}: Kies een oordeel bij deze bevinding' in page
    assert f'id="id_oordeel_{second.pk}-fout"' in page and f'id="id_oordeel_{second.pk}"' in page
    assert "Het plan mist een doel." in page  # what was typed stays
    assert not Finding.objects.filter(case_review=review).exists()
