"""factory_boy factories for the core models, with Dutch fake data (Faker locale nl_NL).

Dates are relative to today (timezone.localdate()), so the policy's date checks see a realistic case:
a family registered some weeks ago, a consent signed last week, a mandate valid for months.
"""

import hashlib
from datetime import timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from gezinsregie.accounts.models import Membership, Role, User
from gezinsregie.casework.models import (
    Consent,
    CoordinatorAssignment,
    Family,
    FamilyStatus,
    InspectionMandate,
    Involvement,
    MandateScope,
    Member,
    MemberRelation,
    OwnStrength,
    Problem,
    Referral,
    ReferralSource,
    ScoreMoment,
    SelfSufficiencyScore,
    Severity,
    Urgency,
)
from gezinsregie.frameworks.models import Framework, LifeDomain, LifeDomainSet, ScaleLevel
from gezinsregie.inspections.models import Inspection, InspectionLevel, InspectionStatus, Respondent, RespondentKind
from gezinsregie.organisations.models import (
    Approach,
    Municipality,
    Organisation,
    OrganisationKind,
    PartnerType,
)
from gezinsregie.plans.models import Action, ActionStatus, Goal, OwnerKind, Plan, Term

LOCALE = "nl_NL"
PASSWORD = "een-lang-testwachtwoord"


def fake(provider: str, **kwargs: object) -> factory.Faker:
    return factory.Faker(provider, locale=LOCALE, **kwargs)


def days_ago(n: int):
    return lambda: timezone.localdate() - timedelta(days=n)


def days_ahead(n: int):
    return lambda: timezone.localdate() + timedelta(days=n)


# --- frameworks (lightweight; the real ones come from frameworks.services, see conftest `framework`) ---


class FrameworkFactory(DjangoModelFactory):
    class Meta:
        model = Framework

    key = factory.Sequence(lambda n: f"testkader-{n}")
    name = factory.Sequence(lambda n: f"Testkader {n}")
    owner = "Samenwerkend Toezicht Jeugd"
    content_hash = factory.LazyAttribute(lambda o: hashlib.sha256(o.key.encode()).hexdigest())


# the STJ domain (toetsingskader C1.a.1) a test domain falls under, by its name; others fall under none
STJ_DOMAIN_OF_NAME = {
    "Gezin": "gezin", "Wonen": "wonen", "Werk": "werk", "Inkomen": "inkomen", "Financiën": "inkomen",
    "Gezondheid": "gezondheid", "Onderwijs": "onderwijs", "Veiligheid": "veiligheid",
}  # fmt: skip


class LifeDomainSetFactory(DjangoModelFactory):
    """Four life domains and a scale of five by default. `domains=[...]` names them (a name, or a (key, name)
    pair); `scale=False` leaves the scale out."""

    class Meta:
        model = LifeDomainSet
        skip_postgeneration_save = True

    key = factory.Sequence(lambda n: f"testset-{n}")
    name = factory.Sequence(lambda n: f"Testset leefgebieden {n}")

    @factory.post_generation
    def domains(self, create: bool, extracted: list[str | tuple[str, str]] | None, **kwargs: object) -> None:
        if not create:
            return
        for order, domain in enumerate(extracted or ["Wonen", "Financiën", "Gezondheid", "Veiligheid"]):
            key, name = domain if isinstance(domain, tuple) else (f"domein-{order}", domain)
            stj = STJ_DOMAIN_OF_NAME.get(name, "")
            LifeDomain.objects.create(domain_set=self, key=key, name=name, order=order, stj_domain=stj)

    @factory.post_generation
    def scale(self, create: bool, extracted: bool | None, **kwargs: object) -> None:
        if create and extracted is not False:
            for value in range(1, 6):
                ScaleLevel.objects.create(domain_set=self, value=value, label=f"Niveau {value}")


# --- organisations ---


class MunicipalityFactory(DjangoModelFactory):
    class Meta:
        model = Municipality

    class Params:
        city = fake("city")

    name = factory.LazyAttributeSequence(lambda o, n: f"{o.city} {n}")
    cbs_code = factory.Sequence(lambda n: f"GM{n:04d}")


class PartnerTypeFactory(DjangoModelFactory):
    class Meta:
        model = PartnerType

    name = factory.Sequence(lambda n: f"partnertype {n}")


