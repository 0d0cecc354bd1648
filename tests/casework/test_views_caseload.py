"""Casework screens (casework/views.py), the caseload (and the consent scan, the population), through the Django
test client.
"""

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import Role, User
from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.casework.models import (
    Family,
    FamilyStatus,
    Problem,
    ScoreMoment,
    SelfSufficiencyScore,
)
from gezinsregie.plans.models import Plan
from tests.casework.view_helpers import CASELOAD_URL, COORD, PM, PROF, A, html, user_with
from tests.factories import (
    ConsentFactory,
    FamilyFactory,
    MemberFactory,
)

pytestmark = pytest.mark.django_db

# --- caseload -------------------------------------------------------------------------------------


@pytest.fixture
def me(world) -> User:
    """A coordinator with no families yet."""
    return user_with(COORD, world.coordinator_org, first_name="Mira", last_name="Regisseur")


def shown(response: Any) -> list[Family]:
    return [row["family"] for row in response.context["rows"]]


def complete_family(world: Any, coordinator: User | None, **kwargs: Any) -> Family:
    """Active, consent, a problem, a score, a member and an agreed plan: nothing that asks for attention."""
    family = FamilyFactory(approach=world.approach, coordinator=coordinator, **kwargs)
    domain = world.approach.life_domain_set.domains.first()
    member = MemberFactory(family=family)
    ConsentFactory(family=family, organisations=[world.professional_org])
    Problem.objects.create(
        family=family,
        member=member,
        domain=domain,
        description="Schulden",
        severity=2,
        identified_on=timezone.localdate(),
        recorded_by=coordinator or world.user(PM),
    )
    SelfSufficiencyScore.objects.create(
        family=family,
        domain=domain,
        score=3,
        moment=ScoreMoment.INTAKE,
        scored_on=timezone.localdate(),
        recorded_by=coordinator or world.user(PM),
    )
    Plan.objects.create(
        family=family,
        created_by=coordinator or world.user(PM),
        goals_set_with_family=True,
        approved_by_family_on=family.started_on,
        approved_version=1,
    )
    return family


def test_the_caseload_shows_only_the_coordinators_own_families(world, login, me):
    mine = [
        FamilyFactory(approach=world.approach, coordinator=me, status=status)
        for status in (FamilyStatus.ACTIVE, FamilyStatus.AFTERCARE, FamilyStatus.CLOSED)
    ]

    response = login(me).get(CASELOAD_URL)

    assert response.status_code == 200
    assert set(shown(response)) == set(mine)
    assert world.family("coordinated").reference not in html(response)


def test_a_professional_who_only_views_families_has_an_empty_caseload(world, login):
    professional = world.user(PROF)
    assert policy.can(professional, A.VIEW, world.family("consented"))
    assert shown(login(professional).get(CASELOAD_URL)) == []


def test_the_caseload_filters_on_status(world, login, me):
    active = FamilyFactory(approach=world.approach, coordinator=me, status=FamilyStatus.ACTIVE)
    FamilyFactory(approach=world.approach, coordinator=me, status=FamilyStatus.AFTERCARE)

    response = login(me).get(CASELOAD_URL, {"status": FamilyStatus.ACTIVE})

    assert shown(response) == [active]


def test_the_caseload_searches_name_and_reference(world, login, me):
    jansen = FamilyFactory(approach=world.approach, coordinator=me, name="Gezin Jansen", reference="GR-0101")
    bakker = FamilyFactory(approach=world.approach, coordinator=me, name="Gezin Bakker", reference="GR-0202")
    client = login(me)

    assert shown(client.get(CASELOAD_URL, {"q": "jans"})) == [jansen]
    assert shown(client.get(CASELOAD_URL, {"q": "0202"})) == [bakker]
    assert shown(client.get(CASELOAD_URL, {"q": "Pietersen"})) == []
    assert "Geen gezinnen gevonden." in html(client.get(CASELOAD_URL, {"q": "Pietersen"}))


def test_the_caseload_search_cannot_reach_other_coordinators_families(world, login, me):
    other = world.family("coordinated")
    assert shown(login(me).get(CASELOAD_URL, {"q": other.reference})) == []


def test_attention_shows_only_steered_families_without_consent_problems_or_plan(world, login, me):
    fine = complete_family(world, me)
    no_consent = complete_family(world, me)
    no_consent.consents.update(withdrawn_on=timezone.localdate())
    no_problems = complete_family(world, me)
    no_problems.problems.all().delete()
    no_plan = complete_family(world, me)
    Plan.objects.filter(family=no_plan).delete()
    waiting = FamilyFactory(approach=world.approach, coordinator=me, status=FamilyStatus.REGISTERED)
    closed = FamilyFactory(approach=world.approach, coordinator=me, status=FamilyStatus.CLOSED)
    client = login(me)

    everything = shown(client.get(CASELOAD_URL))
    attention = shown(client.get(CASELOAD_URL, {"attention": "on"}))

    assert set(everything) == {fine, no_consent, no_problems, no_plan, waiting, closed}
    assert set(attention) == {no_consent, no_problems, no_plan}


def test_attention_shows_a_family_without_coordinator_to_the_process_manager(world, login):
    orphan = complete_family(world, None, name="Gezin Zonderregie")
    steered = complete_family(world, world.user(COORD), name="Gezin Metregie")
    client = login(world.user(PM))

    assert shown(client.get(CASELOAD_URL, {"q": "Gezin Zonderregie", "attention": "on"})) == [orphan]
    assert shown(client.get(CASELOAD_URL, {"q": "Gezin Metregie", "attention": "on"})) == []
    assert shown(client.get(CASELOAD_URL, {"q": "Gezin Metregie"})) == [steered]


