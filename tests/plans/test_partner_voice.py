"""The partners' voice (issue 13 §3): at a round table each attending professional, and at a plan commitment the
committing one, answers two questions for their organisation. Written with the meeting or the commitment or not at
all; all or nothing per professional; only from who attended or commits; logged."""

import re
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from gezinsregie.assessment.models import Answer, PartnerVoice
from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.plans import selectors, services
from gezinsregie.plans.models import Action, Meeting, OwnerKind, PlanCommitment
from gezinsregie.plans.services import AgreementInput, Owner, PartnerVoiceInput
from tests.worlds.plans import PlanWithContent, PlanWorld

YES_PARTLY = PartnerVoiceInput(
    recognises_coordinator=Answer.YES, information_sufficient=Answer.PARTLY, comment=" Het verslag kwam laat. "
)


def record(planned: PlanWithContent, w: PlanWorld, **changes: object) -> Meeting:
    arguments: dict[str, object] = {
        "actor": w.coordinator,
        "plan": planned.plan,
        "expected_version": 5,
        "held_on": w.today - timedelta(days=2),
        "chair": w.coordinator,
        "attendees": [w.professional],
        "members": [w.sanne],
        "network": "",
        "minutes": "Schulden en woning besproken.",
        "agreements": [
            AgreementInput(
                planned.debts_goal,
                "Kees maakt een afspraak met de schuldhulpverlening",
                Owner(OwnerKind.PROFESSIONAL, user=w.professional, organisation=w.professional_org),
                w.today + timedelta(days=14),
            )
        ],
        "partner_voices": {w.professional: YES_PARTLY},
    }
    arguments.update(changes)
    return services.meeting_record(**arguments)  # type: ignore[arg-type]


def logged(action: str, w: PlanWorld) -> int:
    return AccessLogEntry.objects.filter(action=action, family_id=w.family.pk).count()


def nothing_written(planned: PlanWithContent) -> None:
    planned.plan.refresh_from_db()
    assert not Meeting.objects.exists() and not PartnerVoice.objects.exists()
    assert Action.objects.count() == 2 and planned.plan.version == 5


# --- at a round table --------------------------------------------------------------------------------------------


def test_the_answers_are_written_with_the_meeting_for_the_professionals_organisation(
    planned: PlanWithContent, w: PlanWorld
) -> None:
    meeting = record(planned, w)

    voice = PartnerVoice.objects.get()
    assert voice.meeting == meeting and voice.commitment is None and voice.family == w.family
    assert voice.organisation == w.professional_org and voice.answered_by == w.professional
    assert voice.answered_on == meeting.held_on == w.today - timedelta(days=2)
    assert (voice.recognises_coordinator, voice.information_sufficient) == (Answer.YES, Answer.PARTLY)
    assert voice.comment == "Het verslag kwam laat."
    assert logged("meeting.record", w) == 1 and logged("partner_voice.record", w) == 1


def test_a_professional_who_says_nothing_leaves_no_row(planned: PlanWithContent, w: PlanWorld) -> None:
    record(planned, w, partner_voices={w.professional: PartnerVoiceInput()})
    record(planned, w, partner_voices=None, expected_version=6)  # the old call, without the questions

    assert Meeting.objects.count() == 2 and not PartnerVoice.objects.exists()


