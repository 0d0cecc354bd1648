"""The plan tests' own world, built with the plain ORM (independent of tests/factories.py).

One family (gezin De Vries) in an approach with a plan norm of 30 days, registered 60 days ago and
started 50 days ago, so its plan is due 20 days ago and late until the family agrees:

- coordinator Fatima El Amrani (Wijkteam) and a process manager: may edit;
- professional Kees Jansen (Schuldhulp), involved and within the consent: may view, not edit;
- professional Olga Buiten (Woonstichting), involved but her organisation is not in the consent;
- a stranger (coordinator elsewhere): may see nothing;
- members Sanne (parent) and Noah (child); three problems on three life domains;
- a second family (gezin Bakker) with its own member and problem, to show nothing leaks across.
"""

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from gezinsregie.accounts.models import Membership, Role, User
from gezinsregie.casework.models import (
    Consent,
    Family,
    FamilyStatus,
    Involvement,
    Member,
    MemberRelation,
    Problem,
    Severity,
)
from gezinsregie.frameworks.models import Framework, LifeDomain, LifeDomainSet
from gezinsregie.organisations.models import Approach, Municipality, Organisation, OrganisationKind
from gezinsregie.plans import services
from gezinsregie.plans.models import Goal, OwnerKind, Plan
from gezinsregie.plans.services import Owner

TODAY = timezone.localdate


