"""The inspection workflow: states, transitions and what each state allows. Pure: no database."""

import itertools
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from gezinsregie.inspections import workflow
from gezinsregie.inspections.workflow import ALLOWED_TRANSITIONS, InspectionLevel, InspectionStatus, State

S, L = InspectionStatus, InspectionLevel
STATES = list(S)
LEVELS = list(L)


def state(status: str, level: str = L.POLICY) -> State:
    return State(status, level)


def test_the_models_re_export_the_states() -> None:
    from gezinsregie.inspections.models import InspectionLevel as ModelLevel
    from gezinsregie.inspections.models import InspectionStatus as ModelStatus

    assert ModelStatus is S and ModelLevel is L


def test_every_state_in_the_table_is_a_state_and_published_leads_nowhere() -> None:
    for level, table in ALLOWED_TRANSITIONS.items():
        assert level in L.values
        for current, targets in table.items():
            assert current in S.values and targets <= set(S.values)
        assert S.PUBLISHED not in table


@pytest.mark.parametrize(
    ("level", "path"),
    [
        # the factsheets: invite, answer, judge, hoor en wederhoor, publish
        (L.POLICY, [S.DRAFT, S.OPEN, S.JUDGING, S.REBUTTAL, S.PUBLISHED]),
        # Nota van bevindingen Maastricht 2014: no questionnaire
        (L.CASE, [S.DRAFT, S.JUDGING, S.REBUTTAL, S.PUBLISHED]),
    ],
)
def test_each_level_has_one_way_through(level: str, path: list[str]) -> None:
    for current, new in itertools.pairwise(path):
        workflow.check_transition(level=level, current=current, new=new)
    reachable = {new for targets in ALLOWED_TRANSITIONS[level].values() for new in targets} | {S.DRAFT}
    assert reachable == set(path)


def test_a_refused_transition_says_why_in_dutch() -> None:
    with pytest.raises(ValidationError) as refused:
        workflow.check_transition(level=L.CASE, current=S.DRAFT, new=S.OPEN)
    assert refused.value.messages == ["Een onderzoek dat in voorbereiding is, kan niet naar 'open voor antwoorden'."]


def test_a_refused_change_names_the_state_in_dutch() -> None:
    with pytest.raises(ValidationError) as refused:
        workflow.check_state(state(S.PUBLISHED), workflow.can_judge, what="Een oordeel geven")
    assert refused.value.messages == ["Een oordeel geven kan niet meer: het onderzoek is gepubliceerd."]
    workflow.check_state(state(S.JUDGING), workflow.can_judge, what="Een oordeel geven")


@pytest.mark.parametrize(
    ("status", "level", "allowed"),
    [
        (S.DRAFT, L.POLICY, {"can_invite", "can_open", "can_edit_texts"}),
        (S.OPEN, L.POLICY, {"can_invite", "can_start_judging", "can_answer", "shows_answers_and_judgements",
                            "can_edit_texts"}),
        (S.JUDGING, L.POLICY, {"can_judge", "can_publish", "shows_answers_and_judgements", "can_edit_texts",
                               "can_send_concept"}),
        (S.REBUTTAL, L.POLICY, {"can_publish", "shows_answers_and_judgements", "can_edit_texts", "is_in_rebuttal",
                                "shows_rebuttal"}),
        (S.PUBLISHED, L.POLICY, {"is_published", "shows_answers_and_judgements", "shows_rebuttal"}),
        (S.DRAFT, L.CASE, {"can_start_judging", "can_select_cases", "can_edit_texts"}),
        (S.JUDGING, L.CASE, {"can_judge", "can_publish", "can_select_cases", "shows_answers_and_judgements",
                             "can_edit_texts", "can_send_concept"}),
        (S.REBUTTAL, L.CASE, {"can_publish", "shows_answers_and_judgements", "can_edit_texts", "is_in_rebuttal",
                              "shows_rebuttal"}),
        (S.PUBLISHED, L.CASE, {"is_published", "shows_answers_and_judgements", "shows_rebuttal"}),
    ],
)  # fmt: skip
def test_what_each_state_allows(status: str, level: str, allowed: set[str]) -> None:
    flags = workflow.flags(state(status, level))
    assert {name for name, value in flags.items() if value} == allowed
    assert workflow.can_edit_case(state(status, level)) is workflow.can_select_cases(state(status, level))


def test_publishing_is_not_an_advance() -> None:
    assert not workflow.can_advance_to(state(S.JUDGING), S.PUBLISHED)
    assert workflow.can_publish(state(S.JUDGING))


def test_the_improvement_term_is_a_year_after_publication() -> None:
    # Nota van bevindingen Maastricht 2014 §6.4: "over een jaar"
    assert workflow.improvement_due_on(date(2025, 3, 1)) == date(2026, 3, 1)
    # an imported document is published on the last day of its year, its points due a year later
    assert workflow.improvement_due_on(workflow.imported_published_on(2013)) == date(2014, 12, 31)


@given(
    level=st.sampled_from(LEVELS),
    steps=st.lists(st.sampled_from(STATES), max_size=12),
)
def test_no_sequence_of_allowed_transitions_leaves_the_table_and_published_is_final(
    level: str, steps: list[str]
) -> None:
    current: str = S.DRAFT
    table = ALLOWED_TRANSITIONS[level]
    known = set(table) | {new for targets in table.values() for new in targets}
    for new in steps:
        allowed = new in workflow.next_states(level=level, current=current)
        try:
            workflow.check_transition(level=level, current=current, new=new)
        except ValidationError:
            assert not allowed
            continue
        assert allowed and current != S.PUBLISHED
        current = new
        assert current in known
    if current == S.PUBLISHED:
        assert workflow.next_states(level=level, current=current) == set()
        assert not any(workflow.can_advance_to(state(current, level), s) for s in STATES)
        assert not (workflow.can_judge(state(current, level)) or workflow.can_edit_texts(state(current, level)))