class OrganisationFactory(DjangoModelFactory):
    """A network partner by default; traits `municipal` and `inspectorate` for the other kinds."""

    class Meta:
        model = Organisation

    class Params:
        company = fake("company")
        municipal = factory.Trait(
            kind=OrganisationKind.MUNICIPALITY,
            partner_type=None,
            municipality=factory.SubFactory(MunicipalityFactory),
        )
        inspectorate = factory.Trait(kind=OrganisationKind.INSPECTORATE, partner_type=None)

    name = factory.LazyAttributeSequence(lambda o, n: f"{o.company} ({n})")
    kind = OrganisationKind.PARTNER
    partner_type = factory.SubFactory(PartnerTypeFactory)
    municipality = None


class ApproachFactory(DjangoModelFactory):
    class Meta:
        model = Approach
        skip_postgeneration_save = True

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Gezinsaanpak {n}")
    description = fake("sentence")
    life_domain_set = factory.SubFactory(LifeDomainSetFactory)
    framework = factory.SubFactory(FrameworkFactory)
    triage_criteria = "Problemen op minstens vier leefgebieden\nKinderen in het gezin"

    @factory.post_generation
    def partners(self, create: bool, extracted: list[Organisation] | None, **kwargs: object) -> None:
        if create and extracted:
            self.partners.add(*extracted)


# --- accounts ---


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = fake("first_name")
    last_name = fake("last_name")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.nl")
    password = factory.django.Password(PASSWORD)
    is_active = True


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.COORDINATOR
    approach = None
    active = True


# --- casework ---


class FamilyFactory(DjangoModelFactory):
    class Meta:
        model = Family

    class Params:
        days_registered = fake("random_int", min=20, max=200)
        surname = fake("last_name")

    reference = factory.Sequence(lambda n: f"GR-T{n:04d}")
    approach = factory.SubFactory(ApproachFactory)
    name = factory.LazyAttribute(lambda o: f"Familie {o.surname}")
    address = fake("street_address")
    neighbourhood = fake("random_element", elements=["Centrum", "Noord", "Oost", "Zuid", "West"])
    status = FamilyStatus.ACTIVE
    registered_on = factory.LazyAttribute(lambda o: timezone.localdate() - timedelta(days=o.days_registered))
    started_on = factory.LazyAttribute(
        lambda o: (
            o.registered_on + timedelta(days=10)
            if o.status in {FamilyStatus.ACTIVE, FamilyStatus.AFTERCARE, FamilyStatus.CLOSED}
            else None
        )
    )
    coordinator = None


class MemberFactory(DjangoModelFactory):
    class Meta:
        model = Member

    family = factory.SubFactory(FamilyFactory)
    first_name = fake("first_name")
    last_name = fake("last_name")
    birth_date = fake("date_of_birth", minimum_age=1, maximum_age=17)
    relation = MemberRelation.CHILD


class ReferralFactory(DjangoModelFactory):
    class Meta:
        model = Referral
        skip_postgeneration_save = True

    family = factory.SubFactory(FamilyFactory)
    referred_on = factory.LazyAttribute(lambda o: o.family.registered_on)
    referred_by = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    source = ReferralSource.PARTNER
    reason = fake("sentence")
    urgency = Urgency.NORMAL

    @factory.post_generation
    def domains(self, create: bool, extracted: list[LifeDomain] | None, **kwargs: object) -> None:
        if create and extracted:
            self.domains.add(*extracted)


class ConsentFactory(DjangoModelFactory):
    """Pass `organisations=[...]`: the organisations the family allows to share information."""

    class Meta:
        model = Consent
        skip_postgeneration_save = True

    family = factory.SubFactory(FamilyFactory)
    informed_of_rights = True
    signed_on = factory.LazyFunction(days_ago(7))
    signed_by = fake("name")
    withdrawn_on = None
    recorded_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def organisations(self, create: bool, extracted: list[Organisation] | None, **kwargs: object) -> None:
        if create and extracted:
            self.organisations.add(*extracted)


class InvolvementFactory(DjangoModelFactory):
    class Meta:
        model = Involvement

    family = factory.SubFactory(FamilyFactory)
    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    started_on = factory.LazyFunction(days_ago(14))
    ended_on = None


