"""Casework screens (casework/views.py), triage, through the Django test client."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from gezinsregie.accounts.models import Role
from gezinsregie.casework.models import (
    Family,
    FamilyStatus,
)
from tests.casework.view_helpers import COORD, INTAKE, PM, PROF, html, today

pytestmark = pytest.mark.django_db

# --- triage ---------------------------------------------------------------------------------------


def triage_url(family: Family) -> str:
    return reverse("casework:triage", args=[family.pk])


@pytest.mark.parametrize("role", [PROF, COORD, Role.POLICY_OFFICER])
def test_the_triage_page_is_404_for_who_may_not_triage(world, login, role):
    assert login(world.user(role)).get(triage_url(world.family("triage"))).status_code == 404


def test_the_triage_page_is_404_for_an_active_family(world, login):
    assert login(world.user(INTAKE)).get(triage_url(world.family("coordinated"))).status_code == 404


def test_intake_accepts_a_family_on_the_triage_page(world, login):
    family = world.family("triage")
    client = login(world.user(INTAKE))
    assert client.get(triage_url(family)).status_code == 200
    criterion = world.approach.triage_criteria_list[0]

    response = client.post(
        triage_url(family),
        {
            "accepted": "ja",
            "criteria_met": [criterion],
            "reason": "Problemen op vier leefgebieden.",
            "decided_on": today(),
            "start_on": today(),
            "process_manager": world.user(PM).pk,
        },
    )

    assert response.status_code == 302
    family.refresh_from_db()
    assert family.status == FamilyStatus.ACTIVE
    assert family.started_on == timezone.localdate()
    assert family.process_manager == world.user(PM)
    assert family.triage_decisions.get().criteria_met == [criterion]


def test_a_start_before_registration_is_shown_on_the_triage_page(world, login):
    family = world.family("triage")
    too_early = (family.registered_on - timedelta(days=1)).isoformat()

    response = login(world.user(INTAKE)).post(
        triage_url(family),
        {
            "accepted": "ja",
            "reason": "Opnemen.",
            "decided_on": today(),
            "start_on": too_early,
            "process_manager": world.user(PM).pk,
        },
    )

    assert response.status_code == 200
    assert "De start kan niet vóór de aanmelding liggen." in html(response)
    family.refresh_from_db()
    assert family.status == FamilyStatus.REGISTERED
