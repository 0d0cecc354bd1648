"""Casework screens (casework/views.py), the coordinator's handover, through the Django test client."""

import pytest
from django.urls import reverse

from gezinsregie.casework.models import (
    CoordinatorAssignment,
    Family,
)
from tests.casework.view_helpers import COORD, INTAKE, PM, PROF, html, today, user_with
from tests.factories import (
    FamilyFactory,
)

pytestmark = pytest.mark.django_db

# --- coordinator ----------------------------------------------------------------------------------


def coordinator_url(family: Family) -> str:
    return reverse("casework:coordinator", args=[family.pk])


def test_a_process_manager_hands_over_and_the_history_shows_it(world, login):
    old = user_with(COORD, world.coordinator_org, first_name="Bert", last_name="Oudshoorn")
    new = user_with(COORD, world.coordinator_org, first_name="Karin", last_name="Nieuwenhuis")
    family = FamilyFactory(approach=world.approach, coordinator=old)
    client = login(world.user(PM))
    assert "Nog geen overdrachten vastgelegd." in html(client.get(coordinator_url(family)))

    response = client.post(
        coordinator_url(family), {"coordinator": new.pk, "assigned_on": today(), "reason": "Bert gaat met verlof"}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("web:family", args=[family.pk])
    family.refresh_from_db()
    assert family.coordinator == new
    assert CoordinatorAssignment.objects.filter(family=family, previous=old, coordinator=new).count() == 1
    page = html(client.get(coordinator_url(family)))
    assert "Bert Oudshoorn → Karin Nieuwenhuis (Bert gaat met verlof;" in page
    assert "Huidige regisseur: Karin Nieuwenhuis." in page


def test_handing_over_to_the_same_coordinator_is_shown_as_an_error(world, login):
    family = world.family("coordinated")
    response = login(world.user(PM)).post(
        coordinator_url(family), {"coordinator": world.user(COORD).pk, "assigned_on": today(), "reason": "Nogmaals"}
    )
    assert response.status_code == 200
    assert "Deze persoon is al de regisseur van dit gezin." in html(response)
    assert not family.coordinator_assignments.exists()


@pytest.mark.parametrize("role", [COORD, PROF, INTAKE])
def test_the_coordinator_page_is_404_for_who_may_not_assign(world, login, role):
    assert login(world.user(role)).get(coordinator_url(world.family("coordinated"))).status_code == 404
