"""The inspection tests' own world, built with the plain ORM and the real STJ framework (30 policy-level and
33 case-level indicators, loaded from the shipped YAML).

Municipality Testdam runs the approach "Gezinsaanpak Testdam"; its partners are the police, GGZ and debt
counselling. The inspectorate STJ (inspector Ilse Inspecteur) conducts; another inspectorate exists too.

- gemeente: the municipal organisation; policy officer Bea Beleid, process manager Piet Proces, privacy
  officer Priya Privacy;
- partners: professional Paul Politie (police), professional Gina GGZ (GGZ), coordinator Sam Schuld (debts);
- outsiders: the policy officer of another municipality, an inspector of another inspectorate;
- families of the approach: `mandated` (De Vries: Sanne, Noah; pseudonymised mandate for STJ, with problems
  and a plan whose texts mention the members by name), `full` (mandate with scope full), `unmandated`,
  `expired` (mandate expired yesterday), `elsewhere` (mandate for the other inspectorate only).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from gezinsregie.accounts.models import Membership, Role, User
from gezinsregie.casework.models import (
    Family,
    FamilyStatus,
    InspectionMandate,
    MandateScope,
    Member,
    MemberRelation,
    Problem,
    Severity,
)
from gezinsregie.frameworks import services as framework_services
from gezinsregie.frameworks.models import Framework, Indicator, LifeDomainSet
from gezinsregie.inspections import selectors, services
from gezinsregie.inspections.models import Inspection, InspectionLevel, InspectionStatus, Respondent
from gezinsregie.organisations.models import Approach, Municipality, Organisation, OrganisationKind
from gezinsregie.plans import services as plan_services
from gezinsregie.plans.models import OwnerKind
from gezinsregie.plans.services import Owner

YEAR = 2025


@dataclass
class InspectionWorld:
    today: date
    framework: Framework
    approach: Approach
    other_approach: Approach
    gemeente: Organisation
    police: Organisation
    ggz: Organisation
    debts: Organisation
    inspectorate: Organisation
    other_inspectorate: Organisation
    inspector: User
    other_inspector: User
    policy_officer: User
    process_manager: User
    privacy_officer: User
    police_prof: User
    ggz_prof: User
    debts_coord: User
    other_policy_officer: User
    families: dict[str, Family]

    def client_for(self, user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client

    def policy_indicators(self) -> list[Indicator]:
        return list(
            Indicator.objects.filter(
                criterion__theme__level__framework=self.framework, criterion__theme__level__key="policy"
            )
            .select_related("criterion")
            .order_by("criterion__theme__order", "criterion__order", "order")
        )


def _user(username: str, first: str, last: str, role: str, org: Organisation, approach: Approach | None = None) -> User:
    user = User.objects.create_user(
        username=username, first_name=first, last_name=last, email=f"{username}@example.nl", password="x" * 16
    )
    Membership.objects.create(user=user, organisation=org, role=role, approach=approach)
    return user


def build_world() -> InspectionWorld:
    today = timezone.localdate()
    framework = framework_services.framework_load(path=framework_services.DEFAULT_FRAMEWORK_FILES[0]).framework
    framework_services.life_domain_sets_load()
    domains = LifeDomainSet.objects.get(key="stj-2013")
    testdam = Municipality.objects.create(name="Testdam")
    elders = Municipality.objects.create(name="Elders")
    gemeente = Organisation.objects.create(
        name="Gemeente Testdam", kind=OrganisationKind.MUNICIPALITY, municipality=testdam
    )
    gemeente_elders = Organisation.objects.create(
        name="Gemeente Elders", kind=OrganisationKind.MUNICIPALITY, municipality=elders
    )
    police = Organisation.objects.create(name="Politie Testdam", kind=OrganisationKind.PARTNER)
    ggz = Organisation.objects.create(name="GGZ Testdam", kind=OrganisationKind.PARTNER)
    debts = Organisation.objects.create(name="Schuldhulp Testdam", kind=OrganisationKind.PARTNER)
    inspectorate = Organisation.objects.create(name="STJ test", kind=OrganisationKind.INSPECTORATE)
    other_inspectorate = Organisation.objects.create(name="Andere inspectie", kind=OrganisationKind.INSPECTORATE)
    approach = Approach.objects.create(
        municipality=testdam, name="Gezinsaanpak Testdam", life_domain_set=domains, framework=framework
    )
    approach.partners.add(police, ggz, debts)
    other_approach = Approach.objects.create(
        municipality=elders, name="Aanpak Elders", life_domain_set=domains, framework=framework
    )

    inspector = _user("inspecteur", "Ilse", "Inspecteur", Role.INSPECTOR, inspectorate)
    other_inspector = _user("andere-inspecteur", "Otto", "Anders", Role.INSPECTOR, other_inspectorate)
    policy_officer = _user("beleid", "Bea", "Beleid", Role.POLICY_OFFICER, gemeente)
    process_manager = _user("procesmanager", "Piet", "Proces", Role.PROCESS_MANAGER, gemeente, approach)
    privacy_officer = _user("privacy", "Priya", "Privacy", Role.PRIVACY_OFFICER, gemeente)
    police_prof = _user("politie", "Paul", "Politie", Role.PROFESSIONAL, police)
    ggz_prof = _user("ggz", "Gina", "Geest", Role.PROFESSIONAL, ggz)
    debts_coord = _user("schuld", "Sam", "Schuld", Role.COORDINATOR, debts)
    other_policy_officer = _user("beleid-elders", "Eva", "Elders", Role.POLICY_OFFICER, gemeente_elders)

    def family(reference: str, name: str, **kwargs: object) -> Family:
        return Family.objects.create(
            reference=reference,
            approach=kwargs.pop("approach", approach),
            name=name,
            address=str(kwargs.pop("address", "Kerkpad 3")),
            neighbourhood="Noordhoek",
            status=FamilyStatus.ACTIVE,
            registered_on=today - timedelta(days=120),
            started_on=today - timedelta(days=100),
            process_manager=process_manager,
        )

    def mandate(f: Family, org: Organisation = inspectorate, **kwargs: object) -> None:
        InspectionMandate.objects.create(
            family=f,
            organisation=org,
            scope=kwargs.get("scope", MandateScope.PSEUDONYMISED),
            granted_on=kwargs.get("granted_on", today - timedelta(days=10)),
            expires_on=kwargs.get("expires_on", today + timedelta(days=90)),
            recorded_by=process_manager,
        )

    families = {
        "mandated": family("GR-INS-1", "Gezin De Vries", address="Lindelaan 12"),
        "full": family("GR-INS-2", "Gezin Bakker", address="Molenstraat 7"),
        "unmandated": family("GR-INS-3", "Gezin Jansen"),
        "expired": family("GR-INS-4", "Gezin Smit"),
        "elsewhere": family("GR-INS-5", "Gezin Visser"),
        "other_approach": family("GR-INS-6", "Gezin Mulder", approach=other_approach),
    }
    mandate(families["mandated"])
    mandate(families["full"], scope=MandateScope.FULL)
    mandate(families["expired"], granted_on=today - timedelta(days=100), expires_on=today - timedelta(days=1))
    mandate(families["elsewhere"], org=other_inspectorate)
    mandate(families["other_approach"])

    f = families["mandated"]
    sanne = Member.objects.create(
        family=f, first_name="Sanne", last_name="de Vries", birth_date=date(1988, 4, 2), relation=MemberRelation.PARENT
    )
    Member.objects.create(
        family=f, first_name="Noah", last_name="de Vries", birth_date=date(2015, 9, 1), relation=MemberRelation.CHILD
    )
    wonen, financien = list(domains.domains.order_by("order"))[1:3]

    def problem(domain: object, member: Member | None, text: str) -> Problem:
        return Problem.objects.create(
            family=f,
            member=member,
            domain=domain,
            description=text,
            severity=Severity.SEVERE,
            chronic=True,
            identified_on=today - timedelta(days=90),
            recorded_by=process_manager,
        )

    housing = problem(wonen, None, "Huurachterstand bij Lindelaan 12; Sanne de Vries vreest ontruiming")
    money = problem(financien, sanne, "Sanne heeft schulden bij zes schuldeisers")
    plan = plan_services.plan_create(actor=process_manager, family=f)
    goal = plan_services.plan_add_goal(
        actor=process_manager,
        plan=plan,
        expected_version=1,
        problem=money,
        description="Sanne heeft overzicht over haar schulden",
        priority=1,
        term="short",
    )
    plan_services.plan_add_goal(
        actor=process_manager,
        plan=plan,
        expected_version=2,
        problem=housing,
        description="Het gezin De Vries kan blijven wonen",
        priority=2,
        term="short",
    )
    plan_services.plan_add_action(
        actor=process_manager,
        goal=goal,
        expected_version=3,
        description="Oma Truus helpt Sanne de post te openen",
        owner=Owner(OwnerKind.NETWORK, name="Oma Truus"),
        due_on=today + timedelta(days=14),
    )
    return InspectionWorld(
        today=today,
        framework=framework,
        approach=approach,
        other_approach=other_approach,
        gemeente=gemeente,
        police=police,
        ggz=ggz,
        debts=debts,
        inspectorate=inspectorate,
        other_inspectorate=other_inspectorate,
        inspector=inspector,
        other_inspector=other_inspector,
        policy_officer=policy_officer,
        process_manager=process_manager,
        privacy_officer=privacy_officer,
        police_prof=police_prof,
        ggz_prof=ggz_prof,
        debts_coord=debts_coord,
        other_policy_officer=other_policy_officer,
        families=families,
    )


@pytest.fixture
def iw(db: None) -> InspectionWorld:
    return build_world()


def respondent_of(inspection: Inspection, organisation: Organisation) -> Respondent:
    return inspection.respondents.get(organisation=organisation)


@pytest.fixture
def open_inspection(iw: InspectionWorld) -> Inspection:
    """A policy-level inspection of the approach, with the municipality and three partners invited, open."""
    inspection = services.inspection_create(
        actor=iw.inspector, approach=iw.approach, level=InspectionLevel.POLICY, year=YEAR
    )
    services.respondents_invite(
        actor=iw.inspector, inspection=inspection, organisations=[iw.gemeente, iw.police, iw.ggz, iw.debts]
    )
    return services.inspection_advance(actor=iw.inspector, inspection=inspection, to=InspectionStatus.OPEN)


def answer_everything(
    actor: User, respondent: Respondent, value: Callable[[Indicator], str] | str = "yes", submit: bool = True
) -> None:
    indicators = selectors.indicators_of(respondent.inspection)
    given = [
        services.AnswerInput(
            indicator=i,
            value=value(i) if callable(value) else value,
            explanation=f"Toelichting van {respondent.organisation.name} bij {i.key}",
        )
        for i in indicators
    ]
    services.answers_save(actor=actor, respondent=respondent, answers=given)
    if submit:
        services.questionnaire_submit(actor=actor, respondent=respondent)


def judge_everything(actor: User, inspection: Inspection, judgement: Callable[[Indicator], str] | str = "met") -> None:
    """One finding per indicator still without one."""
    for indicator in selectors.indicators_of(inspection):
        if indicator.key in selectors.uncovered_keys(inspection):
            chosen = judgement(indicator) if callable(judgement) else judgement
            services.finding_save(
                actor=actor,
                inspection=inspection,
                indicators=[indicator],
                judgement=chosen,
                text=f"Bevinding bij {indicator.key}: {chosen}",
            )


@pytest.fixture
def judging_inspection(iw: InspectionWorld, open_inspection: Inspection) -> Inspection:
    """All four respondents answered (the municipality yes, the police no, the others yes) and submitted."""
    who = {iw.gemeente: iw.policy_officer, iw.police: iw.police_prof, iw.ggz: iw.ggz_prof, iw.debts: iw.debts_coord}
    for organisation, actor in who.items():
        answer_everything(
            actor, respondent_of(open_inspection, organisation), "no" if organisation == iw.police else "yes"
        )
    return services.inspection_advance(actor=iw.inspector, inspection=open_inspection, to=InspectionStatus.JUDGING)


@pytest.fixture
def case_inspection(iw: InspectionWorld) -> Inspection:
    return services.inspection_create(actor=iw.inspector, approach=iw.approach, level=InspectionLevel.CASE, year=YEAR)
