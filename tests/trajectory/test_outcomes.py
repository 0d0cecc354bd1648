"""Outcomes per approach: numbers only, small numbers merged or not shown (issue 10 §8)."""

import pytest
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from gezinsregie.accounts.models import Role
from gezinsregie.common.counts import CountRow
from gezinsregie.organisations.models import Approach
from gezinsregie.trajectory.models import CheckIn
from gezinsregie.trajectory.outcomes import SMALL_NUMBER, outcomes_for
from tests.builder import Builder

pytestmark = pytest.mark.django_db


def closed_families(world, count: int) -> QuerySet[Approach]:
    """`count` families closed with aftercare in an approach of their own (the world has other closures)."""
    b = Builder()
    approach = b.approach(world.municipality)
    for _ in range(count):
        family = b.family(approach, registered_on=b.ago(210), started_on=b.ago(200))
        aftercare = b.aftercare(family, world.user(Role.COORDINATOR))
        CheckIn.objects.create(aftercare=aftercare, family=family, due_on=b.ago(5), held_on=b.ago(5), reached=True)
        CheckIn.objects.create(aftercare=aftercare, family=family, due_on=b.ago(2))
    return Approach.objects.filter(pk=approach.pk)


def test_enough_closures_are_counted_per_reason_with_their_median_time(world) -> None:
    result = outcomes_for(approaches=closed_families(world, SMALL_NUMBER), today=timezone.localdate())

    assert result.closed == SMALL_NUMBER and result.enough
    assert [(r.label, r.value) for r in result.by_reason] == [("doelen bereikt", SMALL_NUMBER)]
    assert result.median_days_in_approach == 180  # the builder starts 200 days ago and closes 20 days ago
    assert result.checkins == f"{SMALL_NUMBER} van {2 * SMALL_NUMBER}"
    assert result.reentries == []  # nobody came back: nothing to show, not even a merged zero
    assert result.aftercare_share == 100


def test_a_few_closures_show_no_numbers_that_could_point_to_a_family(world) -> None:
    approaches = closed_families(world, SMALL_NUMBER - 1)
    result = outcomes_for(approaches=approaches, today=timezone.localdate())

    assert not result.enough and result.closed_text == f"minder dan {SMALL_NUMBER}"
    assert result.by_reason == []  # four closures: not even their merged count is shown
    assert result.median_days_in_approach is None and result.aftercare_share is None
    # check-ins are contacts, not families: eight planned is enough to show (under five would not be), rounded to
    # fives for whoever may not see every family; exact for the process manager who does
    assert result.checkins == f"minder dan {SMALL_NUMBER} van 10"
    exact = outcomes_for(approaches=approaches, today=timezone.localdate(), exact=True)
    assert exact.checkins == f"{SMALL_NUMBER - 1} van {2 * (SMALL_NUMBER - 1)}"


def test_only_who_sees_the_population_sees_the_outcomes(world, client) -> None:
    closed_families(world, SMALL_NUMBER)
    url = reverse("trajectory_outcomes:outcomes")
    client.force_login(world.user(Role.COORDINATOR))
    assert client.get(url).status_code == 403
    client.force_login(world.user(Role.POLICY_OFFICER))
    page = client.get(url).content.decode()
    assert "Afsluitingen per reden" in page and "doelen bereikt" in page


def test_a_small_count_is_not_given_away_by_subtraction_from_the_total() -> None:
    from gezinsregie.trajectory.outcomes import _suppressed

    rows = [CountRow("doelen bereikt", 9), CountRow("verhuisd", 2), CountRow("beheersbaar", 6)]
    shown = _suppressed(rows, "overige redenen")
    # 2 alone would be merged into a group of 2, still small: the smallest shown count (6) joins it
    assert [(r.label, r.value) for r in shown] == [
        ("doelen bereikt", 9),
        ("overige redenen (samengevoegd: kleine aantallen)", 8),
    ]
