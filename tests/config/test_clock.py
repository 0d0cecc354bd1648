"""The frozen clock of tests/conftest.py: database tests run on FROZEN_NOW, the others on the real clock.

(The module-scoped world is tested in test_clock_module.py: a module that uses it runs on FROZEN_NOW as a whole.)
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.clock import FROZEN_NOW


@pytest.mark.django_db
def test_a_database_test_runs_on_the_frozen_day_from_ten_in_amsterdam(frozen_clock):
    assert frozen_clock
    assert timezone.localdate() == FROZEN_NOW.date()
    now = timezone.localtime()
    assert (now.hour, now.minute, str(now.tzinfo)) == (10, 0, "Europe/Amsterdam")
    assert timedelta(0) <= timezone.now() - FROZEN_NOW < timedelta(minutes=1)  # it ticks on from there


def test_the_world_is_built_on_the_frozen_day(world):
    assert world.family("consent_withdrawn").consents.get().withdrawn_on == FROZEN_NOW.date() - timedelta(days=1)
    assert world.family("mandate_expired").mandates.get().expires_on == FROZEN_NOW.date() - timedelta(1)


def test_a_test_without_the_database_sees_the_real_clock(frozen_clock):
    assert not frozen_clock
    assert timezone.now() > FROZEN_NOW + timedelta(days=1)


@pytest.mark.browser
@pytest.mark.django_db
def test_a_browser_test_keeps_the_real_clock_for_chromium(frozen_clock):
    assert not frozen_clock
    assert timezone.now() > FROZEN_NOW + timedelta(days=1)
