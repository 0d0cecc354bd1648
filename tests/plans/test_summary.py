"""The family's summary of the plan (Maastricht §2.6), as a page and as a PDF."""

import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from django.urls import reverse

from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.plans import services
from gezinsregie.plans.models import Action
from tests.worlds.plans import PlanWithContent, PlanWorld

pytestmark = pytest.mark.django_db


def test_the_summary_page_speaks_plain_dutch_to_the_family(planned: PlanWithContent, w: PlanWorld) -> None:
    response = w.client_for(w.coordinator).get(reverse("plans:summary", args=[w.family.pk]))
    whole = response.content.decode()
    page = whole[whole.index('<div class="gr-summary">') : whole.index("<footer")]  # the family's text only
    for heading in ["Wie is uw regisseur?", "Wat gaan we doen?", "Wie doet wat en wanneer?"]:
        assert heading in page
    assert "Uw regisseur is <strong>Fatima El Amrani</strong> van Wijkteam Noord." in page
    assert "Het gezin kan in het huis blijven wonen" in page
    assert "Betalingsregeling afspreken met de verhuurder" in page and "Kees Jansen (Schuldhulp Zeldenbroek)" in page
    assert "Onderwerp: Wonen" in page
    # Nothing internal, nothing of anyone else.
    for private in [
        w.housing.description,
        w.health.description,
        w.other_problem.description,
        "Gezin Bakker",
        "Bram",
        "toetsingskader",
        "leefgebied",
        "prioriteit",
    ]:
        assert private not in page, private
    assert AccessLogEntry.objects.filter(action="plan.summary", family_id=w.family.pk, username="regisseur").exists()


def test_dropped_goals_and_cancelled_actions_are_left_out(planned: PlanWithContent, w: PlanWorld) -> None:
    action = Action.objects.get(goal=planned.debts_goal)
    services.plan_update_action(
        actor=w.coordinator,
        action=action,
        expected_version=5,
        description="Dit gaat niet door",
        owner=services.Owner("member", member=w.sanne),
        due_on=action.due_on,
        status="cancelled",
        done_on=None,
    )
    services.plan_update_goal(
        actor=w.coordinator,
        goal=planned.housing_goal,
        expected_version=5,
        problem=w.housing,
        description="Een vervallen doel",
        priority=1,
        term="short",
        status="dropped",
    )
    services.plan_session_save(actor=w.coordinator, plan=planned.plan, expected_version=5)
    page = w.client_for(w.coordinator).get(reverse("plans:summary", args=[w.family.pk])).content.decode()
    assert "Dit gaat niet door" not in page and "Een vervallen doel" not in page
    assert "Sanne heeft overzicht over haar schulden" in page


def test_the_summary_shows_the_saved_plan_not_the_open_working_session(planned: PlanWithContent, w: PlanWorld) -> None:
    services.plan_update_goal(
        actor=w.coordinator,
        goal=planned.housing_goal,
        expected_version=5,
        problem=w.housing,
        description="Nog niet besproken met het gezin",
        priority=1,
        term="short",
        status="open",
    )
    client = w.client_for(w.coordinator)
    page = client.get(reverse("plans:summary", args=[w.family.pk])).content.decode()
    assert "Nog niet besproken met het gezin" not in page
    assert "Het gezin kan in het huis blijven wonen" in page  # version 5, as saved
    assert "Deze samenvatting en de PDF tonen versie 5, het plan zoals het laatst is opgeslagen." in page

    services.plan_session_save(actor=w.coordinator, plan=planned.plan, expected_version=5)
    page = client.get(reverse("plans:summary", args=[w.family.pk])).content.decode()
    assert "Nog niet besproken met het gezin" in page and "Het gezin kan in het huis blijven wonen" not in page
    assert "nog niet opgeslagen" not in page


@pytest.mark.skipif(not shutil.which("pdftoppm") or not shutil.which("pdftotext"), reason="poppler-utils missing")
def test_the_summary_pdf_renders_and_is_logged(planned: PlanWithContent, w: PlanWorld, tmp_path: Path) -> None:
    services.plan_record_approval(
        actor=w.coordinator,
        plan=planned.plan,
        expected_version=5,
        goals_set_with_family=True,
        approved_by_family_on=w.today - timedelta(days=1),
    )
    response = w.client_for(w.professional).get(reverse("plans:summary_pdf", args=[w.family.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="samenvatting-gezinsplan-GR-PLAN-1.pdf"' in response["Content-Disposition"]
    assert "no-store" in response.get("Cache-Control", "")
    assert response.content.startswith(b"%PDF")
    pdf = tmp_path / "samenvatting.pdf"
    pdf.write_bytes(response.content)

    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True)
    pngs = list(tmp_path.glob("page*.png"))
    assert len(pngs) == 1
    assert pngs[0].read_bytes().startswith(b"\x89PNG") and pngs[0].stat().st_size > 5_000

    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    flat = " ".join(text.split())
    assert "Fatima El Amrani" in flat
    assert "Het gezin kan in het huis blijven wonen" in flat
    assert "Wie doet wat en wanneer?" in flat
    assert "Ja. U heeft op" in flat
    assert w.health.description not in flat and "Bakker" not in flat

    entry = AccessLogEntry.objects.filter(action="plan.summary_pdf").get()
    assert (entry.username, entry.family_id, entry.object_type) == ("professional", w.family.pk, "plans.Plan")
