"""Improvement points across years (issue 13 §8): an X found again is the same point with its history, a ✓ of
an earlier inspection carries forward where a follow-up does not test it again, and a point past its term is
flagged. Through the services, the selectors and the pages."""

import re
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from gezinsregie.inspections import selectors, services, workflow
from gezinsregie.inspections.models import (
    FollowUpOutcome,
    ImprovementPoint,
    Inspection,
    InspectionStatus,
    PointStatus,
)
from tests.worlds.inspections import InspectionWorld, answer_everything, respondent_of

pytestmark = pytest.mark.django_db
S = InspectionStatus


def _judging(iw: InspectionWorld, year: int) -> Inspection:
    inspection = services.inspection_create(actor=iw.inspector, approach=iw.approach, level="policy", year=year)
    services.respondents_invite(actor=iw.inspector, inspection=inspection, organisations=[iw.gemeente])
    services.inspection_advance(actor=iw.inspector, inspection=inspection, to=S.OPEN)
    answer_everything(iw.policy_officer, respondent_of(inspection, iw.gemeente))
    return services.inspection_advance(actor=iw.inspector, inspection=inspection, to=S.JUDGING)


def _judge(iw: InspectionWorld, inspection: Inspection, judgements: dict[str, str]) -> None:
    for indicator in selectors.indicators_of(inspection):
        if indicator.key in judgements:
            services.finding_save(
                actor=iw.inspector,
                inspection=inspection,
                indicators=[indicator],
                judgement=judgements[indicator.key],
                text=f"{inspection.year}: {indicator.key} {judgements[indicator.key]}",
            )


def _publish(
    iw: InspectionWorld, year: int, judgements: dict[str, str], *, everything_else: str | None = None, on: date
) -> Inspection:
    """Judge the given indicators (and, with everything_else, every other one) and publish on the day `on`."""
    with time_machine.travel(timezone.make_aware(datetime.combine(on, time(10))), tick=True):
        inspection = _judging(iw, year)
        if everything_else is not None:
            keys = [i.key for i in selectors.indicators_of(inspection)]
            judgements = {**dict.fromkeys(keys, everything_else), **judgements}
        _judge(iw, inspection, judgements)
        return services.inspection_publish(actor=iw.inspector, inspection=inspection)


def _point(key: str) -> ImprovementPoint:
    return ImprovementPoint.objects.get(finding__indicators__key=key)


def _text(response: object) -> str:
    html = response.content.decode()  # type: ignore[attr-defined]
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _years(follow_ups: Iterable[object]) -> list[tuple[int, str]]:
    return [(f.finding.inspection.year, f.outcome) for f in follow_ups]  # type: ignore[attr-defined]


# --- a persisting X is the same point --------------------------------------------------------------------------------


def test_an_x_found_again_is_the_same_point_with_its_history_and_a_renewed_term(iw: InspectionWorld) -> None:
    long_ago = iw.today - timedelta(days=500)
    first = _publish(iw, 2013, {"B3.b.2": "improvement", "B1.a.2": "improvement"}, everything_else="met", on=long_ago)
    point = _point("B3.b.2")
    services.improvement_point_update(actor=iw.policy_officer, point=point, owner=iw.process_manager, due_on=None)
    services.improvement_point_update(
        actor=iw.policy_officer, point=point, owner=iw.process_manager, due_on=long_ago + timedelta(days=200)
    )
    services.improvement_report_add(
        actor=iw.policy_officer, point=point, text="Opschaling besproken.", reported_on=long_ago + timedelta(days=30)
    )

    # a year on (the term has passed): doorzettingsmacht still X, the population ✓ now; other ✓s not tested again
    second = _publish(iw, 2014, {"B3.b.2": "improvement", "B1.a.2": "met"}, on=iw.today)

    assert ImprovementPoint.objects.filter(finding__inspection=second).count() == 0  # no second open point
    open_points = ImprovementPoint.objects.exclude(status=PointStatus.RESOLVED)
    assert [p.pk for p in open_points] == [point.pk]
    point.refresh_from_db()
    assert point.finding.inspection == first and point.owner == iw.process_manager  # the owner stays
    assert point.status == PointStatus.IN_PROGRESS
    assert point.due_on == workflow.improvement_due_on(iw.today)  # renewed from the new publication
    (follow_up,) = point.follow_ups.all()
    assert follow_up.finding.inspection == second and follow_up.outcome == FollowUpOutcome.PERSISTS
    assert (follow_up.due_before, follow_up.due_after) == (long_ago + timedelta(days=200), point.due_on)
    assert follow_up.judged_on == iw.today and follow_up.renewed
    population = _point("B1.a.2")
    assert population.status == PointStatus.RESOLVED and _years(population.follow_ups.all()) == [(2014, "resolved")]

    history = selectors.point_history(point)
    assert [(e.year, e.outcome, e.finding.text) for e in history] == [
        (2013, "raised", "2013: B3.b.2 improvement"),
        (2014, "persists", "2014: B3.b.2 improvement"),
    ]
    assert [e.renewed for e in history] == [False, True]


