"""The inspection pages through the test client: the policy-level flow, the case-level flow, the follow-up."""

import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.inspections import selectors, services
from gezinsregie.inspections.models import (
    CaseReview,
    Finding,
    ImprovementPoint,
    Inspection,
    InspectionStatus,
    Interview,
    PointStatus,
)
from tests.worlds.inspections import (
    YEAR,
    InspectionWorld,
    answer_everything,
    judge_everything,
    respondent_of,
)

pytestmark = pytest.mark.django_db
S = InspectionStatus
MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
]
MONTHS += ["december"]


def url(name: str, *args: object) -> str:
    return reverse(f"inspections:{name}", args=args)


def html(response: object) -> str:
    return response.content.decode()  # type: ignore[attr-defined]


def text(response: object) -> str:
    """The page as words, without tags and with single spaces."""
    return " ".join(re.sub(r"<[^>]+>", " ", html(response)).split())


def strict_csp(page: str) -> None:
    assert "<script>" not in page and " style=" not in page and "<style" not in page


# --- policy level -------------------------------------------------------------------------------------------------


def test_the_policy_level_flow_from_opening_to_publication(iw: InspectionWorld) -> None:
    inspector = iw.client_for(iw.inspector)
    page = html(inspector.get(url("index")))
    assert "Nieuw toezichtonderzoek" in page and 'href="/toezicht/"' in page  # the nav item
    response = inspector.post(url("create"), {"approach": iw.approach.pk, "level": "policy", "year": YEAR, "title": ""})
    inspection = Inspection.objects.get()
    assert response.status_code == 302 and response["Location"] == url("detail", inspection.pk)

    page = text(inspector.get(url("invite", inspection.pk)))
    assert "Gemeente Testdam" in page and "Politie Testdam" in page and "STJ test" not in page
    organisations = [iw.gemeente.pk, iw.police.pk, iw.ggz.pk, iw.debts.pk]
    assert inspector.post(url("invite", inspection.pk), {"organisations": organisations}).status_code == 302
    assert inspector.post(url("advance", inspection.pk), {"naar": "open"}).status_code == 302
    inspection.refresh_from_db()
    assert inspection.status == S.OPEN

    # the municipality saves halfway (with a document), then submits
    municipality = respondent_of(inspection, iw.gemeente)
    client = iw.client_for(iw.policy_officer)
    page = html(client.get(url("index")))
    assert url("questionnaire", municipality.pk) in page and "nog niet ingediend" in page
    indicators = selectors.indicators_of(inspection)
    first = indicators[0]
    response = client.post(
        url("questionnaire", municipality.pk),
        {
            f"waarde_{first.pk}": "yes",
            f"toelichting_{first.pk}": "Wij hanteren de STJ-definitie.",
            f"document_{first.pk}": SimpleUploadedFile("nota.pdf", b"%PDF nota"),
            "opslaan": "1",
        },
    )
    assert response.status_code == 302
    page = text(client.get(url("questionnaire", municipality.pk)))
    assert "1 van 30 indicatoren beantwoord." in page and "nota" in page
    data = {f"waarde_{i.pk}": "yes" for i in indicators} | {"indienen": "1"}
    data[f"toelichting_{first.pk}"] = "Wij hanteren de STJ-definitie."  # the browser sends what is in the box
    del data[f"waarde_{indicators[5].pk}"]
    page = text(client.post(url("questionnaire", municipality.pk), data))
    assert f"Nog niet beantwoord: {indicators[5].key}" in page
    data[f"waarde_{indicators[5].pk}"] = "partly"
    assert client.post(url("questionnaire", municipality.pk), data).status_code == 302
    page = text(client.get(url("questionnaire", municipality.pk)))
    assert "Ingediend op" in page and "Wij hanteren de STJ-definitie." in page and "Indienen" not in page

    # three partners; the police disagrees on the first indicator
    for organisation, actor in ((iw.police, iw.police_prof), (iw.ggz, iw.ggz_prof), (iw.debts, iw.debts_coord)):
        respondent = respondent_of(inspection, organisation)
        answers = {f"waarde_{i.pk}": "yes" for i in indicators} | {"indienen": "1"}
        if organisation == iw.police:
            answers[f"waarde_{first.pk}"] = "no"
            answers[f"toelichting_{first.pk}"] = "Wij kennen geen gedeelde omschrijving."
        assert iw.client_for(actor).post(url("questionnaire", respondent.pk), answers).status_code == 302
    assert inspector.post(url("advance", inspection.pk), {"naar": "judging"}).status_code == 302

    page = text(inspector.get(url("judge", inspection.pk)))
    assert "Verschil van mening: De gemeente zegt ja, 2 van 3 netwerkpartners zeggen ja en 1 zegt nee." in page
    assert "Wij kennen geen gedeelde omschrijving." in page
    strict_csp(html(inspector.get(url("judge", inspection.pk))))

    # a group finding with a LET OP note, from the indicator's link
    planmatig = [i for i in indicators if i.criterion.name == "Planmatig"]
    form_page = html(inspector.get(url("finding_add", inspection.pk) + f"?indicator={planmatig[3].pk}"))
    assert form_page.count('name="indicators"') == len(planmatig)  # the criterion's indicators only
    response = inspector.post(
        url("finding_add", inspection.pk),
        {
            "indicator_start": planmatig[3].pk,
            "indicators": [i.pk for i in planmatig[3:]],
            "judgement": "met",
            "text": "De resultaten worden jaarlijks besproken.",
            "notes": "LET OP: niet specifiek voor GGSR.\n\nEén partner weet van niets.",
        },
    )
    assert response.status_code == 302
    finding = Finding.objects.get()
    assert [n.text for n in finding.notes.all()] == ["niet specifiek voor GGSR.", "Eén partner weet van niets."]
    # without a text an X is refused, with everything typed kept
    page = text(
        inspector.post(
            url("finding_add", inspection.pk),
            {"indicator_start": first.pk, "indicators": [first.pk], "judgement": "improvement", "text": ""},
        )
    )
    assert "Licht het oordeel toe" in page

    page = text(inspector.get(url("publish", inspection.pk)))
    assert "Nog zonder oordeel: B1.a.1" in page
    judge_everything(iw.inspector, inspection, lambda i: "improvement" if i.key == "B1.a.1" else "met")
    assert "1 verbeterpunt komt op de lijst" in text(inspector.get(url("publish", inspection.pk)))
    response = inspector.post(url("publish", inspection.pk))
    assert response.status_code == 302 and response["Location"] == url("result", inspection.pk)

    # the municipality sees the factsheet, not the answers
    result = client.get(url("result", inspection.pk))
    page = text(result)
    assert "Uitkomsten toezichtonderzoek Testdam" in page
    assert "verbeterpunt Bevinding bij B1.a.1: improvement" in page
    assert "Let op: niet specifiek voor GGSR." in page
    assert "Wij kennen geen gedeelde omschrijving." not in page
    strict_csp(html(result))
    assert ImprovementPoint.objects.get().finding.indicators.get() == first


