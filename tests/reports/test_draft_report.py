"""Issue 13 §5: the self-assessment as a draft report — a draft factsheet and a draft case-level annex with a proposed
✓/X per indicator from the data, marked "zelfevaluatie, geen oordeel van de inspectie" — and an inspection the
inspector starts from it."""

import pytest
from django.urls import reverse
from django.utils import timezone

from gezinsregie.accounts.models import Role
from gezinsregie.assessment.indicators import Outcome
from gezinsregie.frameworks.models import LifeDomainSet
from gezinsregie.inspections.models import Inspection, InspectionLevel
from gezinsregie.organisations.models import OrganisationKind
from gezinsregie.reports.draft.selectors import draft_report
from tests.builder import Builder


@pytest.fixture
def scene(framework):
    b = Builder()
    municipality = b.municipality("Zeldenbroek")
    own = b.organisation("Gemeente Zeldenbroek", kind=OrganisationKind.MUNICIPALITY, municipality=municipality)
    approach = b.approach(
        municipality, name="Sterk Gezin", framework=framework, life_domain_set=LifeDomainSet.objects.get(key="stj-2013")
    )
    inspectorate = b.organisation("Inspectie", kind=OrganisationKind.INSPECTORATE)
    return {
        "b": b,
        "approach": approach,
        "pm": b.person(Role.PROCESS_MANAGER, own, "pm", approach=approach),
        "coordinator": b.person(Role.COORDINATOR, own, "regie"),
        "inspector": b.person(Role.INSPECTOR, inspectorate, "inspecteur"),
    }


def families(scene, *, referred: int, not_referred: int) -> None:
    b = scene["b"]
    for _ in range(referred):
        b.referral(b.family(scene["approach"], registered=40, started=30))
    for _ in range(not_referred):
        b.family(scene["approach"], registered=40, started=30)


def row(themes, key):
    return next(r for t in themes for c in t.criteria for r in c.rows if r.indicator.key == key)


@pytest.mark.django_db
def test_the_case_annex_proposes_from_the_families_and_the_factsheet_from_the_policy_evidence(scene) -> None:
    families(scene, referred=5, not_referred=1)  # C1.a.2 "het gezin wordt aangemeld": 5 of 6
    report = draft_report(actor=scene["pm"], approach=scene["approach"])
    c1a2 = row(report.annex, "C1.a.2")
    # proposed from the exact 5 of 6 (83%); the words show only the side of 80% and the counts rounded (issue 12 §5)
    assert c1a2.proposal.outcome == Outcome.MET and "80% of meer" in c1a2.proposal.reason
    assert "5 van de 5 gezinnen voldoen (100%, afgerond)" in c1a2.evidence[0]
    assert report.families == 6 and report.families_shown == "5"  # the inspector reads it rounded (issue 12 §5)
    assert report.annex_counts.total == 33 and report.factsheet_counts.total == 30
    b3a1 = row(report.factsheet, "B3.a.1")  # only policy documents show it: no proposal from the data
    assert b3a1.proposal.outcome == Outcome.UNKNOWN and b3a1.evidence

    families(scene, referred=0, not_referred=1)  # 5 of 7: 71%
    c1a2 = row(draft_report(actor=scene["pm"], approach=scene["approach"]).annex, "C1.a.2")
    assert c1a2.proposal.outcome == Outcome.NOT_MET
    assert any("In dit traject is geen aanmelding vastgelegd" in line for line in c1a2.evidence)  # the words


@pytest.mark.django_db
def test_the_page_and_the_pdf_are_for_who_sees_the_self_assessment_and_name_no_family(scene, client) -> None:
    families(scene, referred=5, not_referred=0)
    url = reverse("reports:draft", args=[scene["approach"].pk])
    client.force_login(scene["coordinator"])
    assert client.get(url).status_code == 404
    assert client.get(reverse("reports:draft_pdf", args=[scene["approach"].pk])).status_code == 404
    client.force_login(scene["pm"])
    response = client.get(url)
    page = response.content.decode()
    assert "ZELFEVALUATIE, GEEN OORDEEL VAN DE INSPECTIE" in page
    assert "Conceptfactsheet: beleidsniveau" in page and "Conceptbijlage: casusniveau" in page
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert "Onderzoek op beleidsniveau starten" not in page  # the process manager cannot start one
    assert all(f.name not in page and f.reference not in page for f in scene["approach"].families.all())
    pdf = client.get(reverse("reports:draft_pdf", args=[scene["approach"].pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert "zelfevaluatie-zeldenbroek-sterk-gezin-" in pdf["Content-Disposition"]


@pytest.mark.django_db
def test_the_inspector_starts_an_inspection_from_it_once_per_level_and_year(scene, client) -> None:
    url = reverse("reports:draft_start_inspection", args=[scene["approach"].pk])
    client.force_login(scene["pm"])
    assert client.post(url, {"level": InspectionLevel.POLICY}).status_code == 404
    client.force_login(scene["inspector"])
    page = client.get(reverse("reports:draft", args=[scene["approach"].pk])).content.decode()
    assert "Onderzoek op casusniveau starten" in page
    response = client.post(url, {"level": InspectionLevel.CASE})
    inspection = Inspection.objects.get(approach=scene["approach"])
    assert inspection.level == InspectionLevel.CASE and inspection.year == timezone.localdate().year
    assert response["Location"] == reverse("inspections:detail", args=[inspection.pk])
    again = client.post(url, {"level": InspectionLevel.CASE}, follow=True)
    assert "al een onderzoek op dit niveau" in again.content.decode()
    assert Inspection.objects.filter(approach=scene["approach"]).count() == 1
    wrong = client.post(url, {"level": "bogus"}, follow=True)
    assert "Kies het niveau van het onderzoek" in wrong.content.decode()
