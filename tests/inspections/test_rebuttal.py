"""Hoor en wederhoor (inspections/services/rebuttal.py, views/rebuttal.py): the inspector sends the concept, the
municipality responds per finding within the term, the inspector answers and decides, and publication waits for
it; the exchange is kept and is the published report's appendix. On the inspection world of tests/worlds."""

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.inspections import selectors, services, workflow
from gezinsregie.inspections.models import (
    ConceptResponse,
    Finding,
    ImprovementPoint,
    Inspection,
    InspectionStatus,
    Rebuttal,
)
from gezinsregie.notifications.models import Notification
from gezinsregie.reports import publication
from tests.clock import FROZEN_NOW
from tests.worlds.inspections import InspectionWorld, judge_everything

pytestmark = pytest.mark.django_db
S = InspectionStatus
X_KEYS = ("B1.a.2", "B3.b.2")


@pytest.fixture
def judged(iw: InspectionWorld, judging_inspection: Inspection) -> Inspection:
    """The policy-level inspection with every indicator judged: two X's, the rest ✓."""
    judge_everything(iw.inspector, judging_inspection, lambda i: "improvement" if i.key in X_KEYS else "met")
    return judging_inspection


@pytest.fixture
def concept(iw: InspectionWorld, judged: Inspection) -> Inspection:
    """Its concept sent to the municipality today, with the default term of two weeks."""
    services.inspection_send_concept(actor=iw.inspector, inspection=judged)
    judged.refresh_from_db()
    return judged


def finding(inspection: Inspection, key: str) -> Finding:
    return inspection.findings.get(case_review__isnull=True, indicators__key=key)


def respond(
    iw: InspectionWorld, inspection: Inspection, key: str, stance: str = "disagree", text: str = "Klopt niet."
) -> ConceptResponse:
    return services.concept_respond(actor=iw.policy_officer, finding=finding(inspection, key), stance=stance, text=text)


# --- sending the concept -------------------------------------------------------------------------------------------


def test_only_a_complete_concept_goes_to_the_municipality(iw: InspectionWorld, judging_inspection: Inspection) -> None:
    with pytest.raises(ValidationError, match=r"Nog zonder oordeel: B1\.a\.1, .*Het concept gaat pas compleet"):
        services.inspection_send_concept(actor=iw.inspector, inspection=judging_inspection)
    judging_inspection.refresh_from_db()
    assert judging_inspection.status == S.JUDGING and not Rebuttal.objects.exists()


def test_sending_the_concept_notifies_the_municipalitys_policy_officers_only(
    iw: InspectionWorld, judged: Inspection, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):  # the e-mail leaves once the write is committed
        rebuttal = services.inspection_send_concept(actor=iw.inspector, inspection=judged, days=21)

    judged.refresh_from_db()
    assert judged.status == S.REBUTTAL
    assert (rebuttal.sent_on, rebuttal.days, rebuttal.sent_by) == (iw.today, 21, iw.inspector)
    assert list(Notification.objects.values_list("user", flat=True)) == [iw.policy_officer.pk]  # not Elders
    assert "uiterlijk 3 december 2025" in Notification.objects.get().message
    assert [m.to for m in mail.outbox] == [[iw.policy_officer.email]]
    assert AccessLogEntry.objects.filter(action="inspection.send_concept", family_id__isnull=True).count() == 1
    with pytest.raises(ValidationError, match="Een oordeel geven kan niet meer: het onderzoek is hoor en wederhoor"):
        services.finding_save(
            actor=iw.inspector, inspection=judged, indicators=iw.policy_indicators()[:1], judgement="met", text="x"
        )


def test_the_concept_is_sent_once_with_a_sensible_term_and_only_by_its_inspectorate(
    iw: InspectionWorld, judged: Inspection
) -> None:
    for wrong in (3, 60):
        with pytest.raises(ValidationError) as refused:
            services.inspection_send_concept(actor=iw.inspector, inspection=judged, days=wrong)
        assert refused.value.message_dict == {"days": ["Kies een termijn van 7 tot en met 42 dagen."]}
    with pytest.raises(PermissionDenied):
        services.inspection_send_concept(actor=iw.other_inspector, inspection=judged)
    with pytest.raises(ValidationError, match="via inspection_send_concept"):
        services.inspection_advance(actor=iw.inspector, inspection=judged, to=S.REBUTTAL)
    services.inspection_send_concept(actor=iw.inspector, inspection=judged)
    with pytest.raises(ValidationError, match="kan niet meer: het onderzoek is hoor en wederhoor"):
        services.inspection_send_concept(actor=iw.inspector, inspection=judged)


