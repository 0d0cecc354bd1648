"""Separation of duties (issue 12 §2). The finding: the functional admin (`beheer`) gave itself a process-manager
membership in /beheer/ and then saw every family; it could set another user's password and log in as them; neither
was in the access log. Reproduced through the admin over HTTP and through the services."""

import re

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import get_resolver

from gezinsregie import policy
from gezinsregie.accounts import memberships, rules, services
from gezinsregie.accounts.models import GrantStatus, Membership, MembershipGrant, Role, User
from gezinsregie.audit import services as audit
from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.notifications.models import Notification
from tests.factories import (
    ApproachFactory,
    FamilyFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

GRANTS = "/beheer/accounts/membershipgrant/"


def admin_of(municipal_org, **fields) -> User:
    user = UserFactory(is_staff=True, **fields)
    MembershipFactory(user=user, role=Role.ADMINISTRATOR, organisation=municipal_org)
    return user


@pytest.fixture
def town():
    municipality_org = OrganisationFactory(municipal=True)
    approach = ApproachFactory(municipality=municipality_org.municipality)
    officer = UserFactory()
    MembershipFactory(user=officer, role=Role.PRIVACY_OFFICER, organisation=municipality_org)
    return municipality_org, approach, officer


def logged(action: str, **filters) -> bool:
    return AccessLogEntry.objects.filter(action=action, **filters).exists()


def ask_in_admin(client, *, user: User, organisation, approach, role=Role.PROCESS_MANAGER):
    return client.post(
        f"{GRANTS}add/",
        {
            "user": user.pk,
            "organisation": organisation.pk,
            "role": role,
            "approach": approach.pk if approach else "",
            "reason": "Nieuwe procesmanager van de aanpak",
        },
        follow=True,
    )


# --- the finding, over HTTP --------------------------------------------------------------------------------------


def test_the_admin_cannot_give_itself_a_process_manager_membership_in_beheer(client, town):
    organisation, approach, _officer = town
    admin = admin_of(organisation)
    family = FamilyFactory(approach=approach)
    client.force_login(admin)

    response = ask_in_admin(client, user=admin, organisation=organisation, approach=approach)

    assert rules.SELF_GRANT in response.content.decode()
    assert not MembershipGrant.objects.exists()
    assert not Membership.objects.filter(user=admin, role=Role.PROCESS_MANAGER).exists()
    assert not policy.families_for(User.objects.get(pk=admin.pk)).filter(pk=family.pk).exists()
    assert logged("denied.membership_grant", user_id=admin.pk)


def test_the_old_inline_cannot_add_a_membership_either(client, town):
    organisation, approach, _officer = town
    admin = admin_of(organisation)
    client.force_login(admin)
    page = client.get(f"/beheer/accounts/user/{admin.pk}/change/").content.decode()
    assert 'name="memberships-TOTAL_FORMS" value="0"' in page or "memberships-0-role" not in page

    client.post(
        f"/beheer/accounts/user/{admin.pk}/change/",
        {
            "username": admin.username,
            "first_name": admin.first_name,
            "last_name": admin.last_name,
            "email": admin.email,
            "is_active": "on",
            "is_superuser": "on",
            "is_staff": "on",
            "memberships-TOTAL_FORMS": "1",
            "memberships-INITIAL_FORMS": "0",
            "memberships-0-organisation": organisation.pk,
            "memberships-0-role": Role.PROCESS_MANAGER,
            "memberships-0-approach": approach.pk,
            "memberships-0-active": "on",
        },
    )

    admin.refresh_from_db()
    assert not admin.is_superuser
    assert set(admin.memberships.values_list("role", flat=True)) == {Role.ADMINISTRATOR}


def test_a_grant_waits_for_a_second_person_and_the_requester_cannot_approve_it(client, town):
    organisation, approach, officer = town
    admin = admin_of(organisation)
    newcomer = UserFactory()
    client.force_login(admin)

    response = ask_in_admin(client, user=newcomer, organisation=organisation, approach=approach)

    assert response.status_code == 200
    grant = MembershipGrant.objects.get(user=newcomer)
    assert grant.status == GrantStatus.PENDING and grant.requested_by == admin
    assert not Membership.objects.filter(user=newcomer).exists()
    assert logged("membership.grant_request", user_id=admin.pk, object_id=str(grant.pk))
    assert Notification.objects.filter(user=officer, key__startswith=f"membership_grant:{grant.pk}:requested").exists()

    response = client.post(GRANTS, {"action": "approve", "_selected_action": [grant.pk]}, follow=True)

    assert rules.OWN_DECISION in response.content.decode()
    grant.refresh_from_db()
    assert grant.status == GrantStatus.PENDING
    assert not Membership.objects.filter(user=newcomer).exists()


def test_another_admin_approves_the_membership_becomes_active_logged_and_the_privacy_officer_told(client, town):
    organisation, approach, officer = town
    first, second = admin_of(organisation), admin_of(organisation)
    newcomer = UserFactory()
    family = FamilyFactory(approach=approach)
    grant = memberships.membership_grant_request(
        actor=first, user=newcomer, organisation=organisation, role=Role.PROCESS_MANAGER, approach=approach,
        reason="Nieuwe procesmanager",
    )  # fmt: skip
    client.force_login(second)

    client.post(GRANTS, {"action": "approve", "_selected_action": [grant.pk]}, follow=True)

    grant.refresh_from_db()
    assert grant.status == GrantStatus.APPROVED and grant.decided_by == second
    membership = Membership.objects.get(user=newcomer, role=Role.PROCESS_MANAGER, approach=approach)
    assert membership.active and grant.membership == membership
    assert logged("membership.grant_approve", user_id=second.pk, object_id=str(membership.pk))
    told = Notification.objects.get(user=officer, key__startswith=f"membership_grant:{grant.pk}:approved")
    assert str(second) in told.message and str(newcomer) in told.message
    assert policy.families_for(User.objects.get(pk=newcomer.pk)).filter(pk=family.pk).exists()


def test_the_admin_cannot_set_another_users_password(client, town):
    organisation, _approach, _officer = town
    admin = admin_of(organisation)
    victim = UserFactory()
    before = User.objects.get(pk=victim.pk).password
    client.force_login(admin)

    page = client.get(f"/beheer/accounts/user/{victim.pk}/change/").content.decode()
    form = client.get(f"/beheer/accounts/user/{victim.pk}/password/")
    posted = client.post(
        f"/beheer/accounts/user/{victim.pk}/password/",
        {"password1": "Nieuw-wachtwoord-42", "password2": "Nieuw-wachtwoord-42"},
    )

    assert "password" not in re.findall(r'name="([a-z_0-9-]+)"', page)
    assert form.status_code == 404 and posted.status_code == 404
    assert User.objects.get(pk=victim.pk).password == before
    assert not User.objects.get(pk=victim.pk).check_password("Nieuw-wachtwoord-42")


def test_the_admin_sends_a_reset_link_to_the_user_instead_and_it_is_logged(
    client, town, settings, django_capture_on_commit_callbacks
):
    organisation, _approach, _officer = town
    admin = admin_of(organisation)
    user = UserFactory(email="j.jansen@example.nl")
    client.force_login(admin)

    settings.SITE_URL = "https://gezinsregie.example"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/beheer/accounts/user/", {"action": "send_password_link", "_selected_action": [user.pk]}, follow=True
        )

    assert "link om een nieuw wachtwoord te kiezen is gemaild" in response.content.decode()
    assert [m.to for m in mail.outbox] == [["j.jansen@example.nl"]]
    assert "https://gezinsregie.example/wachtwoord-herstellen/" in mail.outbox[0].body
    assert logged("user.password_link", user_id=admin.pk, object_id=str(user.pk))


