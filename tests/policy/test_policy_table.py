"""The authorisation table: who may do what to which family, approach or nothing in particular.

Written out by hand on purpose, NOT derived from policy.FAMILY_RULES: any change to the policy that
nobody meant flips a cell here and fails. If you change the policy on purpose, change the cell too.
Each row is one (object, role); each column one Permission, with its literal True/False. Every cell is a
test case of its own, named e.g. "consent_future-professional-view-False".

The world is described in conftest.py. Family names:
  coordinated        active, the coordinator's family
  triage             awaiting triage (registered) in the approach
  referred           in triage, registered by the professional
  consented          active, professional involved, consent names the professional's organisation
  consent_other_org  professional involved, consent names other organisations only
  consent_withdrawn  professional involved, consent names their organisation but was withdrawn yesterday
  consent_future     professional involved, consent names their organisation, signed tomorrow
  involvement_ended  consent names the professional's organisation, the involvement ended yesterday
  colleague          a colleague of the professional (same organisation) is involved, within consent
  mandated           valid inspection mandate for the inspector's organisation
  mandate_expired    mandate for the inspector's organisation expired yesterday
  mandate_withdrawn  mandate for the inspector's organisation withdrawn yesterday
  other              active, other municipality/approach, connected to other people only
  other_triage       awaiting triage in the other approach
"""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import Membership, Role, User
from gezinsregie.accounts.system import SystemPurpose, system_actor
from gezinsregie.casework.models import Family
from gezinsregie.inspections.models import Inspection, InspectionStatus, Respondent, RespondentKind
from gezinsregie.policy import Permission as A
from tests.factories import (
    ConsentFactory,
    FamilyFactory,
    InspectionMandateFactory,
    InvolvementFactory,
    MemberFactory,
    MembershipFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

T, F = True, False
COORD, PM, PROF, INTAKE = Role.COORDINATOR, Role.PROCESS_MANAGER, Role.PROFESSIONAL, Role.INTAKE
POLICY, INSP, PRIV, ADMIN = Role.POLICY_OFFICER, Role.INSPECTOR, Role.PRIVACY_OFFICER, Role.ADMINISTRATOR

FAMILY_ACTIONS = (A.VIEW, A.EDIT, A.TRIAGE, A.ASSIGN_COORDINATOR, A.VIEW_LOG, A.VIEW_REFERRAL_STATUS, A.INSPECT)

# fmt: off
FAMILY_TABLE = [
    # family               role     VIEW EDIT TRIAGE ASSIGN LOG REFST INSPECT
    ("coordinated",        COORD,   T,   T,   F,     F,     T,  T,    F),
    ("coordinated",        PM,      T,   T,   F,     T,     F,  T,    F),
    ("coordinated",        PROF,    F,   F,   F,     F,     F,  F,    F),
    ("coordinated",        INTAKE,  F,   F,   F,     F,     F,  T,    F),
    ("coordinated",        POLICY,  F,   F,   F,     F,     F,  F,    F),
    ("coordinated",        INSP,    F,   F,   F,     F,     F,  F,    F),
    ("coordinated",        PRIV,    F,   F,   F,     F,     T,  T,    F),
    ("coordinated",        ADMIN,   F,   F,   F,     F,     F,  F,    F),

    ("triage",             COORD,   F,   F,   F,     F,     F,  F,    F),
    ("triage",             PM,      T,   T,   T,     T,     F,  T,    F),
    ("triage",             PROF,    F,   F,   F,     F,     F,  F,    F),
    ("triage",             INTAKE,  T,   F,   T,     F,     F,  T,    F),
    ("triage",             POLICY,  F,   F,   F,     F,     F,  F,    F),
    ("triage",             INSP,    F,   F,   F,     F,     F,  F,    F),
    ("triage",             PRIV,    F,   F,   F,     F,     T,  T,    F),
    ("triage",             ADMIN,   F,   F,   F,     F,     F,  F,    F),

    ("referred",           COORD,   F,   F,   F,     F,     F,  F,    F),
    ("referred",           PM,      T,   T,   T,     T,     F,  T,    F),
    ("referred",           PROF,    F,   F,   F,     F,     F,  T,    F),
    ("referred",           INTAKE,  T,   F,   T,     F,     F,  T,    F),
    ("referred",           POLICY,  F,   F,   F,     F,     F,  F,    F),
    ("referred",           INSP,    F,   F,   F,     F,     F,  F,    F),
    ("referred",           PRIV,    F,   F,   F,     F,     T,  T,    F),
    ("referred",           ADMIN,   F,   F,   F,     F,     F,  F,    F),

    ("consented",          COORD,   F,   F,   F,     F,     F,  F,    F),
    ("consented",          PM,      T,   T,   F,     T,     F,  T,    F),
    ("consented",          PROF,    T,   F,   F,     F,     F,  T,    F),
    ("consented",          INTAKE,  F,   F,   F,     F,     F,  T,    F),
    ("consented",          POLICY,  F,   F,   F,     F,     F,  F,    F),
    ("consented",          INSP,    F,   F,   F,     F,     F,  F,    F),
    ("consented",          PRIV,    F,   F,   F,     F,     T,  T,    F),
    ("consented",          ADMIN,   F,   F,   F,     F,     F,  F,    F),

    ("consent_other_org",  COORD,   F,   F,   F,     F,     F,  F,    F),
    ("consent_other_org",  PM,      T,   T,   F,     T,     F,  T,    F),
    ("consent_other_org",  PROF,    F,   F,   F,     F,     F,  T,    F),
    ("consent_other_org",  INTAKE,  F,   F,   F,     F,     F,  T,    F),
    ("consent_other_org",  POLICY,  F,   F,   F,     F,     F,  F,    F),
    ("consent_other_org",  INSP,    F,   F,   F,     F,     F,  F,    F),
    ("consent_other_org",  PRIV,    F,   F,   F,     F,     T,  T,    F),
    ("consent_other_org",  ADMIN,   F,   F,   F,     F,     F,  F,    F),

    ("consent_withdrawn",  COORD,   F,   F,   F,     F,     F,  F,    F),
    ("consent_withdrawn",  PM,      T,   T,   F,     T,     F,  T,    F),
    ("consent_withdrawn",  PROF,    F,   F,   F,     F,     F,  T,    F),
    ("consent_withdrawn",  INTAKE,  F,   F,   F,     F,     F,  T,    F),
    ("consent_withdrawn",  POLICY,  F,   F,   F,     F,     F,  F,    F),
    ("consent_withdrawn",  INSP,    F,   F,   F,     F,     F,  F,    F),
    ("consent_withdrawn",  PRIV,    F,   F,   F,     F,     T,  T,    F),
    ("consent_withdrawn",  ADMIN,   F,   F,   F,     F,     F,  F,    F),

    ("consent_future",     COORD,   F,   F,   F,     F,     F,  F,    F),
    ("consent_future",     PM,      T,   T,   F,     T,     F,  T,    F),
    ("consent_future",     PROF,    F,   F,   F,     F,     F,  T,    F),
    ("consent_future",     INTAKE,  F,   F,   F,     F,     F,  T,    F),
    ("consent_future",     POLICY,  F,   F,   F,     F,     F,  F,    F),
    ("consent_future",     INSP,    F,   F,   F,     F,     F,  F,    F),
    ("consent_future",     PRIV,    F,   F,   F,     F,     T,  T,    F),
    ("consent_future",     ADMIN,   F,   F,   F,     F,     F,  F,    F),

    ("involvement_ended",  COORD,   F,   F,   F,     F,     F,  F,    F),
    ("involvement_ended",  PM,      T,   T,   F,     T,     F,  T,    F),
    ("involvement_ended",  PROF,    F,   F,   F,     F,     F,  F,    F),
    ("involvement_ended",  INTAKE,  F,   F,   F,     F,     F,  T,    F),
    ("involvement_ended",  POLICY,  F,   F,   F,     F,     F,  F,    F),
    ("involvement_ended",  INSP,    F,   F,   F,     F,     F,  F,    F),
    ("involvement_ended",  PRIV,    F,   F,   F,     F,     T,  T,    F),
    ("involvement_ended",  ADMIN,   F,   F,   F,     F,     F,  F,    F),

    ("colleague",          COORD,   F,   F,   F,     F,     F,  F,    F),
    ("colleague",          PM,      T,   T,   F,     T,     F,  T,    F),
    ("colleague",          PROF,    F,   F,   F,     F,     F,  F,    F),
    ("colleague",          INTAKE,  F,   F,   F,     F,     F,  T,    F),
    ("colleague",          POLICY,  F,   F,   F,     F,     F,  F,    F),
    ("colleague",          INSP,    F,   F,   F,     F,     F,  F,    F),
    ("colleague",          PRIV,    F,   F,   F,     F,     T,  T,    F),
    ("colleague",          ADMIN,   F,   F,   F,     F,     F,  F,    F),

    ("mandated",           COORD,   F,   F,   F,     F,     F,  F,    F),
    ("mandated",           PM,      T,   T,   F,     T,     F,  T,    F),
    ("mandated",           PROF,    F,   F,   F,     F,     F,  F,    F),
    ("mandated",           INTAKE,  F,   F,   F,     F,     F,  T,    F),
    ("mandated",           POLICY,  F,   F,   F,     F,     F,  F,    F),
    ("mandated",           INSP,    F,   F,   F,     F,     F,  F,    T),
    ("mandated",           PRIV,    F,   F,   F,     F,     T,  T,    F),
    ("mandated",           ADMIN,   F,   F,   F,     F,     F,  F,    F),

    ("mandate_expired",    COORD,   F,   F,   F,     F,     F,  F,    F),
    ("mandate_expired",    PM,      T,   T,   F,     T,     F,  T,    F),
    ("mandate_expired",    PROF,    F,   F,   F,     F,     F,  F,    F),
    ("mandate_expired",    INTAKE,  F,   F,   F,     F,     F,  T,    F),
    ("mandate_expired",    POLICY,  F,   F,   F,     F,     F,  F,    F),
    ("mandate_expired",    INSP,    F,   F,   F,     F,     F,  F,    F),
    ("mandate_expired",    PRIV,    F,   F,   F,     F,     T,  T,    F),
    ("mandate_expired",    ADMIN,   F,   F,   F,     F,     F,  F,    F),

    ("mandate_withdrawn",  COORD,   F,   F,   F,     F,     F,  F,    F),
    ("mandate_withdrawn",  PM,      T,   T,   F,     T,     F,  T,    F),
    ("mandate_withdrawn",  PROF,    F,   F,   F,     F,     F,  F,    F),
    ("mandate_withdrawn",  INTAKE,  F,   F,   F,     F,     F,  T,    F),
    ("mandate_withdrawn",  POLICY,  F,   F,   F,     F,     F,  F,    F),
    ("mandate_withdrawn",  INSP,    F,   F,   F,     F,     F,  F,    F),
    ("mandate_withdrawn",  PRIV,    F,   F,   F,     F,     T,  T,    F),
    ("mandate_withdrawn",  ADMIN,   F,   F,   F,     F,     F,  F,    F),

    ("other",              COORD,   F,   F,   F,     F,     F,  F,    F),
    ("other",              PM,      F,   F,   F,     F,     F,  F,    F),
    ("other",              PROF,    F,   F,   F,     F,     F,  F,    F),
    ("other",              INTAKE,  F,   F,   F,     F,     F,  F,    F),
    ("other",              POLICY,  F,   F,   F,     F,     F,  F,    F),
    ("other",              INSP,    F,   F,   F,     F,     F,  F,    F),
    ("other",              PRIV,    F,   F,   F,     F,     F,  F,    F),
    ("other",              ADMIN,   F,   F,   F,     F,     F,  F,    F),

    ("other_triage",       COORD,   F,   F,   F,     F,     F,  F,    F),
    ("other_triage",       PM,      F,   F,   F,     F,     F,  F,    F),
    ("other_triage",       PROF,    F,   F,   F,     F,     F,  F,    F),
    ("other_triage",       INTAKE,  F,   F,   F,     F,     F,  F,    F),
    ("other_triage",       POLICY,  F,   F,   F,     F,     F,  F,    F),
    ("other_triage",       INSP,    F,   F,   F,     F,     F,  F,    F),
    ("other_triage",       PRIV,    F,   F,   F,     F,     F,  F,    F),
    ("other_triage",       ADMIN,   F,   F,   F,     F,     F,  F,    F),
]

APPROACH_ACTIONS = (A.REGISTER, A.VIEW_POPULATION, A.VIEW_ASSESSMENT)
APPROACH_TABLE = [
    # approach         role     REGISTER VIEW_POPULATION VIEW_ASSESSMENT
    ("own",            COORD,   T,       F,              F),
    ("own",            PM,      T,       T,              T),
    ("own",            PROF,    T,       F,              F),
    ("own",            INTAKE,  T,       F,              F),
    ("own",            POLICY,  F,       T,              T),
    ("own",            INSP,    F,       F,              T),
    ("own",            PRIV,    F,       F,              F),
    ("own",            ADMIN,   F,       F,              F),

    ("other",          COORD,   F,       F,              F),
    ("other",          PM,      F,       F,              F),
    ("other",          PROF,    F,       F,              F),
    ("other",          INTAKE,  F,       F,              F),
    ("other",          POLICY,  F,       F,              F),
    ("other",          INSP,    F,       F,              T),  # the inspectorate supervises every approach
    ("other",          PRIV,    F,       F,              F),
    ("other",          ADMIN,   F,       F,              F),
]

GLOBAL_ACTIONS = (A.SEARCH_LOGS, A.CONFIGURE, A.VIEW_FRAMEWORK, A.VIEW_POPULATION, A.VIEW_AGGREGATE)
GLOBAL_TABLE = [
    # role     SEARCH_LOGS CONFIGURE VIEW_FRAMEWORK VIEW_POPULATION VIEW_AGGREGATE
    (COORD,    F,          F,        T,             F,              F),
    (PM,       F,          F,        T,             T,              F),
    (PROF,     F,          F,        T,             F,              F),
    (INTAKE,   F,          F,        T,             F,              F),
    (POLICY,   F,          F,        T,             T,              T),  # numbers over published inspections only
    (INSP,     F,          F,        T,             F,              T),
    (PRIV,     T,          F,        T,             F,              F),
    (ADMIN,    F,          T,        T,             F,              F),
]

# System accounts (accounts.system) act for the system itself; no person may do their work.
SYSTEM_ACTIONS = (A.IMPORT_REPORTS,)
SYSTEM_TABLE = [
    # purpose                          IMPORT_REPORTS
    (SystemPurpose.IMPORT_REPORTS,     T),
    (SystemPurpose.BACKGROUND_TASKS,   F),
]
# fmt: on


def _cells(table: list[tuple], actions: tuple[A, ...], keys: int) -> list:
    """One pytest param per cell: (key..., action, expected)."""
    return [
        pytest.param(*row[:keys], action, expected, id="-".join([*map(str, row[:keys]), action, str(expected)]))
        for row in table
        for action, expected in zip(actions, row[keys:], strict=True)
    ]


FAMILY_CELLS = _cells(FAMILY_TABLE, FAMILY_ACTIONS, 2)
APPROACH_CELLS = _cells(APPROACH_TABLE, APPROACH_ACTIONS, 2)
GLOBAL_CELLS = _cells(GLOBAL_TABLE, GLOBAL_ACTIONS, 1)


def test_the_tables_cover_every_role_action_and_family(module_world):
    covered = set(FAMILY_ACTIONS) | set(APPROACH_ACTIONS) | set(GLOBAL_ACTIONS)
    covered |= set(START_ACTIONS) | set(INSPECTION_ACTIONS) | set(RESPONDENT_ACTIONS) | set(SYSTEM_ACTIONS)
    assert covered == set(A), "a new Permission needs its rows in these tables"
    for table in (FAMILY_TABLE, APPROACH_TABLE):
        objects = {row[0] for row in table}
        for obj in objects:
            assert sorted(row[1] for row in table if row[0] == obj) == sorted(Role), obj
    assert sorted(row[0] for row in GLOBAL_TABLE) == sorted(Role)
    assert {row[0] for row in FAMILY_TABLE} == set(module_world.families)


@pytest.mark.parametrize(("family_name", "role", "action", "expected"), FAMILY_CELLS)
def test_family_action(module_world, family_name, role, action, expected):
    actor, family = module_world.user(role), module_world.family(family_name)

    assert policy.can(actor, action, family) is expected
    # the same answer from the list query the views use, and from the per-membership check the log uses
    assert policy.families_for(actor, action).filter(pk=family.pk).exists() is expected
    assert (policy.granting_membership(actor, action, family) is not None) is expected


@pytest.mark.parametrize(("which", "role", "action", "expected"), APPROACH_CELLS)
def test_approach_action(module_world, which, role, action, expected):
    approach = module_world.approach if which == "own" else module_world.other_approach
    actor = module_world.user(role)

    assert policy.can(actor, action, approach) is expected
    assert policy.approaches_for(actor, action).filter(pk=approach.pk).exists() is expected


@pytest.mark.parametrize(("purpose", "action", "expected"), _cells(SYSTEM_TABLE, SYSTEM_ACTIONS, 1))
def test_system_action(module_world, purpose, action, expected):
    actor = system_actor(purpose)
    assert policy.can(actor, action) is expected
    # a system account has no memberships: it sees no family, approach or inspection
    assert not policy.families_for(actor, A.VIEW).exists()
    assert not policy.can(actor, A.VIEW_FRAMEWORK)


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("action", SYSTEM_ACTIONS)
def test_no_person_may_do_the_systems_work(module_world, role, action):
    assert not policy.can(module_world.user(role), action)


@pytest.mark.parametrize(("role", "action", "expected"), GLOBAL_CELLS)
def test_global_action(module_world, role, action, expected):
    actor = module_world.user(role)

    assert policy.can(actor, action) is expected
    if expected:
        policy.ensure(actor, action)
    else:
        with pytest.raises(PermissionDenied):
            policy.ensure(actor, action)


@pytest.mark.parametrize("role", list(Role))
def test_families_for_is_exactly_the_true_cells(module_world, role):
    """Nothing outside the table leaks into a role's family list (e.g. another approach's family)."""
    for action in FAMILY_ACTIONS:
        index = FAMILY_ACTIONS.index(action)
        expected = {module_world.family(row[0]).pk for row in FAMILY_TABLE if row[1] == role and row[2 + index]}
        actual = set(policy.families_for(module_world.user(role), action).values_list("pk", flat=True))
        assert actual == expected, action


def test_child_records_follow_their_family(module_world):
    member = MemberFactory(family=module_world.family("coordinated"))

    assert policy.can(module_world.user(COORD), A.VIEW, member)
    assert policy.can(module_world.user(PM), A.EDIT, member)
    assert not policy.can(module_world.user(PROF), A.VIEW, member)
    assert not policy.can(module_world.user(POLICY), A.VIEW, member)


def test_an_object_the_policy_does_not_know_is_denied(module_world):
    for role in Role:
        assert not policy.can(module_world.user(role), A.VIEW, module_world.municipal_org)
        assert not policy.can(module_world.user(role), A.CONFIGURE, module_world.municipality)


def test_approach_and_global_actions_asked_about_a_family_are_denied(module_world):
    family = module_world.family("coordinated")
    assert not policy.can(module_world.user(ADMIN), A.CONFIGURE, family)
    assert not policy.can(module_world.user(PRIV), A.SEARCH_LOGS, family)
    assert not policy.can(module_world.user(PM), A.REGISTER, family)
    assert not policy.can(module_world.user(PM), A.VIEW_POPULATION, family)
    # and family actions asked about nothing in particular
    assert not policy.can(module_world.user(COORD), A.VIEW)
    assert not policy.can(module_world.user(PRIV), A.VIEW_LOG)


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


# --- inspections (toezichtonderzoek) ---------------------------------------------------------------------------------
#
# Inspections on top of the world (module_inspections below):
#   own_draft, own_open, own_published   by the inspector's inspectorate, of `approach` (municipality A)
#   other_published                      by the other inspectorate, of `approach`, published
#   other_municipality_open/_published   by the inspector's inspectorate, of `other_approach` (municipality B)
# Respondents (one organisation's questionnaire):
#   municipality_open, coordinator_org_open, professional_org_open   in own_open, for those organisations
#   municipality_draft, municipality_published                       the municipality in own_draft / own_published
#   other_municipality_open                                          municipality B in other_municipality_open

# fmt: off
START_ACTIONS = (A.START_INSPECTION,)
START_TABLE = [
    # approach  role     START_INSPECTION
    ("own",     COORD,   F),
    ("own",     PM,      F),
    ("own",     PROF,    F),
    ("own",     INTAKE,  F),
    ("own",     POLICY,  F),
    ("own",     INSP,    T),
    ("own",     PRIV,    F),
    ("own",     ADMIN,   F),

    ("other",   COORD,   F),
    ("other",   PM,      F),
    ("other",   PROF,    F),
    ("other",   INTAKE,  F),
    ("other",   POLICY,  F),
    ("other",   INSP,    T),  # the inspectorate may inspect every approach
    ("other",   PRIV,    F),
    ("other",   ADMIN,   F),
]

INSPECTION_ACTIONS = (A.VIEW_INSPECTION, A.CONDUCT_INSPECTION, A.REPORT_IMPROVEMENT)
INSPECTION_TABLE = [
    # inspection                    role     VIEW CONDUCT REPORT
    ("own_draft",                   COORD,   F,   F,      F),
    ("own_draft",                   PM,      F,   F,      F),
    ("own_draft",                   PROF,    F,   F,      F),
    ("own_draft",                   INTAKE,  F,   F,      F),
    ("own_draft",                   POLICY,  F,   F,      F),
    ("own_draft",                   INSP,    T,   T,      F),
    ("own_draft",                   PRIV,    F,   F,      F),
    ("own_draft",                   ADMIN,   F,   F,      F),

    ("own_open",                    COORD,   F,   F,      F),  # a respondent answers, but never sees the inspection
    ("own_open",                    PM,      F,   F,      F),
    ("own_open",                    PROF,    F,   F,      F),
    ("own_open",                    INTAKE,  F,   F,      F),
    ("own_open",                    POLICY,  F,   F,      F),
    ("own_open",                    INSP,    T,   T,      F),
    ("own_open",                    PRIV,    F,   F,      F),
    ("own_open",                    ADMIN,   F,   F,      F),

    ("own_published",               COORD,   F,   F,      F),
    ("own_published",               PM,      F,   F,      F),
    ("own_published",               PROF,    F,   F,      F),
    ("own_published",               INTAKE,  F,   F,      F),
    ("own_published",               POLICY,  T,   F,      T),
    ("own_published",               INSP,    T,   T,      F),
    ("own_published",               PRIV,    F,   F,      F),
    ("own_published",               ADMIN,   F,   F,      F),

    ("other_published",             COORD,   F,   F,      F),
    ("other_published",             PM,      F,   F,      F),
    ("other_published",             PROF,    F,   F,      F),
    ("other_published",             INTAKE,  F,   F,      F),
    ("other_published",             POLICY,  T,   F,      T),  # any inspectorate's result about its own approach
    ("other_published",             INSP,    F,   F,      F),  # another inspectorate's work
    ("other_published",             PRIV,    F,   F,      F),
    ("other_published",             ADMIN,   F,   F,      F),

    ("other_municipality_open",     COORD,   F,   F,      F),
    ("other_municipality_open",     PM,      F,   F,      F),
    ("other_municipality_open",     PROF,    F,   F,      F),
    ("other_municipality_open",     INTAKE,  F,   F,      F),
    ("other_municipality_open",     POLICY,  F,   F,      F),
    ("other_municipality_open",     INSP,    T,   T,      F),
    ("other_municipality_open",     PRIV,    F,   F,      F),
    ("other_municipality_open",     ADMIN,   F,   F,      F),

    ("other_municipality_published", COORD,  F,   F,      F),
    ("other_municipality_published", PM,     F,   F,      F),
    ("other_municipality_published", PROF,   F,   F,      F),
    ("other_municipality_published", INTAKE, F,   F,      F),
    ("other_municipality_published", POLICY, F,   F,      F),  # another municipality's approach
    ("other_municipality_published", INSP,   T,   T,      F),
    ("other_municipality_published", PRIV,   F,   F,      F),
    ("other_municipality_published", ADMIN,  F,   F,      F),
]

RESPONDENT_ACTIONS = (A.ANSWER_INSPECTION,)
RESPONDENT_TABLE = [
    # respondent                role     ANSWER
    ("municipality_open",       COORD,   F),
    ("municipality_open",       PM,      T),  # works for the municipal organisation
    ("municipality_open",       PROF,    F),
    ("municipality_open",       INTAKE,  F),
    ("municipality_open",       POLICY,  T),
    ("municipality_open",       INSP,    F),
    ("municipality_open",       PRIV,    F),
    ("municipality_open",       ADMIN,   F),

    ("coordinator_org_open",    COORD,   T),
    ("coordinator_org_open",    PM,      F),
    ("coordinator_org_open",    PROF,    F),
    ("coordinator_org_open",    INTAKE,  F),
    ("coordinator_org_open",    POLICY,  F),
    ("coordinator_org_open",    INSP,    F),
    ("coordinator_org_open",    PRIV,    F),
    ("coordinator_org_open",    ADMIN,   F),

    ("professional_org_open",   COORD,   F),
    ("professional_org_open",   PM,      F),
    ("professional_org_open",   PROF,    T),
    ("professional_org_open",   INTAKE,  F),
    ("professional_org_open",   POLICY,  F),
    ("professional_org_open",   INSP,    F),
    ("professional_org_open",   PRIV,    F),
    ("professional_org_open",   ADMIN,   F),

    ("municipality_draft",      COORD,   F),
    ("municipality_draft",      PM,      F),  # not open yet
    ("municipality_draft",      PROF,    F),
    ("municipality_draft",      INTAKE,  F),
    ("municipality_draft",      POLICY,  F),
    ("municipality_draft",      INSP,    F),
    ("municipality_draft",      PRIV,    F),
    ("municipality_draft",      ADMIN,   F),

    ("municipality_published",  COORD,   F),
    ("municipality_published",  PM,      F),  # closed
    ("municipality_published",  PROF,    F),
    ("municipality_published",  INTAKE,  F),
    ("municipality_published",  POLICY,  F),
    ("municipality_published",  INSP,    F),
    ("municipality_published",  PRIV,    F),
    ("municipality_published",  ADMIN,   F),

    ("other_municipality_open", COORD,   F),
    ("other_municipality_open", PM,      F),
    ("other_municipality_open", PROF,    F),
    ("other_municipality_open", INTAKE,  F),
    ("other_municipality_open", POLICY,  F),  # another municipality's questionnaire
    ("other_municipality_open", INSP,    F),
    ("other_municipality_open", PRIV,    F),
    ("other_municipality_open", ADMIN,   F),
]
# fmt: on

START_CELLS = _cells(START_TABLE, START_ACTIONS, 2)
INSPECTION_CELLS = _cells(INSPECTION_TABLE, INSPECTION_ACTIONS, 2)
RESPONDENT_CELLS = _cells(RESPONDENT_TABLE, RESPONDENT_ACTIONS, 2)


@pytest.fixture(scope="module")
def module_inspections(module_world, django_db_blocker):
    """The inspections and respondents of the tables above, inside module_world's transaction."""
    w = module_world
    with django_db_blocker.unblock():
        inspector, other_inspector = w.user(INSP), w.others["other_inspector"]

        def inspection(name, approach, organisation, by, year, status):
            return Inspection.objects.create(
                approach=approach,
                framework=approach.framework,
                level="policy",
                year=year,
                title=name,
                status=status,
                organisation=organisation,
                created_by=by,
                published_at=timezone.now() if status == InspectionStatus.PUBLISHED else None,
            )

        inspections = {
            "own_draft": inspection("own_draft", w.approach, w.inspectorate, inspector, 2020, "draft"),
            "own_open": inspection("own_open", w.approach, w.inspectorate, inspector, 2021, "open"),
            "own_published": inspection("own_published", w.approach, w.inspectorate, inspector, 2022, "published"),
            "other_published": inspection(
                "other_published", w.approach, w.other_inspectorate, other_inspector, 2023, "published"
            ),
            "other_municipality_open": inspection(
                "other_municipality_open", w.other_approach, w.inspectorate, inspector, 2021, "open"
            ),
            "other_municipality_published": inspection(
                "other_municipality_published", w.other_approach, w.inspectorate, inspector, 2022, "published"
            ),
        }

        def respondent(inspection_name, organisation, kind):
            return Respondent.objects.create(
                inspection=inspections[inspection_name],
                organisation=organisation,
                kind=kind,
                invited_on=timezone.localdate(),
                invited_by=inspector,
            )

        municipal, partner = RespondentKind.MUNICIPALITY, RespondentKind.PARTNER
        respondents = {
            "municipality_open": respondent("own_open", w.municipal_org, municipal),
            "coordinator_org_open": respondent("own_open", w.coordinator_org, partner),
            "professional_org_open": respondent("own_open", w.professional_org, partner),
            "municipality_draft": respondent("own_draft", w.municipal_org, municipal),
            "municipality_published": respondent("own_published", w.municipal_org, municipal),
            "other_municipality_open": respondent("other_municipality_open", w.other_municipal_org, municipal),
        }
    return inspections, respondents


def test_the_inspection_tables_cover_every_role_and_object(module_inspections):
    inspections, respondents = module_inspections
    for table, objects in (
        (START_TABLE, {"own", "other"}),
        (INSPECTION_TABLE, inspections),
        (RESPONDENT_TABLE, respondents),
    ):
        assert {row[0] for row in table} == set(objects)
        for obj in objects:
            assert sorted(row[1] for row in table if row[0] == obj) == sorted(Role), obj


@pytest.mark.parametrize(("which", "role", "action", "expected"), START_CELLS)
def test_start_inspection_action(module_world, which, role, action, expected):
    approach = module_world.approach if which == "own" else module_world.other_approach
    actor = module_world.user(role)

    assert policy.can(actor, action, approach) is expected
    assert policy.approaches_for(actor, action).filter(pk=approach.pk).exists() is expected


@pytest.mark.parametrize(("which", "role", "action", "expected"), INSPECTION_CELLS)
def test_inspection_action(module_world, module_inspections, which, role, action, expected):
    inspection, actor = module_inspections[0][which], module_world.user(role)

    assert policy.can(actor, action, inspection) is expected
    assert policy.inspections_for(actor, action).filter(pk=inspection.pk).exists() is expected


@pytest.mark.parametrize(("which", "role", "action", "expected"), RESPONDENT_CELLS)
def test_respondent_action(module_world, module_inspections, which, role, action, expected):
    respondent, actor = module_inspections[1][which], module_world.user(role)

    assert policy.can(actor, action, respondent) is expected
    assert policy.respondents_for(actor, action).filter(pk=respondent.pk).exists() is expected


@pytest.mark.parametrize("role", list(Role))
def test_inspections_and_questionnaires_for_are_exactly_the_true_cells(module_world, module_inspections, role):
    inspections, respondents = module_inspections
    actor = module_world.user(role)
    for action in INSPECTION_ACTIONS:
        index = INSPECTION_ACTIONS.index(action)
        expected = {inspections[row[0]].pk for row in INSPECTION_TABLE if row[1] == role and row[2 + index]}
        assert set(policy.inspections_for(actor, action).values_list("pk", flat=True)) == expected, action
    expected = {respondents[row[0]].pk for row in RESPONDENT_TABLE if row[1] == role and row[2]}
    assert set(policy.respondents_for(actor).values_list("pk", flat=True)) == expected


def test_inspection_actions_are_not_asked_of_other_objects(module_world, module_inspections):
    inspections, respondents = module_inspections
    inspector, officer = module_world.user(INSP), module_world.user(POLICY)
    assert not policy.can(inspector, A.INSPECT, inspections["own_open"])  # a family action on an inspection
    assert not policy.can(inspector, A.CONDUCT_INSPECTION, module_world.family("mandated"))
    assert not policy.can(inspector, A.CONDUCT_INSPECTION)
    assert not policy.can(officer, A.ANSWER_INSPECTION, inspections["own_open"])  # answering is per questionnaire
    assert not policy.can(officer, A.VIEW_INSPECTION, respondents["municipality_open"])


@pytest.mark.parametrize("role", list(Role))
def test_an_inactive_user_sees_no_inspection_or_questionnaire(module_world, module_inspections, role):
    Membership.objects.filter(user=module_world.user(role)).update(active=False)
    actor = User.objects.get(pk=module_world.user(role).pk)
    for action in A:
        assert not policy.inspections_for(actor, action).exists(), action
        assert not policy.respondents_for(actor, action).exists(), action
    assert not policy.inspections_for(AnonymousUser(), A.VIEW_INSPECTION).exists()
    assert not policy.respondents_for(AnonymousUser()).exists()