# --- the municipality responds ------------------------------------------------------------------------------------


def test_the_municipality_responds_per_finding_and_may_change_its_response(
    iw: InspectionWorld, concept: Inspection
) -> None:
    agreed = respond(iw, concept, "B1.a.1", stance="agree", text="")
    response = respond(iw, concept, "B1.a.2", text="Wij hebben sinds dit jaar zicht op de wijken.")
    again = respond(iw, concept, "B1.a.2", text="Sinds maart zien wij de populatie per wijk.")

    assert again.pk == response.pk and again.text == "Sinds maart zien wij de populatie per wijk."
    assert (agreed.stance, agreed.text) == ("agree", "")
    state = selectors.rebuttal_state(concept, today=iw.today)
    assert state is not None and (state.responses, state.unanswered, state.may_respond) == (2, 2, True)
    with pytest.raises(ValidationError) as refused:
        respond(iw, concept, "B3.b.2", text=" ")
    assert refused.value.message_dict == {
        "text": ["Schrijf op waarom de gemeente het niet eens is met deze bevinding."]
    }


@pytest.mark.parametrize("who", ["other_policy_officer", "inspector", "process_manager", "ggz_prof"])
def test_only_the_municipalitys_policy_officers_respond(iw: InspectionWorld, concept: Inspection, who: str) -> None:
    with pytest.raises(PermissionDenied):
        services.concept_respond(actor=getattr(iw, who), finding=finding(concept, "B1.a.1"), stance="agree")
    assert not ConceptResponse.objects.exists()


def test_nobody_responds_to_a_concept_that_was_not_sent(iw: InspectionWorld, judged: Inspection) -> None:
    with pytest.raises(PermissionDenied):
        services.concept_respond(actor=iw.policy_officer, finding=finding(judged, "B1.a.1"), stance="agree")


def test_a_response_after_the_term_is_refused_in_dutch(iw: InspectionWorld, concept: Inspection) -> None:
    with time_machine.travel(FROZEN_NOW + timedelta(days=15), tick=False), pytest.raises(ValidationError) as refused:
        respond(iw, concept, "B1.a.2")
    assert refused.value.messages == [
        "De termijn voor hoor en wederhoor is verstreken op 26 november 2025: reageren kan niet meer."
    ]
    with time_machine.travel(FROZEN_NOW + timedelta(days=14), tick=False):
        respond(iw, concept, "B1.a.2")  # the last day still counts


def test_when_the_municipality_is_done_it_responds_no_more_and_the_inspector_hears_of_it(
    iw: InspectionWorld, concept: Inspection
) -> None:
    respond(iw, concept, "B1.a.2")
    services.rebuttal_close(actor=iw.policy_officer, inspection=concept)

    assert Notification.objects.filter(user=iw.inspector).get().message.endswith("afgerond: 1 reactie.")
    for again in (
        lambda: respond(iw, concept, "B3.b.2"),
        lambda: services.rebuttal_close(actor=iw.policy_officer, inspection=concept),
    ):
        with pytest.raises(ValidationError, match="De gemeente heeft haar reactie op 12 november 2025 afgerond"):
            again()


# --- the inspector answers, publication waits -------------------------------------------------------------------


def test_publication_waits_while_the_term_runs(iw: InspectionWorld, concept: Inspection) -> None:
    with pytest.raises(
        ValidationError, match="De gemeente kan nog reageren op het concept, tot en met 26 november 2025"
    ):
        services.inspection_publish(actor=iw.inspector, inspection=concept)
    concept.refresh_from_db()
    assert concept.status == S.REBUTTAL and not ImprovementPoint.objects.exists()


def test_after_the_term_without_responses_the_inspector_publishes(iw: InspectionWorld, concept: Inspection) -> None:
    with time_machine.travel(FROZEN_NOW + timedelta(days=15), tick=False):
        services.inspection_publish(actor=iw.inspector, inspection=concept)
    concept.refresh_from_db()
    assert concept.status == S.PUBLISHED
    assert ImprovementPoint.objects.filter(finding__inspection=concept).count() == 2
    report = publication.build(concept)
    assert report.rebuttal is not None and report.rebuttal.entries == ()


