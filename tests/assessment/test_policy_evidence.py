"""Issue 13 §4: per policy indicator the facts the system holds, for the municipality and the inspector."""

import pytest
from django.urls import reverse
from django.utils import timezone

from gezinsregie.accounts.models import Role
from gezinsregie.assessment.policy_evidence import KEYS, evidence_for
from gezinsregie.casework.models import Family
from gezinsregie.organisations.models import PartnerType
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
