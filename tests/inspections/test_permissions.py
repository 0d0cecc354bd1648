"""Who sees what of an inspection, through the pages: missing and forbidden both answer 404."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gezinsregie import policy
from gezinsregie.inspections import selectors, services
from gezinsregie.inspections.models import Inspection, InspectionStatus
from tests.worlds.inspections import InspectionWorld, judge_everything, respondent_of

pytestmark = pytest.mark.django_db
S = InspectionStatus


def url(name: str, *args: object) -> str:
    return reverse(f"inspections:{name}", args=args)


def test_a_respondent_never_sees_another_respondents_answers(iw: InspectionWorld, open_inspection: Inspection) -> None:
    police, ggz = respondent_of(open_inspection, iw.police), respondent_of(open_inspection, iw.ggz)
    first = selectors.indicators_of(open_inspection)[0]
    services.answers_save(
        actor=iw.ggz_prof,
        respondent=ggz,
        answers=[
            services.AnswerInput(
                first, "no", "Vertrouwelijke toelichting van de GGZ", SimpleUploadedFile("ggz.pdf", b"%PDF")
            )
        ],
    )
    answer = ggz.answers.get()
    client = iw.client_for(iw.police_prof)

    assert client.get(url("questionnaire", police.pk)).status_code == 200
    assert "Vertrouwelijke toelichting" not in client.get(url("questionnaire", police.pk)).content.decode()
    assert client.get(url("questionnaire", ggz.pk)).status_code == 404
    assert client.post(url("questionnaire", ggz.pk), {f"waarde_{first.pk}": "yes", "opslaan": "1"}).status_code == 404
    assert client.get(url("answer_document", answer.pk)).status_code == 404
    for page in ("detail", "judge", "result", "invite", "publish", "case_select"):
        assert client.get(url(page, open_inspection.pk)).status_code == 404, page
    assert ggz.answers.get().value == "no"
    # the GGZ itself can fetch its document; the inspector only once it is submitted
    assert iw.client_for(iw.ggz_prof).get(url("answer_document", answer.pk)).status_code == 200
    assert iw.client_for(iw.inspector).get(url("answer_document", answer.pk)).status_code == 404
    ggz.answers.exclude(pk=answer.pk).delete()
    for indicator in selectors.indicators_of(open_inspection)[1:]:
        services.answers_save(actor=iw.ggz_prof, respondent=ggz, answers=[services.AnswerInput(indicator, "yes")])
    services.questionnaire_submit(actor=iw.ggz_prof, respondent=ggz)
    response = iw.client_for(iw.inspector).get(url("answer_document", answer.pk))
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF"  # type: ignore[attr-defined]


def test_respondents_see_their_questionnaire_only_while_it_is_open(
    iw: InspectionWorld, open_inspection: Inspection
) -> None:
    respondent = respondent_of(open_inspection, iw.gemeente)
    assert iw.client_for(iw.policy_officer).get(url("questionnaire", respondent.pk)).status_code == 200
    assert iw.client_for(iw.process_manager).get(url("questionnaire", respondent.pk)).status_code == 200
    assert iw.client_for(iw.privacy_officer).get(url("questionnaire", respondent.pk)).status_code == 404
    services.inspection_advance(actor=iw.inspector, inspection=open_inspection, to=S.JUDGING)
    assert iw.client_for(iw.policy_officer).get(url("questionnaire", respondent.pk)).status_code == 404


def test_the_policy_officer_sees_only_published_inspections_of_its_own_municipality(
    iw: InspectionWorld, judging_inspection: Inspection
) -> None:
    officer, elsewhere = iw.client_for(iw.policy_officer), iw.client_for(iw.other_policy_officer)
    for page in ("detail", "result", "judge"):
        assert officer.get(url(page, judging_inspection.pk)).status_code == 404, page
    assert not policy.inspections_for(iw.policy_officer, policy.Permission.VIEW_INSPECTION).exists()

    judge_everything(iw.inspector, judging_inspection, lambda i: "improvement" if i.key == "B1.a.2" else "met")
    services.inspection_publish(actor=iw.inspector, inspection=judging_inspection)

    assert officer.get(url("result", judging_inspection.pk)).status_code == 200
    assert officer.get(url("detail", judging_inspection.pk))["Location"] == url("result", judging_inspection.pk)
    for page in ("judge", "publish", "invite", "case_select"):
        assert officer.get(url(page, judging_inspection.pk)).status_code == 404, page
    assert 'href="/toezicht/"' in officer.get("/").content.decode()  # the nav item
    point = selectors.points_for(iw.policy_officer).get()
    assert officer.get(url("point", point.pk)).status_code == 200
    # another municipality sees nothing of it
    assert elsewhere.get(url("result", judging_inspection.pk)).status_code == 404
    assert elsewhere.get(url("point", point.pk)).status_code == 404
    assert elsewhere.get(url("index")).status_code == 404
    assert 'href="/toezicht/"' not in elsewhere.get("/").content.decode()


def test_another_inspectorate_sees_nothing_of_it(iw: InspectionWorld, judging_inspection: Inspection) -> None:
    client = iw.client_for(iw.other_inspector)
    for page in ("detail", "result", "judge", "publish", "invite"):
        assert client.get(url(page, judging_inspection.pk)).status_code == 404, page
    assert client.post(url("advance", judging_inspection.pk), {"naar": "open"}).status_code == 404
    assert client.get(url("index")).status_code == 200  # it may start its own
    assert judging_inspection.title not in client.get(url("index")).content.decode()


def test_nobody_without_a_part_in_it_gets_the_toezicht_pages(iw: InspectionWorld, open_inspection: Inspection) -> None:
    client = iw.client_for(iw.privacy_officer)
    assert client.get(url("index")).status_code == 404
    assert client.get(url("create")).status_code == 404
    assert client.get(url("points")).status_code == 404
    assert 'href="/toezicht/"' not in client.get("/").content.decode()
    respondent_client = iw.client_for(iw.police_prof)
    assert 'href="/toezicht/"' in respondent_client.get("/").content.decode()
    assert respondent_client.get(url("create")).status_code == 404