def test_the_caseload_is_paginated(world, login, me):
    families = [FamilyFactory(approach=world.approach, coordinator=me) for _ in range(30)]
    client = login(me)

    first = client.get(CASELOAD_URL)
    second = client.get(CASELOAD_URL, {"pagina": 2})

    assert len(shown(first)) == 25
    assert len(shown(second)) == 5
    assert second.context["page"].number == 2
    assert set(shown(first)) | set(shown(second)) == set(families)
    assert "Pagina 2 van 2" in html(second)
    assert "pagina=2" in html(first)


def test_the_caseload_pagination_keeps_the_filter(world, login, me):
    for _ in range(26):
        FamilyFactory(approach=world.approach, coordinator=me, status=FamilyStatus.ACTIVE)
    FamilyFactory(approach=world.approach, coordinator=me, status=FamilyStatus.CLOSED)

    response = login(me).get(CASELOAD_URL, {"status": "active", "pagina": 2})

    assert [f.status for f in shown(response)] == [FamilyStatus.ACTIVE]
    assert "status=active" in html(response)


def test_the_number_of_queries_does_not_grow_with_the_caseload(world, login, me, django_assert_max_num_queries):
    client = login(me)
    for _ in range(5):
        complete_family(world, me)
    client.get(CASELOAD_URL)  # warm up: session, content types, ...

    with CaptureQueriesContext(connection) as five:
        assert len(shown(client.get(CASELOAD_URL))) == 5
    for _ in range(20):
        complete_family(world, me)
    with django_assert_max_num_queries(len(five)), CaptureQueriesContext(connection) as twenty_five:
        assert len(shown(client.get(CASELOAD_URL))) == 25

    assert len(twenty_five) == len(five)


def test_the_analysis_columns_of_the_caseload_cost_a_fixed_number_of_queries(world, login, me):
    """Members, problems, scores, domains, consent and coordinator are prefetched or annotated: apart from
    the test above, 5 or 25 families cost the same."""
    client = login(me)
    for _ in range(5):
        complete_family(world, me)
    client.get(CASELOAD_URL)

    def queries() -> list[str]:
        with CaptureQueriesContext(connection) as captured:
            client.get(CASELOAD_URL)
        return [q["sql"] for q in captured.captured_queries if '"organisations_municipality"' not in q["sql"]]

    five = queries()
    for _ in range(20):
        complete_family(world, me)
    assert len(queries()) == len(five)


def test_every_caseload_page_logs_a_list_entry_per_family_shown(world, login, me):
    for _ in range(30):
        FamilyFactory(approach=world.approach, coordinator=me)
    client = login(me)

    first = shown(client.get(CASELOAD_URL))
    entries = AccessLogEntry.objects.filter(action="family.list", user_id=me.pk)
    assert sorted(entries.values_list("family_id", flat=True)) == sorted(f.pk for f in first)

    second = shown(client.get(CASELOAD_URL, {"pagina": 2}))
    assert entries.count() == 30
    assert set(entries.values_list("family_id", flat=True)) == {f.pk for f in first + second}

    client.get(CASELOAD_URL, {"pagina": 2})
    assert entries.count() == 35  # every load logs again


def test_an_empty_caseload_logs_nothing(world, login, me):
    response = login(me).get(CASELOAD_URL)
    assert response.status_code == 200
    assert shown(response) == []
    assert not AccessLogEntry.objects.filter(action="family.list").exists()


def test_the_caseload_filter_answers_htmx_with_the_results_only(world, login, me):
    client = login(me)
    complete_family(world, me)
    whole = client.get(CASELOAD_URL)
    partial = client.get(CASELOAD_URL, HTTP_HX_REQUEST="true")
    assert "<form" in html(whole) and 'hx-get="' in html(whole)
    assert "<form" not in html(partial) and "<html" not in html(partial)
    assert len(shown(partial)) == len(shown(whole)) == 1


def test_a_consent_scan_is_downloaded_through_the_policy_and_logged(world, login):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from gezinsregie.audit.models import AccessLogEntry

    family = world.family("consented")
    consent = family.consents.get()
    consent.scan = SimpleUploadedFile("verklaring.pdf", b"%PDF-1.4 ondertekend")
    consent.save()
    url = reverse("casework:consent_scan", args=[family.pk, consent.pk])

    response = login(world.user(Role.PROCESS_MANAGER)).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 ondertekend"
    assert family.reference in response["Content-Disposition"]
    assert AccessLogEntry.objects.filter(action="consent.scan", family_id=family.pk).count() == 1

    assert login(world.user(Role.PROFESSIONAL)).get(url).status_code == 404  # may view the case, not the declaration


def test_the_population_merges_neighbourhoods_with_fewer_than_five_families(world, login):
    for _ in range(5):
        FamilyFactory(approach=world.approach, neighbourhood="Grote Wijk")
    FamilyFactory(approach=world.approach, neighbourhood="Kleine Hof")
    response = login(world.user(Role.POLICY_OFFICER)).get(reverse("web:population"))
    content = html(response)
    assert "Grote Wijk" in content
    assert "Kleine Hof" not in content
    assert "overige wijken (elk minder dan 5)" in content