def test_a_running_term_stays_and_a_dash_leaves_the_point_open_as_it_was(iw: InspectionWorld) -> None:
    earlier_day = iw.today - timedelta(days=100)
    _publish(iw, 2013, {"B3.b.2": "improvement", "B1.a.1": "improvement"}, everything_else="met", on=earlier_day)
    due = workflow.improvement_due_on(earlier_day)

    later = _publish(iw, 2014, {"B3.b.2": "improvement", "B1.a.1": "not_assessed"}, on=iw.today)

    power, description = _point("B3.b.2"), _point("B1.a.1")
    assert power.due_on == due and not power.follow_ups.get().renewed  # the term had not passed
    assert description.status == PointStatus.OPEN and description.due_on == due
    assert _years(description.follow_ups.all()) == [(2014, FollowUpOutcome.NOT_TESTED)]
    assert selectors.points_by_finding(later)[power.follow_ups.get().finding_id] == power


def test_three_years_one_point_until_it_is_met(iw: InspectionWorld) -> None:
    _publish(iw, 2013, {"B5.b.1": "improvement"}, everything_else="met", on=iw.today - timedelta(days=800))
    _publish(iw, 2014, {"B5.b.1": "improvement"}, on=iw.today - timedelta(days=400))
    third = _publish(iw, 2015, {"B5.b.1": "met"}, on=iw.today)

    point = ImprovementPoint.objects.get()  # one point in three years
    assert point.status == PointStatus.RESOLVED and point.resolved_by is not None
    assert point.resolved_by.inspection == third and point.resolved_on == iw.today
    assert _years(point.follow_ups.all()) == [(2014, "persists"), (2015, "resolved")]
    found = selectors.comparison(third, visible=Inspection.objects.all())
    assert found is not None
    (row,) = [(row, p) for _indicators, row, p in found.rows]
    assert row[0].resolved and row[1] == point  # 2014's X beside 2015's ✓, the same point


def test_a_new_x_next_to_a_persisting_one_is_a_new_point(iw: InspectionWorld) -> None:
    _publish(iw, 2013, {"B3.b.2": "improvement"}, everything_else="met", on=iw.today - timedelta(days=30))
    later = _publish(iw, 2014, {"B3.b.2": "improvement", "B4.a.2": "improvement"}, on=iw.today)

    (new,) = ImprovementPoint.objects.filter(finding__inspection=later)
    assert [i.key for i in new.finding.indicators.all()] == ["B4.a.2"]
    assert new.due_on == workflow.improvement_due_on(iw.today) and not new.follow_ups.exists()


# --- a ✓ carries forward --------------------------------------------------------------------------------------------


def test_a_follow_up_may_leave_earlier_ticks_unjudged_but_not_earlier_xs(iw: InspectionWorld) -> None:
    _publish(iw, 2013, {"B3.b.2": "improvement", "B1.a.1": "not_assessed"}, everything_else="met", on=iw.today)
    later = _judging(iw, 2014)
    assert selectors.uncovered_keys(later) == ["B1.a.1", "B3.b.2"]  # an X and a "–": judged again
    carried = selectors.carried_forward(later)
    assert "B3.b.2" not in {s.indicator.key for s in carried.values()}
    assert {s.year for s in carried.values()} == {2013} and len(carried) == 28  # 30 policy indicators, 2 not ✓
    _judge(iw, later, {"B1.a.1": "met"})
    with pytest.raises(ValidationError, match=r"Nog zonder oordeel: B3\.b\.2\."):
        services.inspection_publish(actor=iw.inspector, inspection=later)

    _judge(iw, later, {"B3.b.2": "met"})
    published = services.inspection_publish(actor=iw.inspector, inspection=later)
    assert published.status == S.PUBLISHED and published.findings.count() == 2


