"""Reports that read like the publications: an imported document keeps its own publication date (its dateline)
and its narrative (the factsheet's "Beschrijving", the nota's chapters with a conclusion per theme and the
learning meeting, the follow-up's "Ontwikkeling 2014") instead of the import date and "geen afzonderlijke tekst".
Pure parsing first (reports.parsing.dates, reports.parsing.narrative), then the import and the reports."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.template.loader import render_to_string
from django.utils import timezone

from gezinsregie.inspections.models import ImprovementPoint, Inspection
from gezinsregie.reports.importing import follow_up_import, report_import
from gezinsregie.reports.models import PublishedDocument, ReportSection
from gezinsregie.reports.parsing.dates import find_publication_date
from gezinsregie.reports.parsing.narrative import parse_narrative
from gezinsregie.reports.publication import build
from tests.paths import FACTSHEET, FOLLOW_UP, NOTA
from tests.reports.publication_world import words

MISSING = "geen afzonderlijke tekst"

# --- the dateline -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "on", "precision", "as_written"),
    [
        ("Titel\n\nUtrecht, augustus 2014\n\nTekst", date(2014, 8, 31), "month", "augustus 2014"),
        ("Aanpak: X\n\nJuni 2015\n", date(2015, 6, 30), "month", "juni 2015"),
        ("Den Haag, 12 november 2014\n", date(2014, 11, 12), "day", "12 november 2014"),
        ("**februari 2016**\n", date(2016, 2, 29), "month", "februari 2016"),
    ],
)
def test_a_dateline_on_the_title_page_is_the_publication_date(
    text: str, on: date, precision: str, as_written: str
) -> None:
    found = find_publication_date(text)
    assert found is not None and (found.on, found.precision, found.words) == (on, precision, as_written)


def test_dates_inside_sentences_and_impossible_dates_are_no_dateline() -> None:
    assert find_publication_date("in de periode tussen eind augustus 2013 en maart 2014 een selectie") is None
    assert find_publication_date("Op 20 juni 2014 heeft een leerbijeenkomst plaatsgevonden.") is None
    assert find_publication_date("Utrecht, 31 februari 2014") is None
    assert find_publication_date("\n" * 80 + "augustus 2014") is None  # far from the title page


def test_the_published_documents_date_themselves_or_not() -> None:
    assert find_publication_date(NOTA.read_text()).line == "Utrecht, augustus 2014"  # type: ignore[union-attr]
    assert find_publication_date(FOLLOW_UP.read_text()).words == "juni 2015"  # type: ignore[union-attr]
    assert find_publication_date(FACTSHEET.read_text()) is None  # only the year, from its name


# --- the narrative, parsed ----------------------------------------------------------------------------------------


def test_the_nota_s_chapters_become_sections_with_their_conclusions_and_themes() -> None:
    narrative = parse_narrative(NOTA.read_text())
    by_chapter: dict[str, list[str]] = {}
    for section in narrative.sections:
        by_chapter.setdefault(section.chapter, []).append(section.title)
    assert by_chapter["goes_well"] == [
        "Gezinnen worden niet losgelaten",
        "Uitgebreide probleemanalyse",
        "Maatwerk rondom het gezin",
    ]
    assert by_chapter["can_be_better"] == [
        "Planvorming en eenduidige werkwijze",
        "Gebrek aan regie op de inhoud",
        "Beperkte aandacht voor het sociale netwerk binnen de aanpak",
        "Nazorg beter regelen",
    ]
    assert by_chapter["learning_meeting"] == [
        "",  # "Op vrijdag 20 juni 2014 vond een leerbijeenkomst plaats ...": the chapter's opening text
        "Eigen input deelnemers op Integrale Aanpak",
        "Verbeterpunten STJ en hoe kan de verbetering tot stand komen?",
        "Afsluiting van de leerbijeenkomst",
        "Vervolg",
    ]
    assert by_chapter["conclusion"] == ["Algemene conclusie", "Aanbevelingen"]
    assert len(by_chapter["introduction"]) == 6 and len(by_chapter["description"]) == 6
    assert narrative.skipped == ()
    first = next(s for s in narrative.sections if s.title == "Gezinnen worden niet losgelaten")  # 3.1
    assert first.themes == ("De aanpak", "Continu")
    assert first.conclusion.startswith("De gezinnen die in de Integrale Aanpak komen worden niet losgelaten")
    assert "Zie voor de gehanteerde criteria" not in first.text and "Conclusie" not in first.text
    every_text = " ".join(s.text + s.conclusion for s in narrative.sections)
    assert "\t11" not in every_text  # the table of contents is not a chapter
    assert "Beoordeling indicatoren toetsingskader" not in every_text  # the tables of Bijlage 1 are not either
    assert "**" not in every_text


def test_the_factsheet_s_description_and_the_follow_up_s_development() -> None:
    factsheet = parse_narrative(FACTSHEET.read_text())
    assert factsheet.description.startswith("De gezinsmanager wordt ingezet voor gezinnen met complexe")
    assert factsheet.description.endswith("krijgen circa 18 gezinnen momenteel vanuit deze aanpak ondersteuning.")
    assert factsheet.sections == ()
    follow_up = parse_narrative(FOLLOW_UP.read_text())
    assert follow_up.description.startswith("Zwolle is op basis van dit toezichtonderzoek op beleidsniveau")
    assert "Uitkomsten verbeterpunten" not in follow_up.description


def test_an_unknown_chapter_is_reported_and_broken_text_gives_an_empty_narrative() -> None:
    text = "1 Inleiding\n\nTekst.\n\n2 Iets heel anders\n\nMeer tekst.\n\n3 Wat gaat goed?\n\n3.1 Veel\n\nJa.\n"
    narrative = parse_narrative(text)
    assert narrative.skipped == ("2 Iets heel anders",)
    assert [(s.chapter, s.title) for s in narrative.sections] == [("introduction", ""), ("goes_well", "Veel")]
    assert parse_narrative(None).sections == ()  # type: ignore[arg-type]


# --- imported: the inspection and its reports ----------------------------------------------------------------------


def case_report_of(inspection: Inspection) -> str:
    return words(render_to_string("reports/case_report_content.html", {"report": build(inspection)}))


def test_the_imported_nota_keeps_its_date_and_reads_like_the_nota(framework: object) -> None:
    inspection = report_import(text=NOTA.read_text(), municipality="Maastricht", approach=None, year=None).inspection
    assert inspection is not None
    assert timezone.localdate(inspection.published_at) == date(2014, 8, 31)  # not 31 December, not today
    assert PublishedDocument.objects.get(inspection=inspection).precision == "month"
    points = ImprovementPoint.objects.filter(finding__inspection=inspection)
    assert points.exists() and {p.due_on for p in points} == {date(2015, 8, 31)}  # a year after the document
    assert ReportSection.objects.filter(inspection=inspection).count() == 26

    text = case_report_of(inspection)
    assert "Gepubliceerd in augustus 2014" in text
    assert MISSING not in text
    for heading in (
        "2.4 Regie",
        "3.1 Gezinnen worden niet losgelaten",
        "4.4 Nazorg beter regelen",
        "5.1 Algemene conclusie",
        "5.2 Aanbevelingen",
        "6 Impressie leerbijeenkomst",
        "6.3 Afsluiting van de leerbijeenkomst",
    ):
        assert text.count(heading) == 2, heading  # in the table of contents and above its section
    assert "Conclusie De gezinnen die in de Integrale Aanpak komen worden niet losgelaten" in text
    assert (
        "Zie voor de gehanteerde criteria en normen de thema’s ‘De aanpak’ en ‘Continu’ in het toetsingskader." in text
    )
    assert "Op vrijdag 20 juni 2014 vond een leerbijeenkomst plaats in Mosae Forum" in text
    assert "Zorg voor een eenduidige werkwijze door alle procesmanagers." in text  # 5.2, as a list
    assert "Bijlage 1" in text and "Gezinnen worden niet losgelaten" in text


def test_the_imported_factsheet_keeps_its_description_and_says_only_its_year(framework: object) -> None:
    inspection = report_import(
        text=FACTSHEET.read_text(), municipality="Oosterhout", approach=None, year=None, source=FACTSHEET.name
    ).inspection
    assert inspection is not None
    assert inspection.description.startswith("De gezinsmanager wordt ingezet")
    assert timezone.localdate(inspection.published_at) == date(2013, 12, 31)  # no dateline: the year's last day
    report = build(inspection)
    assert report.published_precision == "year"
    text = words(render_to_string("reports/factsheet_content.html", {"report": report}))
    assert "Gepubliceerd in 2013" in text and "31 december" not in text
    assert "Beschrijving De gezinsmanager wordt ingezet voor gezinnen" in text
    assert MISSING not in text


def test_the_follow_up_dates_its_later_year_and_keeps_its_development_text(framework: object) -> None:
    result = follow_up_import(text=FOLLOW_UP.read_text(), municipality="Zwolle", approach=None)
    later = [i for i in result.inspections if i.year == 2014]
    earlier = [i for i in result.inspections if i.year == 2013]
    assert len(later) == len(earlier) == 2
    for inspection in later:
        assert timezone.localdate(inspection.published_at) == date(2015, 6, 30)
        assert inspection.description.startswith("Zwolle is op basis van dit toezichtonderzoek")
        text = words(render_to_string("reports/factsheet_content.html", {"report": build(inspection)}))
        assert "Gepubliceerd in juni 2015" in text and MISSING not in text
    for inspection in earlier:
        assert timezone.localdate(inspection.published_at) == date(2013, 12, 31)
        assert inspection.description == ""  # the document does not hold the 2013 factsheet's text


def test_a_dry_run_reads_the_narrative_and_stores_none_of_it(framework: object) -> None:
    result = report_import(text=NOTA.read_text(), municipality="Maastricht", approach=None, year=None, dry_run=True)
    assert result.narrative.published is not None and len(result.narrative.sections) == 26
    assert not ReportSection.objects.exists() and not PublishedDocument.objects.exists()


def test_the_command_says_what_it_took_over(framework: object) -> None:
    out = StringIO()
    call_command("import_report", str(NOTA), "--municipality", "Maastricht", stdout=out, stderr=StringIO())
    assert "Publicatiedatum uit het document: augustus 2014." in out.getvalue()
    assert "Ook gelezen: 26 paragrafen." in out.getvalue()
