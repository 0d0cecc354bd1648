"""The authorisation table for inspections (toezichtonderzoek) and their questionnaires: every cell of
tests/policy/tables.py is a test case of its own, on module_world and the inspections of module_inspections."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import Membership, Role, User
from gezinsregie.inspections.models import Respondent, RespondentKind
from gezinsregie.policy import Permission as A
from tests.factories import ApproachFactory
from tests.policy.inspection_rows import inspection as inspection_row
from tests.policy.tables import (
    INSP,
    INSPECTION_ACTIONS,
    INSPECTION_CELLS,
    INSPECTION_TABLE,
    POLICY,
    RESPONDENT_CELLS,
    RESPONDENT_TABLE,
    START_CELLS,
    START_TABLE,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def module_inspections(module_world, django_db_blocker):
    """The inspections and respondents of the tables above, inside module_world's transaction."""
    w = module_world
    with django_db_blocker.unblock():
        inspector, other_inspector = w.user(INSP), w.others["other_inspector"]

        def inspection(name, approach, organisation, by, year, status):
            return inspection_row(name, approach, organisation, by, year, status, level="policy")

        inspections = {
            "own_draft": inspection("own_draft", w.approach, w.inspectorate, inspector, 2020, "draft"),
            "own_open": inspection("own_open", w.approach, w.inspectorate, inspector, 2021, "open"),
            "own_published": inspection("own_published", w.approach, w.inspectorate, inspector, 2022, "published"),
            "other_published": inspection(
                "other_published", w.approach, w.other_inspectorate, other_inspector, 2023, "published"
            ),
            "other_municipality_open": inspection(
                "other_municipality_open", w.other_approach, w.inspectorate, inspector, 2021, "open"
            ),
            "other_municipality_published": inspection(
                "other_municipality_published", w.other_approach, w.inspectorate, inspector, 2022, "published"
            ),
        }
        # the same municipality's second approach, which the process manager does not run (respondents only)
        second_approach_open = inspection(
            "second_approach_open",
            ApproachFactory(municipality=w.approach.municipality, framework=w.approach.framework),
            w.inspectorate,
            inspector,
            2021,
            "open",
        )

        def respondent(inspection_name, organisation, kind):
            return Respondent.objects.create(
                inspection=second_approach_open
                if inspection_name == "second_approach_open"
                else inspections[inspection_name],
                organisation=organisation,
                kind=kind,
                invited_on=timezone.localdate(),
                invited_by=inspector,
            )

        municipal, partner = RespondentKind.MUNICIPALITY, RespondentKind.PARTNER
        respondents = {
            "municipality_open": respondent("own_open", w.municipal_org, municipal),
            "coordinator_org_open": respondent("own_open", w.coordinator_org, partner),
            "professional_org_open": respondent("own_open", w.professional_org, partner),
            "municipality_draft": respondent("own_draft", w.municipal_org, municipal),
            "municipality_published": respondent("own_published", w.municipal_org, municipal),
            "other_municipality_open": respondent("other_municipality_open", w.other_municipal_org, municipal),
            "municipality_second_approach_open": respondent("second_approach_open", w.municipal_org, municipal),
        }
    return inspections, respondents


def test_the_inspection_tables_cover_every_role_and_object(module_inspections):
    inspections, respondents = module_inspections
    for table, objects in (
        (START_TABLE, {"own", "other"}),
        (INSPECTION_TABLE, inspections),
        (RESPONDENT_TABLE, respondents),
    ):
        assert {row[0] for row in table} == set(objects)
        for obj in objects:
            assert sorted(row[1] for row in table if row[0] == obj) == sorted(Role), obj


@pytest.mark.parametrize(("which", "role", "action", "expected"), START_CELLS)
def test_start_inspection_action(module_world, which, role, action, expected):
    approach = module_world.approach if which == "own" else module_world.other_approach
    actor = module_world.user(role)

    assert policy.can(actor, action, approach) is expected
    assert policy.approaches_for(actor, action).filter(pk=approach.pk).exists() is expected


@pytest.mark.parametrize(("which", "role", "action", "expected"), INSPECTION_CELLS)
def test_inspection_action(module_world, module_inspections, which, role, action, expected):
    inspection, actor = module_inspections[0][which], module_world.user(role)

    assert policy.can(actor, action, inspection) is expected
    assert policy.inspections_for(actor, action).filter(pk=inspection.pk).exists() is expected


@pytest.mark.parametrize(("which", "role", "action", "expected"), RESPONDENT_CELLS)
def test_respondent_action(module_world, module_inspections, which, role, action, expected):
    respondent, actor = module_inspections[1][which], module_world.user(role)

    assert policy.can(actor, action, respondent) is expected
    assert policy.respondents_for(actor, action).filter(pk=respondent.pk).exists() is expected


@pytest.mark.parametrize("role", list(Role))
def test_inspections_and_questionnaires_for_are_exactly_the_true_cells(module_world, module_inspections, role):
    inspections, respondents = module_inspections
    actor = module_world.user(role)
    for action in INSPECTION_ACTIONS:
        index = INSPECTION_ACTIONS.index(action)
        expected = {inspections[row[0]].pk for row in INSPECTION_TABLE if row[1] == role and row[2 + index]}
        found = policy.inspections_for(actor, action)
        # the second approach's inspection is in the world for the respondent table only
        found = found.filter(pk__in=[i.pk for i in inspections.values()])
        assert set(found.values_list("pk", flat=True)) == expected, action
    expected = {respondents[row[0]].pk for row in RESPONDENT_TABLE if row[1] == role and row[2]}
    assert set(policy.respondents_for(actor).values_list("pk", flat=True)) == expected


def test_inspection_actions_are_not_asked_of_other_objects(module_world, module_inspections):
    inspections, respondents = module_inspections
    inspector, officer = module_world.user(INSP), module_world.user(POLICY)
    assert not policy.can(inspector, A.INSPECT, inspections["own_open"])  # a family action on an inspection
    assert not policy.can(inspector, A.CONDUCT_INSPECTION, module_world.family("mandated"))
    assert not policy.can(inspector, A.CONDUCT_INSPECTION)
    assert not policy.can(officer, A.ANSWER_INSPECTION, inspections["own_open"])  # answering is per questionnaire
    assert not policy.can(officer, A.VIEW_INSPECTION, respondents["municipality_open"])


@pytest.mark.parametrize("role", list(Role))
def test_an_inactive_user_sees_no_inspection_or_questionnaire(module_world, module_inspections, role):
    Membership.objects.filter(user=module_world.user(role)).update(active=False)
    actor = User.objects.get(pk=module_world.user(role).pk)
    for action in A:
        assert not policy.inspections_for(actor, action).exists(), action
        assert not policy.respondents_for(actor, action).exists(), action
    assert not policy.inspections_for(AnonymousUser(), A.VIEW_INSPECTION).exists()
    assert not policy.respondents_for(AnonymousUser()).exists()