def test_the_finding_form_edits_and_deletes(iw: InspectionWorld, judging_inspection: Inspection) -> None:
    inspector = iw.client_for(iw.inspector)
    first = selectors.indicators_of(judging_inspection)[0]
    finding = services.finding_save(
        actor=iw.inspector,
        inspection=judging_inspection,
        indicators=[first],
        judgement="met",
        text="Voldoet.",
        notes=["a"],
    )
    page = html(inspector.get(url("finding_edit", judging_inspection.pk, finding.pk)))
    assert "Voldoet." in page and "Bevinding verwijderen" in page
    # asking to judge an indicator that has a finding already leads to that finding
    response = inspector.get(url("finding_add", judging_inspection.pk) + f"?indicator={first.pk}")
    assert response["Location"] == url("finding_edit", judging_inspection.pk, finding.pk)
    response = inspector.post(
        url("finding_edit", judging_inspection.pk, finding.pk),
        {"indicators": [first.pk], "judgement": "improvement", "text": "Toch niet.", "notes": ""},
    )
    assert response.status_code == 302
    finding.refresh_from_db()
    assert finding.judgement == "improvement" and not finding.notes.exists()
    inspector.post(url("finding_edit", judging_inspection.pk, finding.pk), {"verwijderen": "1"})
    assert not Finding.objects.exists()


# --- case level ----------------------------------------------------------------------------------------------------


