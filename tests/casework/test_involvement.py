"""Involvement (Casework II item 1): invite, accept or decline, end; access follows; everyone is told once."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import Role, User
from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.casework import services
from gezinsregie.casework.models import Circle, EndReason, Family, Involvement, Problem, Severity
from gezinsregie.casework.workflow import InvolvementStatus
from gezinsregie.notifications.models import Notification
from gezinsregie.notifications.services import notify
from gezinsregie.organisations.models import Organisation
from tests.factories import ConsentFactory, FamilyFactory, MembershipFactory, OrganisationFactory, UserFactory

VIEW = policy.Permission.VIEW
TODAY = timezone.localdate


@dataclass
class Scene:
    family: Family
    coordinator: User
    ggz: Organisation
    professional: User
    outsider_org: Organisation
    outsider: User
    problem: Problem


@pytest.fixture
def scene(world) -> Scene:
    """A family coordinated by the world's coordinator; its consent names GGZ, not the other partner."""
    ggz = world.professional_org
    outsider_org = OrganisationFactory(name="Woonstichting Elders")
    world.approach.partners.add(outsider_org)
    coordinator = world.user(Role.COORDINATOR)
    family = FamilyFactory(approach=world.approach, coordinator=coordinator)
    ConsentFactory(family=family, organisations=[ggz, world.coordinator_org])
    professional = UserFactory(first_name="Gina", last_name="Geerts", email="gina@ggz.example.nl")
    MembershipFactory(user=professional, organisation=ggz, role=Role.PROFESSIONAL)
    outsider = UserFactory()
    MembershipFactory(user=outsider, organisation=outsider_org, role=Role.PROFESSIONAL)
    domain = world.approach.life_domain_set.domains.first()
    problem = Problem.objects.create(
        family=family,
        domain=domain,
        description="Angstklachten bij moeder",
        severity=Severity.SEVERE,
        identified_on=TODAY() - timedelta(days=5),
        recorded_by=coordinator,
    )
    return Scene(family, coordinator, ggz, professional, outsider_org, outsider, problem)


def invite(scene: Scene, **overrides: object) -> Involvement:
    arguments: dict[str, object] = {
        "actor": scene.coordinator,
        "family": scene.family,
        "user": scene.professional,
        "organisation": scene.ggz,
        "circle": Circle.INNER,
        "problems": [scene.problem],
        "started_on": TODAY(),
    }
    arguments.update(overrides)
    return services.involvement_propose(**arguments)  # type: ignore[arg-type]


def test_an_invited_professional_sees_nothing_until_she_accepts(
    scene: Scene, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):  # the e-mail leaves when the invitation is committed
        involvement = invite(scene)

    assert involvement.status == InvolvementStatus.PROPOSED
    assert list(involvement.problems.all()) == [scene.problem]
    assert not policy.can(scene.professional, VIEW, scene.family)
    assert list(policy.invitations_for(scene.professional)) == [involvement]
    # told once, in the app and by e-mail, without what is in the file
    (notification,) = Notification.objects.filter(user=scene.professional)
    assert scene.family.reference in notification.message
    assert notification.url == reverse("casework:invitation", kwargs={"involvement_id": involvement.pk})
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["gina@ggz.example.nl"]
    assert scene.problem.description not in mail.outbox[0].body

    services.involvement_respond(actor=scene.professional, involvement=involvement, accept=True)

    involvement.refresh_from_db()
    assert (involvement.status, involvement.responded_on) == (InvolvementStatus.ACCEPTED, TODAY())
    assert policy.can(scene.professional, VIEW, scene.family)
    assert not policy.can(scene.professional, policy.Permission.EDIT, scene.family)
    assert Notification.objects.filter(user=scene.coordinator, message__contains="aangenomen").count() == 1
    actions = set(AccessLogEntry.objects.filter(family_id=scene.family.pk).values_list("action", flat=True))
    assert {"involvement.propose", "involvement.accept"} <= actions


def test_an_organisation_outside_the_consent_cannot_be_invited(scene: Scene) -> None:
    with pytest.raises(ValidationError) as refused:
        invite(scene, user=scene.outsider, organisation=scene.outsider_org)

    assert refused.value.message_dict["organisation"] == [
        "Woonstichting Elders staat niet in een geldige toestemmingsverklaring van het gezin. Vraag het gezin "
        "eerst om toestemming om informatie met deze organisatie te delen."
    ]
    assert not Involvement.objects.filter(family=scene.family).exists()
    assert not Notification.objects.exists() and not mail.outbox


