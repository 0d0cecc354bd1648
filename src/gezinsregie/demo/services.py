"""Builds the demo world: the entirely fictional municipality Zeldenbroek. Deterministic (fixed seed),
dates relative to today so norms and deadlines mean something, and idempotent (a second run adds nothing).
"""

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone

from gezinsregie.accounts.models import Membership, Role, User
from gezinsregie.casework.models import (
    Consent,
    CoordinatorAssignment,
    Family,
    FamilyStatus,
    InspectionMandate,
    Involvement,
    Member,
    MemberRelation,
    Problem,
    Referral,
    ReferralSource,
    ScoreMoment,
    SelfSufficiencyScore,
    Severity,
    Urgency,
)
from gezinsregie.demo.inspections import demo_inspections
from gezinsregie.demo.logins import DEMO_LOGINS, DEMO_PASSWORD
from gezinsregie.frameworks.models import Framework, LifeDomainSet
from gezinsregie.organisations.models import (
    Approach,
    Municipality,
    Organisation,
    OrganisationKind,
    PartnerType,
)
from gezinsregie.plans.models import Action, ActionStatus, Goal, OwnerKind, Plan, PlanVersion, Term
from gezinsregie.plans.selectors import snapshot_of

MUNICIPALITY = "Zeldenbroek"
NEIGHBOURHOODS = ["Centrum", "Noordhoek", "De Velden", "Oostwijk", "Havenkwartier", "Zuiderpark"]
SURNAMES = [
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "Kok",
    "Jacobs",
    "de Haan",
    "Vermeulen",
    "van den Heuvel",
    "van der Veen",
    "van den Broek",
    "Schouten",
    "Willems",
    "van Dijk",
    "Hoekstra",
    "Maas",
    "Verhoeven",
    "Koster",
    "Prins",
    "Blom",
    "Huisman",
    "Peeters",
    "Kuipers",
    "van Wijk",
    "Postma",
]
PARENT_NAMES = [
    "Sandra",
    "Mohamed",
    "Linda",
    "Patrick",
    "Fatima",
    "Kevin",
    "Naima",
    "Roy",
    "Esther",
    "Dennis",
]
CHILD_NAMES = ["Noah", "Emma", "Sem", "Julia", "Daan", "Mila", "Liam", "Sara", "Finn", "Yara", "Levi", "Nora"]
PARTNERS = [
    ("Politie basisteam Zeldenbroek", "politie"),
    ("Woonstichting Zeldenbroek", "woningbouw"),
    ("GGZ Zeldenbroek", "(j-)GGZ"),
    ("Schuldhulpverlening Zeldenbroek", "schuldhulpverlening"),
    ("Maatschappelijk werk De Schakel", "maatschappelijk werk"),
    ("Basisschool De Regenboog", "onderwijs"),
    ("Jeugdgezondheidszorg GGD Zeldenbroek", "jeugdgezondheidszorg"),
    ("Leerplicht Zeldenbroek", "leerplicht"),
    ("Jeugdbescherming Regio Zeldenbroek", "gezinsvoogdij & jeugdreclassering"),
]
REASONS = [
    "Herhaalde meldingen van overlast en huiselijke spanningen; huurachterstand van vier maanden.",
    "Kinderen verzuimen structureel van school; ouder met onbehandelde psychische klachten.",
    "Schulden lopen op, dreigende huisuitzetting; eerdere hulpverlening is vastgelopen.",
    "Zorgen over de veiligheid van de kinderen na politiemelding; vader recent uit detentie.",
    "Vervuilde woning, geïsoleerd gezin, moeder met licht verstandelijke beperking.",
    "Oudste zoon betrokken bij jeugdgroep; ouders hebben geen zicht op zijn dagbesteding.",
]
# status, how many, share with a coordinator
STATES = [
    (FamilyStatus.REGISTERED, 6),
    (FamilyStatus.TRIAGE, 4),
    (FamilyStatus.DECLINED, 2),
    (FamilyStatus.ACTIVE, 18),
    (FamilyStatus.AFTERCARE, 5),
    (FamilyStatus.CLOSED, 5),
]


@dataclass
class DemoWorld:
    municipality: Municipality
    approaches: list[Approach]
    families: int
    created: bool


def _user(username: str, first: str, last: str, *, staff: bool = False) -> User:
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"first_name": first, "last_name": last, "email": f"{username}@zeldenbroek.example"},
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.is_staff = user.is_superuser = staff
        user.save()
    return user


