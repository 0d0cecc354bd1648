"""Fixtures of the trajectory tests: gezin De Vries with its plan (tests/worlds/plans.py), ready to close."""

import pytest

from tests.worlds.plans import PlanWithContent, PlanWorld, build_plan_world, plan_with_content


@pytest.fixture
def w(db: None) -> PlanWorld:
    return build_plan_world()


@pytest.fixture
def planned(w: PlanWorld) -> PlanWithContent:
    return plan_with_content(w)
