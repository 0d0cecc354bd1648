"""The access log: every read of a family is recorded once, with who, in which capacity, from where; a refused
attempt is recorded as a denial; it is append-only in the ORM and in the database; only the people the policy
names may read a family's log. (Logins: test_logins.py; the chain: test_chain*.py; roles: test_roles.py.)"""

import uuid

import pytest
from django.contrib.admin import site
from django.db import DatabaseError, connection, transaction
from django.http import Http404
from django.urls import reverse

from gezinsregie import policy
from gezinsregie.accounts.models import Role
from gezinsregie.audit.models import AccessLogEntry, AppendOnlyError
from gezinsregie.casework.models import Family
from tests.factories import FamilyFactory, MembershipFactory, UserFactory

IP = "192.0.2.10"  # TEST-NET-1


def entries(**filters: object) -> list[AccessLogEntry]:
    """Reads and writes of personal data: not the login of the test client, not refusals."""
    return list(
        AccessLogEntry.objects.exclude(action__in=["login", "logout"])
        .exclude(action__startswith="denied.")
        .filter(**filters)
        .order_by("id")
    )


def denials(**filters: object) -> list[AccessLogEntry]:
    return list(AccessLogEntry.objects.filter(action__startswith="denied.", **filters).order_by("id"))


# --- what access_family records ---


def test_a_family_read_records_one_entry_naming_the_granting_membership(world, login):
    """The user is privacy officer (no right to VIEW) and coordinator of this family: the entry names the
    membership that actually granted the read, not just any of theirs."""
    user = UserFactory(first_name="Fatima", last_name="de Vries")
    MembershipFactory(user=user, role=Role.PRIVACY_OFFICER, organisation=world.municipal_org)
    MembershipFactory(user=user, role=Role.COORDINATOR, organisation=world.coordinator_org)
    family = FamilyFactory(approach=world.approach, coordinator=user)
    url = reverse("web:family", args=[family.pk])

    response = login(user).get(url, REMOTE_ADDR=IP)

    assert response.status_code == 200
    [entry] = entries()
    assert entry.user_id == user.pk
    assert entry.username == user.username
    assert entry.user_display == "Fatima de Vries"
    assert entry.organisation == world.coordinator_org.name
    assert entry.role == "regisseur"
    assert entry.on_behalf_of == str(world.approach)
    assert entry.family_id == family.pk
    assert entry.family_reference == family.reference
    assert entry.action == "family.view"
    assert entry.object_type == "casework.Family"
    assert entry.object_id == str(family.pk)
    assert entry.ip_address == IP
    assert entry.channel == "web"
    assert entry.path == url


def test_access_family_outside_a_request_is_logged_as_cli(world):
    family = world.family("consented")
    professional = world.user(Role.PROFESSIONAL)

    assert policy.access_family(professional, family.pk) == family

    [entry] = entries()
    assert (entry.channel, entry.ip_address, entry.path) == ("cli", None, "")
    assert (entry.role, entry.organisation) == ("professional", world.professional_org.name)


@pytest.mark.parametrize(
    "family_id",
    [
        pytest.param("forbidden", id="forbidden"),
        pytest.param(uuid.uuid4(), id="missing"),
        pytest.param(str(uuid.uuid4()), id="missing-as-text"),
        pytest.param("not-a-uuid", id="malformed"),
        pytest.param("", id="empty"),
    ],
)
def test_access_family_refuses_forbidden_missing_and_malformed_ids_alike(world, family_id):
    if family_id == "forbidden":
        family_id = world.family("other").pk
    coordinator = world.user(Role.COORDINATOR)

    with pytest.raises(Http404):
        policy.access_family(coordinator, family_id)

    assert entries() == []
    # the attempt is logged alike too: who asked for which id, nothing about the family behind it
    [denial] = denials()
    assert (denial.action, denial.user_id, denial.object_id) == ("denied.view", coordinator.pk, str(family_id))
    assert (denial.family_reference, denial.on_behalf_of, denial.object_type) == ("", "", "")


def test_access_family_checks_the_action_asked_for(world):
    """The privacy officer may read the log of a family in their municipality, never its casework."""
    family = world.family("coordinated")
    officer = world.user(Role.PRIVACY_OFFICER)

    with pytest.raises(Http404):
        policy.access_family(officer, family.pk)
    assert entries() == []
    assert [(d.action, d.family_id) for d in denials()] == [("denied.view", family.pk)]

    policy.access_family(officer, family.pk, action=policy.Permission.VIEW_LOG)
    [entry] = entries()
    assert (entry.action, entry.role) == ("family.view_log", "privacyfunctionaris")