def _member(user: User, organisation: Organisation, role: str, approach: Approach | None = None) -> None:
    Membership.objects.get_or_create(user=user, organisation=organisation, role=role, approach=approach)


@transaction.atomic
def demo_load() -> DemoWorld:
    if not settings.DEMO_MODE:
        raise ImproperlyConfigured("Demogegevens en demo-logins bestaan alleen in demomodus (DEMO_MODE).")
    existing = Municipality.objects.filter(name=MUNICIPALITY).first()
    if existing is not None:
        return DemoWorld(
            existing,
            list(existing.approaches.all()),
            Family.objects.filter(approach__municipality=existing).count(),
            created=False,
        )

    rng = random.Random(2026)
    today = timezone.localdate()
    framework = Framework.objects.get(key="stj-ggsr-2013")
    municipality = Municipality.objects.create(name=MUNICIPALITY, cbs_code="9999")
    gemeente = Organisation.objects.create(
        name="Gemeente Zeldenbroek", kind=OrganisationKind.MUNICIPALITY, municipality=municipality
    )
    veiligheidshuis = Organisation.objects.create(
        name="Veiligheidshuis Zeldenbroek", kind=OrganisationKind.MUNICIPALITY, municipality=municipality
    )
    inspectorate = Organisation.objects.get_or_create(
        name="Samenwerkend Toezicht Jeugd", defaults={"kind": OrganisationKind.INSPECTORATE}
    )[0]
    partners = {
        name: Organisation.objects.create(
            name=name,
            kind=OrganisationKind.PARTNER,
            partner_type=PartnerType.objects.get_or_create(name=kind)[0],
        )
        for name, kind in PARTNERS
    }
    integrale = Approach.objects.create(
        municipality=municipality,
        name="Integrale Aanpak Veiligheidshuis",
        description="Persoons- en systeemgerichte aanpak vanuit het Veiligheidshuis: vastpakken en niet meer loslaten.",
        life_domain_set=LifeDomainSet.objects.get(key="maastricht-2014"),
        framework=framework,
        triage_criteria="Overlast, criminaliteit of maatschappelijke uitval\n"
        "Complexe problemen op meerdere leefgebieden\nStagnatie in de samenwerking tussen partners",
    )
    gezinsmanagement = Approach.objects.create(
        municipality=municipality,
        name="Gezinsmanagement",
        description="Een gezinsmanager voor gezinnen met meervoudige problemen die de weg naar hulp niet vinden.",
        life_domain_set=LifeDomainSet.objects.get(key="zrm-2017"),
        framework=framework,
        triage_criteria="Problemen op minimaal vier leefgebieden\nZorgen over de ontwikkeling van de kinderen",
    )
    for approach in (integrale, gezinsmanagement):
        approach.partners.set([gemeente, veiligheidshuis, *partners.values()])

    users = {
        username: _user(username, *_demo_name(username), staff=role == Role.ADMINISTRATOR)
        for username, role, _ in DEMO_LOGINS
    }
    ggz = partners["GGZ Zeldenbroek"]
    _member(users["regisseur"], partners["Maatschappelijk werk De Schakel"], Role.COORDINATOR)
    _member(users["procesmanager"], veiligheidshuis, Role.PROCESS_MANAGER, integrale)
    _member(users["professional"], ggz, Role.PROFESSIONAL)
    _member(users["intake"], veiligheidshuis, Role.INTAKE, integrale)
    _member(users["beleid"], gemeente, Role.POLICY_OFFICER)
    _member(users["inspecteur"], inspectorate, Role.INSPECTOR)
    _member(users["privacy"], gemeente, Role.PRIVACY_OFFICER)
    _member(users["beheer"], gemeente, Role.ADMINISTRATOR)
    other_coordinators = [
        _user("j.dekker", "Joyce", "Dekker"),
        _user("r.ouali", "Rachid", "Ouali"),
    ]
    for coordinator in other_coordinators:
        _member(coordinator, partners["Maatschappelijk werk De Schakel"], Role.COORDINATOR)
    pm_gezinsmanagement = _user("a.verbeek", "Anouk", "Verbeek")
    _member(pm_gezinsmanagement, gemeente, Role.PROCESS_MANAGER, gezinsmanagement)
    police_officer = _user("w.hofman", "Wim", "Hofman")
    _member(police_officer, partners["Politie basisteam Zeldenbroek"], Role.PROFESSIONAL)

    number = 0
    for status, count in STATES:
        for _ in range(count):
            number += 1
            approach = integrale if number % 3 else gezinsmanagement
            _demo_family(
                rng=rng,
                today=today,
                number=number,
                status=status,
                approach=approach,
                coordinator=_coordinator_for(number, status, users["regisseur"], other_coordinators),
                process_manager=users["procesmanager"] if approach == integrale else pm_gezinsmanagement,
                referrer=police_officer if number % 2 else users["professional"],
                professional=users["professional"],
                ggz=ggz,
                partners=list(partners.values()),
                inspectorate=inspectorate,
                recorder=users["procesmanager"],
            )
    demo_inspections(
        approach=integrale,
        inspector=users["inspecteur"],
        inspectorate=inspectorate,
        municipality_org=gemeente,
        partners=[ggz, partners["Maatschappelijk werk De Schakel"], partners["Politie basisteam Zeldenbroek"]],
        reporter=users["beleid"],
    )
    return DemoWorld(municipality, [integrale, gezinsmanagement], number, created=True)


