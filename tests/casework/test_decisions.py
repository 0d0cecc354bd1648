"""Doorzettingsmacht (Casework II item 6): a binding decision, acknowledged or refused; silence escalates."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from gezinsregie.accounts.models import Role
from gezinsregie.casework import services, tasks
from gezinsregie.casework.models import BindingDecision, DecisionKind, Escalation, Stagnation
from gezinsregie.casework.services.decision import NO_AUTHORITY
from gezinsregie.notifications.models import Notification


@pytest.fixture
def granted(world):
    world.approach.grants_binding_authority = True
    world.approach.save()
    return world


def take(world, family_name: str = "consented", **kwargs) -> BindingDecision:
    arguments = {
        "actor": world.user(Role.PROCESS_MANAGER),
        "family": world.family(family_name),
        "organisation": world.professional_org,
        "kind": DecisionKind.PRIORITY,
        "reason": "Het gezin wacht al zes weken; GGZ geeft voorrang.",
        "decided_on": timezone.localdate(),
    }
    arguments.update(kwargs)
    return services.binding_decision_take(**arguments)


def test_without_authority_the_screen_and_the_service_point_to_escalation(world, login) -> None:
    with pytest.raises(ValidationError) as refused:
        take(world)
    assert refused.value.messages == [NO_AUTHORITY]
    assert not BindingDecision.objects.exists()
    page = login(world.user(Role.PROCESS_MANAGER)).get(
        reverse("casework:decisions", kwargs={"family_id": world.family("consented").pk})
    )
    assert "geen doorzettingsmacht" in page.content.decode() and "Besluit nemen" not in page.content.decode()


def test_the_bound_organisation_is_told_and_acknowledges(granted) -> None:
    decision = take(granted)
    professional = granted.user(Role.PROFESSIONAL)  # involved in "consented", within its consent
    assert Notification.objects.filter(user=professional, message__contains="bindt").count() == 1
    services.binding_decision_answer(actor=professional, decision=decision, acknowledge=True)
    decision.refresh_from_db()
    assert (decision.acknowledged_on, decision.acknowledged_by) == (timezone.localdate(), professional)
    with pytest.raises(ValidationError, match="al gereageerd"):
        services.binding_decision_answer(actor=professional, decision=decision, acknowledge=False, reason="x")


def test_a_refusal_needs_a_reason_and_opens_an_escalation(granted) -> None:
    decision = take(granted)
    professional = granted.user(Role.PROFESSIONAL)
    with pytest.raises(ValidationError, match="Waarom weigert uw organisatie"):
        services.binding_decision_answer(actor=professional, decision=decision, acknowledge=False, reason="")
    services.binding_decision_answer(actor=professional, decision=decision, acknowledge=False, reason="Geen plek")
    decision.refresh_from_db()
    assert decision.escalation is not None
    assert (decision.escalation.stagnation, decision.escalation.step) == (Stagnation.DISAGREEMENT, 0)
    assert "Geen plek" in decision.escalation.description


def test_only_the_bound_organisation_answers(granted) -> None:
    decision = take(granted)
    for other in (granted.user(Role.COORDINATOR), granted.others["other_professional"], granted.user(Role.INSPECTOR)):
        with pytest.raises(PermissionDenied):
            services.binding_decision_answer(actor=other, decision=decision, acknowledge=True)


def test_bad_decisions_are_refused_in_dutch(granted) -> None:
    with pytest.raises(ValidationError) as refused:
        take(granted, reason=" ", decided_on=timezone.localdate() + timedelta(days=1))
    assert refused.value.message_dict == {
        "reason": ["Motiveer het besluit: de netwerkpartner moet weten waarom."],
        "decided_on": ["Kies een datum tussen de aanmelding van het gezin en vandaag."],
    }


def test_no_answer_by_the_deadline_escalates_once(granted) -> None:
    family = granted.family("consented")
    day = family.registered_on + timedelta(days=40)
    start = datetime(day.year, day.month, day.day, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
    with time_machine.travel(start, tick=False):
        decision = take(granted, decided_on=day)
    with time_machine.travel(start + timedelta(days=5), tick=False):
        assert tasks.checks()["decisions_escalated"] == 0  # the last day to answer
    with time_machine.travel(start + timedelta(days=6), tick=False):
        assert tasks.checks()["decisions_escalated"] == 1
        assert tasks.checks()["decisions_escalated"] == 0
    decision.refresh_from_db()
    assert decision.escalation is not None and decision.escalation.opened_on == day + timedelta(days=6)
    assert Escalation.objects.count() == 1


def test_the_professional_answers_on_the_page(granted, login) -> None:
    decision = take(granted)
    client = login(granted.user(Role.PROFESSIONAL))
    url = reverse("casework:decisions", kwargs={"family_id": granted.family("consented").pk})
    assert "Reactie versturen" in client.get(url).content.decode()
    response = client.post(url, {"reageren": "1", "besluit": decision.pk, "acknowledge": "ja"})
    assert response.status_code == 302
    decision.refresh_from_db()
    assert decision.acknowledged_on is not None
