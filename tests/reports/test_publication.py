"""The published reports: the factsheet (policy level) and the nota van bevindingen (case level).

The world is the inspection tests' (gezinsregie.inspections.tests.conftest): municipality Testdam, approach
"Gezinsaanpak Testdam", inspectorate "STJ test". Two inspections of it:
- `factsheet_inspection`: policy level, four respondents, an X on B1.a.2 with a LET OP note, and B3.a.1–3 as one
  published row with three findings (✓ X ✓, as in the Oosterhout factsheet, stored as the importer stores it);
- `case_inspection_judged`: case level, the families De Vries (Sanne, Noah; Lindelaan 12) and Bakker in the
  sample; the inspector's texts mention them by name, which the report must not repeat.
Both are in judging (a concept) until a test publishes them.
"""

import re

import pytest
from django.test import Client
from django.urls import reverse

from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.inspections import selectors, services
from gezinsregie.inspections.models import Finding, Inspection, InspectionLevel
from gezinsregie.reports import publication
from gezinsregie.reports.publication import Block, Redaction
from tests.reports.publication_world import (
    GEMEENTE_ZICHT,
    ROW_TEXTS,
    THEMES,
    indicator_of,
    make_case_inspection,
    make_factsheet_inspection,
    page_url,
    person_names,
    personal_data,
    publish,
    report_part,
    words,
)
from tests.worlds.inspections import (
    YEAR,
    InspectionWorld,
)

# --- plain text: paragraphs and lists ---------------------------------------------------------------------------


def test_blank_lines_make_paragraphs_and_single_newlines_line_breaks() -> None:
    assert publication.blocks("Eerste regel\ntweede regel\n\n  \nNieuwe alinea.\r\n") == (
        Block(("Eerste regel", "tweede regel")),
        Block(("Nieuwe alinea.",)),
    )
    assert publication.blocks("") == () and publication.blocks(" \n\n ") == ()


def test_lines_starting_with_a_dash_make_a_list_also_right_after_a_lead_in() -> None:
    assert publication.blocks("Aanbevelingen:\n- één plan\n* één regisseur\n• nazorg\nTot slot.") == (
        Block(("Aanbevelingen:",)),
        Block(("één plan", "één regisseur", "nazorg"), is_list=True),
        Block(("Tot slot.",)),
    )
    assert publication.blocks("-geen lijst") == (Block(("-geen lijst",)),)


# --- no names ---------------------------------------------------------------------------------------------------------


def test_redact_replaces_whole_words_in_any_case_longest_first() -> None:
    redactions = [
        Redaction("Gezin De Vries", "Gezin A"),
        Redaction("De Vries", "[naam]"),
        Redaction("Sanne", "[naam]"),
        Redaction("Lindelaan 12", "[adres]"),
        Redaction("x", "[te kort]"),
    ]
    text = "Het gezin  de vries woont aan de Lindelaan\n12; SANNE de Vries en Sannes zus. Gezin de Vries zegt x."
    assert publication.redact(text, redactions) == (
        "Het Gezin A woont aan de [adres]; [naam] [naam] en Sannes zus. Gezin A zegt x."
    )
    assert publication.redact("Niets te doen.", []) == "Niets te doen."


# --- the factsheet ------------------------------------------------------------------------------------------------


