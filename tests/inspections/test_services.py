"""The inspection services: the policy-level and case-level flow, the rules they enforce, the follow-up."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.inspections import selectors, services, workflow
from gezinsregie.inspections.models import (
    Answer,
    Finding,
    ImprovementPoint,
    Inspection,
    InspectionLevel,
    InspectionStatus,
    Interview,
    PointStatus,
    RespondentKind,
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


# --- creating and inviting --------------------------------------------------------------------------------------


def test_an_inspector_opens_an_inspection_of_any_approach(iw: InspectionWorld) -> None:
    inspection = services.inspection_create(
        actor=iw.inspector, approach=iw.other_approach, level=InspectionLevel.POLICY, year=YEAR
    )
    assert inspection.organisation == iw.inspectorate
    assert inspection.framework == iw.framework and inspection.status == S.DRAFT
    assert inspection.title == f"Aanpak Elders — beleidsniveau {YEAR}"
    assert AccessLogEntry.objects.filter(action="inspection.create", object_id=str(inspection.pk)).exists()


@pytest.mark.parametrize("who", ["policy_officer", "process_manager", "police_prof", "privacy_officer"])
def test_nobody_else_opens_an_inspection(iw: InspectionWorld, who: str) -> None:
    with pytest.raises(PermissionDenied):
        services.inspection_create(actor=getattr(iw, who), approach=iw.approach, level="policy", year=YEAR)


def test_one_inspection_per_approach_level_and_year(iw: InspectionWorld, open_inspection: Inspection) -> None:
    with pytest.raises(ValidationError) as refused:
        services.inspection_create(actor=iw.other_inspector, approach=iw.approach, level="policy", year=YEAR)
    assert "al een onderzoek" in str(refused.value)
    services.inspection_create(actor=iw.inspector, approach=iw.approach, level="case", year=YEAR)  # other level: fine


def test_respondents_are_the_municipality_and_partners_of_the_approach(
    iw: InspectionWorld, open_inspection: Inspection
) -> None:
    kinds = dict(open_inspection.respondents.values_list("organisation__name", "kind"))
    assert kinds == {
        "Gemeente Testdam": RespondentKind.MUNICIPALITY,
        "Politie Testdam": RespondentKind.PARTNER,
        "GGZ Testdam": RespondentKind.PARTNER,
        "Schuldhulp Testdam": RespondentKind.PARTNER,
    }
    with pytest.raises(ValidationError) as refused:
        services.respondents_invite(actor=iw.inspector, inspection=open_inspection, organisations=[iw.inspectorate])
    assert "Geen gemeente of netwerkpartner van deze aanpak: STJ test" in str(refused.value)


def test_the_questionnaire_opens_only_with_respondents(iw: InspectionWorld) -> None:
    inspection = services.inspection_create(actor=iw.inspector, approach=iw.approach, level="policy", year=YEAR)
    with pytest.raises(ValidationError, match="Nodig eerst"):
        services.inspection_advance(actor=iw.inspector, inspection=inspection, to=S.OPEN)
    with pytest.raises(ValidationError, match="kan niet naar"):
        services.inspection_advance(actor=iw.inspector, inspection=inspection, to=S.JUDGING)


def test_another_inspectorate_cannot_conduct_it(iw: InspectionWorld, open_inspection: Inspection) -> None:
    with pytest.raises(PermissionDenied):
        services.respondents_invite(actor=iw.other_inspector, inspection=open_inspection, organisations=[iw.gemeente])
    with pytest.raises(PermissionDenied):
        services.inspection_advance(actor=iw.other_inspector, inspection=open_inspection, to=S.JUDGING)


# --- the questionnaire -----------------------------------------------------------------------------------------


def test_a_respondent_saves_halfway_and_submits_complete(iw: InspectionWorld, open_inspection: Inspection) -> None:
    respondent = respondent_of(open_inspection, iw.gemeente)
    indicators = selectors.indicators_of(open_inspection)
    first, second = indicators[:2]
    document = SimpleUploadedFile("beleidsnota.pdf", b"%PDF-1.4 nota", content_type="application/pdf")
    services.answers_save(
        actor=iw.policy_officer,
        respondent=respondent,
        answers=[
            services.AnswerInput(first, "yes", "Wij hanteren de STJ-definitie.", document),
            services.AnswerInput(second, "", "Nog navragen bij de wijkteams."),
        ],
    )
    saved = {a.indicator_id: a for a in Answer.objects.filter(respondent=respondent)}
    assert saved[first.pk].value == "yes" and saved[first.pk].document_name.startswith("beleidsnota")
    assert saved[second.pk].value == "" and saved[second.pk].explanation == "Nog navragen bij de wijkteams."

    with pytest.raises(ValidationError) as incomplete:
        services.questionnaire_submit(actor=iw.policy_officer, respondent=respondent)
    assert f"Nog niet beantwoord: {second.key}" in str(incomplete.value)
    assert Answer.objects.filter(respondent=respondent).count() == 2  # nothing was lost

    answer_everything(iw.policy_officer, respondent)
    respondent.refresh_from_db()
    assert respondent.submitted_at is not None and respondent.submitted_by == iw.policy_officer
    assert Answer.objects.get(respondent=respondent, indicator=first).document  # a later save kept the document
    with pytest.raises((ValidationError, PermissionDenied)):
        services.answers_save(actor=iw.policy_officer, respondent=respondent, answers=[])


def test_a_respondent_answers_only_its_own_questionnaire(iw: InspectionWorld, open_inspection: Inspection) -> None:
    police = respondent_of(open_inspection, iw.police)
    for outsider in (iw.ggz_prof, iw.policy_officer, iw.inspector, iw.privacy_officer):
        with pytest.raises(PermissionDenied):
            services.answers_save(actor=outsider, respondent=police, answers=[])
    services.answers_save(actor=iw.police_prof, respondent=police, answers=[])


def test_answering_stops_when_the_questionnaire_closes(iw: InspectionWorld, open_inspection: Inspection) -> None:
    services.inspection_advance(actor=iw.inspector, inspection=open_inspection, to=S.JUDGING)
    with pytest.raises(PermissionDenied):
        answer_everything(iw.police_prof, respondent_of(open_inspection, iw.police))


# --- judging ----------------------------------------------------------------------------------------------------


def test_the_inspector_sees_the_answers_side_by_side_with_the_disagreement(
    iw: InspectionWorld, judging_inspection: Inspection
) -> None:
    row = selectors.judging_tree(judging_inspection)[0].criteria[0].rows[0]
    assert [r.organisation.name for r, _ in row.answers] == [
        "Gemeente Testdam",
        "GGZ Testdam",
        "Politie Testdam",
        "Schuldhulp Testdam",
    ]
    assert [a.value for _, a in row.answers if a] == ["yes", "yes", "no", "yes"]
    assert row.summary is not None and row.summary.disagreement
    assert row.summary.text == "De gemeente zegt ja, 2 van 3 netwerkpartners zeggen ja en 1 zegt nee."


def test_unsubmitted_answers_stay_with_the_respondent(iw: InspectionWorld, open_inspection: Inspection) -> None:
    answer_everything(iw.policy_officer, respondent_of(open_inspection, iw.gemeente), submit=False)
    answer_everything(iw.police_prof, respondent_of(open_inspection, iw.police), "no")
    row = selectors.judging_tree(open_inspection)[0].criteria[0].rows[0]
    assert [r.organisation for r, _ in row.answers] == [iw.police]
    assert row.summary is not None and row.summary.text == "De netwerkpartner zegt nee."


def test_a_finding_may_cover_a_group_of_one_criterion_with_let_op_notes(
    iw: InspectionWorld, judging_inspection: Inspection
) -> None:
    planmatig = [i for i in iw.policy_indicators() if i.criterion.name == "Planmatig"]
    finding = services.finding_save(
        actor=iw.inspector,
        inspection=judging_inspection,
        indicators=planmatig[3:],
        judgement="met",
        text="De resultaten worden bijgehouden en jaarlijks besproken.",
        notes=["Dit beleid is niet specifiek voor de groep GGSR."],
    )
    assert finding.indicators.count() == len(planmatig) - 3
    assert [n.text for n in finding.notes.all()] == ["Dit beleid is niet specifiek voor de groep GGSR."]
    rows = [r for theme in selectors.judging_tree(judging_inspection) for b in theme.criteria for r in b.rows]
    covered = [r for r in rows if r.finding == finding]
    assert [r.first_of_finding for r in covered] == [True] + [False] * (len(covered) - 1)

    with pytest.raises(ValidationError) as twice:
        services.finding_save(
            actor=iw.inspector,
            inspection=judging_inspection,
            indicators=planmatig[3:4],
            judgement="improvement",
            text="x",
        )
    assert "al een oordeel" in str(twice.value)
    other_criterion = next(i for i in iw.policy_indicators() if i.criterion.name != "Planmatig")
    with pytest.raises(ValidationError) as mixed:
        services.finding_save(
            actor=iw.inspector,
            inspection=judging_inspection,
            indicators=[planmatig[0], other_criterion],
            judgement="met",
            text="x",
        )
    assert "één criterium" in str(mixed.value)


def test_judging_needs_the_questionnaire_closed(iw: InspectionWorld, open_inspection: Inspection) -> None:
    with pytest.raises(ValidationError, match="Een oordeel geven kan niet meer"):
        services.finding_save(
            actor=iw.inspector,
            inspection=open_inspection,
            indicators=iw.policy_indicators()[:1],
            judgement="met",
            text="Voldoet.",
        )


def test_publishing_needs_every_indicator_and_turns_each_x_into_an_improvement_point(
    iw: InspectionWorld, judging_inspection: Inspection
) -> None:
    with pytest.raises(ValidationError, match=r"Nog zonder oordeel: B1\.a\.1"):
        services.inspection_publish(actor=iw.inspector, inspection=judging_inspection)
    judge_everything(
        iw.inspector, judging_inspection, lambda i: "improvement" if i.key in ("B1.a.2", "B3.b.2") else "met"
    )
    services.inspection_publish(actor=iw.inspector, inspection=judging_inspection)

    judging_inspection.refresh_from_db()
    assert judging_inspection.status == S.PUBLISHED and judging_inspection.published_at is not None
    points = ImprovementPoint.objects.filter(finding__inspection=judging_inspection)
    assert sorted(p.finding.indicators.get().key for p in points) == ["B1.a.2", "B3.b.2"]
    assert {p.due_on for p in points} == {iw.today + workflow.IMPROVEMENT_TERM}
    assert {p.status for p in points} == {PointStatus.OPEN}
    with pytest.raises(ValidationError):
        services.finding_delete(actor=iw.inspector, finding=points[0].finding)  # published: fixed


# --- case level --------------------------------------------------------------------------------------------------


def test_only_families_with_a_valid_mandate_for_this_inspectorate_can_be_selected(
    iw: InspectionWorld, case_inspection: Inspection
) -> None:
    offered = set(selectors.mandated_families(iw.inspector, case_inspection).values_list("reference", flat=True))
    assert offered == {"GR-INS-1", "GR-INS-2"}  # not: unmandated, expired, other inspectorate, other approach

    review = services.case_review_add(actor=iw.inspector, inspection=case_inspection, family=iw.families["mandated"])
    assert review.pseudonym == "Gezin A"
    assert (
        services.case_review_add(actor=iw.inspector, inspection=case_inspection, family=iw.families["full"]).pseudonym
        == "Gezin B"
    )
    for name in ("unmandated", "expired", "elsewhere"):
        with pytest.raises(PermissionDenied):
            services.case_review_add(actor=iw.inspector, inspection=case_inspection, family=iw.families[name])
    with pytest.raises(ValidationError, match="geen geldige machtiging"):  # mandated, but another approach
        services.case_review_add(actor=iw.inspector, inspection=case_inspection, family=iw.families["other_approach"])
    log = AccessLogEntry.objects.get(action="inspection.case_add", family_id=iw.families["mandated"].pk)
    assert log.username == "inspecteur" and log.role == "inspecteur" and log.organisation == "STJ test"


def test_interviews_with_at_most_three_professionals_per_family(
    iw: InspectionWorld, case_inspection: Inspection
) -> None:
    review = services.case_review_add(actor=iw.inspector, inspection=case_inspection, family=iw.families["mandated"])
    held = iw.today - timedelta(days=3)
    for kind in ("family", "coordinator", "professional", "professional", "professional"):
        services.interview_add(
            actor=iw.inspector, case_review=review, kind=kind, held_on=held, interviewee="", summary="Gesprek."
        )
    with pytest.raises(ValidationError, match="ten hoogste 3 professionals"):
        services.interview_add(
            actor=iw.inspector, case_review=review, kind="professional", held_on=held, interviewee="", summary="x"
        )
    with pytest.raises(ValidationError, match="toekomst"):
        services.interview_add(
            actor=iw.inspector,
            case_review=review,
            kind="family",
            held_on=iw.today + timedelta(days=1),
            interviewee="",
            summary="x",
        )
    assert Interview.objects.filter(case_review=review).count() == 5
    assert AccessLogEntry.objects.filter(action="inspection.interview_add", family_id=review.family_id).count() == 5


def test_a_withdrawn_mandate_closes_the_case_to_the_inspector(iw: InspectionWorld, case_inspection: Inspection) -> None:
    review = services.case_review_add(actor=iw.inspector, inspection=case_inspection, family=iw.families["mandated"])
    iw.families["mandated"].mandates.update(withdrawn_on=iw.today)
    with pytest.raises(PermissionDenied):
        services.interview_add(
            actor=iw.inspector, case_review=review, kind="family", held_on=iw.today, interviewee="", summary="x"
        )


def test_case_level_judgements_per_family_and_for_the_approach(
    iw: InspectionWorld, case_inspection: Inspection
) -> None:
    a = services.case_review_add(actor=iw.inspector, inspection=case_inspection, family=iw.families["mandated"])
    b = services.case_review_add(actor=iw.inspector, inspection=case_inspection, family=iw.families["full"])
    services.inspection_advance(actor=iw.inspector, inspection=case_inspection, to=S.JUDGING)
    indicators = selectors.indicators_of(case_inspection)
    assert len(indicators) == 33 and indicators[0].key == "C1.a.1"
    services.case_findings_save(
        actor=iw.inspector,
        case_review=a,
        judgements=[(indicators[0], "met", "Zware problemen"), (indicators[1], "", "")],
    )
    services.case_findings_save(actor=iw.inspector, case_review=b, judgements=[(indicators[0], "improvement", "")])
    row = selectors.judging_tree(case_inspection)[0].criteria[0].rows[0]
    assert [(r.pseudonym, f.judgement if f else None) for r, f in row.family_findings] == [
        ("Gezin A", "met"),
        ("Gezin B", "improvement"),
    ]
    services.case_findings_save(actor=iw.inspector, case_review=a, judgements=[(indicators[0], "", "")])  # cleared
    assert Finding.objects.filter(case_review=a).count() == 0

    judge_everything(iw.inspector, case_inspection, lambda i: "improvement" if i.key == "C3.a.3" else "met")
    services.inspection_publish(actor=iw.inspector, inspection=case_inspection)
    point = ImprovementPoint.objects.get(finding__inspection=case_inspection)  # per-family X's are evidence only
    assert point.finding.case_review is None and point.finding.indicators.get().key == "C3.a.3"


# --- follow-up ----------------------------------------------------------------------------------------------------


def test_the_municipality_reports_on_its_improvement_points(
    iw: InspectionWorld, judging_inspection: Inspection
) -> None:
    judge_everything(iw.inspector, judging_inspection, lambda i: "improvement" if i.key == "B1.a.2" else "met")
    services.inspection_publish(actor=iw.inspector, inspection=judging_inspection)
    point = ImprovementPoint.objects.get()
    with pytest.raises(PermissionDenied):
        services.improvement_report_add(actor=iw.inspector, point=point, text="x", reported_on=iw.today)
    with pytest.raises(PermissionDenied):
        services.improvement_report_add(actor=iw.other_policy_officer, point=point, text="x", reported_on=iw.today)
    with pytest.raises(ValidationError, match="iemand van de gemeente"):
        services.improvement_point_update(actor=iw.policy_officer, point=point, owner=iw.police_prof, due_on=None)
    services.improvement_point_update(
        actor=iw.policy_officer, point=point, owner=iw.process_manager, due_on=iw.today + timedelta(days=100)
    )
    services.improvement_report_add(
        actor=iw.policy_officer, point=point, text="De wijkteams maken een wijkanalyse.", reported_on=iw.today
    )
    point.refresh_from_db()
    assert point.status == PointStatus.IN_PROGRESS and point.owner == iw.process_manager
    assert point.reports.get().reported_by == iw.policy_officer


def _publish(
    iw: InspectionWorld, year: int, improvements: set[str], not_assessed: set[str] = frozenset()
) -> Inspection:
    inspection = services.inspection_create(actor=iw.inspector, approach=iw.approach, level="policy", year=year)
    services.respondents_invite(actor=iw.inspector, inspection=inspection, organisations=[iw.gemeente])
    services.inspection_advance(actor=iw.inspector, inspection=inspection, to=S.OPEN)
    answer_everything(iw.policy_officer, respondent_of(inspection, iw.gemeente))
    services.inspection_advance(actor=iw.inspector, inspection=inspection, to=S.JUDGING)

    def judgement(indicator: object) -> str:
        key = indicator.key  # type: ignore[attr-defined]
        return "improvement" if key in improvements else "not_assessed" if key in not_assessed else "met"

    judge_everything(iw.inspector, inspection, judgement)
    return services.inspection_publish(actor=iw.inspector, inspection=inspection)


def test_the_zwolle_comparison_resolves_points_judged_met_a_year_later(iw: InspectionWorld) -> None:
    earlier = _publish(iw, 2013, improvements={"B1.a.1", "B1.a.2", "B3.b.2"})
    later = _publish(iw, 2014, improvements={"B3.b.2"}, not_assessed={"B1.a.1"})

    points = {p.finding.indicators.get().key: p for p in ImprovementPoint.objects.filter(finding__inspection=earlier)}
    assert points["B1.a.2"].status == PointStatus.RESOLVED and points["B1.a.2"].resolved_on == iw.today
    assert points["B1.a.2"].resolved_by is not None and points["B1.a.2"].resolved_by.inspection == later
    assert points["B1.a.1"].status == PointStatus.OPEN  # "–": not assessed again, not resolved
    assert points["B3.b.2"].status == PointStatus.OPEN  # X again
    # the X found again is the same point (issue 13 §8), not a second open one; its history holds 2014's finding
    assert not ImprovementPoint.objects.filter(finding__inspection=later).exists()
    assert [f.finding.inspection for f in points["B3.b.2"].follow_ups.all()] == [later]

    found = selectors.comparison(later, visible=Inspection.objects.all())
    assert found is not None and found.earlier == earlier
    rows = {row.indicator_keys: row for _indicators, row, _point in found.rows}
    assert list(rows) == [("B1.a.1",), ("B1.a.2",), ("B3.b.2",)]  # only the earlier X's, in framework order
    assert rows[("B1.a.2",)].resolved and rows[("B1.a.2",)].later[0].judgement == "met"
    assert not rows[("B1.a.1",)].resolved and rows[("B1.a.1",)].later[0].judgement == "not_assessed"
    assert rows[("B3.b.2",)].earlier.text == "Bevinding bij B3.b.2: improvement"
    assert selectors.comparison(earlier, visible=Inspection.objects.all()) is None
