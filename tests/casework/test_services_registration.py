"""Casework writes, registration (casework/services/registration.py): a new family, duplicates, a referral for a
known family. Each asks the policy, validates fully, writes atomically and logs.

Runs on the shared `world` (tests/worlds/authorisation.py): `world.approach` with partners coordinator_org and
professional_org, a life-domain set of four domains, and one user per role.
"""

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from gezinsregie.accounts.models import Role, User
from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.casework import services
from gezinsregie.casework.models import (
    Family,
    FamilyStatus,
    MemberRelation,
    PendingReferral,
    ReferralSource,
    Urgency,
)
from gezinsregie.casework.references import family_reference_resync
from gezinsregie.casework.rules import MemberInput
from gezinsregie.frameworks.models import LifeDomain
from gezinsregie.notifications.models import Notification
from gezinsregie.organisations.models import Approach, Neighbourhood
from tests.casework.service_helpers import INTAKE, PM, PROF, log_actions, today, written
from tests.factories import (
    FamilyFactory,
    MemberFactory,
)

pytestmark = pytest.mark.django_db

# --- registration ---------------------------------------------------------------------------------

SANNE = MemberInput(first_name="Sanne", last_name="Zwartbroek", birth_date=date(1985, 3, 1), relation="parent")
ANNA = MemberInput(first_name="Anna", last_name="Zwartbroek", birth_date=date(2015, 9, 1), relation="child")


def referral(approach: Approach, **overrides: Any) -> services.ReferralInput:
    domains = list(approach.life_domain_set.domains.order_by("order")[:2])
    values: dict[str, Any] = {
        "source": ReferralSource.SCHOOL,
        "reason": "Veel schoolverzuim en huurachterstand.",
        "domains": domains,
        "urgency": Urgency.NORMAL,
        "referred_on": today() - timedelta(days=3),
    }
    return services.ReferralInput(**(values | overrides))


def register(world: Any, actor: User | None = None, **overrides: Any) -> Family:
    values: dict[str, Any] = {
        "actor": actor or world.user(PROF),
        "approach": world.approach,
        "family_name": "Gezin Zwartbroek",
        "address": " Dorpsstraat 1 ",
        "neighbourhood": "Noord",
        "members": [SANNE, ANNA],
        "referral": referral(world.approach),
    }
    return services.family_register(**(values | overrides))


def test_register_creates_the_family_members_referral_and_one_log_entry(world):
    professional = world.user(PROF)
    wanted = referral(world.approach)

    family = register(world, referral=wanted)

    family.refresh_from_db()
    assert re.fullmatch(r"GR-\d{4,}", family.reference)
    assert (family.approach, family.name, family.address) == (world.approach, "Gezin Zwartbroek", "Dorpsstraat 1")
    assert family.status == FamilyStatus.REGISTERED
    assert family.registered_on == wanted.referred_on
    assert (family.started_on, family.coordinator, family.process_manager) == (None, None, None)
    assert {(m.first_name, m.last_name, m.birth_date, m.relation) for m in family.members.all()} == {
        ("Sanne", "Zwartbroek", date(1985, 3, 1), MemberRelation.PARENT),
        ("Anna", "Zwartbroek", date(2015, 9, 1), MemberRelation.CHILD),
    }
    [record] = family.referrals.all()
    assert (record.referred_by, record.organisation) == (professional, world.professional_org)
    assert (record.source, record.reason, record.urgency) == (wanted.source, wanted.reason, wanted.urgency)
    assert record.referred_on == wanted.referred_on
    assert set(record.domains.all()) == set(wanted.domains)
    [entry] = AccessLogEntry.objects.filter(family_id=family.pk)
    assert (entry.action, entry.user_id) == ("family.register", professional.pk)
    assert entry.family_reference == family.reference
    assert (entry.object_type, entry.object_id) == ("casework.Referral", str(record.pk))


def number(family: Family) -> int:
    return int(family.reference.removeprefix("GR-"))


def test_references_come_from_the_database_sequence_and_are_never_handed_out_twice(world):
    """Issue 11 §8: a sequence, not the highest number plus one — so a removed family's number stays used."""
    first = register(world)
    first_number = number(first)
    Family.objects.filter(pk=first.pk).delete()  # MAX+1 would hand this number out again
    second = register(world, family_name="Gezin Oudeman", members=[replace(SANNE, last_name="Oudeman")])
    assert first_number < number(second)
    assert not Family.objects.filter(reference=first.reference).exists()


def test_references_keep_counting_past_gr_9999(world):
    with connection.cursor() as cursor:
        cursor.execute("SELECT setval('casework_family_reference', 9999)")
    first = register(world)
    second = register(world, family_name="Gezin Oudeman", members=[replace(SANNE, last_name="Oudeman")])
    assert (first.reference, second.reference) == ("GR-10000", "GR-10001")


