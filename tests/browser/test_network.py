"""The social network in a real browser (issue 10 §1): the coordinator maps a supportive grandmother and a
straining uncle, and sees both on the map (with what each line means) and in the table."""

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.db.models import Exists, OuterRef
from playwright.sync_api import Page, expect

from gezinsregie.casework.models import Family, FamilyStatus, NetworkInfluence, NetworkPerson

pytestmark = pytest.mark.browser


def a_family_without_a_network() -> Family:
    """Coordinated by 'regisseur', active, nobody of its network mapped yet (the demo leaves some so)."""
    mapped = NetworkPerson.objects.filter(family=OuterRef("pk"))
    family = (
        Family.objects.filter(coordinator__username="regisseur", status=FamilyStatus.ACTIVE)
        .exclude(Exists(mapped))
        .order_by("reference")
        .first()
    )
    assert family is not None, "the demo has such a family"
    return family


def add_person(page: Page, name: str, relation: str, influence: str) -> None:
    page.get_by_label("Naam", exact=True).fill(name)
    page.get_by_label("Soort relatie").select_option(label="familie")
    page.get_by_label("Relatie (bijv. oma van moederskant)").fill(relation)
    page.get_by_label(influence, exact=True).check()
    page.get_by_role("button", name="Toevoegen aan het netwerk").click()
    expect(page.get_by_role("status").first).to_contain_text(f"{name} is vastgelegd in het netwerk van het gezin")


def test_the_coordinator_maps_a_supportive_and_a_straining_person(
    login: Callable[[str], Page], live_server: Any
) -> None:
    family = a_family_without_a_network()
    page = login("regisseur")
    page.goto(f"{live_server.url}/gezinnen/{family.pk}/")
    page.get_by_role("link", name="Sociaal netwerk").click()
    expect(page.locator("main")).to_contain_text("Het netwerk is nog niet in kaart gebracht.")

    add_person(page, "Oma Truus", "oma van moederskant", "steunend")
    add_person(page, "Oom Karel", "oom van vaderskant", "belastend")

    # The map: one mark per person, each with what it means in words, and a legend that is not colour alone.
    kaart = page.get_by_role("img", name=re.compile(f"Het sociale netwerk van {family.name}"))
    expect(kaart).to_be_visible()
    expect(kaart.locator("text", has_text="Oma Truus")).to_be_visible()
    expect(kaart.locator("text", has_text="Oom Karel")).to_be_visible()
    titles = kaart.locator("g > title").all_text_contents()
    assert any(t.startswith("Oma Truus, familie (oma van moederskant)") and "steunend" in t for t in titles)
    assert any(t.startswith("Oom Karel, familie (oom van vaderskant)") and "belastend" in t for t in titles)
    expect(kaart.locator('line[stroke-dasharray="2 6"]')).to_have_count(1)  # the straining line is dotted
    legend = page.get_by_role("list", name="Legenda")
    expect(legend).to_contain_text("steunend: doorgetrokken lijn, rond (1)")
    expect(legend).to_contain_text("belastend: gestippelde lijn, vierkant (1)")

    # The same data as a table.
    table = page.get_by_role("table", name="Het netwerk als tabel")
    expect(table.get_by_role("row", name=re.compile("Oma Truus.*steunend"))).to_be_visible()
    expect(table.get_by_role("row", name=re.compile("Oom Karel.*belastend"))).to_be_visible()
    expect(page.locator("main")).not_to_contain_text("Niemand in het netwerk steunt het gezin.")

    influences = set(family.network.values_list("influence", flat=True))
    assert influences == {NetworkInfluence.SUPPORTIVE, NetworkInfluence.STRAINING}
