"""Plain Dutch and right numbers, in a real browser (issue 14 §5, §6 and the numbers of §2): plurals, the access log
in words with organisation and role on every row, the admin's user list, CSV in the Dutch Excel dialect, shares of
the total that add up to a hundred, and meters that leave the numbers readable."""

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.common import csv_export

pytestmark = pytest.mark.browser

# codes the system stores and a person must never read
CODE_WORDS = [
    "family.view",
    "family.view_log",
    "plan.summary_pdf",
    "plan.view",
    "log.export_csv",
    "log.search",
    "denied.",
    "login.failed",
    "casework.Family",
    "plans.Plan",
]


def _a_family_the_officer_may_read(username: str = "privacy") -> Any:
    officer = User.objects.get(username=username)
    return policy.families_for(officer, policy.Permission.VIEW_LOG).order_by("reference").first()


def _download(page: Page, link_name: str) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name).click()
    path = info.value.path()
    assert path is not None
    with open(path, "rb") as file:
        return file.read()


def test_the_access_log_reads_in_words_with_organisation_and_role_on_every_row(
    login: Callable[[str], Page], live_server: Any
) -> None:
    family = _a_family_the_officer_may_read()
    page = login("regisseur")
    page.goto(f"{live_server.url}/gezinnen/{family.pk}/")  # a read, or a refusal: logged either way
    page.context.clear_cookies()
    page = login("privacy")

    page.goto(f"{live_server.url}/toegangslog/gezin/{family.pk}/")

    table = page.locator("table.utrecht-table").first
    expect(table.get_by_role("columnheader", name="Organisatie", exact=True)).to_be_visible()
    expect(table.get_by_role("columnheader", name="Rol", exact=True)).to_be_visible()
    headers = [h.strip() for h in table.locator("thead th").all_inner_texts()]
    organisation_at, role_at, action_at = headers.index("Organisatie"), headers.index("Rol"), headers.index("Handeling")
    rows = table.locator("tbody tr")
    assert rows.count() > 1
    for index in range(rows.count()):
        cells = [c.strip() for c in rows.nth(index).locator("td").all_inner_texts()]
        assert cells[organisation_at] not in ("", "—"), cells  # filled on every row
        assert cells[role_at] not in ("", "—"), cells
        assert cells[action_at][:1].isupper() and "." not in cells[action_at], cells  # words, not a code
    text = page.locator("main").inner_text()
    for code in CODE_WORDS:
        assert code not in text, code
    expect(page.locator("main")).to_contain_text("Toegangslog van het gezin bekeken")


def test_the_log_search_says_1_regel_and_2_regels(login: Callable[[str], Page], live_server: Any) -> None:
    family = _a_family_the_officer_may_read()
    page = login("privacy")
    log = f"{live_server.url}/toegangslog/gezin/{family.pk}/"
    search = f"{live_server.url}/toegangslog/?kenmerk={family.reference}&handeling=log.export_csv"

    for downloads, caption in ((1, "1 regel, nieuwste eerst"), (2, "2 regels, nieuwste eerst")):
        page.goto(log)
        _download(page, "download als CSV")
        page.goto(search)
        expect(page.locator("caption").first).to_have_text(caption)
        rows = page.locator("table.utrecht-table tbody tr")
        expect(rows).to_have_count(downloads)
        expect(rows.first).to_contain_text("Toegangslog als CSV gedownload")
    # the choice of action is in words too
    expect(page.get_by_label("Handeling")).to_contain_text("Toegangslog als CSV gedownload")


def test_a_csv_downloaded_in_the_browser_is_dutch_excel(login: Callable[[str], Page], live_server: Any) -> None:
    family = _a_family_the_officer_may_read()
    page = login("privacy")
    page.goto(f"{live_server.url}/toegangslog/gezin/{family.pk}/")

    content = _download(page, "download als CSV")

    assert content.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM
    assert b";" in content.split(b"\r\n")[0]
    header, *rows = csv_export.read(content)
    assert header[:7] == ["Tijdstip", "Gebruikersnaam", "Naam", "Organisatie", "In de rol van", "Namens", "Handeling"]
    assert rows and all(len(row) == len(header) for row in rows)
    assert all(row[3] and row[4] for row in rows)  # organisation and role on every row
    assert all(re.fullmatch(r"\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2}", row[0]) for row in rows)  # Excel reads a date
    assert not any(code in content.decode("utf-8") for code in CODE_WORDS)