def test_a_reference_written_by_hand_is_skipped_and_a_resync_continues_past_it(world):
    ahead = number(register(world)) + 1
    FamilyFactory(approach=world.other_approach, reference=f"GR-{ahead:04d}")  # an import that did not resync
    skipped = register(world, family_name="Gezin Oudeman", members=[replace(SANNE, last_name="Oudeman")])
    assert number(skipped) == ahead + 1  # the taken number is skipped, not a second family under it
    FamilyFactory(approach=world.other_approach, reference=f"GR-{ahead + 50:04d}")
    family_reference_resync()
    after = register(world, family_name="Gezin Nieuw", members=[replace(SANNE, last_name="Nieuw")])
    assert number(after) == ahead + 51


@pytest.mark.parametrize("role", [Role.POLICY_OFFICER, Role.INSPECTOR, Role.PRIVACY_OFFICER, Role.ADMINISTRATOR])
def test_register_is_refused_without_register_permission_and_writes_nothing(world, role):
    before = written()
    with pytest.raises(PermissionDenied):
        register(world, actor=world.user(role))
    assert written() == before | {"log": before["log"] + 1}  # only the refused attempt is logged (NEN 7513)
    assert AccessLogEntry.objects.latest("pk").action == "denied.register"


def test_a_coordinator_of_an_organisation_outside_the_approach_may_not_register(world):
    with pytest.raises(PermissionDenied):
        register(world, actor=world.others["other_coordinator"])


def _other_set_domain(world: Any) -> list[LifeDomain]:
    return [world.other_approach.life_domain_set.domains.first()]


INVALID_REGISTRATIONS: list[tuple[str, str, Callable[[Any], dict[str, Any]]]] = [
    (
        "future-referral",
        "referred_on",
        lambda w: {"referral": referral(w.approach, referred_on=today() + timedelta(1))},
    ),
    ("no-domains", "domains", lambda w: {"referral": referral(w.approach, domains=[])}),
    ("other-set-domains", "domains", lambda w: {"referral": referral(w.approach, domains=_other_set_domain(w))}),
    ("empty-reason", "reason", lambda w: {"referral": referral(w.approach, reason="  \n ")}),
    ("child-older", "members", lambda w: {"members": [SANNE, replace(ANNA, birth_date=date(1980, 1, 1))]}),
    ("child-same-age", "members", lambda w: {"members": [SANNE, replace(ANNA, birth_date=SANNE.birth_date)]}),
    ("future-birth", "members", lambda w: {"members": [SANNE, replace(ANNA, birth_date=today() + timedelta(1))]}),
    ("no-members", "members", lambda w: {"members": []}),
    ("empty-name", "family_name", lambda w: {"family_name": "   "}),
]


@pytest.mark.parametrize(("field", "change"), [pytest.param(f, c, id=name) for name, f, c in INVALID_REGISTRATIONS])
def test_an_invalid_registration_is_refused_and_writes_nothing(world, field, change):
    before = written()

    with pytest.raises(ValidationError) as refused:
        register(world, **change(world))

    assert field in refused.value.message_dict
    assert written() == before


def test_the_child_older_than_its_parent_is_named_in_the_error(world):
    with pytest.raises(ValidationError) as refused:
        register(world, members=[SANNE, replace(ANNA, birth_date=date(1980, 1, 1))])
    [message] = refused.value.message_dict["members"]
    assert message.startswith("Anna is als kind opgegeven maar is niet jonger dan ouder Sanne")


# --- duplicates -----------------------------------------------------------------------------------
#
# Issue 12 §6, no existence oracle: the duplicate check names a known family only to a registrant who may see it
# (policy VIEW: the process manager, here). Anyone else's aanmelding waits for the intake team as a PendingReferral
# and the registrant is told the same as for a new family (tests/casework/test_services_pending.py: the intake side).

ALL_STATUSES = [s.value for s in FamilyStatus]


def pending_written() -> int:
    return PendingReferral.objects.count()


@pytest.mark.parametrize("status", ALL_STATUSES)
def test_the_same_normalised_name_in_the_same_approach_is_a_duplicate(world, status):
    known = FamilyFactory(approach=world.approach, name="Gezin de Vries-Bakker", status=status)
    MemberFactory(family=known, last_name="Anders", birth_date=date(1970, 1, 1))
    before = written()

    with pytest.raises(services.DuplicateFamilyError) as duplicate:
        register(world, actor=world.user(PM), family_name="  DE VRIËS, bakker ")

    assert [f.pk for f in duplicate.value.matches] == [known.pk]
    assert written() == before
    assert pending_written() == 0


