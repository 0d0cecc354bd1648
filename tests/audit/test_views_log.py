"""The privacy officer's log pages: search by user, family, action and period; unusual patterns; a family's log as
CSV and PDF for an access request. Everything through the policy, everything logged."""

import shutil
import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from gezinsregie.accounts.models import Role
from gezinsregie.audit import services
from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.audit.services import ANONYMOUS
from gezinsregie.common import csv_export
from gezinsregie.common.formatting import long_date
from tests.audit.tampering import write_valid_entries
from tests.factories import FamilyFactory, UserFactory


def database_today() -> date:
    with connection.cursor() as cursor:
        cursor.execute("SELECT now()")
        (now,) = cursor.fetchone()
    return timezone.localdate(now)


@pytest.fixture
def officer(world, login):
    return login(world.user(Role.PRIVACY_OFFICER))


@pytest.fixture
def logged(world):
    """A coordinator and a professional at work, a refused attempt, and work in another municipality."""
    coordinator, professional = world.user(Role.COORDINATOR), world.user(Role.PROFESSIONAL)
    services.record(actor=coordinator, action="family.view", family=world.family("coordinated"))
    services.record(actor=coordinator, action="plan.goal_add", family=world.family("coordinated"))
    services.record(actor=professional, action="family.view", family=world.family("consented"))
    services.record_denial(actor=professional, permission="edit", obj=world.family("coordinated"))
    services.record(actor=world.user(Role.COORDINATOR), action="family.view", family=world.family("other"))
    return world


def shown(response) -> list[tuple[str, str]]:
    page = response.context["page"]
    return [(e.username, e.action) for e in page.object_list] if page is not None else []


def test_search_by_user(officer, logged):
    response = officer.get(reverse("audit:search"), {"gebruiker": logged.user(Role.PROFESSIONAL).username.upper()})

    assert response.status_code == 200
    name = logged.user(Role.PROFESSIONAL).username
    assert shown(response) == [(name, "denied.edit"), (name, "family.view")]
    assert response["Cache-Control"].startswith("max-age=0")  # never cached
    assert AccessLogEntry.objects.filter(action="log.search", user_id=logged.user(Role.PRIVACY_OFFICER).pk).count() == 1


def test_search_by_family_and_action(officer, logged):
    family = logged.family("coordinated")

    by_family = officer.get(reverse("audit:search"), {"kenmerk": family.reference, "handeling": "family"})
    denied = officer.get(reverse("audit:search"), {"handeling": "denied"})

    coordinator, professional = logged.user(Role.COORDINATOR), logged.user(Role.PROFESSIONAL)
    assert shown(by_family) == [(coordinator.username, "family.view")]
    assert shown(denied) == [(professional.username, "denied.edit")]
    assert family.reference in by_family.content.decode()


def test_search_by_period(officer, logged):
    long_ago = timezone.make_aware(datetime(2019, 3, 4, 14, 0))
    write_valid_entries([long_ago], family_id=logged.family("consented").pk, family_reference="GR-OUD", username="oud")
    today = database_today()

    then = officer.get(reverse("audit:search"), {"van": "2019-03-04", "tot": "2019-03-04"})
    now = officer.get(reverse("audit:search"), {"van": today.isoformat(), "tot": today.isoformat()})

    assert shown(then) == [("oud", "family.view")]
    assert ("oud", "family.view") not in shown(now)
    assert (logged.user(Role.COORDINATOR).username, "family.view") in shown(now)


def test_the_search_shows_nothing_of_another_municipality(officer, logged):
    other = logged.family("other")

    response = officer.get(reverse("audit:search"), {"handeling": "family.view"})

    assert other.reference not in response.content.decode()
    assert all(e.family_id != other.pk for e in response.context["page"].object_list)
    assert officer.get(reverse("audit:search"), {"kenmerk": other.reference}).context["page"] is None


def test_a_wrong_period_is_refused_in_dutch(officer, logged):
    response = officer.get(reverse("audit:search"), {"van": "2025-02-01", "tot": "2025-01-01"})

    assert response.status_code == 200
    assert "De periode klopt niet" in response.content.decode()
    assert response.context["page"] is None