def test_the_factsheet_has_the_published_structure(iw: InspectionWorld, factsheet_inspection: Inspection) -> None:
    report = publication.build(factsheet_inspection)
    assert report.kind == publication.FACTSHEET and report.concept
    assert report.title == "Factsheet Gezinsaanpak Testdam" and report.municipality == "Testdam"
    assert [r.organisation for r in report.respondents] == [
        "Gemeente Testdam",
        "GGZ Testdam",
        "Politie Testdam",
        "Schuldhulp Testdam",
    ]
    assert [t.theme.name for t in report.themes] == THEMES
    assert report.counts == publication.Counts(met=27, improvement=2, not_assessed=1, open=0)
    assert report.description[0] == Block(("De gezinsmanager werkt outreachend.", "Hij komt bij het gezin thuis."))

    html = Client()
    html.force_login(iw.inspector)
    page = html.get(page_url(factsheet_inspection)).content.decode()
    text = words(page)
    assert '<h1 class="utrecht-heading-1 gr-report__title">Factsheet Gezinsaanpak Testdam</h1>' in page
    assert "CONCEPT" in text and "Gemeente Testdam (gemeente)" in text and "Politie Testdam (netwerkpartner)" in text
    for heading in ("Ingevuld door", "Beschrijving", "Bevindingen toezichtonderzoek", *THEMES):
        assert f">{heading}</h" in page, heading
    assert "Criterium Indicatoren Bevindingen" in text
    assert "Aantal indicatoren: 30; voldoet: 27, verbeterpunt: 2, niet getoetst: 1." in text
    # a judgement is said in words; the symbol is only beside it
    assert '<span aria-hidden="true">X</span> verbeterpunt</span>' in page
    assert f"verbeterpunt {GEMEENTE_ZICHT} LET OP: De gemeente schat het aantal gezinnen op ongeveer achttien." in text
    assert '<span aria-hidden="true">–</span> niet getoetst' in page and "✓</span> voldoet" in page
    # plain text: paragraphs and line breaks, everything escaped
    assert (
        '<p class="utrecht-paragraph">De gezinsmanager werkt outreachend.<br>Hij komt bij het gezin thuis.</p>' in page
    )
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert" not in page
    assert "<script>" not in page and " style=" not in page and "<style" not in page  # the CSP


def test_findings_that_share_a_published_row_are_one_table_row(factsheet_inspection: Inspection) -> None:
    report = publication.build(factsheet_inspection)
    planmatig = next(c for t in report.themes for c in t.criteria if c.criterion.key == "B3.a")
    first = planmatig.rows[0]
    assert [i.key for i in first.indicators] == ["B3.a.1", "B3.a.2", "B3.a.3"]
    assert [(f.judgement, f.text[0].lines[0]) for f in first.findings] == list(
        zip(("met", "improvement", "met"), ROW_TEXTS, strict=True)
    )
    assert first.findings[0].notes == ("Niet specifiek voor GGSR.",)
    assert [i.key for row in planmatig.rows for i in row.indicators].count("B3.a.1") == 1
    # a finding the inspector made for a group of indicators is one row as well
    toeleiding = report.themes[0].criteria[0]
    assert [[i.key for i in row.indicators] for row in toeleiding.rows] == [["B1.a.1"], ["B1.a.2"]]
    assert "B3.a.2" in [i.key for i in report.improvement_points]


def test_a_row_of_findings_each_covering_one_indicator_is_one_row_too(
    iw: InspectionWorld, factsheet_inspection: Inspection
) -> None:
    # the other way to store a published row: one finding per indicator, in order
    row = Finding.objects.filter(inspection=factsheet_inspection, row=7).order_by("pk")
    for finding, key in zip(row, ("B3.a.1", "B3.a.2", "B3.a.3"), strict=True):
        finding.indicators.set([indicator_of(factsheet_inspection, key)])
        finding.order = selectors.positions(selectors.indicators_of(factsheet_inspection))[finding.indicators.get().pk]
        finding.save()
    planmatig = next(
        c for t in publication.build(factsheet_inspection).themes for c in t.criteria if c.criterion.key == "B3.a"
    )
    assert [i.key for i in planmatig.rows[0].indicators] == ["B3.a.1", "B3.a.2", "B3.a.3"]
    assert [f.judgement for f in planmatig.rows[0].findings] == ["met", "improvement", "met"]
    assert [i.key for i in planmatig.rows[1].indicators] == ["B3.a.4"]


