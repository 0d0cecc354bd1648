"""A round table (Casework II): two agreements land in the plan as actions, in one new version linked to the
meeting, and the minutes reach only the attending professional."""

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from gezinsregie.casework.models import Family, FamilyStatus
from gezinsregie.notifications.models import Notification
from gezinsregie.plans.models import Action

pytestmark = pytest.mark.browser


def a_family_with_the_ggz_professional() -> Family:
    family = (
        Family.objects.filter(
            coordinator__username="regisseur",
            status=FamilyStatus.ACTIVE,
            involvements__user__username="professional",
            involvements__status="accepted",
            consents__organisations__name="GGZ Zeldenbroek",
            consents__withdrawn_on__isnull=True,
            plan__goals__isnull=False,
        )
        .distinct()
        .order_by("reference")
        .first()
    )
    assert family is not None, "the demo has such a family"
    return family


def test_a_round_table_puts_its_agreements_in_the_plan(login: Callable[[str], Page], live_server: Any) -> None:
    family = a_family_with_the_ggz_professional()
    versions = family.plan.versions.count()
    member = family.members.order_by("pk").first()
    assert member is not None
    page = login("regisseur")
    page.goto(f"{live_server.url}/gezinnen/{family.pk}/plan/")
    page.get_by_role("link", name="Rondetafeloverleg").click()
    expect(page.get_by_label("Verslag")).to_have_value(re.compile("^Agenda:"))
    page.get_by_label("Voorzitter").select_option(label="Fleur Jansen")
    page.get_by_label("Iris de Vries").check()
    page.get_by_label("Verslag").fill("Besproken: de intake bij de GGZ en de schulden.")
    page.get_by_label("Afspraak 1: bij doel").select_option(index=1)
    page.get_by_label("Afspraak 1: wat").fill("Iris regelt de intake bij de GGZ")
    page.get_by_label("Afspraak 1: wie").select_option(label="Iris de Vries (GGZ Zeldenbroek)")
    page.get_by_label("Afspraak 1: klaar op").fill("2027-03-01")
    page.get_by_label("Afspraak 2: bij doel").select_option(index=1)
    page.get_by_label("Afspraak 2: wat").fill(f"{member.first_name} opent samen met Iris alle post")
    page.get_by_label("Afspraak 2: wie").select_option(label=f"{member} ({member.get_relation_display()})")
    page.get_by_label("Afspraak 2: klaar op").fill("2027-03-15")
    page.get_by_role("button", name="Overleg vastleggen").click()
    expect(page.get_by_role("status").first).to_contain_text("2 afspraken staan als actie in het plan")
    expect(page.locator("main")).to_contain_text("Iris regelt de intake bij de GGZ")

    assert family.plan.versions.count() == versions + 1
    agreed = Action.objects.filter(goal__plan__family=family, meeting__isnull=False)
    assert agreed.count() == 2
    told = Notification.objects.filter(message__contains="verslag van het rondetafeloverleg", family=family)
    assert list(told.values_list("user__username", flat=True)) == ["professional"]

    page.get_by_role("link", name="Het plan").click()
    expect(page.locator("main")).to_contain_text("afgesproken in de rondetafel van")