@pytest.mark.parametrize("url", ["audit:search", "audit:patterns"])
@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.PROCESS_MANAGER, Role.ADMINISTRATOR])
def test_only_the_privacy_officer_searches_and_sees_patterns(world, login, url, role):
    assert login(world.user(role)).get(reverse(url)).status_code == 403


# --- unusual patterns ---


def test_patterns_show_a_user_browsing_outside_the_caseload_and_reading_at_night(officer, world):
    professional = world.user(Role.PROFESSIONAL)
    strangers = [FamilyFactory(approach=world.approach) for _ in range(6)]
    for family in strangers:
        services.record(actor=professional, action="family.view", family=family)
    coordinator = world.user(Role.COORDINATOR)
    night = timezone.make_aware(datetime(2024, 5, 7, 23, 15))
    write_valid_entries(
        [night, night + timedelta(minutes=5)],
        user_id=coordinator.pk,
        username=coordinator.username,
        family_id=world.family("coordinated").pk,
        family_reference=world.family("coordinated").reference,
    )
    today = database_today()

    recent = officer.get(reverse("audit:patterns"), {"van": (today - timedelta(days=7)).isoformat(), "tot": today})
    then = officer.get(reverse("audit:patterns"), {"van": "2024-05-01", "tot": "2024-05-31"})

    # today's reads may themselves fall at night (the database's clock is the real one): look at browsing only
    [browsing] = [p for p in recent.context["patterns"] if p.kind == "outside_caseload"]
    assert (browsing.kind, browsing.username, browsing.count) == ("outside_caseload", professional.username, 6)
    assert set(browsing.families) == {f.reference for f in strangers}
    assert "las 6 gezinnen buiten de eigen caseload" in recent.content.decode()
    [at_night] = then.context["patterns"]
    assert (at_night.kind, at_night.username, at_night.count) == ("night", coordinator.username, 2)


def test_the_own_caseload_in_the_daytime_is_no_pattern(officer, world):
    coordinator = world.user(Role.COORDINATOR)
    daytime = timezone.make_aware(datetime(2024, 3, 5, 11, 0))
    for hour in range(8):
        family = FamilyFactory(approach=world.approach, coordinator=coordinator)
        write_valid_entries(
            [daytime + timedelta(minutes=hour)],
            user_id=coordinator.pk,
            username=coordinator.username,
            family_id=family.pk,
            family_reference=family.reference,
        )

    response = officer.get(reverse("audit:patterns"), {"van": "2024-03-01", "tot": "2024-03-31"})

    assert response.context["patterns"] == []
    assert "Geen ongebruikelijke patronen" in response.content.decode()


def test_the_patterns_page_defaults_to_the_last_thirty_days(officer, world):
    response = officer.get(reverse("audit:patterns"))

    assert response.status_code == 200
    today = timezone.localdate()
    assert response.context["form"].cleaned_data == {"van": today - timedelta(days=30), "tot": today}


# --- a family's log for an access request ---


