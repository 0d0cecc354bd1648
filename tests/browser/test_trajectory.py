"""After the plan (Casework III and drang en dwang): map the network, evaluate with the family, close with a
reason and a handover, plan the aftercare, a missed check-in alerts, a partner's signal brings the family back
with a second episode of its own; and a family that stopped cooperating leaves only by the process manager."""

import re
from collections.abc import Callable
from datetime import datetime, time, timedelta
from typing import Any

import pytest
import time_machine
from django.db.models import Exists, OuterRef
from django.utils import timezone
from playwright.sync_api import Page, expect

from gezinsregie.casework import selectors as casework_selectors
from gezinsregie.casework import tasks
from gezinsregie.casework.models import Escalation, Family, FamilyStatus, NonCooperationDecision, Stagnation
from gezinsregie.notifications.models import Notification
from gezinsregie.trajectory.models import CheckIn, Evaluation

pytestmark = pytest.mark.browser


def logout(page: Page) -> None:
    page.get_by_role("button", name="Uitloggen").click()


def a_family_ready_to_close() -> Family:
    """Coordinated by 'regisseur', active, with plan goals, not marked as not cooperating."""
    stuck = Escalation.objects.filter(family=OuterRef("pk"), stagnation=Stagnation.NOT_COOPERATING)
    family = (
        Family.objects.filter(coordinator__username="regisseur", status=FamilyStatus.ACTIVE, plan__goals__isnull=False)
        .exclude(Exists(stuck))
        .distinct()
        .order_by("reference")
        .first()
    )
    assert family is not None, "the demo has such a family"
    return family