def test_the_case_level_flow_with_a_pseudonymised_case(iw: InspectionWorld, case_inspection: Inspection) -> None:
    inspector = iw.client_for(iw.inspector)
    page = text(inspector.get(url("case_select", case_inspection.pk)))
    # The two mandated families by opaque label and status; no reference at all (issue 12 §4).
    assert page.count("Kandidaat ") == 4  # each in the table and as a choice of the form
    for hidden in ("GR-INS-1", "GR-INS-2", "GR-INS-3", "GR-INS-4", "GR-INS-5", "GR-INS-6"):
        assert hidden not in page
    mandated = iw.families["mandated"]
    response = inspector.post(url("case_select", case_inspection.pk), {"family": mandated.pk})
    review = CaseReview.objects.get()
    assert response["Location"] == url("case_review", case_inspection.pk, review.pk)

    before = AccessLogEntry.objects.filter(action="family.inspect", family_id=mandated.pk).count()
    response = inspector.get(url("case_review", case_inspection.pk, review.pk))
    page = text(response)
    assert "Gezin A" in page and "Gepseudonimiseerd" in page
    assert "Ouder 1" in page and "Kind 1 (" in page
    assert "Ouder 1 heeft schulden bij zes schuldeisers" in page
    assert "iemand uit het netwerk" in page
    strict_csp(html(response))
    entry = AccessLogEntry.objects.filter(action="family.inspect", family_id=mandated.pk).latest("at")
    assert AccessLogEntry.objects.filter(action="family.inspect", family_id=mandated.pk).count() == before + 1
    assert entry.username == "inspecteur" and entry.role == "inspecteur" and entry.family_reference == "GR-INS-1"

    held = (iw.today - timedelta(days=2)).isoformat()
    response = inspector.post(
        url("case_review", case_inspection.pk, review.pk),
        {
            "gesprek": "1",
            "kind": "family",
            "held_on": held,
            "interviewee": "",
            "summary": "Het gezin voelt zich gehoord.",
        },
    )
    assert response.status_code == 302 and Interview.objects.get().summary == "Het gezin voelt zich gehoord."
    response = inspector.post(
        url("case_review", case_inspection.pk, review.pk),
        {"plan": "1", "plan_reviewed": "on", "plan_review": "Het plan is actueel; doelen bij alle problemen."},
    )
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.plan_reviewed and review.plan_review.startswith("Het plan is actueel")

    inspector.post(url("advance", case_inspection.pk), {"naar": "judging"})
    indicators = selectors.indicators_of(case_inspection)
    data = {f"oordeel_{i.pk}": "met" for i in indicators[:3]} | {f"bevinding_{indicators[0].pk}": "Zware problemen."}
    response = inspector.post(url("case_judge", case_inspection.pk, review.pk), data)
    assert response.status_code == 302
    assert Finding.objects.filter(case_review=review).count() == 3
    page = text(inspector.get(url("judge", case_inspection.pk)))
    assert "Gezin A ✓ voldoet Zware problemen." in page


def test_a_family_without_mandate_is_refused_also_by_a_crafted_post(
    iw: InspectionWorld, case_inspection: Inspection
) -> None:
    inspector = iw.client_for(iw.inspector)
    for name in ("unmandated", "expired", "elsewhere", "other_approach"):
        response = inspector.post(url("case_select", case_inspection.pk), {"family": iw.families[name].pk})
        assert response.status_code == 200
        assert "Selecteer een geldige keuze" in text(response)
    assert not CaseReview.objects.exists()
    assert not AccessLogEntry.objects.filter(action="family.inspect").exists()


def test_an_expired_mandate_closes_a_selected_case(iw: InspectionWorld, case_inspection: Inspection) -> None:
    review = services.case_review_add(actor=iw.inspector, inspection=case_inspection, family=iw.families["mandated"])
    iw.families["mandated"].mandates.update(
        expires_on=iw.today - timedelta(days=1), granted_on=iw.today - timedelta(days=30)
    )
    inspector = iw.client_for(iw.inspector)
    assert inspector.get(url("case_review", case_inspection.pk, review.pk)).status_code == 404
    response = inspector.post(
        url("case_review", case_inspection.pk, review.pk),
        {"gesprek": "1", "kind": "family", "held_on": iw.today.isoformat(), "summary": "x"},
    )
    assert response.status_code == 404 and not Interview.objects.exists()


def test_no_name_address_or_birth_date_on_the_pseudonymised_page(
    iw: InspectionWorld, case_inspection: Inspection
) -> None:
    review = services.case_review_add(actor=iw.inspector, inspection=case_inspection, family=iw.families["mandated"])
    page = html(iw.client_for(iw.inspector).get(url("case_review", case_inspection.pk, review.pk)))
    family = iw.families["mandated"]
    forbidden = ["Sanne", "Noah", "de Vries", "De Vries", family.name, family.address, "Lindelaan", "GR-INS-1", "Truus"]
    for member in family.members.all():
        b = member.birth_date
        forbidden += [
            b.isoformat(),
            f"{b:%d-%m-%Y}",
            f"{b.day}-{b.month}-{b.year}",
            f"{b.day} {MONTHS[b.month - 1]} {b.year}",
        ]
    for value in forbidden:
        assert value not in page, value


