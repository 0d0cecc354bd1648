"""An improvement point from year 1 shows beside the finding of year 2 (the Zwolle follow-up format); an X found
again is the same point with its history, and a point past its term is flagged (issue 13 §8)."""

from collections.abc import Callable

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from gezinsregie.accounts.models import User
from gezinsregie.inspections import selectors, services
from gezinsregie.inspections.models import ImprovementPoint, Inspection, InspectionStatus, PointStatus

pytestmark = pytest.mark.browser


def test_last_years_improvement_point_beside_this_years_finding(login: Callable[[str], Page]) -> None:
    # The demo: Zeldenbroek 2025 published with improvement points (B1.a.2 population not in view, ...);
    # 2026 open for answers. The inspector judges 2026 — the population is in view now — and publishes.
    this_year = Inspection.objects.get(
        approach__name="Integrale Aanpak Veiligheidshuis", year=timezone.localdate().year
    )
    inspector = User.objects.get(username="inspecteur")
    services.inspection_advance(actor=inspector, inspection=this_year, to=InspectionStatus.JUDGING)
    for indicator in selectors.indicators_of(this_year):
        improvement = indicator.key == "B3.b.2"  # doorzettingsmacht: still not arranged
        services.finding_save(
            actor=inspector,
            inspection=this_year,
            indicators=[indicator],
            judgement="improvement" if improvement else "met",
            text="De gemeente ziet de populatie per wijk in Gezinsregie."
            if indicator.key == "B1.a.2"
            else "Nog steeds niet geregeld."
            if improvement
            else "Voldoet.",
        )
    services.inspection_publish(actor=inspector, inspection=this_year)

    page = login("beleid")
    page.get_by_role("link", name="Toezicht", exact=True).click()
    page.get_by_role("link", name=this_year.title).click()
    comparison = page.get_by_role(
        "table", name=f"Verbeterpunten uit {this_year.year - 1}, opnieuw getoetst in {this_year.year}"
    )
    expect(comparison).to_be_visible()
    population = comparison.get_by_role("row").filter(has_text="De gemeente heeft zicht op de populatie GGSR")
    expect(population).to_contain_text("De gemeente heeft geen zicht op de omvang van de doelgroep")  # 2025
    expect(population).to_contain_text("De gemeente ziet de populatie per wijk in Gezinsregie.")  # 2026
    expect(population).to_contain_text("opgelost")
    expect(population).to_contain_text("1 voortgangsmelding van de gemeente")
    power = comparison.get_by_role("row").filter(has_text="De doorzettingsmacht voor de regisseur is geregeld")
    expect(power).to_contain_text("Nog steeds niet geregeld.")
    expect(power).not_to_contain_text("opgelost")

    earlier = ImprovementPoint.objects.get(
        finding__inspection__year=this_year.year - 1, finding__indicators__key="B1.a.2"
    )
    assert earlier.status == PointStatus.RESOLVED

    # doorzettingsmacht, X again: the same point, last year's and this year's finding in its history
    page.get_by_role("link", name="Verbeterpunten en voortgang").click()
    points = page.get_by_role("table", name="Integrale Aanpak Veiligheidshuis (Zeldenbroek)")
    power = points.get_by_role("row").filter(has_text="De doorzettingsmacht voor de regisseur is geregeld")
    expect(power).to_have_count(1)  # not a second open point
    expect(power).to_contain_text(f"beleidsniveau {this_year.year - 1} · {this_year.year}: nog steeds een verbeterpunt")
    expect(power).not_to_contain_text("termijn verstreken")  # last year's term runs until next spring
    power.get_by_role("link", name="Details en voortgang").click()
    history = page.get_by_role("table", name="Het verbeterpunt per onderzoek")
    expect(history.get_by_role("row")).to_have_count(3)  # the header, last year, this year
    expect(history.get_by_role("row").nth(1)).to_contain_text("De doorzettingsmacht van de regisseur is niet geregeld.")
    expect(history.get_by_role("row").nth(2)).to_contain_text(str(this_year.year))
    expect(history.get_by_role("row").nth(2)).to_contain_text("Nog steeds niet geregeld.")
    expect(history.get_by_role("row").nth(2)).to_contain_text("nog steeds een verbeterpunt")


def test_zwolle_s_persisting_point_is_overdue_and_its_2013_ticks_carry_forward(login: Callable[[str], Page]) -> None:
    # The demo imports Verbeterpunten Zwolle 2015: doorzettingsmacht X in 2013 and again in 2014, its term
    # renewed from the 2014 publication (June 2015) and long past now.
    page = login("inspecteur")
    page.get_by_role("link", name="Toezicht", exact=True).click()
    page.get_by_role("link", name="Alle verbeterpunten per aanpak, met eigenaar, termijn en voortgang").click()
    points = page.get_by_role("table", name="Bijzondere Doelgroepen (Zwolle)")
    power = points.get_by_role("row").filter(has_text="De doorzettingsmacht voor de regisseur is geregeld")
    expect(power).to_have_count(1)
    expect(power).to_contain_text("termijn verstreken")
    expect(power).to_contain_text("2014: nog steeds een verbeterpunt")
    population = points.get_by_role("row").filter(has_text="De gemeente heeft zicht op de populatie GGSR")
    expect(population).to_contain_text("opgelost")
    expect(population).not_to_contain_text("termijn verstreken")  # resolved: never overdue

    power.get_by_role("link", name="Details en voortgang").click()
    expect(page.get_by_text("termijn verstreken")).to_be_visible()
    history = page.get_by_role("table", name="Het verbeterpunt per onderzoek")
    expect(history.get_by_role("row").nth(1)).to_contain_text("2013")
    expect(history.get_by_role("row").nth(2)).to_contain_text("2014")
    expect(history.get_by_role("row").nth(2)).to_contain_text("termijn vernieuwd")

    later = Inspection.objects.get(approach__name="Bijzondere Doelgroepen", year=2014)
    page.goto(page.url.split("/toezicht/")[0] + f"/toezicht/{later.pk}/resultaat/")
    tables = page.get_by_role("table")
    expect(tables.filter(has_text="(2013, niet opnieuw getoetst)").first).to_be_visible()
    expect(page.get_by_text("Voldeed in 2013; volgens het opvolgdocument niet opnieuw getoetst.").first).to_be_visible()
