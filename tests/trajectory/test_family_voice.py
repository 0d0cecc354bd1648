"""The family's voice at an evaluation (issue 13 §3): two questions in plain Dutch, written with the evaluation or
entered later from paper; all or nothing, nothing written on a refusal, only by who may edit the family, logged."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from gezinsregie.assessment.models import Answer, AnsweredHow, FamilyVoice
from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.trajectory import services
from gezinsregie.trajectory.models import Evaluation, EvaluationKind, GoalResult
from tests.trajectory.helpers import today

pytestmark = pytest.mark.django_db

FULL = services.FamilyVoiceInput(
    answered_how=AnsweredHow.WITH_COORDINATOR,
    trusts_coordinator=Answer.YES,
    help_fits_together=Answer.PARTLY,
    comment="  De school en de schuldhulp weten niet van elkaar wat ze doen.  ",
)


def evaluate(w, planned, **changes: object) -> Evaluation:
    arguments: dict[str, object] = {
        "actor": w.coordinator,
        "family": w.family,
        "kind": EvaluationKind.PERIODIC,
        "held_on": today() - timedelta(days=1),
        "with_family": True,
        "family_view": "Het gaat beter met de schulden.",
        "goal_results": [services.GoalResultInput(goal=planned.debts_goal, result=GoalResult.PARTLY)],
        "family_voice": FULL,
    }
    arguments.update(changes)
    return services.evaluation_record(**arguments)  # type: ignore[arg-type]


def logged(action: str, w) -> int:
    return AccessLogEntry.objects.filter(action=action, family_id=w.family.pk).count()


def test_the_answers_are_written_with_the_evaluation_and_logged(w, planned) -> None:
    evaluation = evaluate(w, planned)

    voice = FamilyVoice.objects.get()
    assert voice.evaluation == evaluation and voice.family == w.family and voice.recorded_by == w.coordinator
    assert (voice.trusts_coordinator, voice.help_fits_together) == (Answer.YES, Answer.PARTLY)
    assert voice.answered_how == AnsweredHow.WITH_COORDINATOR
    assert voice.comment == "De school en de schuldhulp weten niet van elkaar wat ze doen."
    assert logged("evaluation.record", w) == 1 and logged("family_voice.record", w) == 1


def test_without_answers_the_evaluation_is_written_alone(w, planned) -> None:
    # how it would be answered is preset on the form: alone it is no answer
    evaluate(w, planned, family_voice=services.FamilyVoiceInput(answered_how=AnsweredHow.WITH_COORDINATOR))
    evaluate(w, planned, family_voice=None)

    assert Evaluation.objects.count() == 2 and not FamilyVoice.objects.exists()
    assert logged("family_voice.record", w) == 0


@pytest.mark.parametrize(
    ("voice", "field", "message"),
    [
        (services.FamilyVoiceInput(trusts_coordinator=Answer.YES), "help_fits_together", "goed samenwerken"),
        (services.FamilyVoiceInput(help_fits_together=Answer.NO), "trusts_coordinator", "vertrouwen"),
        (services.FamilyVoiceInput(comment="Ik wil iets kwijt."), "trusts_coordinator", "wil ik niet zeggen"),
        (
            services.FamilyVoiceInput(trusts_coordinator=Answer.YES, help_fits_together=Answer.YES),
            "answered_how",
            "hoe het gezin de vragen heeft beantwoord",
        ),
        (
            services.FamilyVoiceInput(
                answered_how=AnsweredHow.ON_PAPER, trusts_coordinator="misschien", help_fits_together=Answer.YES
            ),
            "trusts_coordinator",
            "Kies een van de antwoorden",
        ),
    ],
)
def test_one_answer_asks_for_all_and_nothing_is_written(w, planned, voice, field, message) -> None:
    with pytest.raises(ValidationError) as refused:
        evaluate(w, planned, family_voice=voice)

    assert any(message in m for m in refused.value.message_dict[field])
    assert not Evaluation.objects.exists() and not FamilyVoice.objects.exists()
    assert logged("evaluation.record", w) == 0


def test_the_voices_errors_come_with_the_evaluations_own(w, planned) -> None:
    with pytest.raises(ValidationError) as refused:
        evaluate(w, planned, held_on=today() + timedelta(days=1), family_voice=services.FamilyVoiceInput(comment="x"))

    assert {"held_on", "trusts_coordinator", "help_fits_together"} <= set(refused.value.message_dict)


def test_a_family_that_was_not_there_did_not_answer_with_the_coordinator_there(w, planned) -> None:
    with pytest.raises(ValidationError) as refused:
        evaluate(w, planned, with_family=False, family_view="")

    assert "op papier" in refused.value.message_dict["answered_how"][0]
    on_paper = services.FamilyVoiceInput(
        answered_how=AnsweredHow.ON_PAPER, trusts_coordinator=Answer.NO, help_fits_together=Answer.NO_ANSWER
    )
    evaluate(w, planned, with_family=False, family_view="", family_voice=on_paper)
    assert FamilyVoice.objects.get().answered_how == AnsweredHow.ON_PAPER


# --- entered later ---------------------------------------------------------------------------------------------

PAPER = services.FamilyVoiceInput(
    answered_how=AnsweredHow.ON_PAPER, trusts_coordinator=Answer.PARTLY, help_fits_together=Answer.NO
)


def test_answers_on_paper_are_entered_later_once(w, planned) -> None:
    evaluation = evaluate(w, planned, family_voice=None)

    voice = services.family_voice_record(actor=w.process_manager, evaluation=evaluation, voice=PAPER)

    assert voice.evaluation == evaluation and voice.recorded_by == w.process_manager
    assert logged("family_voice.record", w) == 1
    with pytest.raises(ValidationError, match="al ingevoerd"):
        services.family_voice_record(actor=w.coordinator, evaluation=evaluation, voice=PAPER)
    assert FamilyVoice.objects.count() == 1


def test_entering_later_needs_the_answers(w, planned) -> None:
    evaluation = evaluate(w, planned, family_voice=None)

    with pytest.raises(ValidationError) as refused:
        services.family_voice_record(actor=w.coordinator, evaluation=evaluation, voice=services.FamilyVoiceInput())

    assert {"answered_how", "trusts_coordinator", "help_fits_together"} == set(refused.value.message_dict)
    assert not FamilyVoice.objects.exists()


def test_who_may_not_edit_the_family_enters_nothing(w, planned) -> None:
    evaluation = evaluate(w, planned, family_voice=None)

    for outsider in (w.professional, w.stranger):
        with pytest.raises(PermissionDenied):
            services.family_voice_record(actor=outsider, evaluation=evaluation, voice=PAPER)
    assert not FamilyVoice.objects.exists() and logged("family_voice.record", w) == 0


# --- the pages ---------------------------------------------------------------------------------------------------


def url(name: str, w) -> str:
    return reverse(f"trajectory:{name}", kwargs={"family_id": w.family.pk})


def evaluation_data(planned, **voice: str) -> dict[str, object]:
    data: dict[str, object] = {
        "kind": "periodic",
        "held_on": today(),
        "with_family": "on",
        "family_view": "Het gaat beter met de schulden.",
        f"goal_{planned.debts_goal.pk}": "partly",
        "gezin-answered_how": "with_coordinator",
    }
    data.update({f"gezin-{name}": value for name, value in voice.items()})
    return data


def test_the_coordinator_asks_the_questions_in_the_evaluation_form(w, planned) -> None:
    client = w.client_for(w.coordinator)
    page = client.get(url("evaluate", w)).content.decode()
    assert "Vragen aan het gezin" in page and "Heeft u vertrouwen in uw regisseur?" in page
    assert "Werken de hulpverleners goed samen voor uw gezin?" in page and "wil ik niet zeggen" in page

    refused = client.post(url("evaluate", w), evaluation_data(planned, trusts_coordinator="yes"))
    assert refused.status_code == 200
    assert "Vul ook in of de hulpverleners goed samenwerken" in refused.content.decode()
    assert "Het gaat beter met de schulden." in refused.content.decode()  # what was typed stays
    assert not Evaluation.objects.exists()

    data = evaluation_data(planned, trusts_coordinator="yes", help_fits_together="no", comment="Te veel mensen.")
    assert client.post(url("evaluate", w), data).status_code == 302
    voice = FamilyVoice.objects.get()
    assert voice.evaluation == Evaluation.objects.get() and voice.help_fits_together == Answer.NO

    overview = client.get(url("overview", w)).content.decode()
    assert "Antwoorden van het gezin" in overview and "Te veel mensen." in overview
    assert "samen met de regisseur, tijdens de evaluatie" in overview
    assert "Antwoorden van het gezin invoeren" not in overview  # answered: nothing to enter


def test_answers_on_paper_are_entered_on_the_overview(w, planned) -> None:
    evaluation = evaluate(w, planned, family_voice=None)
    client = w.client_for(w.coordinator)
    assert "Antwoorden van het gezin invoeren" in client.get(url("overview", w)).content.decode()
    prefix = f"stem-{evaluation.pk}"
    post = {"formulier": "gezin_antwoorden", "evaluatie": evaluation.pk, f"{prefix}-answered_how": "on_paper"}

    refused = client.post(url("overview", w), {**post, f"{prefix}-help_fits_together": "yes"})
    assert refused.status_code == 200 and "vertrouwen heeft in de regisseur" in refused.content.decode()
    assert not FamilyVoice.objects.exists()

    answered = {**post, f"{prefix}-trusts_coordinator": "partly", f"{prefix}-help_fits_together": "yes"}
    assert client.post(url("overview", w), answered).status_code == 302
    voice = FamilyVoice.objects.get()
    assert voice.evaluation == evaluation and voice.answered_how == AnsweredHow.ON_PAPER
    assert voice.trusts_coordinator == Answer.PARTLY
    assert "op papier, later ingevoerd" in client.get(url("overview", w)).content.decode()
    assert client.post(url("overview", w), answered).status_code == 404  # no second time


def test_a_professional_reads_the_answers_but_enters_none(w, planned) -> None:
    evaluate(w, planned, held_on=today() - timedelta(days=20))
    evaluation = evaluate(w, planned, family_voice=None)
    client = w.client_for(w.professional)
    overview = client.get(url("overview", w)).content.decode()
    assert "De school en de schuldhulp weten niet van elkaar wat ze doen." in overview
    assert "Antwoorden van het gezin invoeren" not in overview
    prefix = f"stem-{evaluation.pk}"
    post = {
        "formulier": "gezin_antwoorden",
        "evaluatie": evaluation.pk,
        f"{prefix}-answered_how": "on_paper",
        f"{prefix}-trusts_coordinator": "yes",
        f"{prefix}-help_fits_together": "yes",
    }
    assert client.post(url("overview", w), post).status_code == 404
    assert FamilyVoice.objects.count() == 1 and not FamilyVoice.objects.filter(evaluation=evaluation).exists()