@pytest.mark.parametrize(
    ("voice", "message"),
    [
        (PartnerVoiceInput(recognises_coordinator=Answer.YES), "genoeg informatie"),
        (PartnerVoiceInput(information_sufficient=Answer.NO), "degene is die de hulp aan dit gezin afstemt"),
        (PartnerVoiceInput(comment="Alleen een opmerking"), "wil ik niet zeggen"),
        (PartnerVoiceInput(recognises_coordinator="wel", information_sufficient=Answer.YES), "Kies een van de"),
    ],
)
def test_one_answer_asks_for_both_and_the_meeting_is_not_written(
    planned: PlanWithContent, w: PlanWorld, voice: PartnerVoiceInput, message: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        record(planned, w, partner_voices={w.professional: voice})

    problems = refused.value.message_dict["partner_voices"]
    assert all(p.startswith("Kees Jansen: ") for p in problems) and any(message in p for p in problems)
    nothing_written(planned)
    assert logged("meeting.record", w) == 0


def test_only_an_attending_partner_answers(planned: PlanWithContent, w: PlanWorld) -> None:
    with pytest.raises(ValidationError) as absent:
        record(planned, w, attendees=[])
    assert "Kees Jansen was niet aanwezig" in absent.value.message_dict["partner_voices"][0]

    with pytest.raises(ValidationError) as himself:
        record(planned, w, attendees=[w.professional, w.coordinator], partner_voices={w.coordinator: YES_PARTLY})
    assert "De regisseur beantwoordt deze vragen niet over zichzelf" in himself.value.message_dict["partner_voices"][0]
    nothing_written(planned)


def test_who_may_not_edit_records_no_meeting_and_no_answers(planned: PlanWithContent, w: PlanWorld) -> None:
    for outsider in (w.professional, w.stranger):
        with pytest.raises(PermissionDenied):
            record(planned, w, actor=outsider)
    nothing_written(planned)


def test_the_questions_go_to_the_partners_within_the_consent(planned: PlanWithContent, w: PlanWorld) -> None:
    asked = selectors.asked_at_a_meeting(w.family, today=w.today)
    # not the coordinator (asked about herself), not Olga Buiten (her organisation is outside the consent)
    assert [(p.user, p.organisation) for p in asked] == [(w.professional, w.professional_org)]


def meeting_post(planned: PlanWithContent, w: PlanWorld, **voice: str) -> dict[str, object]:
    data: dict[str, object] = {
        "version": 5,
        "held_on": w.today.isoformat(),
        "chair": w.coordinator.pk,
        "attendees": [w.professional.pk],
        "minutes": "Besproken",
    }
    data.update({f"stem-{w.professional.pk}-{name}": value for name, value in voice.items()})
    return data


def test_the_coordinator_records_the_answers_on_the_meeting_page(planned: PlanWithContent, w: PlanWorld) -> None:
    client = w.client_for(w.coordinator)
    url = reverse("plans:meetings", kwargs={"family_id": w.family.pk})
    page = client.get(url).content.decode()
    assert "Vragen aan Kees Jansen (Schuldhulp Zeldenbroek)" in page and "Vragen aan Olga" not in page
    assert "Is de regisseur voor uw organisatie degene die de hulp aan dit gezin afstemt?" in page

    refused = client.post(url, meeting_post(planned, w, recognises_coordinator="yes"))
    assert refused.status_code == 200
    assert "Kees Jansen: Beantwoord ook of u genoeg informatie" in refused.content.decode()
    nothing_written(planned)

    answered = meeting_post(planned, w, recognises_coordinator="no", information_sufficient="yes", comment="Te laat")
    response = client.post(url, answered)
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert PartnerVoice.objects.get().meeting == meeting
    minutes = client.get(reverse("plans:meeting", kwargs={"family_id": w.family.pk, "meeting_id": meeting.pk}))
    shown = minutes.content.decode()
    assert "Wat de partners zeggen over de samenwerking" in shown and "Te laat" in shown and "nee" in shown


# --- at a plan commitment ----------------------------------------------------------------------------------------


def test_the_committing_professional_answers_for_their_organisation(planned: PlanWithContent, w: PlanWorld) -> None:
    commitment = services.plan_commit(actor=w.professional, plan=planned.plan, voice=YES_PARTLY)

    voice = PartnerVoice.objects.get()
    assert voice.commitment == commitment and voice.meeting is None
    assert voice.organisation == w.professional_org and voice.answered_by == w.professional
    assert voice.answered_on == commitment.confirmed_on == w.today
    assert logged("plan.commit", w) == 1 and logged("partner_voice.record", w) == 1


def test_an_incomplete_answer_commits_nothing(planned: PlanWithContent, w: PlanWorld) -> None:
    with pytest.raises(ValidationError) as refused:
        services.plan_commit(
            actor=w.professional, plan=planned.plan, voice=PartnerVoiceInput(recognises_coordinator=Answer.NO)
        )

    assert "genoeg informatie" in refused.value.message_dict["information_sufficient"][0]
    assert not PlanCommitment.objects.exists() and not PartnerVoice.objects.exists()
    assert logged("plan.commit", w) == 0


def test_committing_twice_writes_no_second_answer(planned: PlanWithContent, w: PlanWorld) -> None:
    services.plan_commit(actor=w.professional, plan=planned.plan)
    with pytest.raises(ValidationError, match="al bevestigd"):
        services.plan_commit(actor=w.professional, plan=planned.plan, voice=YES_PARTLY)

    assert PlanCommitment.objects.count() == 1 and not PartnerVoice.objects.exists()


def test_who_is_not_involved_answers_nothing(planned: PlanWithContent, w: PlanWorld) -> None:
    for other in (w.coordinator, w.stranger):
        with pytest.raises(PermissionDenied):
            services.plan_commit(actor=other, plan=planned.plan, voice=YES_PARTLY)
    assert not PlanCommitment.objects.exists() and not PartnerVoice.objects.exists()


def test_the_professional_answers_when_committing_on_the_plan_page(planned: PlanWithContent, w: PlanWorld) -> None:
    client = w.client_for(w.professional)
    detail = reverse("plans:detail", kwargs={"family_id": w.family.pk})
    commit = reverse("plans:commit", kwargs={"family_id": w.family.pk})
    assert "Twee vragen aan uw organisatie" in client.get(detail).content.decode()

    refused = client.post(commit, {"partner-information_sufficient": "partly"})
    html = refused.content.decode()
    assert refused.status_code == 400 and "Er is nog niets vastgelegd" in html
    assert "Beantwoord ook of de regisseur voor uw organisatie" in html
    assert re.search(r'name="partner-information_sufficient" value="partly"[^>]*checked', html)  # the choice kept
    assert not PlanCommitment.objects.exists()

    answered = {
        "partner-recognises_coordinator": "yes",
        "partner-information_sufficient": "partly",
        "partner-comment": "Fijn dat het plan er is.",
    }
    assert client.post(commit, answered).status_code == 302
    voice = PartnerVoice.objects.get()
    assert voice.commitment == PlanCommitment.objects.get() and voice.information_sufficient == Answer.PARTLY
    page = w.client_for(w.coordinator).get(detail).content.decode()
    assert "Wat de partners zeggen bij het bevestigen" in page and "Fijn dat het plan er is." in page
