"""The inspection tests' world on the real STJ framework (30 policy-level and 33 case-level indicators, loaded
from the shipped YAML), and the helpers that answer and judge an inspection.

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
from datetime import date

from django.test import Client

from gezinsregie.accounts.models import Role, User
from gezinsregie.casework.models import Family, FamilyStatus, MandateScope, Member, MemberRelation, Problem, Severity
from gezinsregie.frameworks import services as framework_services
from gezinsregie.frameworks.models import Framework, Indicator, LifeDomainSet
from gezinsregie.inspections import selectors, services
from gezinsregie.inspections.models import Inspection, Respondent
from gezinsregie.organisations.models import Approach, Organisation, OrganisationKind
from gezinsregie.plans import services as plan_services
from gezinsregie.plans.models import OwnerKind
from gezinsregie.plans.services import Owner
from tests.builder import Builder

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


def build_inspection_world() -> InspectionWorld:
    b = Builder()
    framework = framework_services.framework_load(path=framework_services.DEFAULT_FRAMEWORK_FILES[0]).framework
    framework_services.life_domain_sets_load()
    domains = LifeDomainSet.objects.get(key="stj-2013")
    testdam, elders = b.municipality("Testdam"), b.municipality("Elders")
    gemeente = b.organisation("Gemeente Testdam", OrganisationKind.MUNICIPALITY, municipality=testdam)
    gemeente_elders = b.organisation("Gemeente Elders", OrganisationKind.MUNICIPALITY, municipality=elders)
    police = b.organisation("Politie Testdam")
    ggz = b.organisation("GGZ Testdam")
    debts = b.organisation("Schuldhulp Testdam")
    inspectorate = b.organisation("STJ test", OrganisationKind.INSPECTORATE)
    other_inspectorate = b.organisation("Andere inspectie", OrganisationKind.INSPECTORATE)
    approach = b.approach(
        testdam,
        partners=[police, ggz, debts],
        name="Gezinsaanpak Testdam",
        description="",  # the reports show "Nog niet geschreven." for it
        life_domain_set=domains,
        framework=framework,
    )
    other_approach = b.approach(elders, name="Aanpak Elders", life_domain_set=domains, framework=framework)

    inspector = b.person(Role.INSPECTOR, inspectorate, "inspecteur", "Ilse", "Inspecteur")
    other_inspector = b.person(Role.INSPECTOR, other_inspectorate, "andere-inspecteur", "Otto", "Anders")
    policy_officer = b.person(Role.POLICY_OFFICER, gemeente, "beleid", "Bea", "Beleid")
    process_manager = b.person(Role.PROCESS_MANAGER, gemeente, "procesmanager", "Piet", "Proces", approach=approach)
    privacy_officer = b.person(Role.PRIVACY_OFFICER, gemeente, "privacy", "Priya", "Privacy")
    police_prof = b.person(Role.PROFESSIONAL, police, "politie", "Paul", "Politie")
    ggz_prof = b.person(Role.PROFESSIONAL, ggz, "ggz", "Gina", "Geest")
    debts_coord = b.person(Role.COORDINATOR, debts, "schuld", "Sam", "Schuld")
    other_policy_officer = b.person(Role.POLICY_OFFICER, gemeente_elders, "beleid-elders", "Eva", "Elders")

    def family(reference: str, name: str, *, approach: Approach = approach, address: str = "Kerkpad 3") -> Family:
        return b.family(
            approach,
            reference=reference,
            name=name,
            address=address,
            neighbourhood="Noordhoek",
            status=FamilyStatus.ACTIVE,
            registered=120,
            started=100,
            process_manager=process_manager,
        )

    def mandate(f: Family, org: Organisation = inspectorate, **kwargs: object) -> None:
        b.mandate(f, org, recorded_by=process_manager, **kwargs)

    families = {
        "mandated": family("GR-INS-1", "Gezin De Vries", address="Lindelaan 12"),
        "full": family("GR-INS-2", "Gezin Bakker", address="Molenstraat 7"),
        "unmandated": family("GR-INS-3", "Gezin Jansen"),
        "expired": family("GR-INS-4", "Gezin Smit"),
        "elsewhere": family("GR-INS-5", "Gezin Visser"),
        "other_approach": family("GR-INS-6", "Gezin Mulder", approach=other_approach),
    }
    mandate(families["mandated"])  # pseudonymised, granted 10 days ago, for 90 more days (the factory's)
    mandate(families["full"], scope=MandateScope.FULL)
    mandate(families["expired"], granted_on=b.ago(100), expires_on=b.ago(1))
    mandate(families["elsewhere"], org=other_inspectorate)
    mandate(families["other_approach"])

    f = families["mandated"]
    sanne = b.member(f, "Sanne", "de Vries", date(1988, 4, 2), MemberRelation.PARENT)
    b.member(f, "Noah", "de Vries", date(2015, 9, 1), MemberRelation.CHILD)
    wonen, financien = list(domains.domains.order_by("order"))[1:3]

    def problem(domain: object, member: Member | None, text: str) -> Problem:
        return b.problem(
            f,
            domain,
            text,
            member=member,
            severity=Severity.SEVERE,
            chronic=True,
            family_participated=False,
            identified_on=b.ago(90),
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
        expected_version=1,
        problem=housing,
        description="Het gezin De Vries kan blijven wonen",
        priority=2,
        term="short",
    )
    plan_services.plan_add_action(
        actor=process_manager,
        goal=goal,
        expected_version=1,
        description="Oma Truus helpt Sanne de post te openen",
        owner=Owner(OwnerKind.NETWORK, name="Oma Truus"),
        due_on=b.ahead(14),
    )
    plan_services.plan_session_save(actor=process_manager, plan=plan, expected_version=1)  # one session: version 2
    return InspectionWorld(
        today=b.today,
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


def respondent_of(inspection: Inspection, organisation: Organisation) -> Respondent:
    return inspection.respondents.get(organisation=organisation)


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


build_world = build_inspection_world  # the name the publication tests import it by
