"""Shared fixtures, the hypothesis profiles and the frozen clock.

Where tests live:

- tests/<app>/test_<module>.py tests src/gezinsregie/<app>/<module>.py; a module that is a package, or a test
  file that outgrows 400 lines, becomes tests/<app>/test_<module>_<part>.py (test_services_triage.py);
- tests/browser/ holds the Playwright flows (marker `browser`), tests/policy/ and tests/config/ what cuts
  across the apps (the authorisation table, the settings, the clock);
- no test package without tests; what tests share is a plain module, not a conftest: the factories
  (tests/factories.py), the builder on top of them (tests/builder.py), the scenario worlds (tests/worlds/),
  tables and helpers of one package (tests/<app>/<name>.py, not named test_*). A conftest.py holds fixtures.

The clock: every test that uses the database runs on FROZEN_NOW (tests/clock.py, ticking from there), except
the browser tests, whose chromium has its own clock. Tests without the database see the real clock, except in a
module that uses module_world: that world is built before any of its tests, so the module runs on FROZEN_NOW.

Hypothesis: profile "ci" (the default) has no deadline; HYPOTHESIS_PROFILE=dev runs fewer examples.
"""

import os

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # browser tests (Playwright) share this file

from collections.abc import Callable, Iterator

import pytest
import time_machine
from django.db import transaction
from django.test import Client
from hypothesis import settings

from gezinsregie.accounts.models import User
from gezinsregie.frameworks import services as framework_services
from gezinsregie.frameworks.models import Framework, LifeDomainSet
from gezinsregie.organisations.models import Approach
from tests.clock import FROZEN_NOW
from tests.factories import ApproachFactory
from tests.worlds.authorisation import World, build_world

# --- hypothesis --------------------------------------------------------------------------------------------

# No deadline: a shared CI runner is sometimes slow, and a slow example is not a wrong one.
settings.register_profile("ci", deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None, max_examples=20)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# --- the clock ---------------------------------------------------------------------------------------------

DATABASE_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences", "django_db_serialized_rollback"}


def runs_on_frozen_clock(item: pytest.Item) -> bool:
    """A test that uses the database and is not a browser test."""
    if item.get_closest_marker("browser"):
        return False
    uses_database = item.get_closest_marker("django_db") or DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
    return bool(uses_database)


@pytest.fixture(autouse=True)
def empty_cache() -> Iterator[None]:
    """Every test starts with an empty cache: the hourly limits (common.throttle) count per key per hour, and on the
    frozen clock every test runs in the same hour."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(autouse=True)
def frozen_clock(request: pytest.FixtureRequest) -> Iterator[bool]:
    """True while the test runs on FROZEN_NOW (see runs_on_frozen_clock)."""
    if not runs_on_frozen_clock(request.node):
        yield False
        return
    with time_machine.travel(FROZEN_NOW, tick=True):
        yield True


@pytest.fixture(scope="module")
def module_clock() -> Iterator[None]:
    """FROZEN_NOW for the whole module, for module-scoped data built before frozen_clock starts per test."""
    with time_machine.travel(FROZEN_NOW, tick=True):
        yield


# --- worlds ------------------------------------------------------------------------------------------------


@pytest.fixture
def world(db: None) -> World:
    """A fresh world per test (tests/worlds/authorisation.py): change it as you like."""
    return build_world()


@pytest.fixture(scope="module")
def module_world(module_clock: None, django_db_setup: None, django_db_blocker: object) -> Iterator[World]:
    """The same world built once per test module, for tests that only read it (each test still runs in
    its own savepoint inside this transaction, which is rolled back after the module)."""
    with django_db_blocker.unblock(), transaction.atomic():  # type: ignore[attr-defined]
        yield build_world()
        transaction.set_rollback(True)


@pytest.fixture
def framework(db: None) -> Framework:
    """The shipped STJ framework and the life-domain sets, loaded the way `load_frameworks` does."""
    result = framework_services.framework_load(path=framework_services.DEFAULT_FRAMEWORK_FILES[0])
    framework_services.life_domain_sets_load()
    return result.framework


@pytest.fixture
def approach(framework: Framework) -> Approach:
    return ApproachFactory(framework=framework, life_domain_set=LifeDomainSet.objects.get(key="stj-2013"))


@pytest.fixture
def login(client: Client) -> Callable[[User], Client]:
    """login(user) → the test client, logged in as that user."""

    def _login(user: User) -> Client:
        client.force_login(user)
        return client

    return _login
