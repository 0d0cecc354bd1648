"""A module that uses module_world runs on the frozen clock as a whole: the world is built before any test."""

from datetime import timedelta

from django.utils import timezone

from tests.clock import FROZEN_NOW


def test_the_module_world_is_built_on_the_frozen_day(module_world):
    assert module_world.family("consent_future").consents.get().signed_on == FROZEN_NOW.date() + timedelta(days=1)


def test_and_the_whole_module_runs_on_it(module_world):
    assert timezone.localdate() == FROZEN_NOW.date()