def test_a_new_account_has_no_password_the_admin_knows_and_gets_a_link(
    client, town, django_capture_on_commit_callbacks
):
    organisation, _approach, _officer = town
    admin = admin_of(organisation)
    client.force_login(admin)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/beheer/accounts/user/add/",
            {"username": "nieuw", "first_name": "Nina", "last_name": "Nieuw", "email": "nina@example.nl"},
        )

    user = User.objects.get(username="nieuw")
    assert not user.is_superuser and not user.is_staff and not user.memberships.exists()
    assert [m.to for m in mail.outbox] == [["nina@example.nl"]]
    assert logged("user.create", user_id=admin.pk, object_id=str(user.pk))
    assert logged("user.password_link", user_id=admin.pk, object_id=str(user.pk))


def test_the_admin_cannot_make_anyone_a_superuser(client, town):
    organisation, _approach, _officer = town
    admin = admin_of(organisation)
    other = UserFactory()
    client.force_login(admin)

    for target in (admin, other):
        client.post(
            f"/beheer/accounts/user/{target.pk}/change/",
            {
                "username": target.username, "first_name": "X", "last_name": "Y", "email": target.email,
                "is_active": "on", "is_superuser": "on", "is_staff": "on", "memberships-TOTAL_FORMS": "0",
                "memberships-INITIAL_FORMS": "0",
            },
        )  # fmt: skip
        target.refresh_from_db()
        assert not target.is_superuser
        assert target.first_name == "X"  # the change itself went through, without the flags
    assert logged("user.change:first_name,last_name", user_id=admin.pk, object_id=str(other.pk))


