"""The owner of an action reports its progress (Casework II item 1): done with a note, or why it cannot be done."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from gezinsregie.notifications.models import Notification
from gezinsregie.plans import services
from gezinsregie.plans.models import Action, ActionStatus, PlanVersion
from tests.worlds.plans import PlanWithContent, PlanWorld


def professional_action(planned: PlanWithContent) -> Action:
    return Action.objects.select_related("goal__plan__family").get(goal=planned.housing_goal)


def test_the_owner_reports_done_and_the_plan_gets_a_version(planned: PlanWithContent, w: PlanWorld) -> None:
    action = professional_action(planned)

    services.plan_report_progress(actor=w.professional, action=action, done=True, note="Regeling getekend")

    action.refresh_from_db()
    assert (action.status, action.done_on, action.status_note) == (ActionStatus.DONE, w.today, "Regeling getekend")
    planned.plan.refresh_from_db()
    assert planned.plan.version == 6
    latest = PlanVersion.objects.get(plan=planned.plan, number=6)
    assert "status: open → gedaan" in latest.summary and latest.changed_by == w.professional
    assert Notification.objects.filter(user=w.coordinator, message__contains="is gedaan").count() == 1


def test_not_possible_needs_the_reason_the_coordinator_reads(planned: PlanWithContent, w: PlanWorld) -> None:
    action = professional_action(planned)
    with pytest.raises(ValidationError) as refused:
        services.plan_report_progress(actor=w.professional, action=action, done=False, note="")
    assert refused.value.message_dict == {
        "status_note": ["Schrijf op waarom de actie niet kan: de regisseur leest het."]
    }
    planned.plan.refresh_from_db()
    assert planned.plan.version == 5

    services.plan_report_progress(actor=w.professional, action=action, done=False, note="Verhuurder weigert")
    action.refresh_from_db()
    assert (action.status, action.done_on) == (ActionStatus.NOT_POSSIBLE, None)
    assert Notification.objects.get(user=w.coordinator).message.startswith(
        "Actie ‘Betalingsregeling afspreken met de verhuurder’ van Kees Jansen kan niet: Verhuurder weigert"
    )


def test_only_the_owner_reports(planned: PlanWithContent, w: PlanWorld) -> None:
    action = professional_action(planned)
    for other in (w.outsider, w.stranger, w.coordinator):  # the coordinator edits the action instead
        with pytest.raises(PermissionDenied):
            services.plan_report_progress(actor=other, action=action, done=True, note="")
    member_action = Action.objects.get(goal=planned.debts_goal)
    with pytest.raises(PermissionDenied):
        services.plan_report_progress(actor=w.professional, action=member_action, done=True, note="")


def test_a_finished_action_is_not_reported_again(planned: PlanWithContent, w: PlanWorld) -> None:
    action = professional_action(planned)
    services.plan_report_progress(actor=w.professional, action=action, done=True, note="")
    with pytest.raises(ValidationError, match="staat niet meer open"):
        services.plan_report_progress(actor=w.professional, action=action, done=False, note="toch niet")


def test_the_owner_reports_on_the_progress_page(planned: PlanWithContent, w: PlanWorld) -> None:
    action = professional_action(planned)
    client = w.client_for(w.professional)
    plan_page = client.get(reverse("plans:detail", kwargs={"family_id": w.family.pk})).content.decode()
    url = reverse("plans:action_progress", kwargs={"family_id": w.family.pk, "action_id": action.pk})
    assert url in plan_page
    assert url in client.get(reverse("web:start")).content.decode()  # "Mijn acties"

    refused = client.post(url, {"done": "nee", "note": ""})
    assert refused.status_code == 200
    assert "Schrijf op waarom de actie niet kan" in refused.content.decode()

    response = client.post(url, {"done": "ja", "note": "Klaar"})
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE
    assert "Klaar" in client.get(reverse("plans:detail", kwargs={"family_id": w.family.pk})).content.decode()


def test_the_progress_page_is_404_for_anyone_but_the_owner(planned: PlanWithContent, w: PlanWorld) -> None:
    action = professional_action(planned)
    url = reverse("plans:action_progress", kwargs={"family_id": w.family.pk, "action_id": action.pk})
    for other in (w.outsider, w.stranger, w.coordinator):
        assert w.client_for(other).get(url).status_code == 404