def test_the_standing_judgements_of_a_follow_up(iw: InspectionWorld) -> None:
    first = _publish(iw, 2013, {"B1.a.1": "improvement", "B3.b.2": "improvement"}, everything_else="met", on=iw.today)
    later = _publish(iw, 2014, {"B1.a.1": "not_assessed", "B3.b.2": "met", "B1.a.2": "improvement"}, on=iw.today)

    standing = {s.indicator.key: s for s in selectors.standing_judgements(later)}
    assert list(standing) == [i.key for i in selectors.indicators_of(later)]  # every indicator, framework order
    tick = standing["B2.a.1"]  # ✓ in 2013, not tested again
    assert (tick.judgement, tick.year, tick.carried, tick.carried_met) == ("met", 2013, True, True)
    assert tick.finding is not None and tick.finding.inspection == first
    assert (standing["B3.b.2"].judgement, standing["B3.b.2"].year, standing["B3.b.2"].carried) == ("met", 2014, False)
    assert (standing["B1.a.2"].judgement, standing["B1.a.2"].carried) == ("improvement", False)  # own X over a ✓
    # "–" in 2014 does not erase 2013's X
    assert (standing["B1.a.1"].judgement, standing["B1.a.1"].year, standing["B1.a.1"].carried) == (
        "improvement",
        2013,
        True,
    )
    before = {s.indicator.key: s for s in selectors.standing_judgements(first)}
    assert not any(s.carried for s in before.values())  # nothing earlier to carry


def test_the_result_page_shows_carried_ticks_and_what_a_dash_leaves_standing(iw: InspectionWorld) -> None:
    _publish(iw, 2013, {"B1.a.1": "improvement"}, everything_else="met", on=iw.today)
    later = _publish(iw, 2014, {"B1.a.1": "not_assessed"}, on=iw.today)

    page = _text(iw.client_for(iw.policy_officer).get(reverse("inspections:result", args=[later.pk])))
    assert "✓ voldoet (2013, niet opnieuw getoetst) 2013: B1.a.2 met" in page
    assert page.count("(2013, niet opnieuw getoetst)") == 30
    dash = "– niet getoetst 2014: B1.a.1 not_assessed"
    assert f"{dash} Blijft staan: X verbeterpunt (2013, niet opnieuw getoetst)" in page
    assert "nog geen oordeel" not in page


# --- owner, term and overdue -----------------------------------------------------------------------------------------


def test_points_past_their_term_are_flagged_on_both_pages(iw: InspectionWorld) -> None:
    # frozen clock: today is FROZEN_NOW; published 400 days ago, the term (a year) passed 35 days ago
    published_on = iw.today - timedelta(days=400)
    _publish(iw, 2013, {"B3.b.2": "improvement", "B1.a.2": "improvement"}, everything_else="met", on=published_on)
    late, running = _point("B3.b.2"), _point("B1.a.2")
    services.improvement_point_update(
        actor=iw.policy_officer, point=running, owner=iw.policy_officer, due_on=iw.today
    )  # the last day: not overdue yet
    assert late.due_on == published_on + timedelta(days=365) < iw.today

    for who in (iw.policy_officer, iw.inspector):  # the municipality's view and the inspectorate's
        client = iw.client_for(who)
        page = _text(client.get(reverse("inspections:points")))
        assert page.count("termijn verstreken") == 1
        population_row, power_row = page.split("De doorzettingsmacht voor de regisseur is geregeld")
        assert "termijn verstreken" in power_row and "termijn verstreken" not in population_row
        assert "termijn verstreken" in _text(client.get(reverse("inspections:point", args=[late.pk])))
        assert "termijn verstreken" not in _text(client.get(reverse("inspections:point", args=[running.pk])))

    with time_machine.travel(timezone.make_aware(datetime.combine(iw.today + timedelta(days=1), time(10)))):
        page = _text(iw.client_for(iw.policy_officer).get(reverse("inspections:points")))
        assert page.count("termijn verstreken") == 2  # a day later the other term has passed too


def test_the_point_page_shows_its_history_year_by_year(iw: InspectionWorld) -> None:
    long_ago = iw.today - timedelta(days=400)
    _publish(iw, 2013, {"B3.b.2": "improvement"}, everything_else="met", on=long_ago)
    _publish(iw, 2014, {"B3.b.2": "improvement"}, on=iw.today)
    point = _point("B3.b.2")

    page = _text(iw.client_for(iw.policy_officer).get(reverse("inspections:point", args=[point.pk])))
    history = page.split("Het verbeterpunt per onderzoek")[1]
    assert history.index("2013 X verbeterpunt 2013: B3.b.2 improvement verbeterpunt") < history.index(
        "2014 X verbeterpunt 2014: B3.b.2 improvement nog steeds een verbeterpunt termijn vernieuwd"
    )
    assert "termijn verstreken" not in page  # renewed: a year from 2014's publication
    points = _text(iw.client_for(iw.policy_officer).get(reverse("inspections:points")))
    assert "beleidsniveau 2013 · 2014: nog steeds een verbeterpunt" in points