@dataclass
class PlanWorld:
    today: date
    approach: Approach
    coordinator_org: Organisation
    professional_org: Organisation
    outside_org: Organisation
    coordinator: User
    process_manager: User
    professional: User
    outsider: User
    stranger: User
    family: Family
    sanne: Member
    noah: Member
    housing: Problem
    debts: Problem
    health: Problem
    consent: Consent
    other_family: Family
    other_member: Member
    other_problem: Problem

    def client_for(self, user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client


def _user(username: str, first: str, last: str, role: str, org: Organisation, approach: Approach | None = None) -> User:
    user = User.objects.create_user(
        username=username, first_name=first, last_name=last, email=f"{username}@example.nl", password="x" * 16
    )
    Membership.objects.create(user=user, organisation=org, role=role, approach=approach)
    return user


def build_plan_world() -> PlanWorld:
    today = TODAY()
    municipality = Municipality.objects.create(name="Zeldenbroek-test")
    framework = Framework.objects.create(key="test-kader", name="Testkader", content_hash="0" * 64)
    domains = LifeDomainSet.objects.create(key="test-set", name="Testset")
    wonen, financien, gezondheid = (
        LifeDomain.objects.create(domain_set=domains, key=key, name=name, order=i)
        for i, (key, name) in enumerate([("wonen", "Wonen"), ("financien", "Financiën"), ("gezondheid", "Gezondheid")])
    )
    municipal_org = Organisation.objects.create(
        name="Gemeente Zeldenbroek-test", kind=OrganisationKind.MUNICIPALITY, municipality=municipality
    )
    coordinator_org = Organisation.objects.create(name="Wijkteam Noord", kind=OrganisationKind.PARTNER)
    professional_org = Organisation.objects.create(name="Schuldhulp Zeldenbroek", kind=OrganisationKind.PARTNER)
    outside_org = Organisation.objects.create(name="Woonstichting Buiten", kind=OrganisationKind.PARTNER)
    elsewhere_org = Organisation.objects.create(name="Elders Zorg", kind=OrganisationKind.PARTNER)
    approach = Approach.objects.create(
        municipality=municipality,
        name="Gezinsaanpak",
        life_domain_set=domains,
        framework=framework,
        plan_norm_days=30,
    )
    approach.partners.add(coordinator_org, professional_org, outside_org)

    coordinator = _user("regisseur", "Fatima", "El Amrani", Role.COORDINATOR, coordinator_org)
    process_manager = _user("procesmanager", "Pieter", "Post", Role.PROCESS_MANAGER, municipal_org, approach)
    professional = _user("professional", "Kees", "Jansen", Role.PROFESSIONAL, professional_org)
    outsider = _user("buiten", "Olga", "Buiten", Role.PROFESSIONAL, outside_org)
    stranger = _user("vreemde", "Vera", "Vreemd", Role.COORDINATOR, elsewhere_org)

    family = Family.objects.create(
        reference="GR-PLAN-1",
        approach=approach,
        name="Gezin De Vries",
        status=FamilyStatus.ACTIVE,
        registered_on=today - timedelta(days=60),
        started_on=today - timedelta(days=50),
        coordinator=coordinator,
        process_manager=process_manager,
    )
    sanne = Member.objects.create(
        family=family,
        first_name="Sanne",
        last_name="de Vries",
        birth_date=date(1988, 4, 2),
        relation=MemberRelation.PARENT,
    )
    noah = Member.objects.create(
        family=family,
        first_name="Noah",
        last_name="de Vries",
        birth_date=date(2015, 9, 1),
        relation=MemberRelation.CHILD,
    )

    def problem(domain: LifeDomain, member: Member | None, text: str, f: Family = family) -> Problem:
        return Problem.objects.create(
            family=f,
            member=member,
            domain=domain,
            description=text,
            severity=Severity.SEVERE,
            chronic=True,
            family_participated=True,
            identified_on=today - timedelta(days=45),
            recorded_by=coordinator,
        )

    housing = problem(wonen, None, "Huurachterstand van drie maanden; dreigende ontruiming")
    debts = problem(financien, sanne, "Schulden bij zes schuldeisers, geen overzicht")
    health = problem(gezondheid, noah, "Vertrouwelijk: gedragsproblemen en spijbelen")
    consent = Consent.objects.create(
        family=family,
        informed_of_rights=True,
        signed_on=today - timedelta(days=40),
        signed_by="Sanne de Vries",
        recorded_by=coordinator,
    )
    consent.organisations.add(coordinator_org, professional_org)
    Involvement.objects.create(
        family=family, user=professional, organisation=professional_org, started_on=today - timedelta(days=40)
    )
    Involvement.objects.create(
        family=family, user=outsider, organisation=outside_org, started_on=today - timedelta(days=40)
    )

    other_family = Family.objects.create(
        reference="GR-PLAN-2",
        approach=approach,
        name="Gezin Bakker",
        status=FamilyStatus.ACTIVE,
        registered_on=today - timedelta(days=30),
        started_on=today - timedelta(days=20),
        coordinator=stranger,
    )
    other_member = Member.objects.create(
        family=other_family,
        first_name="Bram",
        last_name="Bakker",
        birth_date=date(1980, 1, 1),
        relation=MemberRelation.PARENT,
    )
    other_problem = problem(wonen, other_member, "Geheim probleem van gezin Bakker", other_family)
    return PlanWorld(
        today=today,
        approach=approach,
        coordinator_org=coordinator_org,
        professional_org=professional_org,
        outside_org=outside_org,
        coordinator=coordinator,
        process_manager=process_manager,
        professional=professional,
        outsider=outsider,
        stranger=stranger,
        family=family,
        sanne=sanne,
        noah=noah,
        housing=housing,
        debts=debts,
        health=health,
        consent=consent,
        other_family=other_family,
        other_member=other_member,
        other_problem=other_problem,
    )


@pytest.fixture
def w(db: None) -> PlanWorld:
    return build_plan_world()


@dataclass
class PlanWithContent:
    plan: Plan
    housing_goal: Goal
    debts_goal: Goal


@pytest.fixture
def planned(w: PlanWorld) -> PlanWithContent:
    """A plan (version 5) with two goals and two actions; one action is overdue. Health has no goal yet."""
    actor = w.coordinator
    plan = services.plan_create(actor=actor, family=w.family)
    housing_goal = services.plan_add_goal(
        actor=actor,
        plan=plan,
        expected_version=1,
        problem=w.housing,
        description="Het gezin kan in het huis blijven wonen",
        priority=1,
        term="short",
    )
    debts_goal = services.plan_add_goal(
        actor=actor,
        plan=plan,
        expected_version=2,
        problem=w.debts,
        description="Sanne heeft overzicht over haar schulden",
        priority=2,
        term="long",
    )
    services.plan_add_action(
        actor=actor,
        goal=housing_goal,
        expected_version=3,
        description="Betalingsregeling afspreken met de verhuurder",
        owner=Owner(OwnerKind.PROFESSIONAL, user=w.professional, organisation=w.professional_org),
        due_on=w.today - timedelta(days=3),
    )
    services.plan_add_action(
        actor=actor,
        goal=debts_goal,
        expected_version=4,
        description="Alle post van schuldeisers in één map doen",
        owner=Owner(OwnerKind.MEMBER, member=w.sanne),
        due_on=w.today + timedelta(days=14),
    )
    plan.refresh_from_db()
    return PlanWithContent(plan=plan, housing_goal=housing_goal, debts_goal=debts_goal)
