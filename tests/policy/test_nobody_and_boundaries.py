"""Who may do nothing at all (inactive, anonymous, without membership), memberships that add up, and the first and
last day of a mandate, a consent and an involvement; on the shared module_world (tests/worlds/authorisation.py)."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import Membership, Role, User
from gezinsregie.casework.models import Family
from gezinsregie.policy import Permission as A
from tests.factories import (
    ConsentFactory,
    FamilyFactory,
    InspectionMandateFactory,
    InvolvementFactory,
    MembershipFactory,
    UserFactory,
)
from tests.policy.tables import COORD, INSP, PRIV, PROF

pytestmark = pytest.mark.django_db


def _can_do_nothing(actor: object, world) -> None:
    for action in A:
        assert not policy.families_for(actor, action).exists(), action
        assert not policy.can(actor, action), action
        for approach in (world.approach, world.other_approach):
            assert not policy.can(actor, action, approach), action
        for family in world.families.values():
            assert not policy.can(actor, action, family), (action, family)
    with pytest.raises(PermissionDenied):
        policy.ensure(actor, A.VIEW_FRAMEWORK)


@pytest.mark.parametrize("role", list(Role))
def test_an_inactive_user_can_do_nothing(module_world, role):
    actor = User.objects.get(pk=module_world.user(role).pk)  # a fresh instance: no cached memberships
    actor.is_active = False
    actor.save()

    _can_do_nothing(actor, module_world)


def test_an_anonymous_user_can_do_nothing(module_world):
    _can_do_nothing(AnonymousUser(), module_world)


def test_a_user_without_membership_can_do_nothing(module_world):
    _can_do_nothing(UserFactory(), module_world)


@pytest.mark.parametrize("role", list(Role))
def test_an_inactive_membership_gives_nothing(module_world, role):
    Membership.objects.filter(user=module_world.user(role)).update(active=False)
    actor = User.objects.get(pk=module_world.user(role).pk)

    _can_do_nothing(actor, module_world)


def test_memberships_add_up(module_world):
    """A user with two roles may do what either role may, each within its own scope."""
    actor = UserFactory()
    MembershipFactory(user=actor, role=COORD, organisation=module_world.coordinator_org)
    MembershipFactory(user=actor, role=PRIV, organisation=module_world.municipal_org)
    coordinated, consented = module_world.family("coordinated"), module_world.family("consented")
    Family.objects.filter(pk=coordinated.pk).update(coordinator=actor)

    assert policy.can(actor, A.VIEW, coordinated)
    assert not policy.can(actor, A.VIEW, consented)
    assert policy.can(actor, A.VIEW_LOG, consented)
    assert policy.can(actor, A.SEARCH_LOGS)
    assert not policy.can(actor, A.VIEW_LOG, module_world.family("other"))
    assert policy.granting_membership(actor, A.VIEW, coordinated).role == COORD
    assert policy.granting_membership(actor, A.VIEW_LOG, consented).role == PRIV


def test_a_mandate_is_valid_from_its_first_to_its_last_day(module_world):
    today = timezone.localdate()
    inspector = module_world.user(INSP)
    last_day = FamilyFactory(approach=module_world.approach)
    InspectionMandateFactory(
        family=last_day, organisation=module_world.inspectorate, granted_on=today - timedelta(days=5), expires_on=today
    )
    first_day = FamilyFactory(approach=module_world.approach)
    InspectionMandateFactory(family=first_day, organisation=module_world.inspectorate, granted_on=today)
    not_yet = FamilyFactory(approach=module_world.approach)
    InspectionMandateFactory(
        family=not_yet, organisation=module_world.inspectorate, granted_on=today + timedelta(days=1)
    )
    other_inspectorate = FamilyFactory(approach=module_world.approach)
    InspectionMandateFactory(family=other_inspectorate, organisation=module_world.other_inspectorate)

    assert policy.can(inspector, A.INSPECT, last_day)
    assert policy.can(inspector, A.INSPECT, first_day)
    assert not policy.can(inspector, A.INSPECT, not_yet)
    assert not policy.can(inspector, A.INSPECT, other_inspectorate)
    assert not policy.can(inspector, A.VIEW, first_day)  # a mandate is not a door to the casework


def test_a_consent_signed_today_counts(module_world):
    family = FamilyFactory(approach=module_world.approach)
    professional = module_world.user(PROF)
    InvolvementFactory(family=family, user=professional, organisation=module_world.professional_org)
    assert not policy.can(professional, A.VIEW, family)  # involved, but no consent yet

    ConsentFactory(family=family, organisations=[module_world.professional_org], signed_on=timezone.localdate())
    assert policy.can(professional, A.VIEW, family)


def test_involvement_counts_only_for_the_organisation_it_was_recorded_for(module_world):
    """The professional also works for another organisation that the consent names; the involvement was
    recorded for their own organisation only."""
    family = FamilyFactory(approach=module_world.approach)
    professional = module_world.user(PROF)
    InvolvementFactory(family=family, user=professional, organisation=module_world.other_partner)
    ConsentFactory(family=family, organisations=[module_world.professional_org])

    assert not policy.can(professional, A.VIEW, family)


def test_involvement_counts_from_its_first_to_its_last_day(module_world):
    today = timezone.localdate()
    professional = module_world.user(PROF)

    def involved_family(**dates):
        family = FamilyFactory(approach=module_world.approach)
        ConsentFactory(family=family, organisations=[module_world.professional_org])
        InvolvementFactory(family=family, user=professional, organisation=module_world.professional_org, **dates)
        return family

    starts_tomorrow = involved_family(started_on=today + timedelta(days=1))
    ends_tomorrow = involved_family(started_on=today - timedelta(days=30), ended_on=today + timedelta(days=1))
    ended_today = involved_family(started_on=today - timedelta(days=30), ended_on=today)

    assert not policy.can(professional, A.VIEW, starts_tomorrow)  # planned, not yet involved
    assert policy.can(professional, A.VIEW, ends_tomorrow)  # a planned end does not cut access early
    assert not policy.can(professional, A.VIEW, ended_today)
