"""Casework II in the browser: an escalation climbs when its deadline passes (one notice, however often the
check runs), a binding decision is acknowledged by the partner, a waiting time shows in the provider overview."""

import re
from collections.abc import Callable
from datetime import datetime, time, timedelta
from typing import Any

import pytest
import time_machine
from django.db.models import Exists, OuterRef
from django.utils import timezone
from playwright.sync_api import Page, expect

from gezinsregie.accounts.models import User
from gezinsregie.casework import tasks
from gezinsregie.casework.models import BindingDecision, Consent, Escalation, Family, FamilyStatus, Involvement
from gezinsregie.notifications.models import Notification
from gezinsregie.organisations.models import Organisation

pytestmark = pytest.mark.browser


def logout(page: Page) -> None:
    page.get_by_role("button", name="Uitloggen").click()


def coordinated(**filters: Any) -> Family:
    family = (
        Family.objects.filter(coordinator__username="regisseur", status=FamilyStatus.ACTIVE, **filters)
        .order_by("reference")
        .first()
    )
    assert family is not None, "the demo has such a family"
    return family


def test_an_escalation_climbs_a_rung_when_its_deadline_passes_and_tells_once(
    login: Callable[[str], Page], live_server: Any
) -> None:
    family = coordinated(approach__name__startswith="Integrale")
    page = login("regisseur")
    page.goto(f"{live_server.url}/gezinnen/{family.pk}/opschalingen/")
    page.get_by_label("Wat stagneert").select_option(label="zorg wordt niet geleverd")
    page.get_by_label("Betreft organisatie").select_option(label="GGZ Zeldenbroek")
    page.get_by_label("Toelichting").fill("Browsertest: de intake bij de GGZ is drie keer verzet.")
    page.get_by_role("button", name="Opschaling openen").click()
    escalation = Escalation.objects.get(family=family, description__startswith="Browsertest: de intake")
    assert escalation.step == 0

    # the first rung (the coordinator) has five days; on the sixth the check moves it to the process manager
    sixth_day = timezone.make_aware(datetime.combine(escalation.opened_on + timedelta(days=6), time(7)))
    with time_machine.travel(sixth_day, tick=False):
        tasks.checks()
        tasks.checks()  # run twice: one step, one notice
    escalation.refresh_from_db()
    assert escalation.step == 1
    notices = Notification.objects.filter(family=family, key__contains=f"escalation:{escalation.pk}:step:1:")
    assert notices.exists() and notices.count() == len({n.user_id for n in notices})  # nobody told twice

    page.reload()
    card = page.locator("section", has=page.get_by_role("heading", name=re.compile("zorg wordt niet geleverd")))
    expect(card).to_contain_text("procesmanager")
    expect(card).to_contain_text("termijn verstreken")


def test_a_binding_decision_is_acknowledged_by_the_partner(login: Callable[[str], Page], live_server: Any) -> None:
    ggz_consent = Consent.objects.filter(
        family=OuterRef("pk"), organisations__name="GGZ Zeldenbroek", withdrawn_on__isnull=True
    )
    family = (
        Family.objects.filter(
            coordinator__username="regisseur", status=FamilyStatus.ACTIVE, approach__grants_binding_authority=True
        )
        .filter(Exists(ggz_consent))
        .order_by("reference")
        .first()
    )
    assert family is not None, "the demo has such a family"
    professional = User.objects.get(username="professional")
    ggz = Organisation.objects.get(name="GGZ Zeldenbroek")
    if not Involvement.objects.working().filter(family=family, user=professional).exists():  # she works with it
        Involvement.objects.create(family=family, user=professional, organisation=ggz, started_on=family.started_on)
    page = login("regisseur")
    page.goto(f"{live_server.url}/gezinnen/{family.pk}/besluiten/")
    page.get_by_label("Bindt organisatie").select_option(label="GGZ Zeldenbroek")
    page.get_by_label("Besluit", exact=True).select_option(index=1)
    page.get_by_label("Motivering").fill("Browsertest: moeder wacht te lang; de GGZ geeft dit gezin voorrang.")
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.locator("main")).to_contain_text("Wacht op reactie")
    logout(page)

    page = login("professional")
    page.goto(f"{live_server.url}/gezinnen/{family.pk}/besluiten/")
    ours = page.locator("section", has_text="Browsertest: moeder wacht te lang")
    ours.get_by_label("bevestigt het besluit").check()
    ours.get_by_role("button", name="Reactie versturen").click()
    expect(page.locator("section", has_text="Browsertest: moeder wacht te lang")).to_contain_text("Bevestigd op")
    decision = BindingDecision.objects.filter(family=family).latest("pk")
    assert decision.acknowledged_by.username == "professional" and decision.escalation is None


def test_a_waiting_time_shows_in_the_provider_overview(login: Callable[[str], Page], live_server: Any) -> None:
    family = coordinated(approach__name__startswith="Integrale")
    page = login("regisseur")
    page.goto(f"{live_server.url}/gezinnen/{family.pk}/zorgvragen/")
    page.get_by_label("Zorgaanbieder").select_option(label="Schuldhulpverlening Zeldenbroek")
    page.get_by_label("Soort zorg").fill("Schuldsanering (intake)")
    page.get_by_label("Aangevraagd op").fill((timezone.localdate() - timedelta(days=45)).isoformat())
    page.get_by_role("button", name="Zorgvraag vastleggen").click()
    expect(page.locator("main")).to_contain_text("Schuldsanering (intake)")
    logout(page)

    page = login("procesmanager")
    page.get_by_role("link", name="Wachtende zorg").click()
    providers = page.get_by_role("table", name="Per zorgaanbieder")
    expect(providers).to_contain_text("Schuldhulpverlening Zeldenbroek")
    row = page.get_by_role("table", name="Gezinnen die wachten").locator("tr", has_text="Schuldsanering (intake)")
    expect(row).to_contain_text(family.reference)
    expect(row).to_contain_text("45 dagen")
    expect(row).to_contain_text("Voorstel: opschalen")
