"""The social network page (casework/views/network.py) and the consent's new checkbox, through the test client."""

from typing import Any

import pytest
from django.urls import reverse

from gezinsregie.accounts.models import Role
from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.casework.models import Family, NetworkInfluence, NetworkPerson, NetworkTie
from gezinsregie.casework.services.network import NetworkInput, network_person_add
from tests.casework.view_helpers import COORD, PROF, html, today
from tests.factories import ConsentFactory, MemberFactory

pytestmark = pytest.mark.django_db


def url(family: Family) -> str:
    return reverse("casework:network", kwargs={"family_id": family.pk})


def add(world: Any, family: Family, name: str, influence: str, **fields: Any) -> NetworkPerson:
    data = NetworkInput(name=name, tie=NetworkTie.FAMILY, influence=influence, **fields)
    return network_person_add(actor=world.user(Role.PROCESS_MANAGER), family=family, data=data)


def form(**extra: Any) -> dict[str, Any]:
    return {"name": "Buurvrouw Ans", "tie": NetworkTie.NEIGHBOUR, "influence": NetworkInfluence.SUPPORTIVE} | extra


def test_the_page_draws_the_map_and_the_same_data_as_a_table(world, login) -> None:
    family = world.family("coordinated")
    emma = MemberFactory(family=family, first_name="Emma")
    add(world, family, "Oma Truus", NetworkInfluence.SUPPORTIVE, members=[emma], relation="oma", role_in_plan=True)
    add(world, family, "Oom Karel", NetworkInfluence.STRAINING)
    page = html(login(world.user(COORD)).get(url(family)))
    svg = page[page.index('<svg role="img"') : page.index("</svg>")]
    assert "<title>Oma Truus, familie (oma), bij Emma, steunend, actiehouder in het plan</title>" in svg
    assert "<title>Oom Karel, familie, bij het hele gezin, belastend</title>" in svg
    assert 'stroke-dasharray="2 6"' in svg  # the straining line is dotted, not only red
    assert "gestippelde lijn, vierkant" in page  # the legend says so in words
    table = page[page.index("Het netwerk als tabel") :]
    assert "Oma Truus" in table and "Oom Karel" in table and "actiehouder in het plan" in table
    assert "Niemand in het netwerk steunt het gezin." not in page
    assert AccessLogEntry.objects.filter(action="family.view", family_id=family.pk).exists()


def test_no_supportive_person_is_flagged_on_the_page(world, login) -> None:
    family = world.family("coordinated")
    add(world, family, "Oom Karel", NetworkInfluence.STRAINING)
    page = html(login(world.user(COORD)).get(url(family)))
    assert "Niemand in het netwerk steunt het gezin." in page
    assert "Maak het opbouwen van een steunend netwerk een doel in het plan." in page


def test_the_coordinator_adds_a_person(world, login) -> None:
    family = world.family("coordinated")
    client = login(world.user(COORD))
    response = client.post(url(family), form())
    assert response.status_code == 302
    assert NetworkPerson.objects.get(family=family).name == "Buurvrouw Ans"
    assert "Buurvrouw Ans" in html(client.get(url(family)))


def test_contact_details_outside_the_consent_are_refused_on_the_form(world, login) -> None:
    family = world.family("coordinated")
    page = html(login(world.user(COORD)).post(url(family), form(phone="06 12345678")))
    assert "staat niet toe dat contactgegevens van het netwerk worden vastgelegd" in page
    assert 'value="Buurvrouw Ans"' in page  # what was typed stays
    assert not NetworkPerson.objects.exists()


def test_contact_details_are_shown_only_while_the_consent_covers_them(world, login) -> None:
    family = world.family("coordinated")
    consent = ConsentFactory(family=family, covers_network_contacts=True)
    add(world, family, "Oma Truus", NetworkInfluence.SUPPORTIVE, phone="06 12345678")
    client = login(world.user(COORD))
    assert "06 12345678" in html(client.get(url(family)))
    consent.withdrawn_on = consent.signed_on
    consent.save()
    page = html(client.get(url(family)))
    assert "06 12345678" not in page and "niet getoond: de toestemming dekt dit niet (meer)" in page


def test_the_coordinator_changes_and_removes_a_person(world, login) -> None:
    family = world.family("coordinated")
    person = add(world, family, "Oma Truus", NetworkInfluence.SUPPORTIVE)
    client = login(world.user(COORD))
    assert 'value="Oma Truus"' in html(client.get(url(family), {"wijzig": person.pk}))
    changed = client.post(url(family), form(persoon=person.pk, name="Oma Truus", influence=NetworkInfluence.MIXED))
    assert changed.status_code == 302
    person.refresh_from_db()
    assert person.influence == NetworkInfluence.MIXED
    assert client.post(url(family), {"persoon": person.pk, "verwijderen": "1"}).status_code == 302
    assert not NetworkPerson.objects.exists()


def test_a_person_of_another_family_cannot_be_changed_through_this_page(world, login) -> None:
    other = add(world, world.family("consented"), "Oma Truus", NetworkInfluence.SUPPORTIVE)
    client = login(world.user(Role.PROCESS_MANAGER))
    response = client.post(url(world.family("coordinated")), {"persoon": other.pk, "verwijderen": "1"})
    assert response.status_code == 404
    assert NetworkPerson.objects.filter(pk=other.pk).exists()


def test_an_involved_professional_reads_the_network_but_cannot_change_it(world, login) -> None:
    family = world.family("consented")
    add(world, family, "Oma Truus", NetworkInfluence.SUPPORTIVE)
    client = login(world.user(PROF))
    page = html(client.get(url(family)))
    assert "Oma Truus" in page and "Persoon uit het netwerk toevoegen" not in page
    assert client.post(url(family), form()).status_code == 404
    assert NetworkPerson.objects.count() == 1


@pytest.mark.parametrize("who", ["other_professional", "other_coordinator"])
def test_an_unrelated_professional_gets_404(world, login, who) -> None:
    family = world.family("coordinated")
    client = login(world.others[who])
    assert client.get(url(family)).status_code == 404
    assert client.post(url(family), form()).status_code == 404
    assert not NetworkPerson.objects.exists()


def test_the_family_page_links_to_the_network(world, login) -> None:
    family = world.family("coordinated")
    page = html(login(world.user(COORD)).get(reverse("web:family", kwargs={"family_id": family.pk})))
    assert f'href="{url(family)}"' in page and "Sociaal netwerk" in page


def test_the_consent_records_whether_the_network_contacts_may_be_kept(world, login) -> None:
    family = world.family("coordinated")
    client = login(world.user(COORD))
    consent_url = reverse("casework:consent", args=[family.pk])
    assert "Het gezin staat toe dat contactgegevens van het netwerk worden vastgelegd" in html(client.get(consent_url))
    data = {
        "informed_of_rights": "on",
        "signed_on": today(),
        "signed_by": "Sanne Zwartbroek",
        "organisations": [world.professional_org.pk],
        "covers_network_contacts": "on",
    }
    assert client.post(consent_url, data).status_code == 302
    assert family.consents.get().covers_network_contacts
    assert client.post(url(family), form(phone="06 12345678")).status_code == 302
