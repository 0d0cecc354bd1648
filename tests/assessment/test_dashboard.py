"""The live self-assessment of an approach, from the casework data, behind the policy."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from gezinsregie.accounts.models import Role
from gezinsregie.assessment import selectors
from gezinsregie.assessment.indicators import Outcome
from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.casework.models import FamilyStatus, Problem, Severity
from gezinsregie.frameworks.models import LifeDomainSet
from gezinsregie.plans import services as plan_services
from tests.factories import (
    ApproachFactory,
    ConsentFactory,
    FamilyFactory,
    MemberFactory,
    MembershipFactory,
    UserFactory,
)


@pytest.fixture
def scene(framework, django_user_model):
    """An approach on the real framework, its process manager and coordinator, and one started family."""
    today = timezone.localdate()
    approach = ApproachFactory(framework=framework, life_domain_set=LifeDomainSet.objects.get(key="stj-2013"))
    pm = UserFactory(username="pm")
    MembershipFactory(
        user=pm, role=Role.PROCESS_MANAGER, approach=approach, organisation__municipality=approach.municipality
    )
    coordinator = UserFactory(username="regie")
    MembershipFactory(user=coordinator, role=Role.COORDINATOR)
    policy_officer = UserFactory(username="beleid")
    MembershipFactory(user=policy_officer, role=Role.POLICY_OFFICER, organisation__municipality=approach.municipality)
    family = FamilyFactory(
        approach=approach,
        registered_on=today - timedelta(days=60),
        started_on=today - timedelta(days=50),
        coordinator=coordinator,
    )
    parent = MemberFactory(family=family)
    ConsentFactory(family=family, organisations=[], signed_on=today - timedelta(days=45))
    problem = Problem.objects.create(
        family=family, member=parent, domain=approach.life_domain_set.domains.first(), description="Schulden",
        severity=Severity.SEVERE, chronic=True, family_participated=True, identified_on=today - timedelta(days=40),
        recorded_by=pm,
    )  # fmt: skip
    return {"approach": approach, "pm": pm, "coordinator": coordinator, "policy": policy_officer,
            "family": family, "problem": problem}  # fmt: skip


def outcome(scene, key):
    assessment = selectors.assessment_of(actor=scene["pm"], approach=scene["approach"])
    return assessment.results[scene["family"].pk][key].outcome


def test_adding_and_agreeing_a_plan_turns_c3a3_to_met(scene):
    assert outcome(scene, "C3.a.3") == Outcome.NOT_MET
    plan = plan_services.plan_create(actor=scene["pm"], family=scene["family"])
    plan_services.plan_add_goal(
        actor=scene["pm"], plan=plan, expected_version=plan.version, problem=scene["problem"],
        description="Schulden onder controle", priority=1, term="short",
    )  # fmt: skip
    plan.refresh_from_db()
    assert outcome(scene, "C3.a.3") == Outcome.NOT_MET  # a plan, but not agreed with the family
    assert outcome(scene, "C3.a.2") == Outcome.MET  # every problem has a goal
    plan_services.plan_record_approval(
        actor=scene["pm"], plan=plan, expected_version=plan.version, goals_set_with_family=True,
        approved_by_family_on=timezone.localdate(),
    )  # fmt: skip
    assert outcome(scene, "C3.a.3") == Outcome.MET


def test_a_new_problem_after_the_last_plan_change_turns_c3a3_back(scene):
    plan = plan_services.plan_create(actor=scene["pm"], family=scene["family"])
    plan_services.plan_record_approval(
        actor=scene["pm"], plan=plan, expected_version=plan.version, goals_set_with_family=True,
        approved_by_family_on=timezone.localdate(),
    )  # fmt: skip
    assert outcome(scene, "C3.a.3") == Outcome.MET
    Problem.objects.filter(pk=scene["problem"].pk).update(identified_on=timezone.localdate() + timedelta(days=1))
    later = selectors.assessment_of(
        actor=scene["pm"], approach=scene["approach"], as_of=timezone.localdate() + timedelta(days=1)
    )
    assert later.results[scene["family"].pk]["C3.a.3"].outcome == Outcome.NOT_MET


def test_the_computation_does_not_query_per_family(scene):
    def queries_for_assessment():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            selectors.assessment_of(actor=scene["pm"], approach=scene["approach"])
        return len(captured)

    queries_for_assessment()  # the first call also reads the actor's memberships (cached per user object)
    few = queries_for_assessment()
    for _ in range(15):
        family = FamilyFactory(approach=scene["approach"], started_on=timezone.localdate() - timedelta(days=5))
        MemberFactory.create_batch(2, family=family)
    assert queries_for_assessment() == few


def test_the_dashboard_shows_numbers_to_the_process_manager_and_the_policy_officer(scene, login):
    url = reverse("assessment:dashboard", args=[scene["approach"].pk])
    for user in (scene["pm"], scene["policy"]):
        response = login(user).get(url)
        assert response.status_code == 200
        content = response.content.decode()
        assert "C3.a.3" in content
        # all 33 case indicators are answered from recorded data: none "from interviews" or "not recorded"
        assert "uit gesprekken" not in content and "nog niet vastgelegd" not in content
        assert scene["family"].name not in content


def test_the_dashboard_is_closed_to_others(scene, login, world):
    url = reverse("assessment:dashboard", args=[scene["approach"].pk])
    assert login(scene["coordinator"]).get(url).status_code == 404
    assert login(world.user(Role.POLICY_OFFICER)).get(url).status_code == 404  # another municipality


def test_the_families_behind_a_number_only_for_who_may_see_them(scene, login):
    url = reverse("assessment:families", args=[scene["approach"].pk, "C3.a.3", "not_met"])
    response = login(scene["pm"]).get(url)
    assert response.status_code == 200
    assert scene["family"].reference in response.content.decode()
    assert AccessLogEntry.objects.filter(action="assessment.families", family_id=scene["family"].pk).count() == 1

    response = login(scene["policy"]).get(url)
    content = response.content.decode()
    assert scene["family"].reference not in content
    assert "alleen de gezinnen die u mag inzien" in content


def test_the_trend_counts_a_plan_only_from_the_month_it_existed(scene):
    plan = plan_services.plan_create(actor=scene["pm"], family=scene["family"])
    plan_services.plan_record_approval(
        actor=scene["pm"], plan=plan, expected_version=plan.version, goals_set_with_family=True,
        approved_by_family_on=timezone.localdate(),
    )  # fmt: skip
    points = selectors.trend_of(actor=scene["pm"], approach=scene["approach"], key="C3.a.3", months=3)
    assert points[-1].met == 1
    assert all(p.met == 0 for p in points[:-1])


def test_closed_families_count_now_but_not_in_the_trend_after_closing(scene):
    family = scene["family"]
    family.status, family.closed_on = FamilyStatus.CLOSED, timezone.localdate() - timedelta(days=40)
    family.save()
    assert scene["family"].pk in selectors.assessment_of(actor=scene["pm"], approach=scene["approach"]).results
    points = selectors.trend_of(actor=scene["pm"], approach=scene["approach"], key="C1.a.3", months=1)
    assert points[-1].families == 0