def test_every_response_is_answered_before_publication_and_a_change_is_applied(
    iw: InspectionWorld, concept: Inspection
) -> None:
    kept = respond(iw, concept, "B1.a.2", text="Wij zien de wijken wel.")
    changed = respond(iw, concept, "B3.b.2", text="De doorzettingsmacht staat in het convenant van 2025.")
    services.rebuttal_close(actor=iw.policy_officer, inspection=concept)
    with pytest.raises(ValidationError, match="Nog 2 reacties van de gemeente zonder antwoord"):
        services.inspection_publish(actor=iw.inspector, inspection=concept)

    services.concept_response_answer(
        actor=iw.inspector, response=kept, decision="kept", answer="De wijkcijfers ontbraken bij het onderzoek."
    )
    services.concept_response_answer(
        actor=iw.inspector,
        response=changed,
        decision="changed",
        answer="Het convenant regelt de doorzettingsmacht; de bevinding is aangepast.",
        judgement="met",
        text="De doorzettingsmacht van de regisseur is geregeld in het convenant.",
    )
    x = finding(concept, "B3.b.2")
    assert (x.judgement, x.text) == ("met", "De doorzettingsmacht van de regisseur is geregeld in het convenant.")
    changed.refresh_from_db()
    assert (changed.judgement_before, changed.text_before) == ("improvement", "Bevinding bij B3.b.2: improvement")

    services.inspection_publish(actor=iw.inspector, inspection=concept)

    points = ImprovementPoint.objects.filter(finding__inspection=concept)
    assert [p.finding.indicators.get().key for p in points] == ["B1.a.2"]  # the changed X is no point any more
    report = publication.build(concept)
    assert report.rebuttal is not None
    assert [(e.indicators, e.agrees, e.changed) for e in report.rebuttal.entries] == [
        (("B1.a.2",), False, False),
        (("B3.b.2",), False, True),
    ]
    assert report.rebuttal.entries[1].text_before[0].lines == ("Bevinding bij B3.b.2: improvement",)


def test_an_answer_is_final_and_a_wrong_one_changes_nothing(iw: InspectionWorld, concept: Inspection) -> None:
    response = respond(iw, concept, "B1.a.2")
    with pytest.raises(ValidationError) as refused:
        services.concept_response_answer(
            actor=iw.inspector, response=response, decision="changed", answer="Aangepast.", judgement="met", text=""
        )
    assert refused.value.message_dict == {"text": ["Schrijf de aangepaste bevinding."]}
    assert finding(concept, "B1.a.2").judgement == "improvement"
    response.refresh_from_db()
    assert not response.is_answered
    with pytest.raises(PermissionDenied):
        services.concept_response_answer(actor=iw.other_inspector, response=response, decision="kept", answer="x")
    with pytest.raises(PermissionDenied):
        services.concept_response_answer(actor=iw.policy_officer, response=response, decision="kept", answer="x")

    services.concept_response_answer(actor=iw.inspector, response=response, decision="kept", answer="Blijft.")
    with pytest.raises(ValidationError, match=r"Deze reactie is al beantwoord\."):
        services.concept_response_answer(actor=iw.inspector, response=response, decision="kept", answer="Toch.")
    with pytest.raises(ValidationError, match="De inspectie heeft deze reactie al beantwoord"):
        respond(iw, concept, "B1.a.2", text="Nog een keer.")


def test_a_case_level_concept_holds_only_the_approachs_findings(
    iw: InspectionWorld, case_inspection: Inspection
) -> None:
    review = services.case_review_add(actor=iw.inspector, inspection=case_inspection, family=iw.families["mandated"])
    services.inspection_advance(actor=iw.inspector, inspection=case_inspection, to=S.JUDGING)
    indicator = selectors.indicators_of(case_inspection)[0]
    services.case_findings_save(actor=iw.inspector, case_review=review, judgements=[(indicator, "met", "Gezin A")])
    judge_everything(iw.inspector, case_inspection)
    services.inspection_send_concept(actor=iw.inspector, inspection=case_inspection)
    family_finding = Finding.objects.get(case_review=review)

    with pytest.raises(ValidationError, match="Deze bevinding staat niet in het concept"):
        services.concept_respond(actor=iw.policy_officer, finding=family_finding, stance="agree")
    assert selectors.concept_finding(case_inspection, family_finding.pk) is None
    assert len(selectors.exchange(case_inspection)) == len(selectors.indicators_of(case_inspection))


# --- the screens ---------------------------------------------------------------------------------------------------


