"""The aggregate page (/rapporten/overzicht/): who sees it, the filters, the charts and the table."""

from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse

from gezinsregie.accounts.models import Role
from tests.reports.aggregation_world import World, build_world, publish_scenario

URL = reverse("reports:aggregate")
SEES_IT = {Role.INSPECTOR, Role.POLICY_OFFICER}


@pytest.fixture
def world(db: None) -> World:
    w = build_world()
    publish_scenario(w)
    return w


def client_for(world: World, role: str) -> Client:
    client = Client()
    client.force_login(world.users[role])
    return client


class Page(HTMLParser):
    """The elements of a page: for each its tag and attributes, and the text of every element with an id."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text_of: dict[str, str] = {}
        self._open: list[tuple[str, str | None]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self.elements.append((tag, attributes))
        if tag not in {"input", "link", "meta", "br", "img", "hr"}:  # void elements have no end tag
            self._open.append((tag, attributes.get("id")))
            if attributes.get("id"):
                self.text_of[attributes["id"]] = ""

    def handle_endtag(self, tag: str) -> None:
        if any(open_tag == tag for open_tag, _ in self._open):
            while self._open.pop()[0] != tag:
                pass

    def handle_data(self, data: str) -> None:
        for _, element_id in self._open:
            if element_id:
                self.text_of[element_id] += data

    def all(self, tag: str, **attributes: str) -> list[dict[str, str]]:
        return [a for t, a in self.elements if t == tag and all(a.get(k) == v for k, v in attributes.items())]


@pytest.mark.parametrize("role", list(Role))
def test_inspectors_and_policy_officers_see_the_page_and_nobody_else(world: World, role: str) -> None:
    client = client_for(world, role)
    for name in ("reports:aggregate", "reports:aggregate_csv", "reports:aggregate_xlsx"):
        response = client.get(reverse(name))
        assert response.status_code == (200 if role in SEES_IT else 403), name


def test_an_anonymous_visitor_is_sent_to_the_login(db: None) -> None:
    for name in ("reports:aggregate", "reports:aggregate_csv", "reports:aggregate_xlsx"):
        response = Client().get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_the_page_shows_per_theme_a_chart_with_an_accessible_name_and_a_table(world: World) -> None:
    response = client_for(world, Role.INSPECTOR).get(URL)
    html = response.content.decode()
    page = Page(html)

    charts = page.all("svg", role="img")
    assert len(charts) == 5  # one per policy-level theme: B1 … B5, like figures 2–10
    for chart in charts:
        name = page.text_of[chart["aria-labelledby"]]
        assert "oordelen per indicator over 2 aanpakken" in name
        assert page.text_of[chart["aria-describedby"]].strip()
    assert "B1 Toeleiding: oordelen per indicator over 2 aanpakken" in page.text_of["thema-1-titel"]
    # the legend in words, and every bar part wide enough says its sign and percentage
    assert "✓ voldoet" in html and "X verbeterpunt" in html and "– niet getoetst" in html
    assert "✓ 100%" in page.text_of["thema-1"]  # B1.a.1: both approaches meet it
    # B3.a.1: an improvement point at Testdam, not assessed at Elders: 1 of the 1 assessed, as the report counts
    assert "X 100%" in page.text_of["thema-3"]
    assert "voldoet bij 0 van 1 aanpak (0%); 1 niet getoetst" in page.text_of["thema-3"]
    # the numbers: in the hidden table of each figure, and in the visible table per theme
    hidden = [t for t in page.all("table") if "visually-hidden" in t.get("class", "")]
    assert len(hidden) == 5
    table = page.text_of["thema-1-tabel"]
    assert "B1.a.1" in table and "2 van 2 (100%)" in table
    assert "B1.a.2" in table and "1 van 1 (100%)" in table  # Testdam did not assess it: not in the percentage
    assert "Niet getoetst (telt niet mee)" in table


def test_the_page_draws_parts_of_a_bar_in_proportion(world: World) -> None:
    overkant = world.inspection(world.overkant, 2015)  # a third approach: B1.a.1 ✓ ✓ X, B1.a.2 ✓ – –
    world.finding(overkant, ["B1.a.1"], "improvement")
    page = Page(client_for(world, Role.POLICY_OFFICER).get(URL).content.decode())
    parts = [a for a in page.all("rect") if "gr-agg__segment--" in a.get("class", "") and a.get("width") != "17"]
    widths = sorted({a["width"] for a in parts})
    assert widths == ["100.0%", "33.33%", "66.67%"]  # unlocalized: a decimal comma would break the SVG
    assert "voldoet bij 2 van 3 aanpakken (67%)" in page.text_of["thema-1"]
    assert "voldoet bij 1 van 1 aanpak (100%); 2 niet getoetst" in page.text_of["thema-1"]
    improvement = [a for a in parts if a["class"].endswith("--improvement")]
    assert improvement and all(a["fill"] == "url(#gr-agg-arcering)" for a in improvement)  # hatched, not colour alone


def test_the_filters_narrow_the_numbers_and_the_export_links_keep_them(world: World) -> None:
    client = client_for(world, Role.INSPECTOR)

    response = client.get(URL, {"jaar": "2013", "gemeente": str(world.elders.municipality_id)})
    page = Page(response.content.decode())
    assert "oordelen per indicator over 1 aanpak" in page.text_of["thema-1-titel"]
    assert "1 aanpakken" not in page.text_of["thema-1-titel"]
    query = f"niveau=policy&amp;jaar=2013&amp;gemeente={world.elders.municipality_id}"
    assert f"{reverse('reports:aggregate_csv')}?{query}" in response.content.decode()
    assert f"{reverse('reports:aggregate_xlsx')}?{query}" in response.content.decode()

    case = Page(client.get(URL, {"niveau": "case"}).content.decode())
    assert len(case.all("svg", role="img")) == 5
    assert "over 0 aanpakken" in case.text_of["thema-1-titel"]


def test_a_choice_that_does_not_exist_is_refused_in_words(world: World) -> None:
    client = client_for(world, Role.INSPECTOR)
    for params in ({"niveau": "alles"}, {"jaar": "1999"}, {"gemeente": "abc"}):
        response = client.get(URL, params)
        assert response.status_code == 400
        assert "Deze keuze bestaat niet" in response.content.decode()
        assert client.get(reverse("reports:aggregate_csv"), params).status_code == 400


def test_a_choice_that_does_not_exist_is_a_link_in_the_error_summary(world: World) -> None:
    page = client_for(world, Role.INSPECTOR).get(URL, {"jaar": "1999"}).content.decode()
    assert "data-error-summary" in page and page.count("Deze keuze bestaat niet") == 1  # the summary's title
    assert '<a class="utrecht-link" href="#id_jaar">Jaar: ' in page and 'id="id_jaar-fout"' in page
    assert "data-error-summary" not in client_for(world, Role.INSPECTOR).get(URL).content.decode()


def test_the_page_lists_the_approaches_that_count_and_never_a_person(world: World) -> None:
    inspection = world.inspection(world.testdam, 2015, level="case")
    world.finding(inspection, ["C1.a.1"], "improvement", case_review=world.family_review(inspection))
    client = client_for(world, Role.POLICY_OFFICER)

    html = client.get(URL).content.decode() + client.get(URL, {"niveau": "case"}).content.decode()
    assert "Gezinsaanpak Testdam" in html and "Aanpak Elders" in html
    assert "Wijkteam Overkant" not in html  # not published
    for person in ("Ilse", "Inspecteur", "Gezin Verborgen", "Geheimstraat", "Gezin A"):
        assert person not in html


def test_the_pdf_embeds_the_charts_and_the_numbers(world: World, tmp_path) -> None:
    import subprocess

    response = client_for(world, Role.POLICY_OFFICER).get(reverse("reports:aggregate_pdf"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    target = tmp_path / "overzicht.pdf"
    target.write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "Landelijk beeld toezicht GGSR" in text and "B1 Toeleiding" in text
    assert "✓ 100%" in text  # a label inside a bar of the chart: the SVG is in the PDF
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(target), str(tmp_path / "p")], check=True)
    assert (tmp_path / "p-1.png").stat().st_size > 5_000

    assert client_for(world, Role.COORDINATOR).get(reverse("reports:aggregate_pdf")).status_code == 403