def test_the_email_of_an_approver_cannot_be_redirected_by_another_admin(client, town):
    organisation, _approach, _officer = town
    admin, colleague = admin_of(organisation), admin_of(organisation)
    client.force_login(admin)

    response = client.post(
        f"/beheer/accounts/user/{colleague.pk}/change/",
        {
            "username": colleague.username, "first_name": colleague.first_name, "last_name": colleague.last_name,
            "email": "overgenomen@example.nl", "is_active": "on", "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )  # fmt: skip

    assert "wijzigt u niet hier" in response.content.decode()
    colleague.refresh_from_db()
    assert colleague.email != "overgenomen@example.nl"


def test_there_is_no_impersonation(settings):
    assert not {app for app in settings.INSTALLED_APPS if re.search(r"loginas|hijack|impersonat", app)}
    routes = {str(p.pattern) for p in get_resolver().url_patterns}
    assert not {r for r in routes if re.search(r"loginas|hijack|impersonat|login-as|inloggen-als", r)}


# --- the services ----------------------------------------------------------------------------------------------


def test_nobody_asks_for_changes_or_ends_their_own_membership(town):
    organisation, approach, _officer = town
    admin = admin_of(organisation)
    own = admin.memberships.get()

    with pytest.raises(PermissionDenied):
        memberships.membership_grant_request(
            actor=admin, user=admin, organisation=organisation, role=Role.PROCESS_MANAGER, approach=approach,
            reason="zelf",
        )  # fmt: skip
    with pytest.raises(PermissionDenied):
        memberships.membership_end(actor=admin, membership=own)
    own.refresh_from_db()
    assert own.active
    audit.flush_denials()
    assert logged("denied.membership_grant", user_id=admin.pk) and logged("denied.membership_end", user_id=admin.pk)


def test_the_grantee_cannot_approve_their_own_grant_even_as_admin(town):
    organisation, approach, _officer = town
    first, second = admin_of(organisation), admin_of(organisation)
    grant = memberships.membership_grant_request(
        actor=first, user=second, organisation=organisation, role=Role.PROCESS_MANAGER, approach=approach,
        reason="tweede rol",
    )  # fmt: skip

    with pytest.raises(PermissionDenied):
        memberships.membership_grant_approve(actor=second, grant=grant)
    with pytest.raises(PermissionDenied):
        memberships.membership_grant_approve(actor=first, grant=grant)
    assert not Membership.objects.filter(user=second, role=Role.PROCESS_MANAGER).exists()
    audit.flush_denials()  # as the middleware does when the request is done: the refusal rolled its transaction back
    assert logged("denied.membership_grant_approve", user_id=second.pk)


def test_the_privacy_officer_of_the_municipality_approves_on_their_page(client, town):
    organisation, approach, officer = town
    admin = admin_of(organisation)
    newcomer = UserFactory()
    grant = memberships.membership_grant_request(
        actor=admin, user=newcomer, organisation=organisation, role=Role.INTAKE, approach=approach, reason="intake",
    )  # fmt: skip
    client.force_login(officer)

    page = client.get("/mijn-account/toekenningen/")
    assert str(newcomer) in page.content.decode() and page["Cache-Control"] == "no-store"
    client.post(f"/mijn-account/toekenningen/{grant.pk}/", {"decision": "approve"})

    grant.refresh_from_db()
    assert grant.status == GrantStatus.APPROVED and grant.decided_by == officer
    assert Membership.objects.get(user=newcomer, role=Role.INTAKE).active
    assert logged("membership.grant_approve", user_id=officer.pk)


def test_a_privacy_officer_of_another_municipality_cannot_approve(client, town):
    organisation, approach, _officer = town
    admin = admin_of(organisation)
    stranger = UserFactory()
    MembershipFactory(user=stranger, role=Role.PRIVACY_OFFICER, organisation=OrganisationFactory(municipal=True))
    grant = memberships.membership_grant_request(
        actor=admin, user=UserFactory(), organisation=organisation, role=Role.INTAKE, approach=approach, reason="x",
    )  # fmt: skip

    with pytest.raises(PermissionDenied):
        memberships.membership_grant_approve(actor=stranger, grant=grant)
    client.force_login(stranger)
    assert client.post(f"/mijn-account/toekenningen/{grant.pk}/", {"decision": "approve"}).status_code == 404
    grant.refresh_from_db()
    assert grant.status == GrantStatus.PENDING


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.PROCESS_MANAGER, Role.PROFESSIONAL, Role.POLICY_OFFICER])
def test_other_roles_may_not_approve_or_open_the_page(client, town, role):
    organisation, approach, _officer = town
    admin = admin_of(organisation)
    someone = UserFactory()
    MembershipFactory(user=someone, role=role, organisation=organisation, approach=approach)
    grant = memberships.membership_grant_request(
        actor=admin, user=UserFactory(), organisation=organisation, role=Role.INTAKE, approach=approach, reason="x",
    )  # fmt: skip

    with pytest.raises(PermissionDenied):
        memberships.membership_grant_approve(actor=someone, grant=grant)
    client.force_login(someone)
    assert client.get("/mijn-account/toekenningen/").status_code == 403