def test_the_csv_export_has_dutch_headers_semicolons_and_a_bom(officer, logged):
    family = logged.family("coordinated")

    response = officer.get(reverse("audit:family_csv", args=[family.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f'filename="toegangslog-{family.reference}.csv"' in response["Content-Disposition"]
    content = b"".join(response.streaming_content)
    text = content.decode("utf-8")
    assert text.startswith("\ufeffTijdstip;Gebruikersnaam;Naam;Organisatie;In de rol van;Namens;Handeling;")
    header, *rows = csv_export.read(content)
    coordinator, professional = logged.user(Role.COORDINATOR), logged.user(Role.PROFESSIONAL)
    by = [dict(zip(header, row, strict=True)) for row in rows]
    assert any(
        r["Gebruikersnaam"] == coordinator.username and r["Handeling"] == "Doel toegevoegd aan het plan" for r in by
    )
    assert any(
        r["Gebruikersnaam"] == professional.username and r["Handeling"] == "Geweigerd: gezin wijzigen" for r in by
    )
    assert all(r["Organisatie"] and r["In de rol van"] for r in by)  # the capacity on every row
    assert not any("plan.goal_add" in line or "denied." in line or "casework." in line for line in text.splitlines())
    assert not any(logged.family("consented").reference in line for line in text.splitlines())
    exported = AccessLogEntry.objects.get(action="log.export_csv")
    assert (exported.family_id, exported.user_id) == (family.pk, logged.user(Role.PRIVACY_OFFICER).pk)


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing")
def test_the_pdf_export_reads_as_the_log(officer, logged, tmp_path: Path):
    family = logged.family("coordinated")

    response = officer.get(reverse("audit:family_pdf", args=[family.pk]))

    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    pdf = tmp_path / "log.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    assert f"Toegangslog van gezin {family.reference}" in text
    cells = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    words = " ".join(cells.split())  # in the order written (-raw); a cell's text may wrap over lines
    assert "Doel toegevoegd aan het plan" in words and "Geweigerd: gezin wijzigen" in words
    assert "plan.goal_add" not in words and "denied.edit" not in words and "casework.Family" not in words
    assert "inzageverzoek" in text
    assert AccessLogEntry.objects.filter(action="log.export_pdf", family_id=family.pk).count() == 1


@pytest.mark.parametrize("url", ["audit:family_csv", "audit:family_pdf"])
def test_the_exports_are_404_for_who_may_not_read_the_log(world, login, url):
    family = world.family("consented")

    assert login(world.user(Role.PROFESSIONAL)).get(reverse(url, args=[family.pk])).status_code == 404
    assert login(world.user(Role.PRIVACY_OFFICER)).get(reverse(url, args=[world.family("other").pk])).status_code == 404


def test_the_family_log_page_offers_the_exports_and_shows_attempts(officer, logged):
    family = logged.family("coordinated")

    content = officer.get(reverse("audit:family", args=[family.pk])).content.decode()

    assert reverse("audit:family_pdf", args=[family.pk]) in content
    assert "Geweigerd: gezin wijzigen" in content and "denied.edit" not in content  # the attempt, in words
    assert ANONYMOUS not in content


CAPACITY_NOTE = 'data-testid="capacity-note"'


def test_rows_from_before_organisation_and_role_were_stored_say_why_they_lack_them(officer, logged):
    family = logged.family("coordinated")
    coordinator = logged.user(Role.COORDINATOR)
    long_ago = timezone.make_aware(datetime(2019, 3, 4, 14, 0))
    write_valid_entries(  # as the log wrote it then: a known user, no organisation, no role
        [long_ago],
        family_id=family.pk,
        family_reference=family.reference,
        user_id=coordinator.pk,
        username=coordinator.username,
    )
    since = AccessLogEntry.objects.exclude(organisation="").exclude(role="").order_by("at").first()
    assert since is not None and since.at > long_ago

    for response in (
        officer.get(reverse("audit:family", args=[family.pk])),
        officer.get(reverse("audit:search"), {"kenmerk": family.reference, "handeling": "family"}),
    ):
        page = response.content.decode()
        assert "niet vastgelegd" in page and CAPACITY_NOTE in page
        assert f"Organisatie en rol worden vastgelegd sinds {long_date(timezone.localtime(since.at))};" in page
        assert "Ze worden niet achteraf ingevuld" in page and "zou die keten breken" in page
    if shutil.which("pdftotext"):  # the export for an inzageverzoek says the same
        pdf = officer.get(reverse("audit:family_pdf", args=[family.pk])).content
        text = subprocess.run(["pdftotext", "-raw", "-", "-"], input=pdf, check=True, capture_output=True).stdout
        words = " ".join(text.decode().split())
        assert "Organisatie en rol worden vastgelegd sinds" in words and "zou die keten breken" in words


def test_without_such_rows_the_page_says_nothing_about_them(officer, logged):
    family = logged.family("coordinated")
    services.record(actor=UserFactory(), action="family.view", family=family)  # no membership: none to store now

    page = officer.get(reverse("audit:family", args=[family.pk])).content.decode()

    assert "niet vastgelegd" in page  # that row lacks them, but not because it is old
    assert CAPACITY_NOTE not in page and "achteraf" not in page
    search = officer.get(reverse("audit:search"), {"handeling": "family"}).content.decode()
    assert CAPACITY_NOTE not in search
