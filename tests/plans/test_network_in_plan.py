"""The social network in the plan (issue 10 §1): the proposal to build one where nobody supports the family, network
persons as action owners, the map in the family's summary (HTML and PDF), and the caseload's flag."""

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from gezinsregie.casework import rules
from gezinsregie.casework.models import NetworkInfluence, NetworkPerson, NetworkTie
from gezinsregie.casework.services.network import NetworkInput, network_person_add
from gezinsregie.plans.models import Action, OwnerKind
from tests.factories import ConsentFactory, GoalFactory
from tests.worlds.plans import PlanWithContent, PlanWorld

pytestmark = pytest.mark.django_db
PROPOSAL = "Stel een doel: een steunend netwerk opbouwen"


def add(w: PlanWorld, name: str, influence: str, **fields: Any) -> NetworkPerson:
    data = NetworkInput(name=name, tie=fields.pop("tie", NetworkTie.FAMILY), influence=influence, **fields)
    return network_person_add(actor=w.coordinator, family=w.family, data=data)


def plan_page(w: PlanWorld) -> str:
    return w.client_for(w.coordinator).get(reverse("plans:detail", args=[w.family.pk])).content.decode()


def test_the_plan_proposes_building_a_network_while_nobody_supports_the_family(planned: PlanWithContent, w) -> None:
    page = plan_page(w)
    assert PROPOSAL in page and "Er is nog niemand uit het netwerk van het gezin vastgelegd." in page
    add(w, "Oom Karel", NetworkInfluence.STRAINING)
    page = plan_page(w)
    assert PROPOSAL in page and "Niemand in het netwerk van het gezin steunt het gezin." in page
    assert f"{reverse('plans:goal_add', args=[w.family.pk])}?netwerk=1" in page


def test_a_supportive_person_or_a_goal_that_builds_the_network_ends_the_proposal(planned: PlanWithContent, w) -> None:
    add(w, "Oom Karel", NetworkInfluence.STRAINING)
    GoalFactory(plan=planned.plan, problem=w.health, description=f"{rules.NETWORK_GOAL_TEXT}: buurthuis")
    assert PROPOSAL not in plan_page(w)
    planned.plan.goals.filter(problem=w.health).delete()
    add(w, "Oma Truus", NetworkInfluence.SUPPORTIVE)
    assert PROPOSAL not in plan_page(w)


def test_a_professional_who_may_not_edit_sees_the_proposal_without_the_button(planned: PlanWithContent, w) -> None:
    page = w.client_for(w.professional).get(reverse("plans:detail", args=[w.family.pk])).content.decode()
    assert "Voorstel: een steunend netwerk opbouwen" in page and PROPOSAL not in page


def test_the_button_prefills_the_goal_form(planned: PlanWithContent, w) -> None:
    url = reverse("plans:goal_add", args=[w.family.pk])
    page = w.client_for(w.coordinator).get(url, {"netwerk": "1"}).content.decode()
    assert f"{rules.NETWORK_GOAL_TEXT}: </textarea>" in page


def test_mapped_network_persons_are_offered_as_action_owners(planned: PlanWithContent, w) -> None:
    oma = add(w, "Oma Truus", NetworkInfluence.SUPPORTIVE)
    client = w.client_for(w.coordinator)
    url = reverse("plans:action_add", args=[w.family.pk, planned.housing_goal.pk])
    assert f'<option value="network:{oma.pk}">Oma Truus (familie)</option>' in client.get(url).content.decode()
    data = {"version": "5", "description": "Oma haalt Noah op", "owner": f"network:{oma.pk}", "due_on": "2026-12-01"}
    assert client.post(url, data).status_code == 302
    action = Action.objects.get(description="Oma haalt Noah op")
    assert (action.owner_kind, action.owner_name) == (OwnerKind.NETWORK, "Oma Truus")


def test_someone_not_mapped_still_needs_a_typed_name(planned: PlanWithContent, w) -> None:
    url = reverse("plans:action_add", args=[w.family.pk, planned.housing_goal.pk])
    data = {"version": "5", "description": "Buurman helpt", "owner": "network", "due_on": "2026-12-01"}
    page = w.client_for(w.coordinator).post(url, data).content.decode()
    assert "Vul de naam in van de persoon uit het netwerk." in page


def test_the_summary_shows_the_map_and_who_is_who_without_contact_details(planned: PlanWithContent, w) -> None:
    ConsentFactory(family=w.family, covers_network_contacts=True)
    add(w, "Oma Truus", NetworkInfluence.SUPPORTIVE, members=[w.noah], role_in_plan=True, phone="06 12345678")
    add(w, "Oom Karel", NetworkInfluence.STRAINING, note="leent geld van moeder")
    whole = w.client_for(w.coordinator).get(reverse("plans:summary", args=[w.family.pk])).content.decode()
    page = whole[whole.index('<div class="gr-summary">') : whole.index("<footer")]
    assert "Wie staan er om u heen?" in page and '<svg role="img"' in page
    assert "<title>Oma Truus, familie, bij Noah, steunend, actiehouder in het plan</title>" in page
    assert "helpt mee in het plan" in page and "Oom Karel" in page
    assert "06 12345678" not in page and "leent geld" not in page


def test_no_network_no_section_in_the_summary(planned: PlanWithContent, w) -> None:
    page = w.client_for(w.coordinator).get(reverse("plans:summary", args=[w.family.pk])).content.decode()
    assert "Wie staan er om u heen?" not in page


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing")
def test_the_summary_pdf_draws_the_map(planned: PlanWithContent, w, tmp_path: Path) -> None:
    add(w, "Oma Truus", NetworkInfluence.SUPPORTIVE)
    add(w, "Juf Petra", NetworkInfluence.MIXED, tie=NetworkTie.SCHOOL, members=[w.noah])
    response = w.client_for(w.coordinator).get(reverse("plans:summary_pdf", args=[w.family.pk]))
    pdf = tmp_path / "samenvatting.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    flat = " ".join(text.split())
    assert "Wie staan er om u heen?" in flat
    assert flat.count("Juf Petra") >= 2  # in the map (SVG text) and in the table


def test_the_caseload_flags_a_family_without_a_supportive_network(planned: PlanWithContent, w) -> None:
    caseload = reverse("casework:caseload")
    assert "geen steunend netwerk" in w.client_for(w.coordinator).get(caseload).content.decode()
    add(w, "Oma Truus", NetworkInfluence.SUPPORTIVE)
    assert "geen steunend netwerk" not in w.client_for(w.coordinator).get(caseload).content.decode()