def test_ending_a_membership_is_logged_and_told(town):
    organisation, approach, officer = town
    admin = admin_of(organisation)
    membership = MembershipFactory(role=Role.PROCESS_MANAGER, organisation=organisation, approach=approach)

    memberships.membership_end(actor=admin, membership=membership)

    membership.refresh_from_db()
    assert not membership.active
    assert logged("membership.end", user_id=admin.pk, object_id=str(membership.pk))
    assert Notification.objects.filter(user=officer, key__startswith=f"membership:{membership.pk}:ended").exists()


def test_a_refused_grant_gives_nothing_and_is_logged(town):
    organisation, _approach, officer = town
    first = admin_of(organisation)
    newcomer = UserFactory()
    grant = memberships.membership_grant_request(
        actor=first, user=newcomer, organisation=organisation, role=Role.COORDINATOR, approach=None, reason="x",
    )  # fmt: skip

    memberships.membership_grant_refuse(actor=officer, grant=grant)

    assert not Membership.objects.filter(user=newcomer).exists()
    assert logged("membership.grant_refuse", user_id=officer.pk)
    with pytest.raises(PermissionDenied):
        memberships.membership_grant_approve(actor=admin_of(organisation), grant=grant)  # decided already


def test_api_tokens_and_unlocks_are_logged(client, town):
    organisation, _approach, _officer = town
    admin = admin_of(organisation)
    koppeling = UserFactory(is_integration_account=True)
    token, _secret = services.api_token_create(actor=admin, user=koppeling, name="politie")
    services.api_token_revoke(actor=admin, token=token)
    memberships.user_unlock(actor=admin, user=koppeling)

    for action in ("api_token.create", "api_token.revoke"):
        assert logged(action, user_id=admin.pk, object_id=str(token.pk))
    assert logged("user.unlock", user_id=admin.pk, object_id=str(koppeling.pk))


def test_the_grant_rules_without_a_database():
    assert rules.grant_request_refusal(actor_id=1, user_id=1) == rules.SELF_GRANT
    assert rules.grant_request_refusal(actor_id=1, user_id=2) is None
    decide = {
        "requested_by_id": 1, "user_id": 2, "pending": True, "actor_configures": False,
        "actor_privacy_municipalities": {7}, "grant_municipality_id": 7,
    }  # fmt: skip
    assert rules.grant_decision_refusal(actor_id=3, **decide) is None
    assert rules.grant_decision_refusal(actor_id=1, **decide) == rules.OWN_DECISION
    assert rules.grant_decision_refusal(actor_id=2, **decide | {"actor_configures": True}) == rules.OWN_DECISION
    assert rules.grant_decision_refusal(actor_id=3, **decide | {"grant_municipality_id": 8}) == rules.OTHER_MUNICIPALITY
    assert rules.grant_decision_refusal(actor_id=3, **decide | {"grant_municipality_id": None}) == (
        rules.OTHER_MUNICIPALITY
    )
    assert rules.grant_decision_refusal(actor_id=3, **decide | {"pending": False}) == rules.NOT_PENDING