def test_the_aggregate_csv_has_dutch_headers_and_decimal_commas(login: Callable[[str], Page], live_server: Any) -> None:
    page = login("beleid")
    page.goto(f"{live_server.url}/rapporten/overzicht/")

    content = _download(page, "CSV")

    header, *rows = csv_export.read(content)
    assert header[:5] == ["Niveau", "Thema", "Criterium", "Indicator", "Tekst van de indicator"]
    assert rows and {row[0] for row in rows} == {"beleidsniveau"}
    shares = [row[header.index("Voldoet (% van alle aanpakken)")] for row in rows]
    assert all(re.fullmatch(r"\d+,\d", share) for share in shares if share), shares  # 66,7 — never 66.7
    assert any("," in share for share in shares)


def test_the_admin_user_list_has_role_and_organisation(login: Callable[[str], Page], live_server: Any) -> None:
    page = login("beheer")
    page.goto(f"{live_server.url}/beheer/accounts/user/")

    results = page.locator("#result_list")
    expect(results.locator("thead")).to_contain_text("Rol")
    expect(results.locator("thead")).to_contain_text("Organisatie")
    headers = [h.strip() for h in results.locator("thead th").all_inner_texts()]
    coordinator = results.locator("tbody tr", has=page.get_by_role("link", name="regisseur", exact=True))
    cells = [c.strip() for c in coordinator.locator("td, th").all_inner_texts()]
    role = cells[[h.lower() for h in headers].index("rol")]
    organisation = cells[[h.lower() for h in headers].index("organisatie")]
    assert role == "regisseur" and organisation not in ("", "—"), (role, organisation)


def _percentages(figure: Any) -> list[float]:
    cells = figure.locator("table tbody tr td:last-child").all_text_contents()
    return [float(c.strip().rstrip("%").replace(",", ".")) for c in cells if c.strip().endswith("%")]


def test_the_population_percentages_are_shares_of_the_total(login: Callable[[str], Page], live_server: Any) -> None:
    page = login("procesmanager")
    page.goto(f"{live_server.url}/populatie/")

    figures = page.locator("figure.gr-chart")
    assert figures.count() >= 3
    checked = 0
    for index in range(figures.count()):
        figure = figures.nth(index)
        header = figure.locator("table thead th").last.text_content() or ""
        assert header.strip() == "Percentage van het totaal"
        shares = _percentages(figure)
        if len(shares) > 1:
            assert abs(sum(shares) - 100) <= len(shares) / 2 + 0.5, shares  # whole percents, rounded
            assert max(shares) < 100  # not "100%" for the largest bar
            checked += 1
    assert checked >= 2
    # the same on the process manager's start page
    page.goto(f"{live_server.url}/")
    for chart_id in ("per-status", "per-wijk"):
        shares = _percentages(page.locator(f"#{chart_id}"))
        assert shares and abs(sum(shares) - 100) <= len(shares) / 2 + 0.5, (chart_id, shares)


def test_the_self_assessment_meters_leave_the_numbers_readable(login: Callable[[str], Page], live_server: Any) -> None:
    page = login("procesmanager")
    manager = User.objects.get(username="procesmanager")
    approach = policy.approaches_for(manager, policy.Permission.VIEW_ASSESSMENT).order_by("pk").first()
    assert approach is not None
    page.goto(f"{live_server.url}/zelfevaluatie/{approach.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Zelfevaluatie")

    meters = page.locator("svg.gr-meter")
    assert meters.count() > 0
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        for index in range(min(meters.count(), 12)):
            meter = meters.nth(index)
            cell = meter.locator("xpath=ancestor::td[1]")
            value = cell.locator(".gr-meter-value")
            numbers = cell.locator("xpath=following-sibling::td[1]")
            m, c, v, n = (x.bounding_box() for x in (meter, cell, value, numbers))
            assert m and c and v and n
            assert m["x"] + m["width"] <= c["x"] + c["width"] + 0.5, (width, m, c)  # inside its own cell
            assert m["x"] + m["width"] <= n["x"], (width, m, n)  # never over the "Ja" number
            assert v["y"] + v["height"] <= m["y"] + 0.5, (width, v, m)  # the percentage above it, not under it
