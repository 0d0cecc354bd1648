"""The authorisation table of hoor en wederhoor (tests/policy/rebuttal_tables.py): every cell a test case of its own,
on module_world and the inspections of module_rebuttal_inspections."""

import pytest

from gezinsregie import policy
from gezinsregie.accounts.models import Role
from gezinsregie.inspections.models import InspectionStatus
from gezinsregie.policy import Permission as A
from tests.policy.inspection_rows import inspection as inspection_row
from tests.policy.rebuttal_tables import REBUTTAL_CELLS, REBUTTAL_COLUMNS, REBUTTAL_TABLE
from tests.policy.tables import INSP, POLICY

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def module_rebuttal_inspections(module_world, django_db_blocker):
    """The inspections of the table, inside module_world's transaction."""
    w = module_world
    with django_db_blocker.unblock():
        inspector, other_inspector = w.user(INSP), w.others["other_inspector"]

        def inspection(name, approach, organisation, by, year, status):
            return inspection_row(name, approach, organisation, by, year, status, level="case")

        S = InspectionStatus
        return {
            "own_judging": inspection("own_judging", w.approach, w.inspectorate, inspector, 2020, S.JUDGING),
            "own_rebuttal": inspection("own_rebuttal", w.approach, w.inspectorate, inspector, 2021, S.REBUTTAL),
            "own_published": inspection("own_published", w.approach, w.inspectorate, inspector, 2022, S.PUBLISHED),
            "other_inspectorate_rebuttal": inspection(
                "other_inspectorate_rebuttal", w.approach, w.other_inspectorate, other_inspector, 2023, S.REBUTTAL
            ),
            "other_municipality_rebuttal": inspection(
                "other_municipality_rebuttal", w.other_approach, w.inspectorate, inspector, 2021, S.REBUTTAL
            ),
        }


def test_the_table_covers_every_role_and_inspection(module_rebuttal_inspections):
    assert {row[0] for row in REBUTTAL_TABLE} == set(module_rebuttal_inspections)
    for name in module_rebuttal_inspections:
        assert sorted(row[1] for row in REBUTTAL_TABLE if row[0] == name) == sorted(Role), name


@pytest.mark.parametrize(("which", "role", "action", "expected"), REBUTTAL_CELLS)
def test_rebuttal_action(module_world, module_rebuttal_inspections, which, role, action, expected):
    inspection, actor = module_rebuttal_inspections[which], module_world.user(role)

    assert policy.can(actor, action, inspection) is expected
    assert policy.inspections_for(actor, action).filter(pk=inspection.pk).exists() is expected


@pytest.mark.parametrize("role", list(Role))
def test_inspections_for_is_exactly_the_true_cells(module_world, module_rebuttal_inspections, role):
    actor = module_world.user(role)
    for index, action in enumerate(REBUTTAL_COLUMNS):
        expected = {
            module_rebuttal_inspections[row[0]].pk for row in REBUTTAL_TABLE if row[1] == role and row[2 + index]
        }
        assert set(policy.inspections_for(actor, action).values_list("pk", flat=True)) == expected, action


def test_responding_is_asked_of_an_inspection_only(module_world, module_rebuttal_inspections):
    officer = module_world.user(POLICY)
    assert not policy.can(officer, A.RESPOND_TO_CONCEPT)
    assert not policy.can(officer, A.RESPOND_TO_CONCEPT, module_world.family("mandated"))
    assert not policy.can(officer, A.RESPOND_TO_CONCEPT, module_world.approach)
