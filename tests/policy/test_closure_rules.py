"""Access follows the casework (issue 12 §7): every cell of tests/policy/closure_tables.py, on closed families added to
the shared module_world (and rolled back with it)."""

from collections.abc import Iterator

import pytest
from django.db import transaction

from gezinsregie import policy
from gezinsregie.accounts.models import Role
from gezinsregie.casework.models import Family, FamilyStatus
from gezinsregie.organisations.models import Approach
from tests.builder import Builder
from tests.policy.closure_tables import CLOSURE_CELLS, CLOSURE_TABLE
from tests.worlds.authorisation import World

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def closed(module_world: World, django_db_blocker: object) -> Iterator[dict[str, Family]]:
    b = Builder()
    coordinator, professional = module_world.user(Role.COORDINATOR), module_world.user(Role.PROFESSIONAL)
    org = module_world.professional_org
    with django_db_blocker.unblock(), transaction.atomic():  # type: ignore[attr-defined]

        def family(status: str) -> Family:
            return b.family(module_world.approach, status=status, coordinator=coordinator, registered=300, started=250)

        families = {"closed_left_open": family(FamilyStatus.CLOSED)}
        b.involvement(families["closed_left_open"], professional, org)  # never ended
        b.consent(families["closed_left_open"], [org])

        families["closed_watched"] = family(FamilyStatus.ACTIVE)
        b.consent(families["closed_watched"], [org])
        b.aftercare(families["closed_watched"], professional)  # closes it with aftercare

        families["closed_ended"] = family(FamilyStatus.CLOSED)
        b.involvement(families["closed_ended"], professional, org, started_on=b.ago(200), ended_on=b.ago(20))
        b.consent(families["closed_ended"], [org])

        # the approach lets the coordinator read a closed family 60 days (issue 12 §7)
        Approach.objects.filter(pk=module_world.approach.pk).update(coordinator_reads_after_closure_days=60)
        for name, days_ago in (("closed_in_term", 30), ("closed_past_term", 90)):
            families[name] = family(FamilyStatus.CLOSED)
            Family.objects.filter(pk=families[name].pk).update(closed_on=b.ago(days_ago))
            b.involvement(families[name], professional, org, started_on=b.ago(200), ended_on=b.ago(days_ago))
            b.consent(families[name], [org])
        yield families
        transaction.set_rollback(True)


def test_the_table_covers_every_family_and_role(closed):
    assert {row[0] for row in CLOSURE_TABLE} == set(closed)
    for name in closed:
        assert sorted(row[1] for row in CLOSURE_TABLE if row[0] == name) == sorted(Role)


@pytest.mark.parametrize(("family_name", "role", "action", "expected"), CLOSURE_CELLS)
def test_closure_action(module_world, closed, family_name, role, action, expected):
    actor, family = module_world.user(role), closed[family_name]

    assert policy.can(actor, action, family) is expected
    assert policy.families_for(actor, action).filter(pk=family.pk).exists() is expected
    assert (policy.granting_membership(actor, action, family) is not None) is expected