def test_a_withdrawn_consent_closes_the_door_to_new_invitations(scene: Scene) -> None:
    scene.family.consents.update(withdrawn_on=TODAY())
    with pytest.raises(ValidationError, match="staat niet in een geldige toestemmingsverklaring"):
        invite(scene)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"organisation": "stranger"}, "organisation", "is geen netwerkpartner van deze aanpak"),
        ({"user": "colleague_elsewhere"}, "user", "is geen professional van"),
        ({"started_on": "far"}, "started_on", "meer dan 90 dagen vooruit"),
        ({"started_on": "before"}, "started_on", "vóór de aanmelding"),
        ({"problems": "other_family"}, "problems", "Kies alleen problemen van dit gezin."),
    ],
)
def test_bad_invitations_are_refused_in_dutch_and_write_nothing(
    scene: Scene, world, overrides: dict[str, str], field: str, message: str
) -> None:
    values = {
        "stranger": OrganisationFactory(),
        "colleague_elsewhere": scene.outsider,
        "far": TODAY() + timedelta(days=91),
        "before": scene.family.registered_on - timedelta(days=1),
    }
    if "problems" in overrides:
        other = Problem.objects.create(
            family=world.family("consented"),
            domain=scene.problem.domain,
            description="Iets anders",
            severity=Severity.MILD,
            identified_on=TODAY(),
            recorded_by=scene.coordinator,
        )
        values["other_family"] = [other]  # type: ignore[assignment]
    with pytest.raises(ValidationError) as refused:
        invite(scene, **{key: values[value] for key, value in overrides.items()})
    assert any(message in m for m in refused.value.message_dict[field])
    assert not Involvement.objects.filter(family=scene.family).exists()


def test_the_same_professional_is_not_invited_twice(scene: Scene) -> None:
    invite(scene)
    with pytest.raises(ValidationError, match="al uitgenodigd of betrokken"):
        invite(scene)


def test_only_someone_who_steers_the_family_may_invite(scene: Scene, world) -> None:
    with pytest.raises(PermissionDenied):
        invite(scene, actor=world.user(Role.PROFESSIONAL))


def test_declining_needs_a_reason_that_the_coordinator_reads(scene: Scene) -> None:
    involvement = invite(scene)
    with pytest.raises(ValidationError) as refused:
        services.involvement_respond(actor=scene.professional, involvement=involvement, accept=False, reason=" ")
    assert refused.value.message_dict == {"reason": ["Geef de reden waarom u niet betrokken kunt worden."]}
    involvement.refresh_from_db()
    assert involvement.status == InvolvementStatus.PROPOSED

    services.involvement_respond(
        actor=scene.professional, involvement=involvement, accept=False, reason="Wachtlijst tot maart"
    )
    involvement.refresh_from_db()
    assert (involvement.status, involvement.decline_reason) == (InvolvementStatus.DECLINED, "Wachtlijst tot maart")
    assert not policy.can(scene.professional, VIEW, scene.family)
    assert Notification.objects.get(user=scene.coordinator).message.endswith(
        "kan niet betrokken worden: Wachtlijst tot maart (gezin " + scene.family.reference + ")."
    )


def test_nobody_answers_someone_elses_invitation(scene: Scene, world) -> None:
    involvement = invite(scene)
    for other in (world.user(Role.PROFESSIONAL), scene.coordinator, scene.outsider):
        with pytest.raises(PermissionDenied):
            services.involvement_respond(actor=other, involvement=involvement, accept=True)
    involvement.refresh_from_db()
    assert involvement.status == InvolvementStatus.PROPOSED


def test_an_answered_invitation_cannot_be_answered_again(scene: Scene) -> None:
    involvement = invite(scene)
    services.involvement_respond(actor=scene.professional, involvement=involvement, accept=True)
    with pytest.raises(PermissionDenied):  # no longer an open invitation of hers
        services.involvement_respond(actor=scene.professional, involvement=involvement, accept=False, reason="x")


def test_ending_an_involvement_ends_the_access_and_tells_the_professional(scene: Scene) -> None:
    involvement = invite(scene, started_on=TODAY())
    services.involvement_respond(actor=scene.professional, involvement=involvement, accept=True)
    assert policy.can(scene.professional, VIEW, scene.family)

    with pytest.raises(ValidationError) as refused:
        services.involvement_end(actor=scene.coordinator, involvement=involvement, ended_on=TODAY(), reason="")
    assert refused.value.message_dict == {"end_reason": ["Kies de reden van beëindigen."]}

    services.involvement_end(
        actor=scene.coordinator, involvement=involvement, ended_on=TODAY(), reason=EndReason.SOLVED, note="Rustig"
    )
    involvement.refresh_from_db()
    assert (involvement.status, involvement.end_reason, involvement.ended_on) == (
        InvolvementStatus.ENDED,
        EndReason.SOLVED,
        TODAY(),
    )
    assert not policy.can(scene.professional, VIEW, scene.family)
    assert Notification.objects.filter(user=scene.professional, message__contains="beëindigd").count() == 1
    with pytest.raises(ValidationError, match="kan niet worden beëindigd"):
        services.involvement_end(
            actor=scene.coordinator, involvement=involvement, ended_on=TODAY(), reason=EndReason.OTHER
        )