class InspectionMandateFactory(DjangoModelFactory):
    class Meta:
        model = InspectionMandate

    family = factory.SubFactory(FamilyFactory)
    organisation = factory.SubFactory(OrganisationFactory, inspectorate=True)
    scope = MandateScope.PSEUDONYMISED
    granted_on = factory.LazyFunction(days_ago(10))
    expires_on = factory.LazyFunction(days_ahead(90))
    withdrawn_on = None
    recorded_by = factory.SubFactory(UserFactory)


class ProblemFactory(DjangoModelFactory):
    """A problem of the analysis, on a domain of the family's own set (pass `domain=` to choose one)."""

    class Meta:
        model = Problem

    family = factory.SubFactory(FamilyFactory)
    member = None
    domain = factory.LazyAttribute(lambda o: o.family.approach.life_domain_set.domains.order_by("order").first())
    description = fake("sentence", nb_words=8)
    severity = Severity.MODERATE
    chronic = False
    own_strength = OwnStrength.NOT_EXAMINED
    family_participated = True
    identified_on = factory.LazyFunction(days_ago(14))
    recorded_by = factory.SubFactory(UserFactory)


class SelfSufficiencyScoreFactory(DjangoModelFactory):
    class Meta:
        model = SelfSufficiencyScore

    family = factory.SubFactory(FamilyFactory)
    member = None
    domain = factory.LazyAttribute(lambda o: o.family.approach.life_domain_set.domains.order_by("order").first())
    score = fake("random_int", min=1, max=5)
    moment = ScoreMoment.INTAKE
    scored_on = factory.LazyFunction(days_ago(14))
    recorded_by = factory.SubFactory(UserFactory)


class CoordinatorAssignmentFactory(DjangoModelFactory):
    """One handover in the history; it does not change `family.coordinator` (casework.services does)."""

    class Meta:
        model = CoordinatorAssignment

    family = factory.SubFactory(FamilyFactory)
    coordinator = factory.SubFactory(UserFactory)
    previous = None
    assigned_on = factory.LazyFunction(days_ago(7))
    reason = fake("sentence")
    assigned_by = factory.SubFactory(UserFactory)


# --- plans (a plan with its versions is best made through plans.services; these are for plain rows) ---


class PlanFactory(DjangoModelFactory):
    class Meta:
        model = Plan

    family = factory.SubFactory(FamilyFactory)
    created_by = factory.SubFactory(UserFactory)


class GoalFactory(DjangoModelFactory):
    class Meta:
        model = Goal

    plan = factory.SubFactory(PlanFactory)
    problem = factory.SubFactory(ProblemFactory, family=factory.SelfAttribute("..plan.family"))
    description = fake("sentence", nb_words=6)
    priority = factory.Sequence(lambda n: n % 99 + 1)
    term = Term.SHORT


class ActionFactory(DjangoModelFactory):
    """An action of a network member by default (owner_name); pass owner_kind and owner_* for the others."""

    class Meta:
        model = Action

    goal = factory.SubFactory(GoalFactory)
    description = fake("sentence", nb_words=6)
    owner_kind = OwnerKind.NETWORK
    owner_name = fake("first_name")
    due_on = factory.LazyFunction(days_ahead(14))
    status = ActionStatus.OPEN


# --- inspections ---


class InspectionFactory(DjangoModelFactory):
    """A draft policy-level inspection of an approach by an inspectorate (inspections.services for the steps)."""

    class Meta:
        model = Inspection

    approach = factory.SubFactory(ApproachFactory)
    framework = factory.SelfAttribute("approach.framework")
    level = InspectionLevel.POLICY
    year = factory.LazyFunction(lambda: timezone.localdate().year)
    title = factory.LazyAttribute(lambda o: f"Toezicht {o.approach.name} {o.year}")
    status = InspectionStatus.DRAFT
    organisation = factory.SubFactory(OrganisationFactory, inspectorate=True)
    created_by = factory.SubFactory(UserFactory)


class RespondentFactory(DjangoModelFactory):
    class Meta:
        model = Respondent

    inspection = factory.SubFactory(InspectionFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    kind = RespondentKind.PARTNER
    invited_on = factory.LazyFunction(timezone.localdate)
    invited_by = factory.SelfAttribute("inspection.created_by")
