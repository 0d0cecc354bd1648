"""The trajectory pages: what a coordinator, a watcher, a process manager and a partner do there."""

from datetime import timedelta

import pytest
from django.urls import reverse

from gezinsregie.casework.models import (
    Episode,
    FamilyStatus,
    Measure,
    MeasureKind,
    OwnStrength,
    ScoreMoment,
    SelfSufficiencyScore,
)
from gezinsregie.casework.services import scores_record
from gezinsregie.casework.workflow import ClosureReason
from gezinsregie.frameworks.models import LifeDomain
from gezinsregie.trajectory.models import Aftercare, CheckIn, Evaluation, EvaluationKind
from tests.trajectory.helpers import close, final_evaluation, today

pytestmark = pytest.mark.django_db


def url(name: str, w) -> str:
    return reverse(f"trajectory:{name}", kwargs={"family_id": w.family.pk})


def test_a_stranger_finds_no_trajectory(w) -> None:
    for name in ("overview", "evaluate", "close", "measures"):
        assert w.client_for(w.stranger).get(url(name, w)).status_code == 404


def test_a_professional_reads_the_trajectory_but_does_not_close(w, planned) -> None:
    client = w.client_for(w.professional)
    assert client.get(url("overview", w)).status_code == 200
    assert client.get(url("close", w)).status_code == 404


def test_the_coordinator_evaluates_with_the_family_on_the_page(w, planned) -> None:
    client = w.client_for(w.coordinator)
    w.housing.own_strength = OwnStrength.WITH_SUPPORT
    w.housing.save()
    page = client.get(url("evaluate", w)).content.decode()
    assert "Doel: Het gezin kan in het huis blijven wonen" in page
    # eigen kracht counted beside the evaluation: the housing problem with support, the other two not examined
    assert "het gezin lost het op met steun: 1" in page and "nog niet met het gezin bekeken: 2" in page

    refused = client.post(url("evaluate", w), {"kind": "periodic", "held_on": today(), "with_family": "on"})
    assert "in zijn eigen woorden" in refused.content.decode()
    assert not Evaluation.objects.exists()

    data = {
        "kind": "periodic",
        "held_on": today(),
        "with_family": "on",
        "family_view": "Het gaat beter met de schulden.",
        f"goal_{planned.debts_goal.pk}": "partly",
    }
    assert client.post(url("evaluate", w), data).status_code == 302
    evaluation = Evaluation.objects.get()
    assert evaluation.kind == EvaluationKind.PERIODIC and evaluation.goals.get().result == "partly"
    overview = client.get(url("overview", w)).content.decode()
    assert "Het gaat beter met de schulden." in overview and "deels bereikt" in overview


def test_the_coordinator_closes_on_the_page_and_a_refusal_keeps_what_was_typed(w, planned) -> None:
    final_evaluation(w)
    client = w.client_for(w.coordinator)
    data = {
        "closed_on": today(),
        "reason": ClosureReason.GOALS_REACHED,
        "need_1": "Budgetbegeleiding",
        "provider_1": "Schuldhulp",
        "agreed_1": "Elke maand een gesprek",
        "with_aftercare": "1",
        "watcher": w.professional.pk,
        "signals": "",
        "whom_to_call": "Procesmanager",
        "first_on": today() + timedelta(days=30),
        "monthly": 3,
        "quarterly": 1,
    }
    refused = client.post(url("close", w), data).content.decode()
    assert "welke signalen" in refused and "Budgetbegeleiding" in refused
    assert not Aftercare.objects.exists()

    assert client.post(url("close", w), data | {"signals": "Huurachterstand"}).status_code == 302
    w.family.refresh_from_db()
    assert w.family.status == FamilyStatus.AFTERCARE
    assert CheckIn.objects.filter(family=w.family).count() == 4


def test_the_watcher_records_a_checkin_on_the_overview(w, planned) -> None:
    final_evaluation(w)
    close(w)
    client = w.client_for(w.professional)
    page = client.get(url("overview", w)).content.decode()
    assert "Nazorgcontact van" in page
    data = {"formulier": "nazorgcontact", "held_on": today(), "reached": "1", "how_it_goes": "Rustig."}
    assert client.post(url("overview", w), data).status_code == 302
    assert CheckIn.objects.filter(family=w.family, held_on=today(), reached=True).count() == 1