def test_the_row_shows_as_one_tr_with_its_criterion_spanning_the_rows(
    iw: InspectionWorld, factsheet_inspection: Inspection
) -> None:
    client = Client()
    client.force_login(iw.inspector)
    page = client.get(page_url(factsheet_inspection)).content.decode()
    rows = re.findall(r"<tr class=\"utrecht-table__row\">(.*?)</tr>", page, flags=re.S)
    shared = [r for r in rows if ROW_TEXTS[0] in r]
    assert len(shared) == 1 and all(t in shared[0] for t in ROW_TEXTS)
    assert shared[0].count("gr-report-finding__judgement") == 3
    assert 'scope="rowgroup" rowspan="' in shared[0] and ">Planmatig</th>" in shared[0]


# --- the nota van bevindingen --------------------------------------------------------------------------------------


def test_the_case_report_has_the_chapters_of_the_nota(iw: InspectionWorld, case_inspection_judged: Inspection) -> None:
    publish(iw, case_inspection_judged)
    report = publication.build(case_inspection_judged)
    assert report.kind == publication.CASE_REPORT and not report.concept
    assert [(f.pseudonym, f.interviews, f.plan_reviewed) for f in report.families] == [
        ("Gezin A", 3, True),
        ("Gezin B", 3, False),
    ]
    assert report.interviews == {"family": 2, "coordinator": 2, "professional": 2}
    assert [i.key for i in report.improvement_points] == ["C2.a.1"]
    assert report.recommendations == (
        Block(("Werk met één plan per gezin.", "Betrek het gezin bij de probleemanalyse."), is_list=True),
    )
    client = Client()
    client.force_login(iw.policy_officer)
    page = client.get(page_url(case_inspection_judged)).content.decode()
    text = words(page)
    assert "Nota van bevindingen Testdam Gezinsaanpak Testdam" in text and "CONCEPT" not in text
    chapters = [
        "1 Inleiding",
        "2 Typering van de aanpak",
        "3 Wat gaat goed?",
        "4 Wat kan beter?",
        "5 Algemene conclusie en aanbevelingen",
        "Bijlage 1: Beoordeling indicatoren toetsingskader verantwoorde zorg en ondersteuning GGSR",
    ]
    positions = [page.index(f">{c}</h2>") for c in chapters]
    assert positions == sorted(positions)
    assert "Gezin A: 3 gesprekken, gezinsplan beoordeeld" in text and "Gezin B: 3 gesprekken" in text
    assert '<li class="utrecht-unordered-list__item">Werk met één plan per gezin.</li>' in page
    assert (
        "Verbeterpunten uit het toetsingskader" in text
        and "Aantal indicatoren: 33; voldoet: 31, verbeterpunt: 1," in text
    )
    assert "Het Veiligheidshuis voert de regie." in text and "De aanpak is vasthoudend." in text


def test_texts_not_written_yet_say_so_in_the_concept(iw: InspectionWorld) -> None:
    inspection = services.inspection_create(
        actor=iw.inspector, approach=iw.approach, level=InspectionLevel.CASE, year=YEAR
    )
    client = Client()
    client.force_login(iw.inspector)
    text = words(client.get(page_url(inspection)).content.decode())
    assert text.count("Nog niet geschreven.") == 5  # the description too: the approach has none either
    assert "Er zijn nog geen gezinnen onderzocht." in text and "nog geen oordeel" in text


# --- no personal data ----------------------------------------------------------------------------------------------


def test_no_report_shows_a_family_member_address_reference_or_person(
    iw: InspectionWorld, case_inspection_judged: Inspection, factsheet_inspection: Inspection
) -> None:
    client = Client()
    client.force_login(iw.inspector)
    case_page = client.get(page_url(case_inspection_judged)).content.decode()
    factsheet_page = client.get(page_url(factsheet_inspection)).content.decode()
    for page in (case_page, factsheet_page):
        for value in personal_data(iw):
            assert value.casefold() not in page.casefold(), value
        for name in person_names(iw.inspector, iw.policy_officer, iw.police_prof, iw.ggz_prof, iw.debts_coord):
            assert name not in report_part(page), name
    text = words(case_page)
    # what the inspector wrote stays, with the names taken out; interviews and plan reviews stay out
    assert "Het Gezin A is niet betrokken bij de probleemanalyse; [naam] wist van niets." in text
    assert "LET OP: Bij Gezin B ([adres]) evenmin; [naam] werd niet gehoord." in text
    assert "Gezinnen worden niet losgelaten, ook Gezin A niet." in text and "bij de familie [naam]" in text
    assert "Schuldhulpverlener" not in text and "niet bijgewerkt." in text and "Het plan van" not in text
    assert "spijbelt" not in text  # a family's own judgement is evidence, not part of the report