# --- pages and API endpoints that read families ---


def test_the_family_page_answers_404_for_a_forbidden_family_and_logs_only_the_attempt(world, login):
    other = world.family("other")
    response = login(world.user(Role.COORDINATOR)).get(reverse("web:family", args=[other.pk]), REMOTE_ADDR=IP)

    assert response.status_code == 404
    assert entries() == []
    [denial] = denials()
    assert (denial.family_id, denial.ip_address, denial.channel) == (other.pk, IP, "web")


def test_the_api_detail_logs_a_read_on_the_api_channel(world, login):
    family = world.family("coordinated")
    coordinator = world.user(Role.COORDINATOR)

    response = login(coordinator).get(f"/api/v1/gezinnen/{family.pk}/", REMOTE_ADDR=IP)

    assert response.status_code == 200
    [entry] = entries()
    assert (entry.action, entry.channel, entry.ip_address) == ("family.view", "api", IP)
    assert (entry.family_id, entry.user_id, entry.role) == (family.pk, coordinator.pk, "regisseur")
    assert entry.path == f"/api/v1/gezinnen/{family.pk}/"


def test_the_start_page_logs_one_list_entry_per_family_shown(world, login):
    coordinator = world.user(Role.COORDINATOR)
    second = FamilyFactory(approach=world.approach, coordinator=coordinator)
    shown = {world.family("coordinated").pk, second.pk}

    response = login(coordinator).get(reverse("web:start"), REMOTE_ADDR=IP)

    assert response.status_code == 200
    content = response.content.decode()
    assert world.family("coordinated").reference in content
    assert second.reference in content
    assert world.family("consented").reference not in content
    logged = entries()
    assert sorted(e.family_id for e in logged) == sorted(shown)
    assert {(e.action, e.channel, e.ip_address, e.user_id) for e in logged} == {
        ("family.list", "web", IP, coordinator.pk)
    }
    coordinator_membership = coordinator.memberships.get()
    assert {(e.role, e.organisation) for e in logged} == {("regisseur", str(coordinator_membership.organisation))}


def test_the_start_page_without_families_logs_nothing(world, login):
    response = login(world.user(Role.POLICY_OFFICER)).get(reverse("web:start"))

    assert response.status_code == 200
    assert entries() == []


def test_the_api_list_logs_one_entry_per_family_returned(world, login):
    pm = world.user(Role.PROCESS_MANAGER)

    response = login(pm).get("/api/v1/gezinnen/", REMOTE_ADDR=IP)

    assert response.status_code == 200
    returned = {uuid.UUID(row["id"]) for row in response.json()["results"]}
    in_approach = {f.pk for f in world.families.values() if f.approach_id == world.approach.pk}
    assert returned == in_approach
    logged = entries()
    assert len(logged) == len(returned)
    assert {e.family_id for e in logged} == returned
    assert {(e.action, e.channel, e.ip_address) for e in logged} == {("family.list", "api", IP)}


# --- append-only ---


@pytest.fixture
def entry(world) -> AccessLogEntry:
    policy.access_family(world.user(Role.COORDINATOR), world.family("coordinated").pk)
    return AccessLogEntry.objects.get()


def test_an_entry_cannot_be_saved_again(entry):
    entry.username = "iemand-anders"
    with pytest.raises(AppendOnlyError):
        entry.save()
    assert AccessLogEntry.objects.get(pk=entry.pk).username != "iemand-anders"


def test_an_entry_cannot_be_deleted(entry):
    with pytest.raises(AppendOnlyError):
        entry.delete()
    assert AccessLogEntry.objects.filter(pk=entry.pk).exists()


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda qs: qs.update(username="x"), id="update"),
        pytest.param(lambda qs: qs.delete(), id="delete"),
        pytest.param(lambda qs: qs.filter(action="family.view").update(ip_address=None), id="filtered-update"),
        pytest.param(lambda qs: qs.filter(action="family.view").delete(), id="filtered-delete"),
        pytest.param(lambda qs: qs.bulk_update(list(qs), ["username"]), id="bulk-update"),
    ],
)
def test_the_queryset_refuses_changes(entry, change):
    with pytest.raises(AppendOnlyError), transaction.atomic():  # bulk_update breaks the transaction
        change(AccessLogEntry.objects.all())
    assert AccessLogEntry.objects.get(pk=entry.pk).ip_address == entry.ip_address
    assert AccessLogEntry.objects.count() == 1


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_accesslogentry SET username = 'iemand-anders' WHERE id = %s",
        "DELETE FROM audit_accesslogentry WHERE id = %s",
    ],
)
def test_the_database_refuses_changes_that_bypass_the_orm(entry, sql):
    with (
        pytest.raises(DatabaseError, match="alleen aan te vullen"),
        transaction.atomic(),  # roll back to here: the test's own transaction stays usable
        connection.cursor() as cursor,
    ):
        cursor.execute(sql, [entry.pk])

    assert AccessLogEntry.objects.get(pk=entry.pk).username == entry.username  # and the connection works


