"""The aggregate tests' world (shared with the view, export and command tests): see test_aggregation.py."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.utils import timezone

from gezinsregie.accounts.models import Membership, Role, User
from gezinsregie.casework.models import Family, FamilyStatus
from gezinsregie.frameworks import services as framework_services
from gezinsregie.frameworks.models import Framework, Indicator, LifeDomainSet
from gezinsregie.inspections.models import CaseReview, Finding, Inspection, InspectionStatus
from gezinsregie.organisations.models import Approach, Municipality, Organisation, OrganisationKind
from gezinsregie.reports.aggregate.rules import IMPROVEMENT, MET, NOT_ASSESSED
from gezinsregie.reports.models import CHARACTERISTICS


@dataclass
class World:
    framework: Framework
    testdam: Approach
    elders: Approach
    overkant: Approach
    inspectorate: Organisation
    gemeente: Organisation
    users: dict[str, User]
    keys: dict[str, list[str]]  # per level the indicator keys in framework order

    @property
    def inspector(self) -> User:
        return self.users[Role.INSPECTOR]

    def inspection(self, approach: Approach, year: int, status: str = "published", level: str = "policy") -> Inspection:
        published = status == InspectionStatus.PUBLISHED
        return Inspection.objects.create(
            approach=approach,
            framework=self.framework,
            level=level,
            year=year,
            title=f"{approach.name} {year}",
            status=status,
            organisation=self.inspectorate,
            created_by=self.inspector,
            published_at=datetime(year, 6, 1, tzinfo=UTC) if published else None,
        )

    def finding(
        self,
        inspection: Inspection,
        keys: list[str],
        judgement: str,
        *,
        row: int | None = None,
        case_review: CaseReview | None = None,
    ) -> Finding:
        order = self.keys[inspection.level].index(keys[0])
        finding = Finding.objects.create(
            inspection=inspection,
            judgement=judgement,
            text=f"Bevinding {' '.join(keys)}",
            order=order,
            row=row,
            case_review=case_review,
            updated_by=self.inspector,
        )
        finding.indicators.set(Indicator.objects.filter(key__in=keys, criterion__theme__level__key=inspection.level))
        return finding

    def family_review(self, inspection: Inspection) -> CaseReview:
        today = timezone.localdate()
        family = Family.objects.create(
            reference=f"GR-AGG-{inspection.pk}",
            approach=inspection.approach,
            name="Gezin Verborgen",
            address="Geheimstraat 1",
            status=FamilyStatus.ACTIVE,
            registered_on=today - timedelta(days=60),
        )
        return CaseReview.objects.create(
            inspection=inspection, family=family, pseudonym="Gezin A", selected_on=today, selected_by=self.inspector
        )

    def expected(self, approaches: int, level: str = "policy", **judged: dict[str, int]) -> dict[str, object]:
        """The JSON contract: every indicator not assessed by all approaches, except the ones given; with the
        report's denominator (of the assessed approaches) and no characteristic recorded."""
        indicators: dict[str, dict[str, object]] = {}
        for key in self.keys[level]:
            count = {MET: 0, IMPROVEMENT: 0, NOT_ASSESSED: approaches}
            for judgement, n in judged.get(key.replace(".", "_"), {}).items():
                count[judgement] += n
                count[NOT_ASSESSED] -= n
            assessed = count[MET] + count[IMPROVEMENT]
            indicators[key] = {
                **count,
                "assessed": assessed,
                "percent_met": round(100 * count[MET] / assessed, 1) if assessed else None,
                "percent_improvement": round(100 * count[IMPROVEMENT] / assessed, 1) if assessed else None,
            }
        return {"approaches": approaches, "indicators": indicators, "characteristics": no_characteristics(approaches)}


def no_characteristics(approaches: int) -> dict[str, object]:
    """The contract's "characteristics" when no approach has a typering recorded."""
    return {
        name: {
            "answered": 0,
            "unknown": approaches,
            "counts": dict.fromkeys(choices.values, 0),
            "percent": dict.fromkeys(choices.values),
        }
        for name, choices, _figure in CHARACTERISTICS
    }


def build_world() -> World:
    framework = framework_services.framework_load(path=framework_services.DEFAULT_FRAMEWORK_FILES[0]).framework
    framework_services.life_domain_sets_load()
    domains = LifeDomainSet.objects.get(key="stj-2013")

    def approach(municipality: str, name: str) -> Approach:
        place = Municipality.objects.create(name=municipality)
        return Approach.objects.create(municipality=place, name=name, life_domain_set=domains, framework=framework)

    testdam = approach("Testdam", "Gezinsaanpak Testdam")
    elders = approach("Elders", "Aanpak Elders")
    overkant = approach("Overkant", "Wijkteam Overkant")
    inspectorate = Organisation.objects.create(name="STJ test", kind=OrganisationKind.INSPECTORATE)
    gemeente = Organisation.objects.create(
        name="Gemeente Testdam", kind=OrganisationKind.MUNICIPALITY, municipality=testdam.municipality
    )
    partner = Organisation.objects.create(name="GGZ Testdam", kind=OrganisationKind.PARTNER)
    names = {
        Role.INSPECTOR: ("Ilse", "Inspecteur", inspectorate, None),
        Role.POLICY_OFFICER: ("Bea", "Beleid", gemeente, None),
        Role.PROCESS_MANAGER: ("Piet", "Proces", gemeente, testdam),
        Role.INTAKE: ("Ingrid", "Intake", gemeente, testdam),
        Role.PRIVACY_OFFICER: ("Priya", "Privacy", gemeente, None),
        Role.ADMINISTRATOR: ("Bert", "Beheer", gemeente, None),
        Role.COORDINATOR: ("Sam", "Schuld", partner, None),
        Role.PROFESSIONAL: ("Gina", "Geest", partner, None),
    }
    users = {}
    for role, (first, last, organisation, runs) in names.items():
        user = User.objects.create_user(username=role, first_name=first, last_name=last, password="x" * 16)
        Membership.objects.create(user=user, organisation=organisation, role=role, approach=runs)
        users[role] = user
    keys = {
        level: list(
            Indicator.objects.filter(criterion__theme__level__framework=framework, criterion__theme__level__key=level)
            .order_by("criterion__theme__order", "criterion__order", "order")
            .values_list("key", flat=True)
        )
        for level in ("policy", "case")
    }
    return World(framework, testdam, elders, overkant, inspectorate, gemeente, users, keys)


B3A = ["B3.a.1", "B3.a.2", "B3.a.3"]


def publish_scenario(w: World) -> None:
    """The inspections of the module docstring."""
    early = w.inspection(w.testdam, 2013)
    w.finding(early, ["B1.a.1"], IMPROVEMENT)
    for judgement in (MET, IMPROVEMENT, MET):
        w.finding(early, B3A, judgement, row=7)
    latest = w.inspection(w.testdam, 2014)
    w.finding(latest, ["B1.a.1"], MET)
    w.finding(latest, B3A, IMPROVEMENT, row=3)
    draft = w.inspection(w.testdam, 2016, status=InspectionStatus.DRAFT)
    w.finding(draft, ["B1.a.1"], IMPROVEMENT)
    elders = w.inspection(w.elders, 2013)
    w.finding(elders, ["B1.a.1", "B1.a.2"], MET)
    judging = w.inspection(w.overkant, 2014, status=InspectionStatus.JUDGING)
    w.finding(judging, ["B1.a.1"], IMPROVEMENT)
