"""The plan tests' world (fixtures `w` and `planned` in tests/plans/conftest.py).

One family (gezin De Vries) in an approach with a plan norm of 30 days, registered 60 days ago and
started 50 days ago, so its plan is due 20 days ago and late until the family agrees:

- coordinator Fatima El Amrani (Wijkteam) and a process manager: may edit;
- professional Kees Jansen (Schuldhulp), involved and within the consent: may view, not edit;
- professional Olga Buiten (Woonstichting), involved but her organisation is not in the consent;
- a stranger (coordinator elsewhere): may see nothing;
- members Sanne (parent) and Noah (child); three problems on three life domains;
- a second family (gezin Bakker) with its own member and problem, to show nothing leaks across.

`plan_with_content(w)` adds the plan of `planned`: version 5, two goals, two actions, one overdue.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.test import Client

from gezinsregie.accounts.models import Role, User
from gezinsregie.casework.models import Consent, Family, FamilyStatus, Member, MemberRelation, Problem, Severity
from gezinsregie.frameworks.models import LifeDomain
from gezinsregie.organisations.models import Approach, Organisation, OrganisationKind
from gezinsregie.plans import services
from gezinsregie.plans.models import Goal, OwnerKind, Plan
from gezinsregie.plans.services import Owner
from tests.builder import Builder
from tests.factories import FrameworkFactory, LifeDomainSetFactory


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


@dataclass
class PlanWithContent:
    plan: Plan
    housing_goal: Goal
    debts_goal: Goal


def build_plan_world() -> PlanWorld:
    b = Builder()
    municipality = b.municipality("Zeldenbroek-test")
    framework = FrameworkFactory(key="test-kader", name="Testkader")
    domains = LifeDomainSetFactory(
        key="test-set",
        name="Testset",
        domains=[("wonen", "Wonen"), ("financien", "Financiën"), ("gezondheid", "Gezondheid")],
        scale=False,
    )
    wonen, financien, gezondheid = domains.domains.order_by("order")
    municipal_org = b.organisation(
        "Gemeente Zeldenbroek-test", OrganisationKind.MUNICIPALITY, municipality=municipality
    )
    coordinator_org = b.organisation("Wijkteam Noord")
    professional_org = b.organisation("Schuldhulp Zeldenbroek")
    outside_org = b.organisation("Woonstichting Buiten")
    elsewhere_org = b.organisation("Elders Zorg")
    approach = b.approach(
        municipality,
        partners=[coordinator_org, professional_org, outside_org],
        name="Gezinsaanpak",
        life_domain_set=domains,
        framework=framework,
        plan_norm_days=30,
    )

    coordinator = b.person(Role.COORDINATOR, coordinator_org, "regisseur", "Fatima", "El Amrani")
    process_manager = b.person(
        Role.PROCESS_MANAGER, municipal_org, "procesmanager", "Pieter", "Post", approach=approach
    )
    professional = b.person(Role.PROFESSIONAL, professional_org, "professional", "Kees", "Jansen")
    outsider = b.person(Role.PROFESSIONAL, outside_org, "buiten", "Olga", "Buiten")
    stranger = b.person(Role.COORDINATOR, elsewhere_org, "vreemde", "Vera", "Vreemd")

    family = b.family(
        approach,
        reference="GR-PLAN-1",
        name="Gezin De Vries",
        status=FamilyStatus.ACTIVE,
        registered=60,
        started=50,
        coordinator=coordinator,
        process_manager=process_manager,
    )
    sanne = b.member(family, "Sanne", "de Vries", date(1988, 4, 2), MemberRelation.PARENT)
    noah = b.member(family, "Noah", "de Vries", date(2015, 9, 1), MemberRelation.CHILD)

    def problem(domain: LifeDomain, member: Member | None, text: str, f: Family = family) -> Problem:
        return b.problem(
            f,
            domain,
            text,
            member=member,
            severity=Severity.SEVERE,
            chronic=True,
            family_participated=True,
            identified_on=b.ago(45),
            recorded_by=coordinator,
        )

    housing = problem(wonen, None, "Huurachterstand van drie maanden; dreigende ontruiming")
    debts = problem(financien, sanne, "Schulden bij zes schuldeisers, geen overzicht")
    health = problem(gezondheid, noah, "Vertrouwelijk: gedragsproblemen en spijbelen")
    consent = b.consent(
        family,
        [coordinator_org, professional_org],
        signed_on=b.ago(40),
        signed_by="Sanne de Vries",
        recorded_by=coordinator,
    )
    b.involvement(family, professional, professional_org, started_on=b.ago(40))
    b.involvement(family, outsider, outside_org, started_on=b.ago(40))

    other_family = b.family(
        approach,
        reference="GR-PLAN-2",
        name="Gezin Bakker",
        status=FamilyStatus.ACTIVE,
        registered=30,
        started=20,
        coordinator=stranger,
    )
    other_member = b.member(other_family, "Bram", "Bakker", date(1980, 1, 1), MemberRelation.PARENT)
    other_problem = problem(wonen, other_member, "Geheim probleem van gezin Bakker", other_family)
    return PlanWorld(
        today=b.today,
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


def plan_with_content(w: PlanWorld) -> PlanWithContent:
    """A plan (version 5) with two goals and two actions; one action is overdue. Health has no goal yet.

    Each of the four edits is saved as its own version (a working session per edit), so the versions tell the
    plan's story one step at a time."""
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
    services.plan_session_save(actor=actor, plan=plan, expected_version=1)
    debts_goal = services.plan_add_goal(
        actor=actor,
        plan=plan,
        expected_version=2,
        problem=w.debts,
        description="Sanne heeft overzicht over haar schulden",
        priority=2,
        term="long",
    )
    services.plan_session_save(actor=actor, plan=plan, expected_version=2)
    services.plan_add_action(
        actor=actor,
        goal=housing_goal,
        expected_version=3,
        description="Betalingsregeling afspreken met de verhuurder",
        owner=Owner(OwnerKind.PROFESSIONAL, user=w.professional, organisation=w.professional_org),
        due_on=w.today - timedelta(days=3),
    )
    services.plan_session_save(actor=actor, plan=plan, expected_version=3)
    services.plan_add_action(
        actor=actor,
        goal=debts_goal,
        expected_version=4,
        description="Alle post van schuldeisers in één map doen",
        owner=Owner(OwnerKind.MEMBER, member=w.sanne),
        due_on=w.today + timedelta(days=14),
    )
    services.plan_session_save(actor=actor, plan=plan, expected_version=4)
    plan.refresh_from_db()
    return PlanWithContent(plan=plan, housing_goal=housing_goal, debts_goal=debts_goal)
