"""Stored self-assessment results (issue 13 §11): computed by the background checks, read by the dashboard."""

from collections import Counter
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from gezinsregie.accounts.models import Role
from gezinsregie.accounts.system import SystemPurpose, system_actor
from gezinsregie.assessment import selectors, services
from gezinsregie.assessment.indicators import COMPUTED, Outcome
from gezinsregie.assessment.models import AssessmentSnapshot, DirtyFamily, StoredResult
from gezinsregie.casework.models import Problem, Severity
from gezinsregie.frameworks.models import LifeDomainSet
from gezinsregie.plans import services as plan_services
from tests.factories import ApproachFactory, FamilyFactory, MemberFactory, MembershipFactory, UserFactory


@pytest.fixture
def scene(framework):
    approach = ApproachFactory(framework=framework, life_domain_set=LifeDomainSet.objects.get(key="stj-2013"))
    pm = UserFactory(username="pm")
    MembershipFactory(
        user=pm, role=Role.PROCESS_MANAGER, approach=approach, organisation__municipality=approach.municipality
    )
    return {"approach": approach, "pm": pm, "system": system_actor(SystemPurpose.BACKGROUND_TASKS)}


def add_family(scene, *, started_days_ago=50, closed_days_ago=None, problem=True):
    today = timezone.localdate()
    family = FamilyFactory(
        approach=scene["approach"],
        registered_on=today - timedelta(days=(started_days_ago or 0) + 10),
        started_on=today - timedelta(days=started_days_ago) if started_days_ago is not None else None,
        closed_on=today - timedelta(days=closed_days_ago) if closed_days_ago is not None else None,
    )
    member = MemberFactory(family=family)
    if problem:
        Problem.objects.create(
            family=family, member=member, domain=scene["approach"].life_domain_set.domains.first(),
            description="Schulden", severity=Severity.SEVERE, chronic=True,
            identified_on=today - timedelta(days=max(started_days_ago or 0, 1)), recorded_by=scene["pm"],
        )  # fmt: skip
    return family


def live_counts(scene):
    live = selectors.assessment_of(actor=scene["pm"], approach=scene["approach"])
    return {s.indicator.key: Counter({k: v for k, v in s.counts.items() if v}) for s in live.indicators}


def stored_counts(scene):
    stored = selectors.stored_assessment_of(actor=scene["pm"], approach=scene["approach"])
    assert stored is not None and stored.stored
    return {s.indicator.key: Counter({k: v for k, v in s.counts.items() if v}) for s in stored.indicators}


def test_recompute_stores_one_row_per_family_and_indicator_equal_to_the_live_results(scene):
    started = [add_family(scene), add_family(scene, started_days_ago=200, problem=False)]
    add_family(scene, started_days_ago=None)  # registered, not started: not in scope

    assert services.assessment_recompute(actor=scene["system"], approach=scene["approach"]) == 2

    assert StoredResult.objects.count() == 2 * len(COMPUTED)
    live = selectors.assessment_of(actor=scene["pm"], approach=scene["approach"]).results
    for family in started:
        stored = dict(StoredResult.objects.filter(family=family).values_list("key", "outcome"))
        assert stored == {key: str(result.outcome) for key, result in live[family.pk].items()}
        assert set(StoredResult.objects.filter(family=family).values_list("episode", flat=True)) == {1}


def test_only_the_background_account_recomputes(scene):
    with pytest.raises(PermissionDenied):
        services.assessment_recompute(actor=scene["pm"], approach=scene["approach"])


def test_a_change_to_a_family_is_stored_after_the_next_check(scene):
    family = add_family(scene)
    services.assessment_refresh(actor=scene["system"])
    assert StoredResult.objects.get(family=family, key="C3.a.3").outcome == Outcome.NOT_MET
    assert not DirtyFamily.objects.exists()

    plan = plan_services.plan_create(actor=scene["pm"], family=family)
    plan_services.plan_record_approval(
        actor=scene["pm"], plan=plan, expected_version=plan.version, goals_set_with_family=True,
        approved_by_family_on=timezone.localdate(),
    )  # fmt: skip
    assert DirtyFamily.objects.filter(family_id=family.pk).exists()  # marked by the save, not yet recomputed
    assert StoredResult.objects.get(family=family, key="C3.a.3").outcome == Outcome.NOT_MET

    assert services.assessment_refresh(actor=scene["system"]) == 1  # only the changed family
    assert StoredResult.objects.get(family=family, key="C3.a.3").outcome == Outcome.MET
    assert stored_counts(scene)["C3.a.3"] == Counter({Outcome.MET: 1})
    assert not DirtyFamily.objects.exists()
    assert services.assessment_refresh(actor=scene["system"]) == 0  # nothing changed since


