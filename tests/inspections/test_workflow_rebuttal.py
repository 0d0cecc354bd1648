"""Hoor en wederhoor in the inspection workflow (inspections/workflow.py) and its pure rules (inspections/rules.py):
the step between judging and publishing, the municipality's term, and why publishing waits. No database."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from gezinsregie.inspections import rules, workflow
from gezinsregie.inspections.workflow import InspectionLevel, InspectionStatus, State

S, L = InspectionStatus, InspectionLevel
SENT = date(2025, 11, 12)


@pytest.mark.parametrize("level", list(L))
def test_the_concept_goes_out_after_judging_and_publishing_follows(level: str) -> None:
    workflow.check_transition(level=level, current=S.JUDGING, new=S.REBUTTAL)
    workflow.check_transition(level=level, current=S.REBUTTAL, new=S.PUBLISHED)
    workflow.check_transition(level=level, current=S.JUDGING, new=S.PUBLISHED)  # without it, as before
    for current in (S.DRAFT, S.PUBLISHED):
        with pytest.raises(ValidationError):
            workflow.check_transition(level=level, current=current, new=S.REBUTTAL)
    with pytest.raises(ValidationError, match="kan niet naar 'beoordeling'"):
        workflow.check_transition(level=level, current=S.REBUTTAL, new=S.JUDGING)


@pytest.mark.parametrize("level", list(L))
def test_what_hoor_en_wederhoor_allows(level: str) -> None:
    judging, rebuttal, published = State(S.JUDGING, level), State(S.REBUTTAL, level), State(S.PUBLISHED, level)
    assert workflow.can_send_concept(judging) and not workflow.can_send_concept(rebuttal)
    assert not workflow.can_send_concept(published)
    assert not workflow.can_judge(rebuttal)  # a finding changes only by answering a response
    assert workflow.can_publish(rebuttal) and workflow.can_edit_texts(rebuttal)
    assert not workflow.can_select_cases(rebuttal) and not workflow.can_edit_case(rebuttal)
    assert not workflow.can_advance_to(judging, S.REBUTTAL)  # sending the concept has its own service
    assert (
        workflow.is_in_rebuttal(rebuttal) and workflow.shows_rebuttal(rebuttal) and workflow.shows_rebuttal(published)
    )
    assert not workflow.shows_rebuttal(judging)
    flags = workflow.flags(rebuttal)
    assert flags["is_in_rebuttal"] and flags["shows_rebuttal"] and not flags["can_send_concept"]


def test_the_term_is_chosen_within_bounds() -> None:
    assert workflow.rebuttal_days_error(workflow.REBUTTAL_DAYS) is None
    assert workflow.rebuttal_days_error(7) is None and workflow.rebuttal_days_error(42) is None
    for wrong in (0, 6, 43):
        assert workflow.rebuttal_days_error(wrong) == "Kies een termijn van 7 tot en met 42 dagen."
    assert workflow.rebuttal_due_on(SENT, 14) == date(2025, 11, 26)


def test_the_municipality_responds_until_the_last_day_or_until_it_is_done() -> None:
    due = workflow.rebuttal_due_on(SENT, 14)
    assert workflow.rebuttal_open(due_on=due, today=due, closed=False)
    assert not workflow.rebuttal_open(due_on=due, today=due + timedelta(days=1), closed=False)
    assert not workflow.rebuttal_open(due_on=due, today=SENT, closed=True)


def test_publishing_waits_for_the_term_and_for_every_answer() -> None:
    due = workflow.rebuttal_due_on(SENT, 14)
    after = due + timedelta(days=1)

    running = workflow.publish_refusal(due_on=due, today=SENT, closed=False, unanswered=0)
    assert running == (
        "De gemeente kan nog reageren op het concept, tot en met 26 november 2025. Publiceren kan daarna, of eerder "
        "als de gemeente haar reactie heeft afgerond."
    )
    assert workflow.publish_refusal(due_on=due, today=SENT, closed=False, unanswered=2) == running
    assert workflow.publish_refusal(due_on=due, today=after, closed=False, unanswered=1) == (
        "Nog 1 reactie van de gemeente zonder antwoord van de inspectie: beantwoord die eerst."
    )
    assert "Nog 3 reacties" in (workflow.publish_refusal(due_on=due, today=SENT, closed=True, unanswered=3) or "")
    assert workflow.publish_refusal(due_on=due, today=after, closed=False, unanswered=0) is None  # term passed
    assert workflow.publish_refusal(due_on=due, today=SENT, closed=True, unanswered=0) is None  # done, answered


def test_a_response_that_disagrees_says_why() -> None:
    assert rules.response_errors(stance="agree", text="") == {}
    assert rules.response_errors(stance="disagree", text="Klopt niet: zie het convenant.") == {}
    assert rules.response_errors(stance="disagree", text="  ") == {
        "text": ["Schrijf op waarom de gemeente het niet eens is met deze bevinding."]
    }
    assert rules.response_errors(stance="", text="x") == {
        "stance": ["Kies of de gemeente het eens is met deze bevinding."]
    }


def test_the_inspector_keeps_or_changes_the_finding() -> None:
    def errors(**given: str) -> dict[str, list[str]]:
        values = {"stance": "disagree", "decision": "kept", "answer": "Blijft: zo gezien in de dossiers."}
        values |= {"judgement": "", "text": "", "current_judgement": "improvement", "current_text": "Geen plan."}
        return rules.answer_errors(**(values | given))

    assert errors() == {}
    assert errors(stance="agree", answer="") == {}
    assert errors(answer="") == {
        "answer": ["De gemeente is het niet eens: schrijf op waarom de bevinding blijft of hoe zij verandert."]
    }
    assert errors(decision="") == {"decision": ["Kies of de bevinding blijft of wordt aangepast."]}
    assert errors(decision="changed", judgement="met", text="Elk gezin heeft een plan.") == {}
    assert errors(decision="changed", judgement="met", text="") == {"text": ["Schrijf de aangepaste bevinding."]}
    assert errors(decision="changed", judgement="improvement", text=" Geen plan. ") == {
        "text": ["De bevinding is niet veranderd: kies ‘bevinding blijft’ of pas haar aan."]
    }
    assert errors(decision="changed", judgement="", text="x") == {
        "judgement": ["Kies het oordeel van de aangepaste bevinding."]
    }
    assert errors(decision="changed", judgement="not_assessed", text="") == {}