def test_reading_a_report_writes_nothing_to_the_access_log(
    iw: InspectionWorld, case_inspection_judged: Inspection
) -> None:
    publish(iw, case_inspection_judged)
    before = AccessLogEntry.objects.count()
    for user in (iw.inspector, iw.policy_officer):
        client = Client()
        client.force_login(user)
        assert client.get(page_url(case_inspection_judged)).status_code == 200
    assert AccessLogEntry.objects.exclude(action="login").count() == before  # the logins are logged, no read


# --- who may see -----------------------------------------------------------------------------------------------------

WHO = ["inspector", "other_inspector", "policy_officer", "other_policy_officer", "process_manager", "police_prof"]
# (published?) → who sees it; anyone else gets a 404
SEES = {False: {"inspector"}, True: {"inspector", "policy_officer"}}


@pytest.mark.parametrize("published", [False, True])
@pytest.mark.parametrize("level", ["policy", "case"])
def test_the_inspectorate_sees_the_concept_the_municipality_only_the_published_report(
    iw: InspectionWorld, level: str, published: bool
) -> None:
    inspection = make_factsheet_inspection(iw) if level == "policy" else make_case_inspection(iw)
    if published:
        publish(iw, inspection)
    for who in WHO:
        client = Client()
        client.force_login(getattr(iw, who))
        for pdf in (False, True):
            response = client.get(page_url(inspection, pdf=pdf))
            expected = 200 if who in SEES[published] else 404
            assert response.status_code == expected, (who, pdf)
            if expected == 200 and not pdf:
                assert ("CONCEPT" in words(response.content.decode())) == (not published)


def test_each_report_belongs_to_its_level_and_anonymous_visitors_log_in_first(
    iw: InspectionWorld, factsheet_inspection: Inspection
) -> None:
    client = Client()
    client.force_login(iw.inspector)
    assert client.get(reverse("reports:case_report", args=[factsheet_inspection.pk])).status_code == 404
    assert client.get(reverse("reports:case_report_pdf", args=[factsheet_inspection.pk])).status_code == 404
    assert client.get(reverse("reports:factsheet", args=[987654])).status_code == 404
    assert client.post(page_url(factsheet_inspection)).status_code == 405
    response = Client().get(page_url(factsheet_inspection))
    assert response.status_code == 302 and "inloggen" in response["Location"]


def test_the_inspection_pages_link_to_the_report(iw: InspectionWorld, factsheet_inspection: Inspection) -> None:
    client = Client()
    client.force_login(iw.inspector)
    detail = client.get(reverse("inspections:detail", args=[factsheet_inspection.pk])).content.decode()
    assert page_url(factsheet_inspection) in detail and page_url(factsheet_inspection, pdf=True) in detail
    assert reverse("inspections:report_texts", args=[factsheet_inspection.pk]) in detail
    publish(iw, factsheet_inspection)
    client.force_login(iw.policy_officer)
    result = client.get(reverse("inspections:result", args=[factsheet_inspection.pk])).content.decode()
    assert page_url(factsheet_inspection) in result and page_url(factsheet_inspection, pdf=True) in result
    page = client.get(page_url(factsheet_inspection)).content.decode()
    assert reverse("inspections:result", args=[factsheet_inspection.pk]) in page  # back, for the municipality
    assert reverse("inspections:report_texts", args=[factsheet_inspection.pk]) not in page
