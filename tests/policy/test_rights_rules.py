"""tests/policy/rights_tables.py, checked: each cell through policy.can and families_for, and an erased family is
nobody's, whatever the role (issue 12 §9)."""

import pytest
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import Role
from gezinsregie.privacy.models import Erasure
from tests.policy.rights_tables import RIGHTS_CELLS, RIGHTS_TABLE

pytestmark = pytest.mark.django_db


def test_the_table_covers_every_role_for_each_family():
    for name in {row[0] for row in RIGHTS_TABLE}:
        assert sorted(row[1] for row in RIGHTS_TABLE if row[0] == name) == sorted(Role), name


@pytest.mark.parametrize(("family_name", "role", "action", "expected"), RIGHTS_CELLS)
def test_rights_action(module_world, family_name, role, action, expected):
    actor, family = module_world.user(role), module_world.family(family_name)
    assert policy.can(actor, action, family) is expected
    assert policy.families_for(actor, action).filter(pk=family.pk).exists() is expected


@pytest.mark.parametrize("role", list(Role))
def test_an_erased_family_is_nobodys(world, role):
    family = world.family("coordinated")
    Erasure.objects.create(
        family=family, erased_on=timezone.localdate(), ended_on=timezone.localdate(), retention_years=20,
        fields_erased=0, files_deleted=0,
    )  # fmt: skip
    actor = world.user(role)
    for action in policy.Permission:
        assert not policy.families_for(actor, action).filter(pk=family.pk).exists(), action
