"""Fixtures of the plan tests; the world itself (gezin De Vries and its plan) is tests/worlds/plans.py."""

import pytest

from tests.worlds.plans import PlanWithContent, PlanWorld, build_plan_world, plan_with_content


@pytest.fixture
def w(db: None) -> PlanWorld:
    return build_plan_world()


@pytest.fixture
def planned(w: PlanWorld) -> PlanWithContent:
    """A plan (version 5) with two goals and two actions; one action is overdue. Health has no goal yet."""
    return plan_with_content(w)
