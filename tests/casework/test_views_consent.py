"""Casework screens (casework/views.py), consent, through the Django test client."""

from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from gezinsregie import policy
from gezinsregie.accounts.models import Role
from gezinsregie.casework.models import (
    Family,
)
from tests.casework.view_helpers import COORD, INTAKE, PM, PROF, A, html, today
from tests.factories import (
    ConsentFactory,
    InvolvementFactory,
)

pytestmark = pytest.mark.django_db

# --- consent --------------------------------------------------------------------------------------


def consent_url(family: Family) -> str:
    return reverse("casework:consent", args=[family.pk])


@pytest.mark.parametrize("role", [COORD, PM])
def test_the_consent_page_is_for_who_may_edit(world, login, role):
    assert login(world.user(role)).get(consent_url(world.family("coordinated"))).status_code == 200


def test_the_consent_page_is_404_for_a_professional_even_with_view_access(world, login):
    family = world.family("consented")
    professional = world.user(PROF)
    assert policy.can(professional, A.VIEW, family)

    client = login(professional)
    assert client.get(consent_url(family)).status_code == 404
    assert client.post(consent_url(family), {"informed_of_rights": "on"}).status_code == 404


@pytest.mark.parametrize("role", [INTAKE, Role.POLICY_OFFICER])
def test_the_consent_page_is_404_for_other_roles(world, login, role):
    assert login(world.user(role)).get(consent_url(world.family("coordinated"))).status_code == 404


def consent_data(world: Any, **extra: Any) -> dict[str, Any]:
    data = {
        "informed_of_rights": "on",
        "signed_on": today(),
        "signed_by": "Sanne Zwartbroek",
        "organisations": [world.professional_org.pk],
    }
    return data | extra


def test_recording_a_consent_lets_the_involved_professional_in(world, login):
    family = world.family("coordinated")
    InvolvementFactory(family=family, user=world.user(PROF), organisation=world.professional_org)

    response = login(world.user(COORD)).post(consent_url(family), consent_data(world))

    assert response.status_code == 302
    assert response["Location"] == reverse("web:family", args=[family.pk])
    consent = family.consents.get()
    assert list(consent.organisations.all()) == [world.professional_org]
    assert login(world.user(PROF)).get(reverse("web:family", args=[family.pk])).status_code == 200


def test_a_consent_without_informing_the_family_is_refused_on_the_page(world, login):
    family = world.family("coordinated")
    data = consent_data(world)
    del data["informed_of_rights"]

    response = login(world.user(COORD)).post(consent_url(family), data)

    assert response.status_code == 200
    assert "Informeer het gezin eerst over zijn rechten" in html(response)
    assert 'value="Sanne Zwartbroek"' in html(response)
    assert not family.consents.exists()


def test_withdrawing_a_consent_on_the_page_shuts_the_professional_out(world, login):
    family = world.family("coordinated")
    InvolvementFactory(family=family, user=world.user(PROF), organisation=world.professional_org)
    consent = ConsentFactory(family=family, organisations=[world.professional_org])
    family_url = reverse("web:family", args=[family.pk])
    withdraw_url = reverse("casework:consent_withdraw", args=[family.pk, consent.pk])
    assert login(world.user(PROF)).get(family_url).status_code == 200
    assert login(world.user(PROF)).get(withdraw_url).status_code == 404

    client = login(world.user(COORD))
    assert withdraw_url in html(client.get(consent_url(family)))
    assert client.get(withdraw_url).status_code == 200
    response = client.post(withdraw_url, {"withdrawn_on": today(), "reason": "Gezin wil niet meer delen"})

    assert response.status_code == 302
    consent.refresh_from_db()
    assert consent.withdrawn_on == timezone.localdate()
    assert consent.withdrawal_reason == "Gezin wil niet meer delen"
    assert "Ingetrokken op" in html(client.get(consent_url(family)))
    assert login(world.user(PROF)).get(family_url).status_code == 404


def test_withdrawing_twice_on_the_page_shows_an_error(world, login):
    family = world.family("coordinated")
    consent = ConsentFactory(family=family, organisations=[world.professional_org], withdrawn_on=timezone.localdate())
    url = reverse("casework:consent_withdraw", args=[family.pk, consent.pk])

    response = login(world.user(COORD)).post(url, {"withdrawn_on": today(), "reason": ""})

    assert response.status_code == 200
    assert "Deze toestemming is al ingetrokken." in html(response)


def test_a_consent_of_another_family_cannot_be_withdrawn_through_this_family(world, login):
    own = world.family("coordinated")
    foreign = world.family("consented").consents.get()
    url = reverse("casework:consent_withdraw", args=[own.pk, foreign.pk])

    assert login(world.user(COORD)).post(url, {"withdrawn_on": today()}).status_code == 404
    foreign.refresh_from_db()
    assert foreign.withdrawn_on is None


def test_a_narrower_consent_shows_who_loses_access_before_it_is_confirmed(world, login):
    """Issue 12 §7: the warning lists the organisations that lose access; confirming supersedes the older one."""
    family = world.family("coordinated")
    wide = ConsentFactory(
        family=family, organisations=[world.professional_org, world.coordinator_org], signed_on=today()
    )
    client = login(world.user(COORD))

    warned = client.post(consent_url(family), consent_data(world))

    assert warned.status_code == 200
    page = html(warned)
    assert "Deze organisaties verliezen de toegang" in page
    assert escape(world.coordinator_org.name) in page  # a name may hold "&"
    assert 'name="bevestig_verlies" value="1"' in page
    assert family.consents.count() == 1

    confirmed = client.post(consent_url(family), consent_data(world, bevestig_verlies="1"))

    assert confirmed.status_code == 302
    wide.refresh_from_db()
    assert wide.superseded_by is not None and wide.withdrawn_on == timezone.localdate()
    assert "Vervangen op" in html(client.get(consent_url(family)))
