"""No data lost under concurrency (issue 12 §8), on PostgreSQL with real threads, each with its own connection.

The findings: five parallel identical registrations created four families; six parallel handovers left four
assignment rows all claiming the same predecessor. Every test here lets its threads wait at a barrier and then fire
the same multi-step write at once; the services lock what they change (casework/services/locks.py), so the result
is what one-after-the-other would give.
"""

import itertools
import threading
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, connections
from django.utils import timezone

from gezinsregie.accounts.models import Role, User
from gezinsregie.casework import services
from gezinsregie.casework.models import (
    Consent,
    CoordinatorAssignment,
    Family,
    FamilyStatus,
    PendingReferral,
    TriageDecision,
)
from gezinsregie.casework.rules import MemberInput
from tests.casework.service_helpers import user_with
from tests.factories import FamilyFactory, MemberFactory
from tests.worlds.authorisation import World, build_world

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are PostgreSQL's"),
]
PM, PROF, COORD, INTAKE = Role.PROCESS_MANAGER, Role.PROFESSIONAL, Role.COORDINATOR, Role.INTAKE


def in_parallel(n: int, work: Callable[[int], Any]) -> list[Any]:
    """Run work(0) … work(n-1) in n threads that start together; each result, or the exception it raised."""
    barrier = threading.Barrier(n)
    results: list[Any] = [None] * n

    def run(i: int) -> None:
        try:
            barrier.wait(timeout=20)
            results[i] = work(i)
        except Exception as error:  # the test reads what each thread met
            results[i] = error
        finally:
            connections.close_all()  # this thread's connection

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not any(t.is_alive() for t in threads), "a thread hangs: a lock that is never released"
    return results


def today() -> date:
    return timezone.localdate()


def referral(world: World, approach: Any = None) -> services.ReferralInput:
    return services.ReferralInput(
        source="school",
        reason="Veel schoolverzuim.",
        domains=list((approach or world.approach).life_domain_set.domains.order_by("order")[:1]),
        urgency="normal",
        referred_on=today() - timedelta(days=1),
    )


def register(world: World, actor: User, name: str = "Zwartbroek", approach: Any = None) -> Any:
    return services.family_register(
        actor=actor,
        approach=approach or world.approach,
        family_name=f"Gezin {name}",
        address="",
        neighbourhood="",
        members=[MemberInput(first_name="Sanne", last_name=name, birth_date=date(1985, 3, 1), relation="parent")],
        referral=referral(world, approach),
    )


def test_identical_registrations_by_who_may_see_the_family_make_one_family_and_refuse_the_rest():
    world = build_world()

    results = in_parallel(5, lambda i: register(world, world.user(PM)))

    [family] = Family.objects.filter(name="Gezin Zwartbroek")
    assert [r for r in results if isinstance(r, Family)] == [family]
    refused = [r for r in results if isinstance(r, services.DuplicateFamilyError)]
    assert len(refused) == 4 and all(r.matches == [family] for r in refused)


def test_identical_registrations_by_a_partner_make_one_family_and_hold_the_rest_for_linking():
    world = build_world()

    results = in_parallel(5, lambda i: register(world, world.user(PROF)))

    [family] = Family.objects.filter(name="Gezin Zwartbroek")
    assert sum(isinstance(r, Family) for r in results) == 1
    held = [r for r in results if isinstance(r, PendingReferral)]
    assert len(held) == 4
    assert [list(p.candidates.all()) for p in PendingReferral.objects.all()] == [[family]] * 4


def test_registrations_in_two_approaches_at_once_get_distinct_references():
    world = build_world()
    other_pm = user_with(PM, world.other_municipal_org, world.other_approach)

    def work(i: int) -> Any:
        if i % 2:
            return register(world, other_pm, f"Oudeman{i}", approach=world.other_approach)
        return register(world, world.user(PM), f"Bakker{i}")

    results = in_parallel(6, work)

    assert all(isinstance(r, Family) for r in results), results
    references = {r.reference for r in results}
    assert len(references) == 6


