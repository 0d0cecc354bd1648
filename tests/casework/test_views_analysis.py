"""Casework screens (casework/views.py), the problem analysis, through the Django test client."""

import re

import pytest
from django.urls import reverse

from gezinsregie.casework.models import (
    Family,
    Problem,
    ScoreMoment,
    SelfSufficiencyScore,
)
from tests.casework.view_helpers import COORD, PROF, html, today
from tests.factories import (
    MemberFactory,
)

pytestmark = pytest.mark.django_db

# --- analysis -------------------------------------------------------------------------------------


def analysis_url(family: Family) -> str:
    return reverse("casework:analysis", args=[family.pk])


def gaps_on(page: str) -> list[str]:
    found = re.search(r"Leefgebieden zonder analyse:</strong>([^<]*)</p>", page)
    return [name.strip() for name in found.group(1).split(",")] if found else []


def test_the_analysis_lists_domains_without_analysis_until_a_problem_or_score_covers_them(world, login):
    family = world.family("coordinated")
    domains = list(world.approach.life_domain_set.domains.order_by("order"))
    names = [d.name for d in domains]
    client = login(world.user(COORD))

    page = html(client.get(analysis_url(family)))
    assert gaps_on(page) == names
    assert 'name="probleem"' in page and 'name="scores"' in page

    response = client.post(
        analysis_url(family),
        {
            "probleem": "1",
            "domain": domains[0].pk,
            "description": "Huurachterstand",
            "severity": "2",
            "chronic": "on",
            "identified_on": today(),
        },
    )
    assert response.status_code == 302
    assert response["Location"] == analysis_url(family)
    assert gaps_on(html(client.get(analysis_url(family)))) == names[1:]

    scores = {f"domain_{d.pk}": "3" for d in domains[1:]}
    response = client.post(analysis_url(family), {"scores": "1", "scored_on": today(), **scores})
    assert response.status_code == 302
    assert SelfSufficiencyScore.objects.filter(family=family, moment=ScoreMoment.INTAKE).count() == 3

    page = html(client.get(analysis_url(family)))
    assert gaps_on(page) == []
    assert "Alle leefgebieden en gezinsleden zijn geanalyseerd." in page


def test_members_without_analysis_are_listed_too(world, login):
    family = world.family("coordinated")
    MemberFactory(family=family, first_name="Daan", last_name="Visser")
    page = html(login(world.user(COORD)).get(analysis_url(family)))
    assert re.search(r"Gezinsleden zonder analyse:</strong>\s*Daan Visser</p>", page)


def test_scoring_nothing_is_refused(world, login):
    family = world.family("coordinated")
    response = login(world.user(COORD)).post(analysis_url(family), {"scores": "1", "scored_on": today()})
    assert response.status_code == 200
    assert "Scoor minstens één leefgebied." in html(response)
    assert not family.scores.exists()


def test_a_professional_with_consent_sees_the_analysis_read_only(world, login):
    family = world.family("consented")
    domain = world.approach.life_domain_set.domains.first()
    client = login(world.user(PROF))

    response = client.get(analysis_url(family))

    assert response.status_code == 200
    page = html(response)
    assert "Leefgebieden zonder analyse" in page
    assert 'name="probleem"' not in page
    assert 'name="scores"' not in page
    assert response.context["can_edit"] is False

    data = {"probleem": "1", "domain": domain.pk, "description": "x", "severity": "1", "identified_on": today()}
    assert client.post(analysis_url(family), data).status_code == 404
    assert client.post(analysis_url(family), {"scores": "1", "scored_on": today()}).status_code == 404
    assert not Problem.objects.filter(family=family).exists()


def test_the_analysis_is_404_without_view_access(world, login):
    assert login(world.user(PROF)).get(analysis_url(world.family("consent_other_org"))).status_code == 404