def _demo_name(username: str) -> tuple[str, str]:
    return {
        "regisseur": ("Fleur", "Jansen"),
        "procesmanager": ("Bram", "Willemsen"),
        "professional": ("Iris", "de Vries"),
        "intake": ("Tom", "Kramer"),
        "beleid": ("Marieke", "Claassen"),
        "inspecteur": ("Hans", "Boersma"),
        "privacy": ("Saskia", "Mertens"),
        "beheer": ("Erik", "Lambers"),
    }[username]


def _coordinator_for(number: int, status: FamilyStatus, regisseur: User, others: list[User]) -> User | None:
    if status not in (FamilyStatus.ACTIVE, FamilyStatus.AFTERCARE, FamilyStatus.CLOSED):
        return None
    if status == FamilyStatus.ACTIVE and number in (15, 22):
        return None  # "niemand heeft de regie": the flag the process manager must see
    return regisseur if number % 2 == 0 else others[number % len(others)]


def _demo_family(
    *,
    rng: random.Random,
    today: date,
    number: int,
    status: FamilyStatus,
    approach: Approach,
    coordinator: User | None,
    process_manager: User,
    referrer: User,
    professional: User,
    ggz: Organisation,
    partners: list[Organisation],
    inspectorate: Organisation,
    recorder: User,
) -> Family:
    surname = SURNAMES[number - 1]
    registered_on = today - timedelta(days=_age_in_days(rng, status))
    started_on = None
    if status in (FamilyStatus.ACTIVE, FamilyStatus.AFTERCARE, FamilyStatus.CLOSED):
        started_on = registered_on + timedelta(days=rng.choice([5, 12, 20, 28, 45, 60]))
    family = Family.objects.create(
        reference=f"GR-{number:04d}",
        approach=approach,
        name=f"Gezin {surname}",
        address=f"{rng.choice(['Lindelaan', 'Molenstraat', 'Havenweg', 'Kerkpad'])} {rng.randint(1, 180)}",
        neighbourhood=rng.choice(NEIGHBOURHOODS),
        status=status,
        registered_on=registered_on,
        started_on=started_on,
        closed_on=today - timedelta(days=rng.randint(10, 90)) if status == FamilyStatus.CLOSED else None,
        coordinator=coordinator,
        process_manager=process_manager if started_on else None,
    )
    parent_age = rng.randint(28, 46)
    parent_birth = date(today.year - parent_age, rng.randint(1, 12), rng.randint(1, 28))
    for parent in range(rng.choice([1, 2])):
        Member.objects.create(
            family=family,
            first_name=PARENT_NAMES[(number + parent) % len(PARENT_NAMES)],
            last_name=surname,
            birth_date=parent_birth - timedelta(days=400 * parent),
            relation=MemberRelation.PARENT,
        )
    for child in range(rng.randint(1, 4)):
        Member.objects.create(
            family=family,
            first_name=CHILD_NAMES[(number * 3 + child) % len(CHILD_NAMES)],
            last_name=surname,
            # children between 0 and 17, born when the parent was at least 18
            birth_date=today - timedelta(days=365 * rng.randint(0, min(17, parent_age - 19)) + 40 * child + 30),
            relation=MemberRelation.CHILD,
        )
    referral = Referral.objects.create(
        family=family,
        referred_on=registered_on,
        referred_by=referrer,
        organisation=referrer.active_memberships()[0].organisation,
        source=ReferralSource.POLICE if number % 2 else ReferralSource.PARTNER,
        reason=REASONS[number % len(REASONS)],
        urgency=rng.choice([Urgency.NORMAL, Urgency.NORMAL, Urgency.HIGH]),
    )
    referral.domains.set(rng.sample(list(approach.life_domain_set.domains.all()), k=rng.randint(3, 6)))
    if started_on is None:
        return family
    # Consent names the organisations that may share; GGZ is left out of every fifth family on purpose.
    named = rng.sample(partners, k=4)
    if number % 5 and ggz not in named:
        named.append(ggz)
    if number % 5 == 0 and ggz in named:
        named.remove(ggz)
    consent = Consent.objects.create(
        family=family,
        informed_of_rights=True,
        signed_on=started_on,
        signed_by=f"{PARENT_NAMES[number % 10]} {surname}",
        recorded_by=recorder,
    )
    consent.organisations.set(named)
    if number % 3 == 0 or number % 5 == 0:
        Involvement.objects.create(family=family, user=professional, organisation=ggz, started_on=started_on)
    _demo_analysis(rng=rng, family=family, recorder=coordinator or recorder, number=number)
    if number % 7 != 1:  # a few active families have no plan yet: the caseload must flag them
        _demo_plan(rng=rng, today=today, family=family, author=coordinator or recorder, number=number)
    if coordinator is not None:
        CoordinatorAssignment.objects.create(
            family=family,
            coordinator=coordinator,
            previous=None,
            assigned_on=started_on,
            reason="Eerste regisseur na opname in de aanpak.",
            assigned_by=recorder,
        )
    if status == FamilyStatus.ACTIVE and approach.name.startswith("Integrale") and number % 4 == 1:
        InspectionMandate.objects.create(
            family=family,
            organisation=inspectorate,
            granted_on=today - timedelta(days=20),
            expires_on=today + timedelta(days=180),
            recorded_by=recorder,
        )
    return family


