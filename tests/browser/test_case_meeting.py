"""A zorgnetwerkoverleg (case meeting over many families): the process manager (Bram Willemsen, who chairs it for
the Veiligheidshuis approach) plans it with two families, records one family's part with an agreement and the
appointment of a case manager, and puts the meeting in his calendar."""

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from playwright.sync_api import Page, expect

from gezinsregie.casework.models import CoordinatorAssignment, Family, FamilyStatus
from gezinsregie.plans.models import Action, CaseMeeting

pytestmark = pytest.mark.browser
APPROACH = "Integrale Aanpak Veiligheidshuis"


def two_families() -> tuple[Family, Family]:
    """One with a plan with goals (the agreement goes there), and another of the same approach."""
    families = Family.objects.filter(approach__name=APPROACH, status=FamilyStatus.ACTIVE).order_by("reference")
    first = families.filter(plan__goals__isnull=False, members__isnull=False).distinct().first()
    assert first is not None, "the demo has such a family"
    second = families.exclude(pk=first.pk).first()
    assert second is not None
    return first, second


def label(family: Family) -> str:
    return f"{family.reference} — {family.name} ({family.get_status_display()})"


def test_a_case_meeting_over_two_families(login: Callable[[str], Page], live_server: Any, tmp_path: Path) -> None:
    first, second = two_families()
    new_coordinator = next(n for n in ("Joyce Dekker", "Rachid Ouali") if n != str(first.coordinator))
    member = first.members.order_by("pk").first()
    assert member is not None
    page = login("procesmanager")
    page.get_by_role("link", name="Zorgnetwerk", exact=True).click()
    page.get_by_role("link", name=f"Nieuw zorgnetwerkoverleg plannen voor {APPROACH}").click()
    page.get_by_label("Begintijd").fill("09:30")
    page.get_by_label("Eindtijd").fill("11:00")
    page.get_by_label("Plaats").fill("Stadhuis, zaal De Linde")
    page.get_by_label("Voorzitter").select_option(label="Bram Willemsen")
    page.get_by_label(label(first)).check()
    page.get_by_label(label(second)).check()
    page.get_by_role("button", name="Overleg plannen").click()
    expect(page.get_by_role("status").first).to_contain_text("met 2 gezinnen op de agenda")
    meeting = CaseMeeting.objects.order_by("-pk").first()
    assert meeting is not None and meeting.agenda.count() == 2  # type: ignore[attr-defined]

    page.get_by_role("link", name=f"Deel vastleggen {first.reference}").click()
    expect(page.get_by_label("Verslag")).to_have_value(re.compile("^Agenda:"))
    page.get_by_label("Verslag").fill("Besproken: de schulden en wie de regie neemt.")
    page.get_by_label("Afspraak 1: bij doel").select_option(index=1)
    page.get_by_label("Afspraak 1: wat").fill(f"{member.first_name} opent samen met de regisseur alle post")
    page.get_by_label("Afspraak 1: wie").select_option(label=f"{member} ({member.get_relation_display()})")
    page.get_by_label("Afspraak 1: klaar op").fill("2027-03-01")
    page.get_by_label("Regisseur aanwijzen").select_option(label=new_coordinator)
    page.get_by_role("button", name="Deel vastleggen").click()
    expect(page.get_by_role("status").first).to_contain_text(f"Regisseur is nu {new_coordinator}")
    expect(page.locator("main")).to_contain_text("vastgelegd, 1 afspraak")
    agreed = Action.objects.filter(meeting__case_meeting=meeting, meeting__family=first)
    assert [a.description for a in agreed] == [f"{member.first_name} opent samen met de regisseur alle post"]
    assignment = CoordinatorAssignment.objects.filter(family=first).order_by("-pk").first()
    assert assignment is not None and str(assignment.coordinator) == new_coordinator

    with page.expect_download() as download:
        page.get_by_role("link", name="In mijn agenda zetten (.ics)").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name.startswith("zorgnetwerkoverleg-") and saved.suffix == ".ics"
    event = Calendar.from_ical(saved.read_bytes()).events[0]
    assert str(event["SUMMARY"]) == f"Zorgnetwerkoverleg {APPROACH}"
    assert str(event["LOCATION"]) == "Stadhuis, zaal De Linde"
    assert first.reference not in saved.read_text() and first.name not in saved.read_text()