def test_parallel_handovers_form_one_chain_of_predecessors():
    world = build_world()
    family = world.family("coordinated")
    original = family.coordinator
    successors = [user_with(COORD, world.coordinator_org) for _ in range(6)]

    results = in_parallel(
        6,
        lambda i: services.coordinator_assign(
            actor=world.user(PM), family=family, coordinator=successors[i], assigned_on=today(), reason="Overdracht."
        ),
    )

    assert all(isinstance(r, CoordinatorAssignment) for r in results), results
    chain = list(CoordinatorAssignment.objects.filter(family=family).order_by("pk"))
    assert len(chain) == 6
    assert chain[0].previous == original
    assert all(later.previous == earlier.coordinator for earlier, later in itertools.pairwise(chain))
    assert len({a.previous_id for a in chain}) == 6  # no two claim the same predecessor
    family.refresh_from_db()
    assert family.coordinator == chain[-1].coordinator


def test_parallel_consents_leave_exactly_one_in_force():
    world = build_world()
    family = world.family("consented")

    def work(i: int) -> Any:
        return services.consent_record(
            actor=world.user(PM),
            family=family,
            informed_of_rights=True,
            signed_on=today(),
            signed_by=f"Ouder {i}",
            organisations=[world.coordinator_org, world.professional_org],
        )

    results = in_parallel(4, work)

    assert all(isinstance(r, Consent) for r in results), results
    in_force = Consent.objects.filter(family=family, withdrawn_on__isnull=True)
    assert in_force.count() == 1
    superseded = Consent.objects.filter(family=family, superseded_by__isnull=False)
    assert superseded.count() == 4  # the one before, and three of the four new ones, each by the next


def test_parallel_triage_decides_once():
    world = build_world()
    family = world.family("triage")

    def work(i: int) -> Any:
        return services.family_triage(
            actor=world.user(INTAKE),
            family=family,
            accepted=True,
            criteria_met=[],
            reason="Voldoet.",
            decided_on=today(),
            start_on=today(),
            process_manager=world.user(PM),
        )

    results = in_parallel(3, work)

    assert sum(isinstance(r, TriageDecision) for r in results) == 1
    # refused either way: waiting on the lock, the family is no longer awaiting triage (ValidationError); arriving
    # after the first decision committed, the intake team no longer reaches it at all (PermissionDenied)
    assert sum(isinstance(r, ValidationError | PermissionDenied) for r in results) == 2
    assert TriageDecision.objects.filter(family=family).count() == 1


def test_parallel_referrals_for_a_closed_family_reopen_it_once():
    world = build_world()
    family = FamilyFactory(
        approach=world.approach,
        status=FamilyStatus.CLOSED,
        registered_on=today() - timedelta(days=300),
        started_on=today() - timedelta(days=250),
        closed_on=today() - timedelta(days=30),
    )

    results = in_parallel(
        3,
        lambda i: services.referral_add_to_known_family(
            actor=world.user(PM), approach=world.approach, family=family, referral=referral(world)
        ),
    )

    assert not [r for r in results if isinstance(r, Exception)], results
    family.refresh_from_db()
    assert family.status == FamilyStatus.REGISTERED
    assert family.referrals.count() == 3
    assert family.episodes.count() == 2  # one re-entry, not three


def test_a_held_aanmelding_is_handled_once_when_two_of_the_intake_team_act_at_once():
    world = build_world()
    known = FamilyFactory(approach=world.approach, name="Gezin Zwartbroek", status=FamilyStatus.ACTIVE)
    MemberFactory(family=known, last_name="Zwartbroek", birth_date=date(1985, 3, 1))
    pending = register(world, world.user(PROF))
    assert isinstance(pending, PendingReferral)

    def work(i: int) -> Any:
        if i:
            return services.pending_referral_register(actor=world.user(PM), pending=pending)
        return services.pending_referral_link(actor=world.user(INTAKE), pending=pending, family=known)

    results = in_parallel(2, work)

    assert sum(isinstance(r, ValidationError) for r in results) == 1
    pending.refresh_from_db()
    assert pending.outcome
    assert known.referrals.count() + Family.objects.filter(name="Gezin Zwartbroek").exclude(pk=known.pk).count() == 1


def test_parallel_invitations_of_the_same_professional_make_one_involvement():
    world = build_world()
    family = world.family("consented")
    colleague = world.others["colleague"]

    results = in_parallel(
        3,
        lambda i: services.involvement_propose(
            actor=world.user(PM),
            family=family,
            user=colleague,
            organisation=world.professional_org,
            circle="inner",
            problems=[],
            started_on=today(),
        ),
    )

    assert sum(isinstance(r, ValidationError) for r in results) == 2
    assert family.involvements.filter(user=colleague).count() == 1
