"""The intake team handles an aanmelding held because it may be for a known family (casework/services/pending.py,
issue 12 §6): link it to that family, or register it as new; the registrant stays its referrer and is told only
that it was handled."""

from datetime import date, timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gezinsregie.casework import services
from gezinsregie.casework.models import Family, FamilyStatus, PendingOutcome, PendingReferral
from gezinsregie.notifications.models import Notification
from tests.casework.service_helpers import INTAKE, PM, PROF, log_actions, today
from tests.casework.test_services_registration import register
from tests.factories import FamilyFactory, MemberFactory

pytestmark = pytest.mark.django_db


def held(world: Any, **family_fields: Any) -> tuple[Family, PendingReferral]:
    fields = {"name": "Gezin Zwartbroek", "status": FamilyStatus.ACTIVE} | family_fields
    known = FamilyFactory(approach=world.approach, **fields)
    MemberFactory(family=known, last_name="Zwartbroek", birth_date=date(2015, 9, 1))
    pending = register(world)
    assert isinstance(pending, PendingReferral)
    return known, pending


@pytest.mark.parametrize("role", [INTAKE, PM])
def test_linking_adds_the_registrants_aanmelding_to_the_known_family(world, role):
    known, pending = held(world)

    record = services.pending_referral_link(actor=world.user(role), pending=pending, family=known)

    assert list(known.referrals.all()) == [record]
    assert (record.referred_by, record.organisation, record.reason) == (
        world.user(PROF),
        world.professional_org,
        "Veel schoolverzuim en huurachterstand.",
    )
    assert set(record.domains.all()) == set(pending.domains.all())
    pending.refresh_from_db()
    assert (pending.outcome, pending.family, pending.handled_by) == (PendingOutcome.LINKED, known, world.user(role))
    assert Family.objects.filter(name="Gezin Zwartbroek").count() == 1
    assert "referral.link" in log_actions(known)
    [told] = Notification.objects.filter(user=world.user(PROF), key=f"pending_referral:{pending.pk}:handled")
    assert known.reference not in told.message and "verwerkt" in told.message


def test_linking_a_closed_family_brings_it_back_into_triage(world):
    closed_on = today() - timedelta(days=30)
    known, pending = held(
        world,
        status=FamilyStatus.CLOSED,
        registered_on=today() - timedelta(days=250),
        started_on=today() - timedelta(days=200),
        closed_on=closed_on,
    )

    services.pending_referral_link(actor=world.user(INTAKE), pending=pending, family=known)

    known.refresh_from_db()
    assert known.status == FamilyStatus.REGISTERED
    assert known.registered_on == pending.referred_on


def test_registering_as_new_makes_the_family_with_the_registrant_as_referrer(world):
    known, pending = held(world)

    family = services.pending_referral_register(actor=world.user(INTAKE), pending=pending)

    assert family.pk != known.pk
    assert (family.name, family.status) == ("Gezin Zwartbroek", FamilyStatus.REGISTERED)
    assert sorted(family.members.values_list("first_name", flat=True)) == ["Anna", "Sanne"]
    [record] = family.referrals.all()
    assert (record.referred_by, record.organisation) == (world.user(PROF), world.professional_org)
    pending.refresh_from_db()
    assert (pending.outcome, pending.family) == (PendingOutcome.REGISTERED, family)
    assert known.referrals.count() == 0


def test_a_handled_aanmelding_is_not_handled_twice(world):
    known, pending = held(world)
    services.pending_referral_link(actor=world.user(INTAKE), pending=pending, family=known)

    with pytest.raises(ValidationError, match="al afgehandeld"):
        services.pending_referral_register(actor=world.user(PM), pending=pending)
    assert Family.objects.filter(name="Gezin Zwartbroek").count() == 1


def test_only_a_family_it_was_held_for_can_be_linked(world):
    _, pending = held(world)
    unrelated = world.family("coordinated")

    with pytest.raises(ValidationError):
        services.pending_referral_link(actor=world.user(INTAKE), pending=pending, family=unrelated)
    assert unrelated.referrals.count() == 0


@pytest.mark.parametrize("role", [PROF, "coordinator", "policy_officer", "privacy_officer"])
def test_only_the_intake_team_and_the_process_manager_link(world, role):
    known, pending = held(world)

    with pytest.raises(PermissionDenied):
        services.pending_referral_link(actor=world.user(role), pending=pending, family=known)
    pending.refresh_from_db()
    assert pending.outcome == ""
