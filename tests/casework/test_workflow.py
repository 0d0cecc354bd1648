"""The family workflow (casework/workflow.py): the only definition of a family's states and the ways between them."""

import ast
import re

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from gezinsregie.casework import workflow
from gezinsregie.casework.workflow import INITIAL, TRANSITIONS, FamilyStatus, Transition
from gezinsregie.inspections.workflow import InspectionStatus
from tests.paths import PACKAGE

S, T = FamilyStatus, Transition


def test_every_state_is_reachable_from_a_registration() -> None:
    assert workflow.reachable() == set(FamilyStatus)


@pytest.mark.parametrize(
    ("current", "transition", "expected"),
    [
        (S.REGISTERED, T.TAKE_INTO_TRIAGE, S.TRIAGE),
        (S.REGISTERED, T.ACCEPT, S.ACTIVE),
        (S.TRIAGE, T.ACCEPT, S.ACTIVE),
        (S.TRIAGE, T.DECLINE, S.DECLINED),
        (S.ACTIVE, T.CLOSE_WITH_AFTERCARE, S.AFTERCARE),
        (S.ACTIVE, T.CLOSE, S.CLOSED),
        (S.AFTERCARE, T.END_AFTERCARE, S.CLOSED),
        (S.AFTERCARE, T.REOPEN, S.REGISTERED),
        (S.CLOSED, T.REOPEN, S.REGISTERED),
        (S.DECLINED, T.REOPEN, S.REGISTERED),
    ],
)
def test_the_allowed_steps(current: FamilyStatus, transition: Transition, expected: FamilyStatus) -> None:
    assert workflow.advance(current, transition) == expected


@pytest.mark.parametrize(
    ("current", "transition", "message"),
    [
        (S.ACTIVE, T.ACCEPT, "Een gezin met de status 'actief' kan niet worden opgenomen in de aanpak."),
        (S.CLOSED, T.DECLINE, "Een gezin met de status 'afgesloten' kan niet worden afgewezen."),
        (S.REGISTERED, T.CLOSE, "Een gezin met de status 'aangemeld' kan niet worden afgesloten."),
        (S.ACTIVE, T.REOPEN, "Een gezin met de status 'actief' kan niet opnieuw worden aangemeld."),
        (S.TRIAGE, T.END_AFTERCARE, "Een gezin met de status 'in prioritering' kan niet de nazorg beëindigen."),
    ],
)
def test_a_step_outside_the_table_is_refused_in_dutch(
    current: FamilyStatus, transition: Transition, message: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        workflow.advance(current, transition)
    assert refused.value.messages == [message]


def test_the_groups_are_made_of_states_and_mean_what_they_say() -> None:
    assert workflow.AWAITING_TRIAGE == TRANSITIONS[T.ACCEPT].sources == TRANSITIONS[T.DECLINE].sources
    assert TRANSITIONS[T.REOPEN].sources == workflow.REOPENABLE
    assert workflow.STEERED < workflow.STARTED  # steered families have started
    assert not workflow.AWAITING_TRIAGE & workflow.STARTED
    assert S.DECLINED not in workflow.IN_POPULATION and len(workflow.IN_POPULATION) == len(S) - 1
    for group in (workflow.AWAITING_TRIAGE, workflow.STEERED, workflow.STARTED, workflow.REOPENABLE):
        assert group <= set(FamilyStatus)


def test_every_step_says_which_rule_it_obeys() -> None:
    for step in TRANSITIONS.values():
        assert step.label and step.rule.endswith(".")
        assert step.sources and step.target in FamilyStatus


@given(st.lists(st.sampled_from(list(Transition)), max_size=60))
def test_no_sequence_of_steps_leaves_the_table(steps: list[Transition]) -> None:
    state, started = INITIAL, False
    for transition in steps:
        if workflow.allowed(state, transition):
            state = workflow.advance(state, transition)
            started = started or state == S.ACTIVE
        else:
            with pytest.raises(ValidationError):
                workflow.advance(state, transition)
        assert state in FamilyStatus
        # aftercare and closure only ever follow a start; a declined family never started since its registration
        if state in (S.AFTERCARE, S.CLOSED):
            assert started
        assert workflow.transitions_from(state), "no state is a dead end: a family can always come back"


# --- the guard: no second definition of states anywhere -----------------------------------------------------

FAMILY_STATES = set(FamilyStatus.values)
INSPECTION_STATES = set(InspectionStatus.values)  # every state, new ones too (e.g. "rebuttal")
WORKFLOWS = {"casework/workflow.py", "inspections/workflow.py"}
STATE_ENUMS = {"FamilyStatus", "InspectionStatus", "Status"}
TEMPLATE_LITERAL = re.compile(r"""status\s*(?:==|!=|in)\s*["'](\w+)["']""")


def _states_for(relative: str) -> set[str]:
    # "open" and "draft" mean other things elsewhere (an open action, an open improvement point)
    inspection_area = relative.startswith(("inspections/", "reports/"))
    return FAMILY_STATES | (INSPECTION_STATES if inspection_area else set())


def _is_status(node: ast.AST) -> bool:
    return (isinstance(node, ast.Attribute) and node.attr == "status") or (
        isinstance(node, ast.Name) and node.id == "status"
    )


def _literals(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return [value for element in node.elts for value in _literals(element)]
    return []


def _is_state_member(node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in STATE_ENUMS


def python_offences(source: str, states: set[str]) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(_is_status(side) for side in sides):
                found += [(node.lineno, v) for side in sides for v in _literals(side) if v in states]
        elif isinstance(node, ast.keyword) and node.arg in {"status", "status__in"}:
            found += [(node.value.lineno, v) for v in _literals(node.value) if v in states]
        elif (
            isinstance(node, ast.Tuple | ast.List | ast.Set)
            and len(node.elts) > 1
            and all(map(_is_state_member, node.elts))
        ):
            found.append((node.lineno, "a tuple of states"))
    return found


def test_the_guard_finds_what_it_is_for() -> None:
    states = FAMILY_STATES | INSPECTION_STATES
    assert python_offences('if family.status == "active": pass', states) == [(1, "active")]
    assert python_offences('x = status in ("registered", "triage")', states) == [(1, "registered"), (1, "triage")]
    assert python_offences('Family.objects.filter(status__in=["closed"])', states) == [(1, "closed")]
    assert python_offences("S = (FamilyStatus.ACTIVE, FamilyStatus.AFTERCARE)", states) == [(1, "a tuple of states")]
    assert python_offences("ok = family.status in workflow.STEERED", states) == []
    assert TEMPLATE_LITERAL.search('{% if inspection.status == "judging" %}')


def test_no_state_is_named_outside_the_workflows() -> None:
    offences = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if "migrations" in path.parts or relative in WORKFLOWS:
            continue
        for line, what in python_offences(path.read_text(), _states_for(relative)):
            offences.append(f"{relative}:{line}: {what}")
    for path in sorted(PACKAGE.rglob("templates/**/*.html")):
        relative = path.relative_to(PACKAGE).as_posix()
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            for value in TEMPLATE_LITERAL.findall(line):
                if value in FAMILY_STATES | INSPECTION_STATES:
                    offences.append(f"{relative}:{number}: {value}")
    assert offences == [], "Vraag de workflow (casework/workflow.py, inspections/workflow.py):\n" + "\n".join(offences)
