"""toetsingskader C1.a.1 counts the seven life domains of the STJ definition, whatever set an approach uses: four
chronic problems on the Zelfredzaamheid-Matrix's 13 domains may be only two STJ domains (geestelijke gezondheid,
lichamelijke gezondheid and middelengebruik are all 'gezondheid')."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from gezinsregie.assessment import facts as family_facts
from gezinsregie.assessment.indicators import Outcome, assess
from gezinsregie.casework.models import Family, OwnStrength, Problem, Severity
from gezinsregie.frameworks import services as framework_services
from gezinsregie.frameworks.models import LifeDomain, LifeDomainSet
from tests.factories import ApproachFactory, FamilyFactory, MemberFactory, UserFactory

pytestmark = pytest.mark.django_db


def c1_a_1(family: Family):
    today = timezone.localdate()
    (found,) = family_facts.facts_on(family_facts.load_rows(Family.objects.filter(pk=family.pk)), today)
    return assess(found)["C1.a.1"]


@pytest.fixture
def zrm_family(framework):
    approach = ApproachFactory(framework=framework, life_domain_set=LifeDomainSet.objects.get(key="zrm-2017"))
    family = FamilyFactory(approach=approach, registered_on=timezone.localdate() - timedelta(days=30))
    MemberFactory(family=family)  # a child
    return family


def problem(family: Family, domain_key: str, **kwargs: object) -> Problem:
    return Problem.objects.create(
        family=family,
        domain=LifeDomain.objects.get(domain_set=family.approach.life_domain_set, key=domain_key),
        description=f"Probleem op {domain_key}",
        severity=Severity.SEVERE,
        chronic=kwargs.pop("chronic", True),
        identified_on=timezone.localdate() - timedelta(days=10),
        recorded_by=UserFactory(),
        **kwargs,
    )


def test_four_of_the_approachs_domains_that_are_two_stj_domains_do_not_meet_the_definition(zrm_family):
    for key in ("geestelijke-gezondheid", "lichamelijke-gezondheid", "middelengebruik", "financien"):
        problem(zrm_family, key)
    result = c1_a_1(zrm_family)
    assert result.outcome == Outcome.NOT_MET
    assert "2 leefgebieden van de STJ-definitie (gezondheid, inkomen)" in result.evidence


def test_four_stj_domains_meet_it_and_a_domain_outside_the_definition_does_not_count(zrm_family):
    for key in ("geestelijke-gezondheid", "financien", "huisvesting", "maatschappelijke-participatie"):
        problem(zrm_family, key)
    assert c1_a_1(zrm_family).outcome == Outcome.NOT_MET  # participatie is none of the seven
    problem(zrm_family, "huiselijke-relaties")
    result = c1_a_1(zrm_family)
    assert result.outcome == Outcome.MET
    assert "(gezin, gezondheid, inkomen, wonen)" in result.evidence


def test_a_problem_the_family_solves_itself_or_not_chronic_does_not_count(zrm_family):
    for key in ("geestelijke-gezondheid", "financien", "huisvesting"):
        problem(zrm_family, key)
    problem(zrm_family, "justitie", own_strength=OwnStrength.SELF)
    problem(zrm_family, "huiselijke-relaties", chronic=False)
    assert c1_a_1(zrm_family).outcome == Outcome.NOT_MET


def test_every_shipped_domain_names_an_stj_domain_of_the_framework_or_none(framework):
    stj = {d.key for d in LifeDomain.objects.filter(domain_set__key="stj-2013")}
    assert stj == {"gezin", "wonen", "werk", "inkomen", "gezondheid", "onderwijs", "veiligheid"}
    assert all(d.stj_domain == d.key for d in LifeDomain.objects.filter(domain_set__key="stj-2013"))
    assert set(LifeDomain.objects.exclude(stj_domain="").values_list("stj_domain", flat=True)) <= stj
    assert LifeDomain.objects.get(domain_set__key="maastricht-2014", key="geestelijke-gezondheid").stj_domain == (
        "gezondheid"
    )


def test_a_set_naming_an_unknown_stj_domain_is_refused(framework, tmp_path):
    path = tmp_path / "sets.yaml"
    path.write_text(
        "life_domain_sets:\n  - key: eigen\n    name: Eigen set\n    domains:\n"
        "      - {key: school, name: School, stj: scholing}\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationError, match="'scholing' is geen leefgebied van de STJ-definitie"):
        framework_services.life_domain_sets_load(path=path)
