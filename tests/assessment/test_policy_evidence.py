"""Issue 13 §4: per policy indicator the facts the system holds, for the municipality and the inspector."""

from datetime import timedelta
from functools import partial

import pytest
from django.urls import reverse
from django.utils import timezone

from gezinsregie.accounts.models import Role
from gezinsregie.assessment.indicators import Outcome
from gezinsregie.assessment.policy_evidence import KEYS, evidence_for
from gezinsregie.casework.models import Family, FamilyStatus
from gezinsregie.common.counts import rounded
from gezinsregie.organisations import services
from gezinsregie.organisations.models import AgreementKind, PartnerType
from tests.builder import Builder
from tests.paths import FRAMEWORK_FILE

pytestmark = pytest.mark.django_db


def test_every_policy_indicator_of_the_framework_has_its_evidence_line() -> None:
    import yaml

    data = yaml.safe_load(FRAMEWORK_FILE.read_text())
    (level,) = [lvl for lvl in data["levels"] if lvl["key"] == "policy"]
    keys = {i["key"] for theme in level["themes"] for c in theme["criteria"] for i in c["indicators"]}
    assert set(KEYS) == keys and len(keys) == 30


def test_the_evidence_names_missing_partner_types_and_hides_small_numbers(world) -> None:
    PartnerType.objects.get_or_create(name="onderwijs")
    b = Builder()
    for _ in range(2):  # two closures: fewer than five, so no number
        b.aftercare(b.family(world.approach), world.user(Role.COORDINATOR))
    evidence = evidence_for(
        approach=world.approach, families=Family.objects.filter(approach=world.approach), today=timezone.localdate()
    )
    assert set(evidence) == set(KEYS)
    assert "onderwijs" in evidence["B4.b.1"].lines[0]  # onderwijs was missing in Maastricht, Venlo and Zwolle
    assert evidence["B3.a.4"].lines[0].startswith("minder dan 5 afgesloten trajecten")
    assert "niet in de casusgegevens" in evidence["B3.a.1"].lines[0]  # said, not guessed


def test_the_page_is_for_who_sees_the_assessment(world, client, framework) -> None:
    world.approach.framework = framework  # the shipped STJ framework, with its 30 policy indicators
    world.approach.save()
    url = reverse("assessment:policy_evidence", args=[world.approach.pk])
    client.force_login(world.user(Role.COORDINATOR))
    assert client.get(url).status_code == 404
    client.force_login(world.user(Role.INSPECTOR))
    page = client.get(url).content.decode()
    assert "B4.b.1" in page and "Uit de gegevens" in page and page.count('scope="row"') == 30
    assert world.family("coordinated").name not in page


def evidence_of(approach):  # type: ignore[no-untyped-def]
    return evidence_for(
        approach=approach, families=Family.objects.filter(approach=approach), today=timezone.localdate()
    )


def test_every_indicator_carries_a_proposal_and_documents_stay_unknown(world) -> None:
    evidence = evidence_of(world.approach)
    assert all(e.reason for e in evidence.values())  # a reason with every proposal, "onbekend" included
    assert evidence["B3.a.1"].proposal == Outcome.UNKNOWN and "beleidsstukken" in evidence["B3.a.1"].reason
    assert evidence["B4.b.2"].proposal == Outcome.UNKNOWN  # nothing in the register: no proposal


def test_the_estimate_beside_the_families_in_beeld(world) -> None:
    b = Builder()
    for _ in range(5):
        b.family(world.approach, neighbourhood="Noordhoek")
    assert evidence_of(world.approach)["B1.a.2"].proposal == Outcome.NOT_MET  # Zwolle 2014: no estimate, X
    services.population_estimate_record(
        actor=world.user(Role.POLICY_OFFICER),
        approach=world.approach,
        families=40,
        estimated_on=timezone.localdate() - timedelta(days=10),
        source="Wijkanalyse",
    )
    found = evidence_of(world.approach)["B1.a.2"]
    in_beeld = Family.objects.filter(approach=world.approach).exclude(status=FamilyStatus.DECLINED).count()
    assert found.proposal == Outcome.MET, found.reason
    assert any(line.startswith("Eigen schatting van de gemeente: 40 gezinnen op ") for line in found.lines)
    # rounded to fives before the share is taken (issue 12 §5): 19 in beeld reads as 20, half of 40
    assert f"in beeld {rounded(in_beeld)}, {round(100 * rounded(in_beeld) / 40)}% van de schatting" in " ".join(
        found.lines
    )
    for _ in range(in_beeld):
        b.family(world.approach, neighbourhood="")  # half the families without a wijk
    assert evidence_of(world.approach)["B1.a.2"].proposal == Outcome.NOT_MET