PROBLEM_TEXTS = [
    "Oplopende schulden; post wordt niet geopend.",
    "Huurachterstand en dreigende uitzetting.",
    "Ouder heeft onbehandelde depressieve klachten.",
    "Kind verzuimt regelmatig van school.",
    "Spanningen en ruzies thuis; politie is twee keer langs geweest.",
    "Geen dagbesteding of werk; dagritme ontbreekt.",
    "Weinig mensen om op terug te vallen.",
    "Woning is vervuild; huishouden loopt vast.",
]


def _demo_analysis(*, rng: random.Random, family: Family, recorder: User, number: int) -> None:
    """Problems on several domains (chronic ones for most families) and intake scores on most domains.

    Some families are left with gaps on purpose: the analysis page and caseload must show them.
    """
    domains = list(family.approach.life_domain_set.domains.all())
    members = list(family.members.all())
    analysed = domains if number % 4 else domains[: len(domains) // 2]
    identified_on = family.started_on or family.registered_on
    for index, domain in enumerate(rng.sample(analysed, k=min(len(analysed), rng.randint(3, 6)))):
        Problem.objects.create(
            family=family,
            member=rng.choice([None, *members]),
            domain=domain,
            description=PROBLEM_TEXTS[(number + index) % len(PROBLEM_TEXTS)],
            severity=rng.choice([Severity.MODERATE, Severity.SEVERE, Severity.SEVERE]),
            chronic=rng.random() < 0.8,
            own_strength=rng.random() < 0.2,
            family_participated=number % 3 != 0,  # Maastricht: "het gezin is niet bij de eerste analyse betrokken"
            identified_on=identified_on,
            recorded_by=recorder,
        )
    for domain in analysed:
        SelfSufficiencyScore.objects.create(
            family=family,
            domain=domain,
            score=rng.choice([1, 2, 2, 3, 3, 4]),
            moment=ScoreMoment.INTAKE,
            scored_on=identified_on,
            recorded_by=recorder,
        )


GOAL_TEXTS = {
    "severe": "Het probleem is binnen drie maanden beheersbaar.",
    "moderate": "Het gezin pakt dit zelf op met steun uit het netwerk.",
}
ACTION_TEXTS = [
    "Afspraak maken met de schuldhulpverlener en alle post meenemen.",
    "Wekelijks gesprek over de voortgang met de regisseur.",
    "Kinderen elke ochtend naar school brengen.",
    "Aanmelden bij de huisarts voor een verwijzing naar de GGZ.",
    "Huurachterstand bespreken met de woningcorporatie en een regeling treffen.",
    "Eén keer per week helpen met het huishouden.",
]


def _demo_plan(*, rng: random.Random, today: date, family: Family, author: User, number: int) -> Plan:
    """A plan with goals for most problems (not all: C3.a.2 must have something to find) and actions.

    Built directly rather than through plans.services, so that loading the demo does not write
    access-log entries in the names of the demo users. The version history is real: one snapshot per step.
    """
    started_on = family.started_on or family.registered_on
    # the plan's own history lies in the past, so the monthly trend of the self-assessment tells a true story
    written_on = min(started_on + timedelta(days=rng.randint(7, 60)), today)
    moment = timezone.make_aware(datetime.combine(written_on, time(10)))
    plan = Plan.objects.create(family=family, version=1, created_by=author)
    Plan.objects.filter(pk=plan.pk).update(created_at=moment)
    plan.created_at = moment  # a later plan.save() writes every field

    def snapshot(summary: str) -> None:
        version = PlanVersion.objects.create(
            plan=plan, number=plan.version, snapshot=snapshot_of(plan), summary=summary, changed_by=author
        )
        PlanVersion.objects.filter(pk=version.pk).update(changed_at=moment)

    snapshot("Plan opgesteld")
    members = list(family.members.all())
    consented = set(family.consents.filter(withdrawn_on__isnull=True).values_list("organisations", flat=True))
    involvement = family.involvements.select_related("user", "organisation").first()
    problems = list(family.problems.all())
    for priority, problem in enumerate(problems[: max(1, len(problems) - number % 2)], start=1):
        goal = Goal.objects.create(
            plan=plan,
            problem=problem,
            description=GOAL_TEXTS["severe" if problem.severity == Severity.SEVERE else "moderate"],
            priority=priority,
            term=Term.SHORT if priority <= 2 else Term.LONG,
        )
        Goal.objects.filter(pk=goal.pk).update(created_at=moment)
        for index in range(rng.randint(1, 2)):
            due_on = started_on + timedelta(days=rng.randint(20, 200))
            done = due_on < today and rng.random() < 0.6
            owner: dict[str, object] = {"owner_kind": OwnerKind.MEMBER, "owner_member": rng.choice(members)}
            if index == 1 and involvement and involvement.organisation_id in consented:
                owner = {
                    "owner_kind": OwnerKind.PROFESSIONAL,
                    "owner_user": involvement.user,
                    "owner_organisation": involvement.organisation,
                }
            elif index == 1:
                owner = {"owner_kind": OwnerKind.NETWORK, "owner_name": rng.choice(["Oma Truus", "Buurvrouw Ans"])}
            Action.objects.create(
                goal=goal,
                description=ACTION_TEXTS[(number + priority + index) % len(ACTION_TEXTS)],
                due_on=due_on,
                status=ActionStatus.DONE if done else ActionStatus.OPEN,
                done_on=due_on if done else None,
                **owner,
            )
        Action.objects.filter(goal=goal).update(created_at=moment)
        plan.version += 1
        plan.save(update_fields=["version"])
        snapshot(f"Doel toegevoegd: {goal.description}")
    if number % 5 != 2:  # most families agreed to their plan; some never did (C2.a.3, plan "te laat")
        plan.goals_set_with_family = number % 3 != 0
        plan.agreed_with_family_on = min(written_on + timedelta(days=rng.randint(3, 30)), today)
        moment = timezone.make_aware(datetime.combine(plan.agreed_with_family_on, time(15)))
        plan.version += 1
        plan.agreed_version = plan.version
        plan.save()
        snapshot("Instemming van het gezin vastgelegd")
    return plan


def _age_in_days(rng: random.Random, status: FamilyStatus) -> int:
    return {
        FamilyStatus.REGISTERED: rng.randint(2, 40),
        FamilyStatus.TRIAGE: rng.randint(10, 50),
        FamilyStatus.DECLINED: rng.randint(60, 200),
        FamilyStatus.ACTIVE: rng.randint(60, 500),
        FamilyStatus.AFTERCARE: rng.randint(400, 700),
        FamilyStatus.CLOSED: rng.randint(500, 900),
    }[status]
