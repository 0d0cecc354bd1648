"""One coordinator, two tabs: an edit form remembers the state of the goal or action it was opened on (its stamp),
so a second tab, or the owner's progress report, is never silently overwritten within the same working session,
where the plan version does not change."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse

from gezinsregie.plans import services
from gezinsregie.plans.models import Action, ActionStatus, Goal, OwnerKind
from gezinsregie.plans.services import Owner, StaleItemError
from tests.plans.test_views import hidden_version
from tests.worlds.plans import PlanWithContent, PlanWorld

pytestmark = pytest.mark.django_db


def _edit_goal(planned: PlanWithContent, w: PlanWorld, text: str, stamp: str) -> Goal:
    return services.plan_update_goal(
        actor=w.coordinator,
        goal=planned.housing_goal,
        expected_version=5,
        problem=w.housing,
        description=text,
        priority=1,
        term="short",
        status="open",
        expected_stamp=stamp,
    )


def _edit_action(w: PlanWorld, action: Action, text: str, stamp: str) -> Action:
    return services.plan_update_action(
        actor=w.coordinator,
        action=action,
        expected_version=5,
        description=text,
        owner=Owner.of(action),
        due_on=action.due_on,
        status=ActionStatus.OPEN,
        done_on=None,
        expected_stamp=stamp,
    )


def test_a_second_edit_from_an_older_form_is_refused_and_the_first_is_kept(
    planned: PlanWithContent, w: PlanWorld
) -> None:
    opened = services.stamp_of(planned.housing_goal)  # both tabs opened the form now
    _edit_goal(planned, w, "Het gezin houdt zijn huis", opened)

    with pytest.raises(StaleItemError) as refused:
        _edit_goal(planned, w, "De huur wordt weer betaald", opened)

    goal = Goal.objects.get(pk=planned.housing_goal.pk)
    assert goal.description == "Het gezin houdt zijn huis"
    assert str(refused.value).startswith("Dit doel is intussen gewijzigd")
    assert refused.value.current_stamp == services.stamp_of(goal) != opened
    # sent again with the stamp of what it is now: on purpose, and accepted
    assert _edit_goal(planned, w, "De huur wordt weer betaald", refused.value.current_stamp).description == (
        "De huur wordt weer betaald"
    )


def test_a_move_elsewhere_in_the_plan_is_no_change_of_the_item(planned: PlanWithContent, w: PlanWorld) -> None:
    opened = services.stamp_of(planned.housing_goal)
    services.plan_move(actor=w.coordinator, item=planned.debts_goal, expected_version=5, direction="up")
    assert _edit_goal(planned, w, "Het gezin houdt zijn huis", opened).description == "Het gezin houdt zijn huis"


def test_without_a_stamp_only_the_plan_version_counts(planned: PlanWithContent, w: PlanWorld) -> None:
    _edit_goal(planned, w, "Eerste", "")
    assert _edit_goal(planned, w, "Tweede", "").description == "Tweede"


def test_the_owners_progress_report_is_not_overwritten_by_a_form_opened_before_it(
    planned: PlanWithContent, w: PlanWorld
) -> None:
    action = Action.objects.select_related("goal__plan__family").get(goal=planned.housing_goal)
    _edit_goal(planned, w, "Het gezin houdt zijn huis", "")  # the coordinator's session is open
    opened = services.stamp_of(action)
    services.plan_report_progress(actor=w.professional, action=action, done=True, note="Regeling getekend")

    with pytest.raises(StaleItemError, match="Deze actie is intussen gewijzigd"):
        _edit_action(w, action, "Regeling treffen met de verhuurder", opened)
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE and action.status_note == "Regeling getekend"


def test_the_stamp_follows_what_the_form_shows(planned: PlanWithContent, w: PlanWorld) -> None:
    action = Action.objects.get(goal=planned.housing_goal)
    before = services.stamp_of(action)
    action.due_on += timedelta(days=1)
    assert services.stamp_of(action) != before
    action.due_on -= timedelta(days=1)
    action.owner_kind, action.owner_member, action.owner_user = OwnerKind.MEMBER, w.sanne, None
    assert services.stamp_of(action) != before


def _post_goal(client: Client, edit_url: str, page: str, text: str) -> object:
    stamp = re.search(r'name="stamp" value="([0-9a-f]+)"', page)
    assert stamp, "the edit form carries the goal's stamp"
    return client.post(
        edit_url,
        {
            "version": hidden_version(page),
            "stamp": stamp.group(1),
            "problem": chosen_problem(page),
            "description": text,
            "priority": "1",
            "term": "short",
            "status": "open",
        },
    )


def chosen_problem(page: str) -> str:
    selected = re.search(r'<option value="(\d+)" selected>', page)
    assert selected, "the goal's problem is chosen in the form"
    return selected.group(1)


def test_two_tabs_of_one_coordinator_the_second_is_told_and_keeps_its_text(
    planned: PlanWithContent, w: PlanWorld
) -> None:
    client = w.client_for(w.coordinator)
    edit_url = reverse("plans:goal_edit", args=[w.family.pk, planned.housing_goal.pk])
    first_tab = client.get(edit_url).content.decode()
    second_tab = client.get(edit_url).content.decode()

    assert _post_goal(client, edit_url, first_tab, "Het gezin houdt zijn huis").status_code == 302  # type: ignore[attr-defined]
    response = _post_goal(client, edit_url, second_tab, "De huur wordt weer betaald")

    assert response.status_code == 409  # type: ignore[attr-defined]
    page = response.content.decode()  # type: ignore[attr-defined]
    assert "Dit doel is intussen gewijzigd, in een ander venster of tabblad" in page
    assert "De huur wordt weer betaald</textarea>" in page  # their text, still in the form
    assert "Zo staat dit doel nu" in page and "Het gezin houdt zijn huis</dd>" in page
    assert "?van=" not in page  # no version comparison: the plan is still at the same version
    assert Goal.objects.get(pk=planned.housing_goal.pk).description == "Het gezin houdt zijn huis"
    # the refused form now carries the stamp of what it is: sending it again is on purpose
    assert _post_goal(client, edit_url, page, "De huur wordt weer betaald").status_code == 302  # type: ignore[attr-defined]
    assert Goal.objects.get(pk=planned.housing_goal.pk).description == "De huur wordt weer betaald"
