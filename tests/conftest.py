"""Shared fixtures. `world` is the authorisation scenario the policy, access-log and API tests share.

The world (see build_world): two municipalities, each with one approach.

- Municipality A runs `approach`; its partners are the coordinator's and the professional's organisations.
  One user per role is connected to it (world.users[Role.X]); families in it cover every way a person can
  (not) be connected to a family: coordinated, awaiting triage, referred, involved with or without a
  consent that names the professional's organisation, mandated for the inspectorate, ...
- Municipality B runs `other_approach` with its own coordinator, professional and inspectorate: its
  families are connected to people, but to none of world.users.
"""

import itertools
import os

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # browser tests (Playwright) share this file

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.db import transaction
from django.test import Client
from django.utils import timezone

from gezinsregie.accounts.models import Role, User
from gezinsregie.casework.models import Family, FamilyStatus
from gezinsregie.frameworks import services as framework_services
from gezinsregie.frameworks.models import Framework, LifeDomainSet
from gezinsregie.organisations.models import Approach, Municipality, Organisation
from tests.factories import (
    ApproachFactory,
    ConsentFactory,
    FamilyFactory,
    InspectionMandateFactory,
    InvolvementFactory,
    MembershipFactory,
    MunicipalityFactory,
    OrganisationFactory,
    ReferralFactory,
    UserFactory,
)

_serial = itertools.count(1)  # readable, unique usernames: "process-manager-12"


@dataclass
class World:
    municipality: Municipality
    other_municipality: Municipality
    approach: Approach
    other_approach: Approach
    municipal_org: Organisation
    other_municipal_org: Organisation
    coordinator_org: Organisation  # partner of `approach`
    professional_org: Organisation  # partner of `approach`
    other_partner: Organisation  # partner of `other_approach` only
    inspectorate: Organisation
    other_inspectorate: Organisation
    users: dict[str, User]  # one user per role, all connected to `approach` / municipality A
    others: dict[str, User]  # people connected to families, but not one of `users`
    families: dict[str, Family]

    def user(self, role: str) -> User:
        return self.users[role]

    def family(self, name: str) -> Family:
        return self.families[name]


