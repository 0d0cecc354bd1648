"""The professionals around the family (Casework II): a coordinator adds a GGZ professional, who accepts, then
sees the family and marks her action done; the coordinator reads it in the plan."""

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.db.models import Exists, OuterRef
from playwright.sync_api import Page, expect

from gezinsregie.casework.models import Consent, Family, FamilyStatus, Involvement
from gezinsregie.plans.models import Action, ActionStatus

pytestmark = pytest.mark.browser


def logout(page: Page) -> None:
    page.get_by_role("button", name="Uitloggen").click()


def a_family_without_the_ggz_professional() -> Family:
    """Coordinated by 'regisseur', active, GGZ named in its consent, the demo professional not yet asked."""
    ggz_consent = Consent.objects.filter(
        family=OuterRef("pk"), organisations__name="GGZ Zeldenbroek", withdrawn_on__isnull=True
    )
    asked = Involvement.objects.filter(family=OuterRef("pk"), user__username="professional")
    family = (
        Family.objects.filter(coordinator__username="regisseur", status=FamilyStatus.ACTIVE, plan__goals__isnull=False)
        .filter(Exists(ggz_consent))
        .exclude(Exists(asked))
        .distinct()
        .order_by("reference")
        .first()
    )
    assert family is not None, "the demo has such a family"
    return family


def test_a_ggz_professional_joins_the_family_and_marks_her_action_done(
    login: Callable[[str], Page], live_server: Any
) -> None:
    family = a_family_without_the_ggz_professional()

    # 1. The coordinator invites Iris de Vries of GGZ for the family.
    page = login("regisseur")
    page.goto(f"{live_server.url}/gezinnen/{family.pk}/")
    page.get_by_role("link", name="Betrokkenen").click()
    page.get_by_label("Professional").select_option(label="Iris de Vries (GGZ Zeldenbroek)")
    page.get_by_label("binnenste cirkel: werkt in het gezin").check()
    page.get_by_role("button", name="Uitnodigen").click()
    expect(page.get_by_role("status").first).to_contain_text("Iris de Vries is uitgenodigd")
    expect(page.get_by_role("table", name="Wie werkt met het gezin")).to_contain_text("uitgenodigd")
    logout(page)

    # 2. She finds the invitation on her start page (and in her notifications), and accepts.
    page = login("professional")
    expect(page.get_by_role("link", name=re.compile("Meldingen \\(\\d+\\)"))).to_be_visible()
    page.get_by_role("link", name=re.compile(f"Gezin {family.reference}: uitgenodigd door Fleur Jansen")).click()
    page.get_by_label("Ik word betrokken bij dit gezin").check()
    page.get_by_role("button", name="Antwoord versturen").click()
    expect(page.get_by_role("status").first).to_contain_text(f"U bent nu betrokken bij gezin {family.reference}")
    expect(page.locator("main")).to_contain_text(family.reference)  # the family page itself: she may see it now
    logout(page)

    # 3. The coordinator gives her an action in the plan.
    page = login("regisseur")
    page.goto(f"{live_server.url}/gezinnen/{family.pk}/plan/")
    page.get_by_role("link", name=re.compile("Actie toevoegen", re.I)).first.click()
    page.get_by_label("Wat gaat er gebeuren?").fill("Iris plant een intake bij de GGZ voor moeder.")
    page.get_by_label("Wie doet het?").select_option(label="Iris de Vries (GGZ Zeldenbroek)")
    page.get_by_label("Klaar op").fill("2027-06-30")
    page.get_by_role("button", name="Actie toevoegen").click()  # the form opened in the plan page (htmx)
    expect(page.locator("main")).to_contain_text("Iris plant een intake bij de GGZ voor moeder.")
    page.get_by_role("button", name="Opslaan als nieuwe versie").click()  # the working session: one version
    expect(page.get_by_role("status").first).to_contain_text("Opgeslagen als versie")
    logout(page)

    # 4. She marks it done from her start page; the plan shows it, with her note, in a new version.
    page = login("professional")
    action = Action.objects.get(goal__plan__family=family, description__startswith="Iris plant een intake")
    versions = family.plan.versions.count()
    page.get_by_role("link", name=re.compile("voortgang doorgeven.*Iris plant een intake")).click()
    page.get_by_label("is gedaan").check()
    page.get_by_label("Toelichting").fill("Intake op 12 januari gepland.")
    page.get_by_role("button", name="Doorgeven").click()
    expect(page.get_by_role("status").first).to_contain_text("de regisseur ziet uw voortgang")
    expect(page.locator("main")).to_contain_text("Intake op 12 januari gepland.")
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE
    assert family.plan.versions.count() == versions + 1
    logout(page)

    # 5. The coordinator is told.
    page = login("regisseur")
    page.get_by_role("link", name=re.compile("Meldingen")).click()
    expect(page.locator("main")).to_contain_text("Iris plant een intake bij de GGZ voor moeder")
    expect(page.locator("main")).to_contain_text("is gedaan")
