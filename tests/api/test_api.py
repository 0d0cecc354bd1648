"""The integration API: the same door as the web (policy + access log), deny by default."""

import base64
import uuid

import pytest
import yaml

from gezinsregie.accounts import services as account_services
from gezinsregie.accounts.models import Role
from gezinsregie.audit.models import AccessLogEntry
from tests.factories import PASSWORD, MemberFactory, MembershipFactory, UserFactory

FAMILIES = "/api/v1/gezinnen/"


def listed(response) -> set[str]:
    assert response.status_code == 200
    return {row["reference"] for row in response.json()["results"]}


def test_the_coordinator_lists_only_their_own_families(world, login):
    response = login(world.user(Role.COORDINATOR)).get(FAMILIES)

    assert listed(response) == {world.family("coordinated").reference}
    assert response.json()["count"] == 1


def test_the_professional_lists_only_families_they_work_with_within_consent(world, login):
    # working with it: involved, or keeping watch in its aftercare (policy._watching)
    expected = {world.family("consented").reference, world.family("watching").reference}
    assert listed(login(world.user(Role.PROFESSIONAL)).get(FAMILIES)) == expected


def test_the_intake_team_lists_only_families_awaiting_triage_in_its_approach(world, login):
    expected = {world.family("triage").reference, world.family("referred").reference}

    assert listed(login(world.user(Role.INTAKE)).get(FAMILIES)) == expected


@pytest.mark.parametrize("role", [Role.POLICY_OFFICER, Role.PRIVACY_OFFICER, Role.INSPECTOR, Role.ADMINISTRATOR])
def test_roles_without_casework_access_list_nothing(world, login, role):
    response = login(world.user(role)).get(FAMILIES)

    assert listed(response) == set()
    assert response.json()["count"] == 0
    assert not AccessLogEntry.objects.exclude(action="login").exists()  # the test client's login is logged


def test_a_user_without_membership_lists_nothing(world, login):
    assert listed(login(UserFactory()).get(FAMILIES)) == set()


def test_the_detail_of_an_allowed_family_includes_its_members(world, login):
    family = world.family("coordinated")
    member = MemberFactory(family=family, first_name="Noor")

    response = login(world.user(Role.COORDINATOR)).get(f"{FAMILIES}{family.pk}/")

    assert response.status_code == 200
    body = response.json()
    assert (body["id"], body["reference"]) == (str(family.pk), family.reference)
    assert [m["first_name"] for m in body["members"]] == [member.first_name]


@pytest.mark.parametrize("which", ["forbidden", "other municipality", "missing", "malformed"])
def test_the_detail_of_a_family_you_may_not_see_is_404(world, login, which):
    family_id = {
        "forbidden": world.family("consent_other_org").pk,  # involved, but the consent names others
        "other municipality": world.family("other").pk,
        "missing": uuid.uuid4(),
        "malformed": "geen-uuid",
    }[which]

    professional = world.user(Role.PROFESSIONAL)
    response = login(professional).get(f"{FAMILIES}{family_id}/")

    assert response.status_code == 404
    # no read is logged, only the attempt: who asked for which id (issue 12 §3: denied attempts are logged)
    [attempt] = AccessLogEntry.objects.exclude(action="login")
    assert (attempt.action, attempt.user_id, attempt.object_id) == ("denied.view", professional.pk, str(family_id))
    assert (attempt.family_reference, attempt.channel) == ("", "api")


@pytest.mark.parametrize(
    "url", [FAMILIES, "/api/v1/toetsingskaders/", "/api/v1/toetsingskaders/stj-ggsr-2013/", "/api/schema/"]
)
def test_unauthenticated_requests_are_refused(world, framework, client, url):
    response = client.get(url)

    assert response.status_code in (401, 403)
    assert not AccessLogEntry.objects.exists()


def test_unauthenticated_detail_is_refused(world, client):
    response = client.get(f"{FAMILIES}{world.family('coordinated').pk}/")

    assert response.status_code in (401, 403)
    assert "reference" not in response.content.decode()


def test_a_personal_api_token_works_and_sees_the_same_families(world, client):
    coordinator = world.user(Role.COORDINATOR)
    _token, secret = account_services.api_token_create(actor=coordinator, user=coordinator, name="koppeling")

    response = client.get(FAMILIES, HTTP_AUTHORIZATION=f"Token {secret}")

    assert listed(response) == {world.family("coordinated").reference}


def test_basic_authentication_is_refused_even_with_the_right_password(world, client):
    # issue 12 §1: the API accepts no passwords any more
    coordinator = world.user(Role.COORDINATOR)
    credentials = base64.b64encode(f"{coordinator.username}:{PASSWORD}".encode()).decode()

    response = client.get(FAMILIES, HTTP_AUTHORIZATION=f"Basic {credentials}")

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert "reference" not in response.content.decode()


def test_the_schema_is_an_openapi_document(db, login):
    user = UserFactory()
    MembershipFactory(user=user, role=Role.COORDINATOR)

    response = login(user).get("/api/schema/")

    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] == "Gezinsregie API"
    assert {"/api/v1/gezinnen/", "/api/v1/gezinnen/{id}/", "/api/v1/toetsingskaders/{key}/"} <= set(schema["paths"])
    # the token is the documented way in; Basic auth is not offered
    schemes = schema["components"]["securitySchemes"]
    assert schemes["apiToken"] == {
        "type": "apiKey",
        "in": "header",
        "name": "Authorization",
        "description": schemes["apiToken"]["description"],
    }
    assert "Token gzr_" in schemes["apiToken"]["description"]
    assert not any(s.get("scheme") == "basic" for s in schemes.values())
    assert {"apiToken": []} in schema["paths"]["/api/v1/gezinnen/"]["get"]["security"]


def test_the_framework_endpoint_returns_all_63_indicators(framework, login):
    user = UserFactory()
    MembershipFactory(user=user, role=Role.POLICY_OFFICER)

    response = login(user).get("/api/v1/toetsingskaders/stj-ggsr-2013/")

    assert response.status_code == 200
    body = response.json()
    assert body["key"] == "stj-ggsr-2013"
    assert len(body["indicators"]) == 63
    by_key = {i["key"]: i for i in body["indicators"]}
    assert len(by_key) == 63
    assert (by_key["B3.c.1"]["criterion"], by_key["B3.c.1"]["theme"], by_key["B3.c.1"]["level"]) == (
        "B3.c",
        "B3",
        "policy",
    )
    assert by_key["C2.a.4"]["level"] == "case"


def test_the_framework_endpoint_is_forbidden_without_a_role(framework, login):
    response = login(UserFactory()).get("/api/v1/toetsingskaders/stj-ggsr-2013/")

    assert response.status_code == 403


def test_an_unknown_framework_is_404(framework, login):
    user = UserFactory()
    MembershipFactory(user=user, role=Role.COORDINATOR)

    assert login(user).get("/api/v1/toetsingskaders/bestaat-niet/").status_code == 404
