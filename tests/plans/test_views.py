"""The plan pages: what each person sees and may do, the forms, the concurrent-edit guard, the access log."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse

from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.common.formatting import long_date
from gezinsregie.plans.models import Action, Goal, Plan
from tests.worlds.plans import PlanWithContent, PlanWorld

pytestmark = pytest.mark.django_db


def url(name: str, w: PlanWorld, *args: object) -> str:
    return reverse(f"plans:{name}", args=[w.family.pk, *args])


def html(response: object) -> str:
    return response.content.decode()  # type: ignore[attr-defined]


def hidden_version(page: str) -> str:
    match = re.search(r'name="version" value="(\d+)"', page)
    assert match, "edit forms carry the plan version"
    return match.group(1)


def test_the_plan_page_shows_goals_by_priority_with_problems_actions_and_flags(
    planned: PlanWithContent, w: PlanWorld
) -> None:
    page = html(w.client_for(w.coordinator).get(url("detail", w)))
    assert (
        page.index("Prioriteit 1") < page.index("Het gezin kan in het huis blijven wonen") < page.index("Prioriteit 2")
    )
    assert page.index("Prioriteit 2") < page.index("Sanne heeft overzicht over haar schulden")
    assert "Wonen — hele gezin: Huurachterstand van drie maanden" in page
    assert "Kees Jansen (Schuldhulp Zeldenbroek)" in page and "Sanne de Vries" in page
    assert "1 actie is te laat." in page and ">Te laat</span>" in page  # said in words, not colour only
    assert "Te laat: er is nog geen plan waarmee het gezin heeft ingestemd." in page  # due 20 days ago
    assert "1 probleem heeft nog geen doel." in page and w.health.description in page  # toetsingskader C3.a.2
    assert "Doel toevoegen" in page and url("goal_edit", w, planned.housing_goal.pk) in page
    assert "<script>" not in page and " style=" not in page and "<style" not in page  # strict CSP


def test_without_a_plan_the_coordinator_can_create_one(w: PlanWorld) -> None:
    client = w.client_for(w.coordinator)
    page = html(client.get(url("detail", w)))
    assert "Er is nog geen plan voor dit gezin." in page and "Plan opstellen" in page
    response = client.post(url("create", w))
    assert response.status_code == 302
    assert Plan.objects.get(family=w.family).version == 1


def test_a_professional_sees_the_plan_read_only(planned: PlanWithContent, w: PlanWorld) -> None:
    client = w.client_for(w.professional)
    response = client.get(url("detail", w))
    assert response.status_code == 200
    page = html(response)
    assert "Het gezin kan in het huis blijven wonen" in page
    assert "U kunt dit plan inzien, maar niet wijzigen." in page
    assert "Doel toevoegen" not in page and "wijzigen" not in page.replace("niet wijzigen", "")
    action = Action.objects.filter(goal=planned.housing_goal).get()
    edit_urls = [
        url("goal_add", w),
        url("goal_edit", w, planned.housing_goal.pk),
        url("action_add", w, planned.housing_goal.pk),
        url("action_edit", w, action.pk),
        url("approval", w),
    ]
    for edit_url in edit_urls:
        assert client.get(edit_url).status_code == 404, edit_url
        assert client.post(edit_url, {"version": 5, "description": "x"}).status_code == 404, edit_url
    assert client.post(url("create", w)).status_code == 404
    assert Goal.objects.count() == 2 and Plan.objects.get().version == 5


@pytest.mark.parametrize("who", ["stranger", "outsider"])
def test_people_without_access_get_404_everywhere(planned: PlanWithContent, w: PlanWorld, who: str) -> None:
    client = w.client_for(getattr(w, who))
    for name in ["detail", "history", "compare", "summary", "summary_pdf", "goal_add"]:
        assert client.get(url(name, w)).status_code == 404, name


def test_anonymous_visitors_are_sent_to_the_login(planned: PlanWithContent, w: PlanWorld) -> None:
    response = Client().get(url("summary_pdf", w))
    assert response.status_code == 302 and "inloggen" in response["Location"]


def test_reads_are_in_the_access_log(planned: PlanWithContent, w: PlanWorld) -> None:
    client = w.client_for(w.professional)
    client.get(url("detail", w))
    client.get(url("history", w))
    client.get(url("compare", w) + "?van=2&naar=3")
    client.get(url("summary", w))
    entries = AccessLogEntry.objects.filter(username="professional", family_id=w.family.pk)
    actions = list(entries.order_by("id").values_list("action", flat=True))
    assert actions == [
        "family.view",
        "plan.view",
        "family.view",
        "plan.history",
        "family.view",
        "plan.compare",
        "family.view",
        "plan.summary",
    ]
    assert entries.filter(action="plan.view").get().object_type == "plans.Plan"


def test_adding_a_goal_through_the_form(planned: PlanWithContent, w: PlanWorld) -> None:
    client = w.client_for(w.process_manager)
    form = client.get(url("goal_add", w) + f"?probleem={w.health.pk}")
    page = html(form)
    assert hidden_version(page) == "5"
    assert f'<option value="{w.health.pk}" selected>' in page
    assert w.other_problem.description not in page  # only this family's problems
    response = client.post(
        url("goal_add", w),
        {
            "version": "5",
            "problem": w.health.pk,
            "description": "Noah gaat elke dag naar school",
            "priority": "3",
            "term": "short",
        },
    )
    assert response.status_code == 302
    goal = Goal.objects.get(problem=w.health)
    assert (goal.priority, goal.plan.version) == (3, 5)  # in the working session, not yet a version
    assert AccessLogEntry.objects.filter(action="plan.goal_add", username="procesmanager").exists()
    assert "Uw wijzigingen zijn nog niet opgeslagen" in html(client.get(url("detail", w)))
    assert client.post(url("session_save", w), {"version": "5"}).status_code == 302
    goal.plan.refresh_from_db()
    assert goal.plan.version == 6
    assert goal.plan.versions.get(number=6).summary == "Doel toegevoegd: Noah gaat elke dag naar school"


def test_form_errors_are_clear_dutch(planned: PlanWithContent, w: PlanWorld) -> None:
    client = w.client_for(w.coordinator)
    response = client.post(
        url("goal_add", w), {"version": "5", "problem": "", "description": "", "priority": "0", "term": "short"}
    )
    page = html(response)
    assert response.status_code == 200
    assert "Kies het probleem waar dit doel bij hoort." in page
    assert "Beschrijf het doel." in page
    assert "De prioriteit is 1 of hoger (1 = eerst)." in page
    assert 'aria-invalid="true"' in page

    action_url = url("action_add", w, planned.housing_goal.pk)
    page = html(
        client.post(action_url, {"version": "5", "description": "Bellen", "owner": "network", "due_on": "31-02-2026"})
    )
    assert "Dit is geen bestaande datum." in page
    assert "Vul de naam in van de persoon uit het netwerk." in page
    too_early = (w.family.registered_on - timedelta(days=1)).isoformat()
    page = html(
        client.post(
            action_url, {"version": "5", "description": "Bellen", "owner": f"member:{w.noah.pk}", "due_on": too_early}
        )
    )
    assert "Deze datum ligt vóór de aanmelding van het gezin" in page
    assert "Bellen" in page  # the input is kept
    assert Plan.objects.get().version == 5


def test_the_owner_list_offers_only_people_within_the_consent(planned: PlanWithContent, w: PlanWorld) -> None:
    client = w.client_for(w.coordinator)
    page = html(client.get(url("action_add", w, planned.housing_goal.pk)))
    assert f'value="member:{w.sanne.pk}"' in page and f'value="member:{w.noah.pk}"' in page
    assert f'value="professional:{w.professional.pk}:{w.professional_org.pk}"' in page
    assert f'value="professional:{w.coordinator.pk}:{w.coordinator_org.pk}"' in page
    assert "Olga Buiten" not in page and f"member:{w.other_member.pk}" not in page
    response = client.post(
        url("action_add", w, planned.housing_goal.pk),
        {
            "version": "5",
            "description": "Huisbezoek",
            "owner": f"professional:{w.outsider.pk}:{w.outside_org.pk}",
            "due_on": w.today.isoformat(),
        },
    )
    assert "Kies iemand uit de lijst." in html(response)


def test_an_owner_whose_consent_was_withdrawn_is_explained_on_edit(planned: PlanWithContent, w: PlanWorld) -> None:
    w.consent.withdrawn_on = w.today
    w.consent.save()
    action = Action.objects.filter(goal=planned.housing_goal).get()
    client = w.client_for(w.coordinator)
    page = html(client.get(url("action_edit", w, action.pk)))
    assert "niet meer binnen de toestemming" in page
    response = client.post(
        url("action_edit", w, action.pk),
        {
            "version": "5",
            "description": action.description,
            "owner": f"professional:{w.professional.pk}:{w.professional_org.pk}",
            "due_on": action.due_on.isoformat(),
            "status": "open",
            "done_on": "",
        },
    )
    assert response.status_code == 200
    assert "Deze actiehouder valt buiten de toestemming van het gezin" in html(response)


def test_two_people_editing_the_same_goal_the_second_gets_409_and_keeps_their_text(
    planned: PlanWithContent, w: PlanWorld
) -> None:
    first, second = w.client_for(w.coordinator), w.client_for(w.process_manager)
    edit_url = url("goal_edit", w, planned.housing_goal.pk)
    first_version = hidden_version(html(first.get(edit_url)))
    second_version = hidden_version(html(second.get(edit_url)))
    assert first_version == second_version == "5"

    def submit(client: Client, version: str, text: str) -> object:
        return client.post(
            edit_url,
            {
                "version": version,
                "problem": w.housing.pk,
                "description": text,
                "priority": "1",
                "term": "short",
                "status": "open",
            },
        )

    assert submit(first, first_version, "Het gezin houdt zijn huis").status_code == 302  # type: ignore[attr-defined]
    # The first one's edit is in their working session: the second may not overwrite it.
    response = submit(second, second_version, "De huur wordt weer elke maand betaald")
    assert response.status_code == 409  # type: ignore[attr-defined]
    page = html(response)
    assert f"Iemand anders heeft het plan intussen gewijzigd: {w.coordinator} werkt er sinds" in page
    assert "De huur wordt weer elke maand betaald</textarea>" in page
    planned.housing_goal.refresh_from_db()
    assert planned.housing_goal.description == "Het gezin houdt zijn huis"
    # The first one saves: version 6. The second's form was based on version 5: refused again, with what changed.
    assert first.post(url("session_save", w), {"version": "5"}).status_code == 302
    response = submit(second, second_version, "De huur wordt weer elke maand betaald")
    assert response.status_code == 409  # type: ignore[attr-defined]
    page = html(response)
    assert "Iemand anders heeft het plan intussen gewijzigd (versie 6)." in page
    assert "De huur wordt weer elke maand betaald</textarea>" in page  # their text, still in the form
    assert "Zo staat dit doel nu in het plan (versie 6)" in page and "Het gezin houdt zijn huis" in page
    assert url("compare", w) + "?van=5&amp;naar=6" in page
    planned.housing_goal.refresh_from_db()
    assert planned.housing_goal.description == "Het gezin houdt zijn huis"
    assert Plan.objects.get().version == 6
    # Having seen the new version, they can send their change again on purpose.
    assert hidden_version(page) == "6"
    assert submit(second, "6", "De huur wordt weer elke maand betaald").status_code == 302  # type: ignore[attr-defined]


def test_recording_the_agreement(planned: PlanWithContent, w: PlanWorld) -> None:
    client = w.client_for(w.coordinator)
    page = html(
        client.post(
            url("approval", w),
            {
                "version": "5",
                "goals_set_with_family": "on",
                "approved_by_family_on": (w.today + timedelta(days=3)).isoformat(),
            },
        )
    )
    assert "De datum van instemming ligt in de toekomst." in page
    response = client.post(
        url("approval", w),
        {"version": "5", "goals_set_with_family": "on", "approved_by_family_on": w.today.isoformat()},
    )
    assert response.status_code == 302
    page = html(client.get(url("detail", w)))
    assert "met versie 6" in page
    assert "Te laat: het gezin heeft pas na deze datum met het plan ingestemd." in page


def test_history_and_side_by_side_compare(planned: PlanWithContent, w: PlanWorld) -> None:
    client = w.client_for(w.coordinator)
    action = Action.objects.filter(goal=planned.debts_goal).get()
    client.post(
        url("action_edit", w, action.pk),
        {
            "version": "5",
            "description": action.description,
            "owner": f"member:{w.sanne.pk}",
            "due_on": action.due_on.isoformat(),
            "status": "done",
            "done_on": "",
        },
    )
    client.post(url("session_save", w), {"version": "5"})
    page = html(client.get(url("history", w)))
    done = long_date(w.today)
    assert (
        f"Actie gewijzigd: Alle post van schuldeisers in één map doen (gedaan op: — → {done}; status: open → gedaan)"
        in page
    )
    assert "Doel toegevoegd: Het gezin kan in het huis blijven wonen" in page

    page = html(client.get(url("compare", w) + "?van=3&naar=6"))
    assert "Versie 3 (oud)" in page and "Versie 6 (nieuw)" in page
    assert page.index("Versie 3 (oud)") < page.index("Versie 6 (nieuw)")  # old left, new right
    assert '<strong class="gr-change-label">nieuw</strong>' in page  # the housing action, added after v3
    assert '<strong class="gr-change-label">gewijzigd</strong>: status' not in page  # the debts action is new too
    page = html(client.get(url("compare", w) + "?van=6&naar=5"))  # swapped: still old left
    assert page.index("Versie 5 (oud)") < page.index("Versie 6 (nieuw)")
    assert '<strong class="gr-change-label">gewijzigd</strong>: gedaan op, status' in page
    assert "ongewijzigd" in page
    assert client.get(url("compare", w) + "?van=1&naar=99").status_code == 404