@pytest.mark.parametrize("status", [FamilyStatus.ACTIVE, FamilyStatus.CLOSED])
def test_a_shared_member_makes_a_duplicate_even_under_another_name(world, status):
    known = FamilyFactory(approach=world.approach, name="Familie Oudeman", status=status)
    MemberFactory(family=known, first_name="Anneke", last_name="ZWARTBRÖEK", birth_date=ANNA.birth_date)
    before = written()

    with pytest.raises(services.DuplicateFamilyError) as duplicate:
        register(
            world, actor=world.user(PM), family_name="Gezin Bakker", members=[replace(SANNE, last_name="Bakker"), ANNA]
        )

    assert [f.pk for f in duplicate.value.matches] == [known.pk]
    assert written() == before


def test_the_same_last_name_with_another_birth_date_is_not_a_duplicate(world):
    known = FamilyFactory(approach=world.approach, name="Familie Oudeman")
    MemberFactory(family=known, last_name="Zwartbroek", birth_date=ANNA.birth_date + timedelta(days=1))

    family = register(world, family_name="Gezin Bakker")

    assert isinstance(family, Family)
    assert family.pk != known.pk


def test_a_family_in_another_approach_is_not_a_duplicate(world):
    elsewhere = FamilyFactory(approach=world.other_approach, name="Gezin Zwartbroek", status=FamilyStatus.ACTIVE)
    MemberFactory(family=elsewhere, last_name="Zwartbroek", birth_date=ANNA.birth_date)

    family = register(world)

    assert isinstance(family, Family)
    assert family.approach == world.approach
    assert Family.objects.filter(name="Gezin Zwartbroek").count() == 2


def test_register_as_new_bypasses_the_duplicate_check_the_registrant_was_shown(world):
    known = FamilyFactory(approach=world.approach, name="Gezin Zwartbroek")
    MemberFactory(family=known, last_name="Zwartbroek", birth_date=ANNA.birth_date)

    family = register(world, actor=world.user(PM), register_as_new=True)

    assert isinstance(family, Family)
    assert family.pk != known.pk
    assert set(Family.objects.filter(name="Gezin Zwartbroek")) == {known, family}


def test_register_as_new_still_validates(world):
    with pytest.raises(ValidationError):
        register(world, register_as_new=True, referral=referral(world.approach, reason=""))


def test_a_second_registration_of_the_same_family_is_a_duplicate_of_the_first_for_who_may_see_it(world):
    first = register(world, actor=world.user(PM))
    with pytest.raises(services.DuplicateFamilyError) as duplicate:
        register(world, actor=world.user(PM))
    assert duplicate.value.matches == [first]


@pytest.mark.parametrize("status", ALL_STATUSES)
def test_a_partner_who_may_not_see_the_known_family_learns_nothing_and_the_aanmelding_waits(world, status):
    """The finding: a partner without any family learned reference and status of any surname's family."""
    known = FamilyFactory(approach=world.approach, name="Gezin Zwartbroek", status=status)
    MemberFactory(family=known, last_name="Zwartbroek", birth_date=ANNA.birth_date)
    before = written()

    held = register(world)  # the professional: no VIEW on the known family

    assert isinstance(held, PendingReferral)
    assert list(held.candidates.all()) == [known]
    assert (held.referred_by, held.organisation, held.family_name) == (
        world.user(PROF),
        world.professional_org,
        "Gezin Zwartbroek",
    )
    assert [m["first_name"] for m in held.members] == ["Sanne", "Anna"]
    assert held.outcome == "" and held.family is None
    assert written() | {"log": 0} == before | {"log": 0}  # no family, member or referral written
    assert known.referrals.count() == 0
    assert AccessLogEntry.objects.filter(action="referral.hold", object_id=str(held.pk)).count() == 1
    assert not AccessLogEntry.objects.filter(family_id=known.pk).exists()  # nobody read the known family


def test_register_as_new_does_not_bypass_a_known_family_the_registrant_was_not_shown(world):
    known = FamilyFactory(approach=world.approach, name="Gezin Zwartbroek")
    MemberFactory(family=known, last_name="Zwartbroek", birth_date=ANNA.birth_date)

    held = register(world, register_as_new=True)

    assert isinstance(held, PendingReferral)
    assert Family.objects.filter(name="Gezin Zwartbroek").count() == 1


def test_the_intake_team_is_told_a_held_aanmelding_waits(world):
    known = FamilyFactory(approach=world.approach, name="Gezin Zwartbroek")

    held = register(world)

    told = Notification.objects.filter(key__startswith=f"pending_referral:{held.pk}:received:")
    assert set(told.values_list("user", flat=True)) == {world.user(INTAKE).pk, world.user(PM).pk}
    assert all(known.reference not in n.message and "Zwartbroek" not in n.message for n in told)