def build_world() -> World:
    today = timezone.localdate()
    municipality, other_municipality = MunicipalityFactory(), MunicipalityFactory()
    municipal_org = OrganisationFactory(municipal=True, municipality=municipality)
    other_municipal_org = OrganisationFactory(municipal=True, municipality=other_municipality)
    coordinator_org, professional_org, other_partner = OrganisationFactory.create_batch(3)
    inspectorate = OrganisationFactory(inspectorate=True)
    other_inspectorate = OrganisationFactory(inspectorate=True)
    approach = ApproachFactory(municipality=municipality, partners=[coordinator_org, professional_org])
    other_approach = ApproachFactory(municipality=other_municipality, partners=[other_partner])

    def member(role: str, organisation: Organisation, approach: Approach | None = None) -> User:
        user = UserFactory(username=f"{role.replace('_', '-')}-{next(_serial)}")
        MembershipFactory(user=user, organisation=organisation, role=role, approach=approach)
        return user

    users = {
        Role.COORDINATOR: member(Role.COORDINATOR, coordinator_org),
        Role.PROCESS_MANAGER: member(Role.PROCESS_MANAGER, municipal_org, approach),
        Role.PROFESSIONAL: member(Role.PROFESSIONAL, professional_org),
        Role.INTAKE: member(Role.INTAKE, municipal_org, approach),
        Role.POLICY_OFFICER: member(Role.POLICY_OFFICER, municipal_org),
        Role.INSPECTOR: member(Role.INSPECTOR, inspectorate),
        Role.PRIVACY_OFFICER: member(Role.PRIVACY_OFFICER, municipal_org),
        Role.ADMINISTRATOR: member(Role.ADMINISTRATOR, municipal_org),
    }
    others = {
        "colleague": member(Role.PROFESSIONAL, professional_org),  # same organisation as the professional
        "other_coordinator": member(Role.COORDINATOR, other_partner),
        "other_professional": member(Role.PROFESSIONAL, other_partner),
        "other_inspector": member(Role.INSPECTOR, other_inspectorate),
    }
    professional = users[Role.PROFESSIONAL]

    def family(status: str = FamilyStatus.ACTIVE, **kwargs: object) -> Family:
        return FamilyFactory(approach=kwargs.pop("approach", approach), status=status, **kwargs)

    def involved(f: Family, *, ended_on: object = None, user: User = professional) -> None:
        InvolvementFactory(family=f, user=user, organisation=professional_org, ended_on=ended_on)

    families: dict[str, Family] = {}
    families["coordinated"] = family(coordinator=users[Role.COORDINATOR])

    families["triage"] = family(FamilyStatus.REGISTERED)
    ReferralFactory(family=families["triage"], referred_by=others["other_coordinator"])

    families["referred"] = family(FamilyStatus.TRIAGE)
    ReferralFactory(family=families["referred"], referred_by=professional, organisation=professional_org)

    families["consented"] = family()
    involved(families["consented"])
    ConsentFactory(family=families["consented"], organisations=[coordinator_org, professional_org])

    families["consent_other_org"] = family()
    involved(families["consent_other_org"])
    ConsentFactory(family=families["consent_other_org"], organisations=[coordinator_org, other_partner])

    families["consent_withdrawn"] = family()
    involved(families["consent_withdrawn"])
    ConsentFactory(
        family=families["consent_withdrawn"],
        organisations=[professional_org],
        signed_on=today - timedelta(days=30),
        withdrawn_on=today - timedelta(days=1),
    )

    families["consent_future"] = family()
    involved(families["consent_future"])
    ConsentFactory(
        family=families["consent_future"], organisations=[professional_org], signed_on=today + timedelta(days=1)
    )

    families["involvement_ended"] = family()
    involved(families["involvement_ended"], ended_on=today - timedelta(days=1))
    ConsentFactory(family=families["involvement_ended"], organisations=[professional_org])

    families["colleague"] = family()  # the professional's colleague works with it, within the consent
    involved(families["colleague"], user=others["colleague"])
    ConsentFactory(family=families["colleague"], organisations=[professional_org])

    families["mandated"] = family()
    InspectionMandateFactory(family=families["mandated"], organisation=inspectorate)

    families["mandate_expired"] = family()
    InspectionMandateFactory(
        family=families["mandate_expired"],
        organisation=inspectorate,
        granted_on=today - timedelta(days=100),
        expires_on=today - timedelta(days=1),
    )

    families["mandate_withdrawn"] = family()
    InspectionMandateFactory(
        family=families["mandate_withdrawn"], organisation=inspectorate, withdrawn_on=today - timedelta(days=1)
    )

    # Municipality B: connected to people, but to none of `users`.
    families["other"] = family(approach=other_approach, coordinator=others["other_coordinator"])
    InvolvementFactory(family=families["other"], user=others["other_professional"], organisation=other_partner)
    ConsentFactory(family=families["other"], organisations=[other_partner, professional_org])
    InspectionMandateFactory(family=families["other"], organisation=other_inspectorate)

    families["other_triage"] = family(FamilyStatus.REGISTERED, approach=other_approach)
    ReferralFactory(
        family=families["other_triage"], referred_by=others["other_professional"], organisation=other_partner
    )

    return World(
        municipality=municipality,
        other_municipality=other_municipality,
        approach=approach,
        other_approach=other_approach,
        municipal_org=municipal_org,
        other_municipal_org=other_municipal_org,
        coordinator_org=coordinator_org,
        professional_org=professional_org,
        other_partner=other_partner,
        inspectorate=inspectorate,
        other_inspectorate=other_inspectorate,
        users=users,
        others=others,
        families=families,
    )


@pytest.fixture
def world(db: None) -> World:
    """A fresh world per test: change it as you like."""
    return build_world()


@pytest.fixture(scope="module")
def module_world(django_db_setup: None, django_db_blocker: object) -> Iterator[World]:
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