def test_the_inspector_sends_the_concept_on_its_page(iw: InspectionWorld, judged: Inspection) -> None:
    client = iw.client_for(iw.inspector)
    detail = client.get(reverse("inspections:detail", args=[judged.pk])).content.decode()
    assert "Concept voorleggen aan de gemeente (hoor en wederhoor)" in detail
    url = reverse("inspections:concept_send", args=[judged.pk])
    page = client.get(url).content.decode()
    assert "Bea Beleid" in page and 'value="14"' in page

    response = client.post(url, {"days": "14"}, follow=True)

    assert (
        "Het concept is naar de gemeente gestuurd. Zij kan reageren tot en met 26 november 2025."
        in response.content.decode()
    )
    publish = client.get(reverse("inspections:publish", args=[judged.pk])).content.decode()
    assert "De gemeente kan nog reageren op het concept" in publish and "Definitief publiceren" not in publish


def test_the_municipality_sees_the_concept_responds_and_finishes(iw: InspectionWorld, concept: Inspection) -> None:
    client = iw.client_for(iw.policy_officer)
    index = client.get(reverse("inspections:index")).content.decode()
    assert "Concepten voor hoor en wederhoor" in index
    page = client.get(reverse("inspections:rebuttal", args=[concept.pk])).content.decode()
    assert "CONCEPT" in page and "De gemeente kan reageren tot en met 26 november 2025." in page
    report = client.get(reverse("reports:factsheet", args=[concept.pk])).content.decode()
    assert "voorgelegd aan de gemeente voor hoor en wederhoor" in report
    x = finding(concept, "B1.a.2")
    url = reverse("inspections:concept_respond", args=[concept.pk, x.pk])

    refused = client.post(url, {"stance": "disagree", "text": ""})
    assert "Schrijf op waarom de gemeente het niet eens is" in refused.content.decode()
    done = client.post(url, {"stance": "disagree", "text": "Wij zien de wijken."}, follow=True)
    assert "Uw reactie op de bevinding is opgeslagen." in done.content.decode()
    assert "Wij zien de wijken." in done.content.decode()
    closed = client.post(reverse("inspections:rebuttal_close", args=[concept.pk]), follow=True).content.decode()
    assert "Uw reactie is afgerond" in closed and "De gemeente heeft haar reactie afgerond op" in closed
    assert client.get(url).status_code == 200  # still readable …
    after = client.post(url, {"stance": "agree", "text": ""})  # … but no longer changed
    assert "De gemeente heeft haar reactie op 12 november 2025 afgerond" in after.content.decode()


def test_the_inspector_answers_on_the_page_and_then_publishes(iw: InspectionWorld, concept: Inspection) -> None:
    response = respond(iw, concept, "B3.b.2", text="Het convenant regelt het.")
    services.rebuttal_close(actor=iw.policy_officer, inspection=concept)
    client = iw.client_for(iw.inspector)
    page = client.get(reverse("inspections:rebuttal", args=[concept.pk])).content.decode()
    assert "Nog 1 reactie van de gemeente zonder antwoord" in page
    url = reverse("inspections:response_answer", args=[concept.pk, response.pk])
    data = {"decision": "changed", "answer": "Klopt.", "judgement": "", "text": "Geregeld in het convenant."}

    answered = client.post(url, data, follow=True).content.decode()

    assert "Uw antwoord aan de gemeente is vastgelegd." in answered and "Naar publiceren" in answered
    assert finding(concept, "B3.b.2").judgement == "improvement"  # "ongewijzigd": only the text changed
    assert finding(concept, "B3.b.2").text == "Geregeld in het convenant."
    client.post(reverse("inspections:publish", args=[concept.pk]))
    concept.refresh_from_db()
    assert workflow.is_published(concept)
    nota = client.get(reverse("reports:factsheet", args=[concept.pk])).content.decode()
    assert "Hoor en wederhoor" in nota and "Het convenant regelt het." in nota


@pytest.mark.parametrize("who", ["other_policy_officer", "process_manager", "other_inspector"])
def test_the_exchange_is_404_for_anyone_else(iw: InspectionWorld, concept: Inspection, who: str) -> None:
    client = iw.client_for(getattr(iw, who))
    x = finding(concept, "B1.a.2")
    assert client.get(reverse("inspections:rebuttal", args=[concept.pk])).status_code == 404
    assert client.get(reverse("inspections:concept_respond", args=[concept.pk, x.pk])).status_code == 404
    assert client.post(reverse("inspections:rebuttal_close", args=[concept.pk])).status_code == 404
    assert client.get(reverse("reports:factsheet", args=[concept.pk])).status_code == 404