def test_from_network_to_closure_aftercare_and_back_in_by_a_signal(
    login: Callable[[str], Page], live_server: Any
) -> None:
    family = a_family_ready_to_close()
    today = timezone.localdate()

    # 1. The coordinator maps the network: grandmother supportive (eyes and ears), a neighbour straining.
    page = login("regisseur")
    page.goto(f"{live_server.url}/gezinnen/{family.pk}/")
    page.get_by_role("link", name="Sociaal netwerk").click()
    for name, tie, influence in [("Oma Truus", "familie", "steunend"), ("Buurman Kees", "buren", "belastend")]:
        page.get_by_label("Naam", exact=True).fill(name)
        page.get_by_label("Soort relatie").select_option(label=tie)
        page.get_by_label(influence, exact=True).check()
        if name == "Oma Truus":
            page.get_by_label("Ogen en oren na de afsluiting").check()
        page.get_by_role("button", name="Toevoegen aan het netwerk").click()
        expect(page.locator("main")).to_contain_text(name)
    expect(page.locator("main svg").first).to_contain_text("Oma Truus")

    # 2. The final evaluation with the family: every goal reached, self-sufficiency scored again.
    page.goto(f"{live_server.url}/gezinnen/{family.pk}/")
    page.get_by_role("link", name="Traject en nazorg").click()
    page.get_by_role("link", name="Eindevaluatie").click()
    page.get_by_label("Het gezin was bij de evaluatie").check()
    page.get_by_label("Wat het gezin zelf zegt").fill("We redden het nu zelf; oma komt elke week.")
    for select in page.get_by_label(re.compile("^Doel: ")).all():
        select.select_option(label="bereikt")
    for select in page.get_by_label(re.compile("^Zelfredzaamheid ")).all():
        select.select_option("4")
    page.get_by_role("button", name="Evaluatie vastleggen").click()
    expect(page.get_by_role("status").first).to_contain_text("De evaluatie is vastgelegd")
    expect(page.locator("main")).to_contain_text("We redden het nu zelf; oma komt elke week.")
    scores = page.get_by_role("table", name="Scores zelfredzaamheid")
    expect(scores).to_contain_text("Einde")
    expect(scores.locator("tbody tr").first).to_contain_text("4")  # end score beside the start score

    # 3. Closure with a reason and a handover; aftercare by the coordinator, monthly three times then a quarter.
    page.get_by_role("link", name="Afsluiten").click()
    page.get_by_label("doelen bereikt").check()
    page.get_by_label("Overdracht 1: wat is nog nodig").fill("Budgetbegeleiding")
    page.get_by_label("Overdracht 1: wie biedt het").fill("Schuldhulp Zeldenbroek")
    page.get_by_label("Overdracht 1: wat is afgesproken").fill("Eens per maand een gesprek")
    page.get_by_label("Professional die de vinger aan de pols houdt").select_option(label="Fleur Jansen")
    page.get_by_label("Signalen die het gezin terugbrengen").fill("Huurachterstand, schoolverzuim")
    page.get_by_label("Wie bellen bij een signaal").fill("Procesmanager, 14 0123")
    first = today + timedelta(days=30)
    page.get_by_label("Eerste nazorgcontact op").fill(first.isoformat())
    page.get_by_role("button", name="Afsluiten").click()
    expect(page.get_by_role("status").first).to_contain_text("Het traject is afgesloten")
    expect(page.get_by_role("table", name="Nazorgcontacten").locator("tbody tr")).to_have_count(4)
    family.refresh_from_db()
    assert family.status == FamilyStatus.AFTERCARE and family.closed_on == today

    # 4. Nobody records the first check-in: the day after, the periodic check alerts the watcher, once.
    checkin = CheckIn.objects.filter(family=family).order_by("due_on").first()
    with time_machine.travel(timezone.make_aware(datetime.combine(first + timedelta(days=1), time(7))), tick=False):
        tasks.checks()  # (other demo families' check-ins fall due by then too)
        assert tasks.checks()["checkin_alerts"] == 0  # run twice: nothing sent twice
    assert (
        Notification.objects.filter(key__startswith=f"checkin:{checkin.pk}:", user__username="regisseur").count() == 1
    )
    page.get_by_role("link", name=re.compile("Meldingen")).click()
    expect(page.locator("main")).to_contain_text(f"Het nazorgcontact met gezin {family.reference}")
    logout(page)

    # 5. A partner signals trouble: the police officer's colleague at GGZ knows the reference and the name.
    page = login("professional")
    page.get_by_role("link", name="Signaal afgeven").click()
    page.get_by_label("Kenmerk van het gezin").fill(family.reference)
    page.get_by_label("Gezinsnaam").fill(family.name)
    page.get_by_label("Wat is er aan de hand?").fill("Moeder belt: de huur is drie maanden niet betaald.")
    page.get_by_role("button", name="Signaal afgeven").click()
    expect(page.get_by_role("status").first).to_contain_text("Het signaal is doorgegeven")
    logout(page)

    # 6. The family is back in triage with its history and a second episode whose dates are its own.
    page = login("procesmanager")
    page.goto(f"{live_server.url}/gezinnen/{family.pk}/traject/")
    episodes = page.get_by_role("table", name="De trajecten van dit gezin, elk met eigen data")
    expect(episodes.locator("tbody tr")).to_have_count(2)
    expect(episodes.locator("tbody tr").nth(1)).to_contain_text("signaal")
    family.refresh_from_db()
    assert family.status == FamilyStatus.TRIAGE and family.registered_on == today and family.started_on is None
    first_episode = family.episodes.get(number=1)
    assert first_episode.closed_on == today and first_episode.started_on is not None
    assert Evaluation.objects.filter(episode=first_episode).exists()  # the history stays with its episode
    assert CheckIn.objects.filter(family=family).count() == 4