def test_the_intake_team_registering_a_family_it_may_not_see_waits_like_anyone(world):
    """The intake team sees only families awaiting triage: an active known family is not named to it either."""
    known = FamilyFactory(approach=world.approach, name="Gezin Zwartbroek", status=FamilyStatus.ACTIVE)
    intake = world.user(INTAKE)  # sees only families awaiting triage

    held = register(world, actor=intake)

    assert isinstance(held, PendingReferral)
    assert list(held.candidates.all()) == [known]


# --- a referral for a known family ----------------------------------------------------------------


@pytest.mark.parametrize("status", [FamilyStatus.CLOSED, FamilyStatus.DECLINED, FamilyStatus.AFTERCARE])
def test_a_referral_for_a_known_closed_family_reopens_it_as_registered(world, status):
    known = FamilyFactory(approach=world.approach, status=status)
    wanted = referral(world.approach, referred_on=today())

    record = services.referral_add_to_known_family(
        actor=world.user(PROF), approach=world.approach, family=known, referral=wanted
    )

    known.refresh_from_db()
    assert known.status == FamilyStatus.REGISTERED
    assert list(known.referrals.all()) == [record]
    assert (record.referred_by, record.organisation, record.referred_on) == (
        world.user(PROF),
        world.professional_org,
        today(),
    )
    assert set(record.domains.all()) == set(wanted.domains)
    assert log_actions(known) == ["family.reenter", "referral.add"]
    assert Family.objects.filter(approach=world.approach, pk=known.pk).count() == 1
    # a new episode with the new registration date; the earlier one keeps its own
    assert list(known.episodes.values_list("number", "registered_on")) == [
        (1, known.episodes.get(number=1).registered_on),
        (2, today()),
    ]


def test_a_referral_for_a_known_active_family_keeps_it_active(world):
    known = world.family("coordinated")
    services.referral_add_to_known_family(
        actor=world.user(PROF), approach=world.approach, family=known, referral=referral(world.approach)
    )
    known.refresh_from_db()
    assert known.status == FamilyStatus.ACTIVE
    assert known.referrals.count() == 1


def test_a_referral_for_a_family_of_another_approach_is_refused(world):
    with pytest.raises(ValidationError):
        services.referral_add_to_known_family(
            actor=world.user(PROF),
            approach=world.approach,
            family=world.family("other"),
            referral=referral(world.approach),
        )
    assert world.family("other").referrals.count() == 0


def test_a_referral_for_a_known_family_is_refused_without_register_permission(world):
    with pytest.raises(PermissionDenied):
        services.referral_add_to_known_family(
            actor=world.user(Role.POLICY_OFFICER),
            approach=world.approach,
            family=world.family("coordinated"),
            referral=referral(world.approach),
        )


def test_a_referral_for_a_known_family_is_validated(world):
    known = FamilyFactory(approach=world.approach, status=FamilyStatus.CLOSED)
    with pytest.raises(ValidationError):
        services.referral_add_to_known_family(
            actor=world.user(PROF), approach=world.approach, family=known, referral=referral(world.approach, domains=[])
        )
    known.refresh_from_db()
    assert known.status == FamilyStatus.CLOSED
    assert known.referrals.count() == 0


# --- issue 14 §3: the wijk from the municipality's list, unlikely members confirmed ------------------------------


def test_where_the_municipality_keeps_a_list_the_wijk_is_one_of_it(world):
    Neighbourhood.objects.create(municipality=world.approach.municipality, name="Noord")
    Neighbourhood.objects.create(municipality=world.approach.municipality, name="Oud", active=False)
    with pytest.raises(ValidationError) as refused:
        register(world, neighbourhood="Noordhoek")
    assert refused.value.message_dict == {"neighbourhood": ["Kies een wijk uit de lijst van de gemeente."]}
    with pytest.raises(ValidationError):
        register(world, neighbourhood="Oud")  # no longer in use: not chosen for a new family
    assert register(world, neighbourhood="Noord").neighbourhood == "Noord"


def test_without_a_list_any_wijk_is_taken_as_typed(world):
    assert register(world, neighbourhood="Het Nieuwe Dorp").neighbourhood == "Het Nieuwe Dorp"


def test_an_unlikely_member_is_refused_until_confirmed_for_that_member(world):
    young = MemberInput(first_name="Lisa", last_name="Zwartbroek", birth_date=date(2009, 6, 1), relation="parent")
    baby = MemberInput(first_name="Noor", last_name="Zwartbroek", birth_date=date(2025, 10, 1), relation="child")
    with pytest.raises(ValidationError) as refused:
        register(world, members=[young, baby])
    assert refused.value.message_dict["members"] == ["Lisa is 16 jaar en als ouder opgegeven. Klopt dit?"]
    with pytest.raises(ValidationError):
        register(world, members=[young, baby], confirmed={1})  # another member's confirmation does not count
    family = register(world, members=[young, baby], confirmed={0})
    assert family.members.count() == 2
