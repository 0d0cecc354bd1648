"""The start page tells who links held aanmeldingen how many wait, with the way to them (issue 12 §6, 14 §4)."""

import pytest
from django.test import Client
from django.urls import reverse

from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.casework import services
from tests.casework.service_helpers import INTAKE, PM, PROF
from tests.casework.test_services_pending import held

pytestmark = pytest.mark.django_db


def start_page(user: object) -> str:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client.get(reverse("web:start")).content.decode()


@pytest.mark.parametrize("role", [INTAKE, PM])
def test_the_intake_team_and_the_process_manager_see_how_many_wait_and_the_link(world, role):
    assert "Er wachten geen aanmeldingen om te koppelen." in start_page(world.user(role))
    known, pending = held(world)

    page = start_page(world.user(role))

    assert "1 aanmelding van een partner wacht: koppel haar aan een bekend gezin" in page
    assert f'href="{reverse("casework:pending_referrals")}"' in page
    section = page[page.index('id="te-koppelen"') : page.index("</section>", page.index('id="te-koppelen"'))]
    assert known.name not in section and known.reference not in section  # a number, no family
    assert not AccessLogEntry.objects.filter(action="pending_referral.list").exists()  # nothing shown to log

    services.pending_referral_link(actor=world.user(role), pending=pending, family=known)
    assert "Er wachten geen aanmeldingen om te koppelen." in start_page(world.user(role))


def test_who_links_none_is_not_told_about_them(world):
    held(world)
    page = start_page(world.user(PROF))
    assert "Aanmeldingen te koppelen" not in page and reverse("casework:pending_referrals") not in page