def test_a_family_that_stopped_cooperating_leaves_only_by_the_process_managers_decision(
    login: Callable[[str], Page], live_server: Any
) -> None:
    decided = NonCooperationDecision.objects.filter(family=OuterRef("pk"))
    family = (
        Family.objects.filter(escalations__stagnation=Stagnation.NOT_COOPERATING, escalations__closed_on__isnull=True)
        .exclude(Exists(decided))
        .distinct()
        .first()
    )
    assert family is not None and family.coordinator and family.process_manager, "the demo has such a family"
    final = {"held_on": timezone.localdate(), "with_family": False, "family_view": ""}
    from gezinsregie.trajectory import services

    services.evaluation_record(
        actor=family.coordinator,
        family=family,
        kind="final",
        goal_results=[
            services.GoalResultInput(goal=g, result="not_reached") for g in family.plan.goals.exclude(status="dropped")
        ],
        scores={s.domain: s.score for s in family.scores.filter(moment="intake")},
        **final,
    )

    # 1. The coordinator cannot close it: not as "moved away", not as "stopped cooperating" without the decision.
    page = login(family.coordinator.username)
    page.goto(f"{live_server.url}/gezinnen/{family.pk}/traject/afsluiten/")
    page.get_by_label("gezin werkt niet meer mee").check()
    page.get_by_label("Er is geen verdere zorg of ondersteuning nodig").check()
    page.get_by_label("Nee: ik zie met een reden af van nazorg").check()
    page.get_by_label("Reden om af te zien van nazorg").fill("Het gezin wil geen contact.")
    page.get_by_role("button", name="Afsluiten").click()
    expect(page.locator("main")).to_contain_text("gemotiveerd besluit van de procesmanager")
    family.refresh_from_db()
    assert family.status == FamilyStatus.ACTIVE
    logout(page)

    # 2. The process manager decides, naming the measures that were considered.
    page = login(family.process_manager.username)
    page.goto(f"{live_server.url}/gezinnen/{family.pk}/traject/drang-en-dwang/")
    decision = page.locator("form", has=page.get_by_role("button", name="Besluit vastleggen"))
    decision.get_by_label("Motivering").fill("Alle drang is ingezet; dwang is niet aan de orde.")
    for box in decision.get_by_role("checkbox").all():
        box.check()
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_role("status").first).to_contain_text("Het besluit is vastgelegd")
    logout(page)

    # 3. Now the coordinator closes it, with that reason.
    page = login(family.coordinator.username)
    page.goto(f"{live_server.url}/gezinnen/{family.pk}/traject/afsluiten/")
    page.get_by_label("gezin werkt niet meer mee").check()
    page.get_by_label("Er is geen verdere zorg of ondersteuning nodig").check()
    page.get_by_label("Nee: ik zie met een reden af van nazorg").check()
    page.get_by_label("Reden om af te zien van nazorg").fill("Het gezin wil geen contact.")
    page.get_by_role("button", name="Afsluiten").click()
    expect(page.get_by_role("status").first).to_contain_text("Het traject is afgesloten")
    family.refresh_from_db()
    assert family.status == FamilyStatus.CLOSED


def test_the_evaluation_form_reopens_with_the_stored_scores(login: Callable[[str], Page], live_server: Any) -> None:
    family = a_family_ready_to_close()
    stored = casework_selectors.latest_scores(family)
    assert stored, "the demo family has intake scores"
    page = login("regisseur")
    page.goto(f"{live_server.url}/gezinnen/{family.pk}/traject/evaluatie/")
    selects = page.get_by_label(re.compile("^Zelfredzaamheid "))
    for domain_id, score in stored.items():
        expect(page.locator(f"select[name=score_{domain_id}]")).to_have_value(str(score))

    # change one score, leave the others as the page shows them, and save
    changed_id = next(iter(stored))
    changed = 5 if stored[changed_id] != 5 else 4
    page.locator(f"select[name=score_{changed_id}]").select_option(str(changed))
    page.get_by_label("Het gezin was bij de evaluatie").check()
    page.get_by_label("Wat het gezin zelf zegt").fill("Het gaat stap voor stap beter.")
    page.get_by_label(re.compile("^Doel: ")).first.select_option(label="deels bereikt")
    page.get_by_role("button", name="Evaluatie vastleggen").click()
    expect(page.get_by_role("status").first).to_contain_text("De evaluatie is vastgelegd")

    page.goto(f"{live_server.url}/gezinnen/{family.pk}/traject/evaluatie/")
    expect(selects.first).to_be_visible()
    for domain_id, score in {**stored, changed_id: changed}.items():
        expect(page.locator(f"select[name=score_{domain_id}]")).to_have_value(str(score))
