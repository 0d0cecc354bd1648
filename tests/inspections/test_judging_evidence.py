"""The judging screen shows the approach's own data beside each indicator (issue 13 §4/§5): at policy level the
evidence and proposal of policy_evidence, at case level the self-assessment over the approach's families. A proposal,
labelled as such; the judgement stays the inspector's, and the inspector sees numbers, never a family."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from gezinsregie.accounts.system import SystemPurpose, system_actor
from gezinsregie.assessment import services as assessment_services
from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.inspections import services
from gezinsregie.inspections.models import Finding, Inspection, InspectionStatus
from gezinsregie.inspections.selectors.judging import data_evidence
from gezinsregie.organisations import services as register
from gezinsregie.organisations.models import AgreementKind
from tests.inspections.test_views import text
from tests.worlds.inspections import InspectionWorld, judge_everything

pytestmark = pytest.mark.django_db
LABEL = "Zelfevaluatie uit de gegevens — geen oordeel van de inspectie"


def judge_url(inspection: Inspection) -> str:
    return reverse("inspections:judge", args=[inspection.pk])


def test_policy_level_shows_the_evidence_and_the_proposal(iw: InspectionWorld, judging_inspection: Inspection) -> None:
    register.population_estimate_record(
        actor=iw.policy_officer,
        approach=iw.approach,
        families=120,
        estimated_on=iw.today - timedelta(days=60),
        source="Wijkanalyse 2025",
    )
    register.cooperation_agreement_record(
        actor=iw.process_manager,
        approach=iw.approach,
        kind=AgreementKind.COOPERATION,
        title="Samenwerkingsconvenant Gezinsaanpak",
        parties=[iw.police, iw.ggz],
        signed_on=iw.today - timedelta(days=200),
    )
    page = text(iw.client_for(iw.inspector).get(judge_url(judging_inspection)))
    assert page.count(LABEL) == 30  # beside every policy indicator
    assert "Eigen schatting van de gemeente: 120 gezinnen op" in page and "Wijkanalyse 2025" in page
    assert "Geldend: Samenwerkingsconvenant Gezinsaanpak (samenwerkingsafspraak, 2 partijen" in page
    assert "Voorstel: voldoet niet — Geen partij bij een geldende samenwerkingsafspraak: Schuldhulp Testdam." in page
    assert "Voorstel: geen voorstel — Alleen beleidsstukken en afspraken" in page
    for family in iw.families.values():  # numbers, never a family
        assert family.reference not in page and family.name not in page
    assert not Finding.objects.exists()  # nothing judged by itself
    assert "nog geen oordeel" in page


def test_case_level_shows_the_share_of_families_from_the_stored_results(
    iw: InspectionWorld, case_inspection: Inspection
) -> None:
    assessment_services.assessment_recompute(actor=system_actor(SystemPurpose.BACKGROUND_TASKS), approach=iw.approach)
    services.inspection_advance(actor=iw.inspector, inspection=case_inspection, to=InspectionStatus.JUDGING)
    logged = AccessLogEntry.objects.filter(family_id__isnull=False).count()
    page = text(iw.client_for(iw.inspector).get(judge_url(case_inspection)))
    assert page.count(LABEL) == 33
    assert "van de 5 gezinnen voldoen" in page  # the approach's five families, counted from the stored results
    assert "Wat de gegevens het vaakst zeggen waar het niet voldoet:" in page
    assert "(minder dan 5 gezinnen)" in page  # small groups not counted exactly
    for family in iw.families.values():
        assert family.reference not in page and family.name not in page
    assert AccessLogEntry.objects.filter(family_id__isnull=False).count() == logged  # no family was read
    assert not Finding.objects.exists()


def test_the_evidence_is_read_only_by_who_may_see_the_inspection(
    iw: InspectionWorld, judging_inspection: Inspection
) -> None:
    assert "B4.b.1" in data_evidence(iw.inspector, judging_inspection)
    for outsider in (iw.other_inspector, iw.policy_officer, iw.process_manager):
        with pytest.raises(PermissionDenied):
            data_evidence(outsider, judging_inspection)
    assert iw.client_for(iw.other_inspector).get(judge_url(judging_inspection)).status_code == 404


def test_a_published_inspection_shows_no_data_of_today(iw: InspectionWorld, judging_inspection: Inspection) -> None:
    judge_everything(iw.inspector, judging_inspection)
    services.inspection_publish(actor=iw.inspector, inspection=judging_inspection)
    page = text(iw.client_for(iw.inspector).get(judge_url(judging_inspection)))
    assert LABEL not in page