def test_a_withdrawn_invitation_never_gave_access(scene: Scene) -> None:
    involvement = invite(scene, started_on=TODAY() + timedelta(days=10))
    services.involvement_end(actor=scene.coordinator, involvement=involvement, ended_on=TODAY(), reason=EndReason.OTHER)
    involvement.refresh_from_db()
    assert involvement.status == InvolvementStatus.ENDED and involvement.started_on == TODAY()
    assert not policy.invitations_for(scene.professional).exists()


def test_the_same_event_notifies_once(scene: Scene, django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        first = notify(user=scene.professional, key="test:1", message="Er is iets te doen.")
        again = notify(user=scene.professional, key="test:1", message="Er is iets te doen.")
    assert first is not None and again is None
    assert Notification.objects.filter(key="test:1").count() == 1
    assert len(mail.outbox) == 1 and mail.outbox[0].subject == "Gezinsregie: Er is iets te doen."


def test_no_e_mail_leaves_for_work_that_was_not_committed(scene: Scene, django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=False) as waiting:
        notify(user=scene.professional, key="test:2", message="Er is iets te doen.")
    assert not mail.outbox and len(waiting) == 1  # only on commit; a rolled-back write never runs it


def test_an_e_mail_the_mail_server_refused_is_sent_by_the_next_check(
    scene: Scene, django_capture_on_commit_callbacks, monkeypatch
) -> None:
    from gezinsregie.accounts.system import SystemPurpose, system_actor
    from gezinsregie.notifications import services as notifications

    def refuse(*args: object, **kwargs: object) -> None:
        raise ConnectionRefusedError("smtp down")

    monkeypatch.setattr(notifications, "send_mail", refuse)
    with django_capture_on_commit_callbacks(execute=True):
        notify(user=scene.professional, key="test:3", message="Er is iets te doen.")
    assert not mail.outbox and not Notification.objects.get(key="test:3").emailed
    monkeypatch.undo()
    system = system_actor(SystemPurpose.BACKGROUND_TASKS)
    assert notifications.notifications_email_pending(actor=system) == 1
    assert notifications.notifications_email_pending(actor=system) == 0  # sent once
    assert len(mail.outbox) == 1 and Notification.objects.get(key="test:3").emailed


# --- the screens -----------------------------------------------------------------------------------------


def test_the_coordinator_invites_on_the_involvement_page(scene: Scene, login) -> None:
    client = login(scene.coordinator)
    url = reverse("casework:involvements", kwargs={"family_id": scene.family.pk})
    page = client.get(url)
    assert page.status_code == 200
    assert "Gina Geerts" in page.content.decode() and "Woonstichting Elders" not in page.content.decode()

    response = client.post(
        url,
        {
            "uitnodigen": "1",
            "professional": f"{scene.professional.pk}:{scene.ggz.pk}",
            "circle": Circle.OUTER,
            "problems": [scene.problem.pk],
            "started_on": TODAY().isoformat(),
        },
    )
    assert response.status_code == 302
    involvement = Involvement.objects.get(family=scene.family, user=scene.professional)
    assert involvement.circle == Circle.OUTER and involvement.status == InvolvementStatus.PROPOSED


def test_a_professional_may_not_open_the_involvement_page(scene: Scene, login, world) -> None:
    url = reverse("casework:involvements", kwargs={"family_id": world.family("consented").pk})
    assert login(world.user(Role.PROFESSIONAL)).get(url).status_code == 404


def test_the_professional_answers_from_her_start_page(scene: Scene, login) -> None:
    involvement = invite(scene)
    client = login(scene.professional)
    start = client.get(reverse("web:start")).content.decode()
    link = reverse("casework:invitation", kwargs={"involvement_id": involvement.pk})
    assert link in start and scene.family.reference in start

    refused = client.post(link, {"accept": "nee", "reason": ""})
    assert refused.status_code == 200
    assert "Geef de reden waarom u niet betrokken kunt worden." in refused.content.decode()

    accepted = client.post(link, {"accept": "ja"})
    assert accepted.status_code == 302
    assert accepted["Location"] == reverse("web:family", kwargs={"family_id": scene.family.pk})
    assert client.get(accepted["Location"]).status_code == 200
    assert client.get(link).status_code == 404  # answered: no longer an invitation


def test_someone_elses_invitation_answers_404(scene: Scene, login, world) -> None:
    involvement = invite(scene)
    link = reverse("casework:invitation", kwargs={"involvement_id": involvement.pk})
    assert login(world.user(Role.PROFESSIONAL)).get(link).status_code == 404