def test_the_process_manager_records_the_exit_decision_naming_the_measures(w, planned) -> None:
    client = w.client_for(w.coordinator)
    data = {
        "formulier": "maatregel",
        "maatregel-kind": MeasureKind.BENEFIT,
        "maatregel-considered_on": today(),
        "maatregel-decision": "pending",
    }
    assert client.post(url("measures", w), data).status_code == 302
    measure = Measure.objects.get()
    # the coordinator may not take the process manager's decision
    decision = {
        "formulier": "besluit",
        "besluit-decided_on": today(),
        "besluit-reason": "Weigert",
        "besluit-measures": [measure.pk],
    }
    assert client.post(url("measures", w), decision).status_code == 404
    assert w.client_for(w.process_manager).post(url("measures", w), decision).status_code == 302
    assert "Besluit uitstroom zonder medewerking" in client.get(url("measures", w)).content.decode()


def test_a_partner_signals_and_learns_nothing_about_the_family(w, planned) -> None:
    final_evaluation(w)
    close(w)
    client = w.client_for(w.outsider)
    data = {
        "reference": w.family.reference,
        "family_name": w.family.name,
        "description": "Huurachterstand.",
    }
    response = client.post(reverse("trajectory_signal:signal"), data, follow=True)
    assert "Het signaal is doorgegeven" in response.content.decode()
    assert w.family.reference not in response.content.decode()
    assert Episode.objects.filter(family=w.family).count() == 2

    wrong = client.post(reverse("trajectory_signal:signal"), data | {"family_name": "Pietersen"}, follow=True)
    assert "Het signaal is doorgegeven" in wrong.content.decode()  # the same answer: no oracle for references


def test_the_evaluation_form_starts_from_the_stored_scores_so_one_change_keeps_the_others(w, planned) -> None:
    wonen, financien, gezondheid = LifeDomain.objects.filter(domain_set=w.approach.life_domain_set).order_by("order")
    scores_record(
        actor=w.coordinator,
        family=w.family,
        scores={wonen: 2, financien: 1, gezondheid: 3},
        scored_on=today() - timedelta(days=20),
    )
    scores_record(  # a later score for one domain is the one the form starts from
        actor=w.coordinator,
        family=w.family,
        scores={financien: 2},
        moment=ScoreMoment.EVALUATION,
        scored_on=today() - timedelta(days=5),
    )
    client = w.client_for(w.coordinator)
    page = client.get(url("evaluate", w))
    form = page.context["form"]
    assert [form[f"score_{d.pk}"].value() for d in (wonen, financien, gezondheid)] == [2, 2, 3]
    html = page.content.decode()
    for domain, value in ((wonen, 2), (financien, 2), (gezondheid, 3)):
        select = html.split(f'name="score_{domain.pk}"')[1].split("</select>")[0]
        assert f'<option value="{value}" selected>' in select

    # the coordinator changes only Wonen and sends what the page shows: the other two are scored again as they were
    data = {
        "kind": "periodic",
        "held_on": today(),
        "with_family": "on",
        "family_view": "Het huis is nu zeker.",
        f"goal_{planned.debts_goal.pk}": "partly",
        f"score_{wonen.pk}": "4",
        f"score_{financien.pk}": "2",
        f"score_{gezondheid.pk}": "3",
    }
    assert client.post(url("evaluate", w), data).status_code == 302
    today_scores = SelfSufficiencyScore.objects.filter(family=w.family, scored_on=today(), member__isnull=True)
    assert dict(today_scores.values_list("domain__name", "score")) == {"Wonen": 4, "Financiën": 2, "Gezondheid": 3}
    again = client.get(url("evaluate", w)).context["form"]
    assert [again[f"score_{d.pk}"].value() for d in (wonen, financien, gezondheid)] == [4, 2, 3]