# --- reading a family's log ---


def test_the_family_log_shows_entries_to_the_coordinator_and_the_privacy_officer(world, client):
    family = world.family("coordinated")
    reader = world.user(Role.PROCESS_MANAGER)
    client.force_login(reader)
    assert client.get(reverse("web:family", args=[family.pk]), REMOTE_ADDR="192.0.2.77").status_code == 200
    url = reverse("audit:family", args=[family.pk])

    for role in (Role.COORDINATOR, Role.PRIVACY_OFFICER):
        viewer = world.user(role)
        client.force_login(viewer)
        response = client.get(url)

        assert response.status_code == 200, role
        content = response.content.decode()
        assert reader.username in content
        assert "192.0.2.77" in content
        assert "Gezin bekeken" in content and "family.view" not in content  # the action in words
        assert AccessLogEntry.objects.filter(user_id=viewer.pk, action="family.view_log").count() == 1


@pytest.mark.parametrize("role", [Role.PROFESSIONAL, Role.POLICY_OFFICER, Role.PROCESS_MANAGER])
def test_the_family_log_is_404_for_everyone_else(world, login, role):
    # the professional may see the casework of `consented`, the process manager that of every family in
    # the approach: neither may read who else looked at it.
    family = world.family("consented")

    response = login(world.user(role)).get(reverse("audit:family", args=[family.pk]))

    assert response.status_code == 404
    assert entries() == []
    assert [d.action for d in denials(family_id=family.pk)] == ["denied.view_log"]


def test_the_family_log_of_another_municipality_is_404_for_the_privacy_officer(world, login):
    response = login(world.user(Role.PRIVACY_OFFICER)).get(reverse("audit:family", args=[world.family("other").pk]))

    assert response.status_code == 404


def test_the_privacy_officer_finds_a_family_log_by_reference(world, login):
    family = world.family("consented")

    response = login(world.user(Role.PRIVACY_OFFICER)).get(
        reverse("audit:search"), {"kenmerk": f"  {family.reference.lower()} "}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("audit:family", args=[family.pk])


@pytest.mark.parametrize("which", ["unknown", "other municipality"])
def test_the_search_reports_no_family_outside_the_municipality(world, login, which):
    reference = "GR-X9999" if which == "unknown" else world.family("other").reference

    response = login(world.user(Role.PRIVACY_OFFICER)).get(reverse("audit:search"), {"kenmerk": reference})

    assert response.status_code == 200
    assert f"Geen gezin met kenmerk {reference}" in response.content.decode()
    assert entries() == []


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.PROCESS_MANAGER, Role.ADMINISTRATOR])
def test_only_the_privacy_officer_may_search_the_log(world, login, role):
    family = world.family("coordinated")

    response = login(world.user(role)).get(reverse("audit:search"), {"kenmerk": family.reference})

    assert response.status_code == 403
    [denial] = denials()
    assert (denial.action, denial.user_id, denial.family_id) == ("denied.search_logs", world.user(role).pk, None)


def test_the_log_pages_require_login(world, client):
    for url in (reverse("audit:search"), reverse("audit:family", args=[world.family("coordinated").pk])):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


# --- the admin stays out of personal data ---


def test_the_admin_registers_no_personal_data():
    registered = set(site._registry)

    assert AccessLogEntry not in registered
    assert Family not in registered
    assert [m for m in registered if m._meta.app_label in {"casework", "audit"}] == []
    # configuration is there (so the check above looks at the right site)
    assert {m._meta.label for m in registered} >= {"organisations.Approach", "accounts.User"}


def test_the_admin_is_only_for_administrators(world, client):
    for role in (Role.COORDINATOR, Role.ADMINISTRATOR):
        user = world.user(role)
        user.is_staff = True
        user.save()

    client.force_login(world.user(Role.COORDINATOR))
    assert client.get(reverse("admin:index")).status_code == 302
    client.force_login(world.user(Role.ADMINISTRATOR))
    assert client.get(reverse("admin:index")).status_code == 200