def test_binding_authority_and_partner_types(world) -> None:
    world.approach.grants_binding_authority = True
    world.approach.save()
    evidence = evidence_of(world.approach)
    assert evidence["B3.b.2"].proposal == Outcome.MET
    assert evidence["B4.b.1"].proposal == Outcome.NOT_MET and "onderwijs" in evidence["B4.b.1"].reason
    for name in ("maatschappelijk werk", "woningbouw", "schuldhulpverlening", "(j-)GGZ", "onderwijs", "politie"):
        world.approach.partners.add(
            Builder().organisation(partner_type=PartnerType.objects.get_or_create(name=name)[0])
        )
    assert evidence_of(world.approach)["B4.b.1"].proposal == Outcome.MET
    world.approach.grants_binding_authority = False
    world.approach.save()
    assert evidence_of(world.approach)["B3.b.2"].proposal == Outcome.NOT_MET


def test_the_register_per_partner_with_the_expired_flagged(world) -> None:
    today = timezone.localdate()
    school = Builder().organisation(
        "Basisschool De Regenboog", partner_type=PartnerType.objects.create(name="onderwijs")
    )
    world.approach.partners.add(school)
    both = [world.coordinator_org, world.professional_org]
    record = partial(
        services.cooperation_agreement_record, actor=world.user(Role.PROCESS_MANAGER), approach=world.approach
    )
    record(kind=AgreementKind.COOPERATION, title="Convenant 2023", parties=both, signed_on=today - timedelta(days=300))
    record(
        kind=AgreementKind.PRIVACY_PROTOCOL,
        title="Privacyprotocol 2020",
        parties=[*both, school],
        signed_on=today - timedelta(days=1500),
        valid_until=today - timedelta(days=30),
    )
    evidence = evidence_of(world.approach)
    cooperation, sharing = evidence["B4.b.2"], evidence["B4.c.1"]
    # Maastricht 2013: onderwijs missing from the convenant
    assert cooperation.proposal == Outcome.NOT_MET and "Basisschool De Regenboog" in cooperation.reason
    assert "Typen partners zonder geldende afspraak: onderwijs." in cooperation.lines
    assert sharing.proposal == Outcome.NOT_MET and "liep af" in sharing.reason
    assert any(line.startswith("VERLOPEN: Privacyprotocol 2020") for line in sharing.lines)
    record(
        kind=AgreementKind.COOPERATION,
        title="Addendum onderwijs",
        parties=[world.coordinator_org, school],
        signed_on=today,
    )
    assert evidence_of(world.approach)["B4.b.2"].proposal == Outcome.MET


def test_the_municipality_sees_the_proposals_and_may_record_its_facts(world, client, framework) -> None:
    world.approach.framework = framework
    world.approach.save()
    url = reverse("assessment:policy_evidence", args=[world.approach.pk])
    client.force_login(world.user(Role.POLICY_OFFICER))
    page = client.get(url).content.decode()
    assert "Voorstel (zelfevaluatie)" in page and "geen oordeel van de inspectie" in page
    assert "De gemeente heeft geen eigen schatting van de omvang van de doelgroep." in page
    assert reverse("assessment:estimates", args=[world.approach.pk]) in page
    assert "Samenwerkingsafspraken vastleggen" in page
    client.force_login(world.user(Role.INSPECTOR))
    assert "Register van samenwerkingsafspraken" in client.get(url).content.decode()