def test_a_new_day_recomputes_every_family_and_rewrites_only_changed_answers(scene):
    family = add_family(scene)
    add_family(scene)
    services.assessment_refresh(actor=scene["system"])
    assert services.assessment_refresh(actor=scene["system"]) == 0
    today, tomorrow = timezone.localdate(), timezone.localdate() + timedelta(days=1)
    StoredResult.objects.filter(family=family, key="C1.a.3").update(outcome=Outcome.UNKNOWN, evidence="oud")

    assert services.assessment_refresh(actor=scene["system"], today=tomorrow) == 2

    assert AssessmentSnapshot.objects.filter(open_only=False, day=tomorrow).exists()
    rewritten = StoredResult.objects.get(family=family, key="C1.a.3")
    assert (rewritten.outcome, rewritten.changed_on) == (Outcome.MET, tomorrow)
    live = selectors.assessment_of(actor=scene["pm"], approach=scene["approach"], as_of=tomorrow).results
    for row in StoredResult.objects.all():
        assert row.outcome == live[row.family_id][row.key].outcome
    assert StoredResult.objects.filter(changed_on=today).count() == 2 * len(COMPUTED) - 1  # the rest untouched


def test_chunked_recompute_gives_the_live_numbers(scene):
    add_family(scene)
    add_family(scene, started_days_ago=120, problem=False)
    add_family(scene, started_days_ago=90, closed_days_ago=20)
    add_family(scene, started_days_ago=5)
    add_family(scene, started_days_ago=300)

    assert services.assessment_recompute(actor=scene["system"], approach=scene["approach"], chunk_size=2) == 5

    assert stored_counts(scene) == live_counts(scene)


def test_the_dashboard_reads_stored_results_in_a_fixed_number_of_queries(scene, login, django_assert_max_num_queries):
    client = login(scene["pm"])
    url = reverse("assessment:dashboard", args=[scene["approach"].pk])
    add_family(scene)
    services.assessment_refresh(actor=scene["system"])
    client.get(url)  # warm up: session, content types
    with CaptureQueriesContext(connection) as one:
        response = client.get(url)
    assert "door de achtergrondcontrole" in response.content.decode()

    for days in (10, 20, 30, 40, 60, 70):
        add_family(scene, started_days_ago=days)
    services.assessment_refresh(actor=scene["system"])
    with django_assert_max_num_queries(len(one)):
        response = client.get(url)
    assert response.context["assessment"].families == 7
    assert response.context["assessment"].stored
    assert len(response.context["assessment"].results) == 0  # no family was computed for the page


def test_the_families_behind_a_stored_number(scene, login):
    met, not_met = add_family(scene), add_family(scene)
    plan = plan_services.plan_create(actor=scene["pm"], family=met)
    plan_services.plan_record_approval(
        actor=scene["pm"], plan=plan, expected_version=plan.version, goals_set_with_family=True,
        approved_by_family_on=timezone.localdate(),
    )  # fmt: skip
    services.assessment_refresh(actor=scene["system"])
    total, rows = selectors.stored_families_behind(
        actor=scene["pm"], approach=scene["approach"], key="C3.a.3", outcome=Outcome.NOT_MET
    )
    assert total == 1
    assert [family for family, _ in rows] in ([], [not_met])  # only those the viewer may see


def test_the_trend_from_snapshots_equals_the_live_trend(scene):
    add_family(scene, started_days_ago=200)
    add_family(scene, started_days_ago=100, closed_days_ago=40)
    add_family(scene, started_days_ago=70, problem=False)
    add_family(scene, started_days_ago=3)
    for key in ("C3.a.3", "C1.a.3"):
        assert selectors.stored_trend_of(actor=scene["pm"], approach=scene["approach"], key=key) is None

    services.assessment_refresh(actor=scene["system"])

    for key in ("C3.a.3", "C1.a.3", "C4.a.1"):
        live = selectors.trend_of(actor=scene["pm"], approach=scene["approach"], key=key)
        stored = selectors.stored_trend_of(actor=scene["pm"], approach=scene["approach"], key=key)
        assert stored == live
    assert selectors.trend_of(actor=scene["pm"], approach=scene["approach"], key="C3.a.3")[-4].families >= 1


def test_a_past_month_end_is_final_once_taken_after_it_passed(scene):
    add_family(scene, started_days_ago=100)
    services.assessment_refresh(actor=scene["system"])
    month_end = selectors.month_ends(today=timezone.localdate(), months=12)[-2]
    snapshot = AssessmentSnapshot.objects.get(approach=scene["approach"], day=month_end, open_only=True, key="C3.a.3")
    add_family(scene, started_days_ago=90)  # a family added later does not rewrite last month's count
    services.assessment_refresh(actor=scene["system"])
    again = AssessmentSnapshot.objects.get(pk=snapshot.pk)
    assert (again.met, again.not_met, again.computed_on) == (snapshot.met, snapshot.not_met, snapshot.computed_on)


def test_deleting_a_record_marks_its_family_and_a_deleted_family_leaves_the_counts(scene):
    kept, removed = add_family(scene), add_family(scene)
    services.assessment_refresh(actor=scene["system"])
    Problem.objects.filter(family=kept).get().delete()
    assert DirtyFamily.objects.filter(family_id=kept.pk).exists()
    removed.delete()  # with its records: their marks name a family that is gone

    assert services.assessment_refresh(actor=scene["system"]) == 1
    assert not DirtyFamily.objects.exists()
    assert set(StoredResult.objects.values_list("family_id", flat=True)) == {kept.pk}
    assert stored_counts(scene) == live_counts(scene)
