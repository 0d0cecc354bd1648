"""The judging screen of a follow-up says which earlier ✓ carries forward when the inspector leaves it unjudged
(issue 13 §8, Verbeterpunten Zwolle 2015: "niet opnieuw getoetst"), and an earlier X is not among them."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from gezinsregie.accounts.models import Role
from gezinsregie.accounts.system import SystemPurpose, system_actor
from gezinsregie.inspections import selectors, services
from gezinsregie.inspections.models import InspectionLevel, InspectionStatus, Judgement

pytestmark = pytest.mark.django_db


def test_the_judging_screen_names_the_earlier_tick_that_carries_forward(world, client, framework) -> None:
    world.approach.framework = framework
    world.approach.save()
    inspector = world.user(Role.INSPECTOR)
    indicators = selectors.level_indicators(framework.pk, InspectionLevel.POLICY)
    year = timezone.localdate().year
    services.inspection_import_published(
        actor=system_actor(SystemPurpose.IMPORT_REPORTS), approach=world.approach, framework=framework,
        organisation=world.inspectorate, level=InspectionLevel.POLICY, year=year - 1, title="Vorig jaar",
        published_on=timezone.localdate().replace(month=1, day=1),
        rows=[
            services.ImportedRow(
                indicators=[i],
                findings=[services.ImportedFinding(
                    judgement=Judgement.IMPROVEMENT if i.key == "B3.b.2" else Judgement.MET, text="Oordeel vorig jaar."
                )],
            )
            for i in indicators
        ],
    )  # fmt: skip
    follow_up = services.inspection_create(actor=inspector, approach=world.approach, level="policy", year=year)
    services.respondents_invite(actor=inspector, inspection=follow_up, organisations=[world.municipal_org])
    services.inspection_advance(actor=inspector, inspection=follow_up, to=InspectionStatus.OPEN)
    services.inspection_advance(actor=inspector, inspection=follow_up, to=InspectionStatus.JUDGING)
    client.force_login(inspector)
    page = client.get(reverse("inspections:judge", args=[follow_up.pk])).content.decode()
    assert page.count(f"in {year - 1}: wordt overgenomen als u dit niet opnieuw toetst") == len(indicators) - 1
    assert "Oordeel geven over B2.a.1" in page  # it may still be judged again
    carried_b3b2 = re.search(r"B3\.b\.2</span>.*?Oordeel geven over B3\.b\.2", page, re.S)
    assert carried_b3b2 and "wordt overgenomen" not in carried_b3b2.group(0)  # an earlier X: no ✓ to carry