def test_a_full_mandate_shows_the_names(iw: InspectionWorld, case_inspection: Inspection) -> None:
    full = iw.families["full"]
    review = services.case_review_add(actor=iw.inspector, inspection=case_inspection, family=full)
    page = text(iw.client_for(iw.inspector).get(url("case_review", case_inspection.pk, review.pk)))
    assert "Gezin Bakker" in page and "Molenstraat 7" in page and "Volledige inzage" in page


# --- follow-up --------------------------------------------------------------------------------------------------------


def test_points_reports_and_the_zwolle_page(iw: InspectionWorld) -> None:
    def run(year: int, improvements: set[str]) -> Inspection:
        inspection = services.inspection_create(actor=iw.inspector, approach=iw.approach, level="policy", year=year)
        services.respondents_invite(actor=iw.inspector, inspection=inspection, organisations=[iw.gemeente])
        services.inspection_advance(actor=iw.inspector, inspection=inspection, to=S.OPEN)
        answer_everything(iw.policy_officer, respondent_of(inspection, iw.gemeente))
        services.inspection_advance(actor=iw.inspector, inspection=inspection, to=S.JUDGING)
        judge_everything(iw.inspector, inspection, lambda i: "improvement" if i.key in improvements else "met")
        return inspection

    earlier = run(2013, {"B1.a.2", "B3.b.2"})
    services.inspection_publish(actor=iw.inspector, inspection=earlier)
    client = iw.client_for(iw.policy_officer)
    page = text(client.get(url("points")))
    assert "Gezinsaanpak Testdam" in page and "De gemeente heeft zicht op de populatie GGSR" in page
    assert "nog geen eigenaar" in page
    point = ImprovementPoint.objects.get(finding__indicators__key="B1.a.2")
    response = client.post(
        url("point", point.pk),
        {"melding": "1", "reported_on": iw.today.isoformat(), "text": "Wijkteams maken een wijkanalyse."},
    )
    assert response.status_code == 302
    response = client.post(url("point", point.pk), {"punt": "1", "owner": iw.policy_officer.pk, "due_on": "2030-01-31"})
    assert response.status_code == 302
    point.refresh_from_db()
    assert point.status == PointStatus.IN_PROGRESS and point.owner == iw.policy_officer
    # the inspector sees the point and the report, but does not report
    inspector = iw.client_for(iw.inspector)
    page = text(inspector.get(url("point", point.pk)))
    assert "Wijkteams maken een wijkanalyse." in page and "Melding opslaan" not in page
    assert (
        inspector.post(url("point", point.pk), {"melding": "1", "reported_on": "2024-01-01", "text": "x"}).status_code
        == 404
    )

    later = run(2014, {"B3.b.2"})
    page = text(inspector.get(url("judge", later.pk)))
    assert "Verbeterpunt uit 2013: X verbeterpunt Bevinding bij B1.a.2: improvement" in page
    services.inspection_publish(actor=iw.inspector, inspection=later)
    point.refresh_from_db()
    assert point.status == PointStatus.RESOLVED
    response = client.get(url("comparison", later.pk))
    page = text(response)
    assert "Verbeterpunten uit 2013, opnieuw getoetst in 2014" in page
    assert (
        "De gemeente heeft zicht op de populatie GGSR X verbeterpunt Bevinding bij B1.a.2: improvement "
        "✓ voldoet Bevinding bij B1.a.2: met opgelost"
    ) in page
    assert "X verbeterpunt Bevinding bij B3.b.2: improvement X verbeterpunt Bevinding bij B3.b.2: improvement" in page
    strict_csp(html(response))
    assert "Uitkomsten verbeterpunten" in text(client.get(url("result", later.pk)))


def test_judging_a_family_shows_what_the_casework_data_says_without_dates(
    iw: InspectionWorld, case_inspection: Inspection
) -> None:
    inspector = iw.client_for(iw.inspector)
    inspector.post(url("case_select", case_inspection.pk), {"family": iw.families["mandated"].pk})
    review = CaseReview.objects.get()
    inspector.post(url("advance", case_inspection.pk), {"naar": "judging"})

    page = text(inspector.get(url("case_judge", case_inspection.pk, review.pk)))

    assert "Uit de casusgegevens" in page
    assert "een inspecteur kan het in een gesprek vaststellen" in page  # C4.a.4: the family was not asked yet
    assert re.search(r"(voldoet|voldoet niet|onbekend): ", page)  # computed indicators carry an outcome
    assert not re.search(r"\b\d{1,2}-\d{1,2}-\d{4}\b", page)  # pseudonymised: no exact dates
    assert Finding.objects.filter(case_review=review).count() == 0  # evidence only; the judgement is the inspector's
