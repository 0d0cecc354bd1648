"""An improvement point from year 1 shows beside the finding of year 2 (the Zwolle follow-up format)."""

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
    page.get_by_role("link", name="Toezicht").click()
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
