"""Round tables (Casework II item 3): agreements land in the plan as actions in one new version, linked to the
meeting; the minutes reach only the attending professionals within the consent; bad input writes nothing."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from gezinsregie.notifications.models import Notification
from gezinsregie.plans import selectors, services
from gezinsregie.plans.models import Action, Meeting, OwnerKind
from gezinsregie.plans.services import AgreementInput, Owner
from tests.worlds.plans import PlanWithContent, PlanWorld


def record(planned: PlanWithContent, w: PlanWorld, **changes: object) -> Meeting:
    arguments: dict[str, object] = {
        "actor": w.coordinator,
        "plan": planned.plan,
        "expected_version": 5,
        "held_on": w.today,
        "chair": w.coordinator,
        "attendees": [w.professional],
        "members": [w.sanne],
        "network": "buurvrouw Ans",
        "minutes": "Schulden en woning besproken.",
        "agreements": [
            AgreementInput(
                planned.debts_goal,
                "Kees maakt een afspraak met de schuldhulpverlening",
                Owner(OwnerKind.PROFESSIONAL, user=w.professional, organisation=w.professional_org),
                w.today + timedelta(days=14),
            ),
            AgreementInput(
                planned.housing_goal,
                "Sanne belt de woningcorporatie",
                Owner(OwnerKind.MEMBER, member=w.sanne),
                w.today + timedelta(days=7),
            ),
        ],
    }
    arguments.update(changes)
    return services.meeting_record(**arguments)  # type: ignore[arg-type]


def test_two_agreements_become_two_actions_in_one_new_version(planned: PlanWithContent, w: PlanWorld) -> None:
    meeting = record(planned, w)
    planned.plan.refresh_from_db()
    assert planned.plan.version == 6 and meeting.plan_version == 6
    agreed = Action.objects.filter(meeting=meeting).order_by("description")
    assert [a.description for a in agreed] == [
        "Kees maakt een afspraak met de schuldhulpverlening",
        "Sanne belt de woningcorporatie",
    ]
    latest = planned.plan.versions.get(number=6)
    assert latest.summary.count("Actie toegevoegd") == 2
    assert all(
        a["meeting"] for g in latest.snapshot["goals"] for a in g["actions"] if a["id"] in {x.pk for x in agreed}
    )


def test_the_minutes_reach_only_the_attending_professionals(
    planned: PlanWithContent, w: PlanWorld, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        meeting = record(planned, w)
    told = Notification.objects.filter(key__startswith=f"meeting:{meeting.pk}:minutes")
    assert list(told.values_list("user", flat=True)) == [w.professional.pk]
    assert [m.to for m in mail.outbox] == [[w.professional.email]]
    assert "Schulden" not in mail.outbox[0].body  # the content stays behind the login


def test_an_attendee_outside_the_consent_is_refused_and_nothing_is_written(
    planned: PlanWithContent, w: PlanWorld
) -> None:
    with pytest.raises(ValidationError) as refused:
        record(planned, w, attendees=[w.professional, w.outsider])
    assert "niet: Olga Buiten" in refused.value.message_dict["attendees"][0]
    assert not Meeting.objects.exists() and Action.objects.count() == 2
    planned.plan.refresh_from_db()
    assert planned.plan.version == 5 and not mail.outbox


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"held_on": "tomorrow"}, "held_on", "deze datum ligt in de toekomst"),
        ({"held_on": "before"}, "held_on", "vóór de aanmelding van het gezin"),
        ({"minutes": " "}, "minutes", "Schrijf het verslag"),
        ({"agreements": "no_goal"}, "agreements", "Afspraak 1 hoort bij geen doel van het plan"),
    ],
)
def test_bad_meetings_are_refused_in_dutch(planned: PlanWithContent, w: PlanWorld, changes, field, message) -> None:
    values = {
        "tomorrow": w.today + timedelta(days=1),
        "before": w.family.registered_on - timedelta(days=1),
        "no_goal": [AgreementInput(None, "Iets", Owner(OwnerKind.MEMBER, member=w.sanne), w.today)],
    }
    with pytest.raises(ValidationError) as refused:
        record(planned, w, **{k: values.get(v, v) for k, v in changes.items()})  # type: ignore[arg-type]
    assert any(message in m for m in refused.value.message_dict[field])
    assert not Meeting.objects.exists()


def test_the_agenda_comes_from_the_plan(planned: PlanWithContent, w: PlanWorld) -> None:
    agenda = selectors.agenda_of(w.family, planned.plan, today=w.today)
    assert [a.description for a in agenda.overdue] == ["Betalingsregeling afspreken met de verhuurder"]
    assert "Actie over de datum: Betalingsregeling" in agenda.text


def test_the_coordinator_records_on_the_page_and_the_plan_shows_the_meeting(
    planned: PlanWithContent, w: PlanWorld
) -> None:
    client = w.client_for(w.coordinator)
    url = reverse("plans:meetings", kwargs={"family_id": w.family.pk})
    assert "Actie over de datum: Betalingsregeling" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "version": 5,
            "held_on": w.today.isoformat(),
            "chair": w.coordinator.pk,
            "attendees": [w.professional.pk],
            "minutes": "Besproken",
            "agreement_1_goal": planned.debts_goal.pk,
            "agreement_1_description": "Sanne opent alle post",
            "agreement_1_owner": f"member:{w.sanne.pk}",
            "agreement_1_due_on": (w.today + timedelta(days=3)).isoformat(),
        },
    )
    assert response.status_code == 302
    plan_page = client.get(reverse("plans:detail", kwargs={"family_id": w.family.pk})).content.decode()
    assert "Sanne opent alle post" in plan_page and "afgesproken in de rondetafel van" in plan_page
    assert w.client_for(w.professional).post(url, {"version": 6}).status_code == 404
