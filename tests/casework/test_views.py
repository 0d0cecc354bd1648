"""Casework screens (casework/views.py) through the Django test client: who gets which page, what a POST
writes, and that a refused POST keeps what the user typed."""

import re
from datetime import timedelta
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
    CoordinatorAssignment,
    Family,
    FamilyStatus,
    Member,
    Problem,
    Referral,
    ScoreMoment,
    SelfSufficiencyScore,
)
from gezinsregie.organisations.models import Organisation
from gezinsregie.plans.models import Plan
from tests.factories import (
    ConsentFactory,
    FamilyFactory,
    InvolvementFactory,
    MemberFactory,
    MembershipFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

A = policy.Permission
COORD, PM, PROF, INTAKE = Role.COORDINATOR, Role.PROCESS_MANAGER, Role.PROFESSIONAL, Role.INTAKE
REGISTER_URL = reverse("casework:register")
CASELOAD_URL = reverse("casework:caseload")


def today() -> str:
    return timezone.localdate().isoformat()


def user_with(role: str, organisation: Organisation, approach: Any = None, **names: str) -> User:
    user = UserFactory(**names)
    MembershipFactory(user=user, role=role, organisation=organisation, approach=approach)
    return user


def html(response: Any) -> str:
    return response.content.decode()


# --- registration ---------------------------------------------------------------------------------

SANNE = ("Sanne", "Zwartbroek", "1985-03-01", "parent")
ANNA = ("Anna", "Zwartbroek", "2015-09-01", "child")


def registration(world: Any, rows: list[tuple[str, str, str, str]] | None = None, **extra: Any) -> dict[str, Any]:
    rows = [SANNE, ANNA] if rows is None else rows
    data: dict[str, Any] = {
        "approach": world.approach.pk,
        "family_name": "Gezin Zwartbroek",
        "address": "Dorpsstraat 1",
        "neighbourhood": "Noord",
        "source": "school",
        "reason": "Veel schoolverzuim en huurachterstand.",
        "domains": [d.pk for d in world.approach.life_domain_set.domains.order_by("order")[:2]],
        "urgency": "normal",
        "referred_on": today(),
        "lid-TOTAL_FORMS": str(len(rows)),
        "lid-INITIAL_FORMS": "0",
        "lid-MIN_NUM_FORMS": "1",
        "lid-MAX_NUM_FORMS": "15",
    }
    for i, (first_name, last_name, birth_date, relation) in enumerate(rows):
        data |= {
            f"lid-{i}-first_name": first_name,
            f"lid-{i}-last_name": last_name,
            f"lid-{i}-birth_date": birth_date,
            f"lid-{i}-relation": relation,
        }
    return data | extra


def counts() -> tuple[int, int, int]:
    return Family.objects.count(), Member.objects.count(), Referral.objects.count()


def test_a_professional_gets_the_registration_form_for_the_approach_they_partner_in(world, login):
    response = login(world.user(PROF)).get(REGISTER_URL)

    assert response.status_code == 200
    assert response.context["approach"] == world.approach
    assert 'name="family_name"' in html(response)
    assert 'name="lid-0-first_name"' in html(response)


@pytest.mark.parametrize("role", [Role.POLICY_OFFICER, Role.INSPECTOR, Role.PRIVACY_OFFICER])
def test_who_may_not_register_gets_404_on_the_registration_page(world, login, role):
    client = login(world.user(role))
    assert client.get(REGISTER_URL).status_code == 404
    assert client.post(REGISTER_URL, registration(world)).status_code == 404
    assert Family.objects.count() == len(world.families)


def test_the_registration_page_needs_a_login(world, client):
    response = client.get(REGISTER_URL)
    assert response.status_code == 302
    assert "inloggen" in response["Location"]


def test_a_child_older_than_its_parent_is_shown_in_dutch_and_the_input_is_kept(world, login):
    before = counts()

    response = login(world.user(PROF)).post(
        REGISTER_URL, registration(world, [SANNE, ("Anna", "Zwartbroek", "1980-01-01", "child")])
    )

    assert response.status_code == 200
    page = html(response)
    assert "Anna is als kind opgegeven maar is niet jonger dan ouder Sanne. Controleer de geboortedata." in page
    assert 'value="Anna"' in page
    assert 'value="Sanne"' in page
    assert 'value="1980-01-01"' in page
    assert 'value="Gezin Zwartbroek"' in page
    assert "Veel schoolverzuim en huurachterstand." in page
    assert counts() == before


def test_a_future_referral_date_is_shown_on_its_field(world, login):
    future = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = login(world.user(PROF)).post(REGISTER_URL, registration(world, referred_on=future))
    assert response.status_code == 200
    assert response.context["form"].errors["referred_on"] == ["De datum van aanmelding ligt in de toekomst."]
    assert f'value="{future}"' in html(response)
    assert Family.objects.filter(name="Gezin Zwartbroek").count() == 0


def test_a_valid_registration_creates_the_family_and_redirects(world, login):
    professional = world.user(PROF)

    response = login(professional).post(REGISTER_URL, registration(world))

    assert response.status_code == 302
    assert response["Location"] == reverse("web:start")  # the professional may not see the family itself
    family = Family.objects.get(name="Gezin Zwartbroek")
    assert family.status == FamilyStatus.REGISTERED
    assert sorted(family.members.values_list("first_name", flat=True)) == ["Anna", "Sanne"]
    [referral] = family.referrals.all()
    assert (referral.referred_by, referral.organisation) == (professional, world.professional_org)
    assert referral.domains.count() == 2


def test_a_process_manager_registering_is_sent_to_the_family(world, login):
    response = login(world.user(PM)).post(REGISTER_URL, registration(world))
    family = Family.objects.get(name="Gezin Zwartbroek")
    assert response.status_code == 302
    assert response["Location"] == reverse("web:family", args=[family.pk])


def test_registering_the_same_family_twice_shows_the_known_family_and_creates_nothing(world, login):
    client = login(world.user(PROF))
    client.post(REGISTER_URL, registration(world))
    known = Family.objects.get(name="Gezin Zwartbroek")
    before = counts()

    response = client.post(REGISTER_URL, registration(world))

    assert response.status_code == 200
    page = html(response)
    assert "Dit gezin lijkt al bekend" in page
    assert f'name="bekend_gezin" value="{known.pk}"' in page
    assert known.reference in page
    assert counts() == before
    assert AccessLogEntry.objects.filter(action="family.duplicate_shown", family_id=known.pk).count() == 1


def test_choosing_the_known_family_adds_the_referral_to_it(world, login):
    client = login(world.user(PROF))
    client.post(REGISTER_URL, registration(world))
    known = Family.objects.get(name="Gezin Zwartbroek")

    response = client.post(REGISTER_URL, registration(world, bekend_gezin=str(known.pk)))

    assert response.status_code == 302
    assert Family.objects.filter(name="Gezin Zwartbroek").count() == 1
    assert known.referrals.count() == 2


def test_choosing_a_family_that_does_not_match_is_refused(world, login):
    client = login(world.user(PROF))
    unrelated = world.family("coordinated")

    response = client.post(REGISTER_URL, registration(world, bekend_gezin=str(unrelated.pk)))

    assert response.status_code == 200
    assert "Het gekozen bekende gezin komt niet overeen met deze aanmelding." in html(response)
    assert unrelated.referrals.count() == 0


def test_confirming_it_is_another_family_registers_it_as_new(world, login):
    client = login(world.user(PROF))
    client.post(REGISTER_URL, registration(world))

    response = client.post(REGISTER_URL, registration(world, toch_nieuw="1"))

    assert response.status_code == 302
    assert Family.objects.filter(name="Gezin Zwartbroek").count() == 2


def test_adding_a_member_row_keeps_the_input_and_shows_no_errors(world, login):
    data = registration(world, [("Anna", "", "", "child")], extra_lid="1", reason="")

    response = login(world.user(PROF)).post(REGISTER_URL, data)

    assert response.status_code == 200
    page = html(response)
    assert 'value="Anna"' in page
    assert 'value="Gezin Zwartbroek"' in page
    assert 'name="lid-1-first_name"' in page
    assert 'name="lid-2-first_name"' not in page
    assert "Gezinslid 2" in page
    assert "utrecht-form-field-error-message" not in page
    assert "utrecht-alert--error" not in page
    assert response.context["members"].total_form_count() == 2
    assert Family.objects.filter(name="Gezin Zwartbroek").count() == 0


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
