"""The inspector writes the nota per theme, as the Maastricht nota reads (§3.1–3.3 and §4.1–4.4, each ending in its
conclusion, and §6 the learning meeting): reports.authoring services and pages, and the nota that shows them."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.loader import render_to_string
from django.urls import reverse

from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.frameworks.models import Theme
from gezinsregie.inspections.models import Inspection
from gezinsregie.reports.authoring import services
from gezinsregie.reports.models import ReportSection
from gezinsregie.reports.publication import build
from tests.reports.publication_world import page_url, personal_data, publish, report_part, words
from tests.worlds.inspections import InspectionWorld


def theme(inspection: Inspection, name: str) -> Theme:
    return Theme.objects.get(level__framework=inspection.framework, level__key=inspection.level, name=name)


def nota(inspection: Inspection) -> str:
    return words(render_to_string("reports/case_report_content.html", {"report": build(inspection)}))


def add(iw: InspectionWorld, inspection: Inspection, **fields: object) -> ReportSection:
    return services.report_section_add(actor=iw.inspector, inspection=inspection, **fields)  # type: ignore[arg-type]


def test_sections_are_numbered_in_their_chapter_with_their_conclusion_and_themes(
    iw: InspectionWorld, case_inspection_judged: Inspection
) -> None:
    inspection = case_inspection_judged
    both = [theme(inspection, "De aanpak"), theme(inspection, "Continu")]
    add(iw, inspection, chapter="goes_well", title="Gezinnen worden niet losgelaten", text="Vastpakken.",
        conclusion="De gezinnen worden niet losgelaten.", themes=both)  # fmt: skip
    add(iw, inspection, chapter="can_be_better", title="Nazorg beter regelen", text="Geen volgsysteem.",
        conclusion="De nazorg is te vrijblijvend.", themes=[theme(inspection, "Continu")])  # fmt: skip
    add(iw, inspection, chapter="goes_well", title="Uitgebreide probleemanalyse", text="Alle leefgebieden.")
    add(iw, inspection, chapter="goes_well", title="Eerst", text="Vooraan gezet.", order=0)
    add(iw, inspection, chapter="learning_meeting", text="Op 20 juni vond een leerbijeenkomst plaats.")
    add(iw, inspection, chapter="learning_meeting", title="Vervolg", text="Over een jaar.")

    text = nota(inspection)
    # the inspector's report text stays the chapter's opening, the sections follow it
    assert "3 Wat gaat goed? Gezinnen worden niet losgelaten, ook Gezin A niet." in text
    assert (
        text.index("3.1 Eerst")
        < text.index("3.2 Gezinnen worden niet losgelaten")
        < text.index("3.3 Uitgebreide probleemanalyse")
    )
    assert "Vastpakken. Zie voor de gehanteerde criteria en normen de thema’s ‘De aanpak’ en ‘Continu’" in text
    assert "Conclusie De gezinnen worden niet losgelaten." in text
    assert (
        "4.1 Nazorg beter regelen Geen volgsysteem. Zie voor de gehanteerde criteria en normen het thema ‘Continu’"
        in text
    )
    assert "6 Impressie leerbijeenkomst Op 20 juni vond een leerbijeenkomst plaats. 6.1 Vervolg Over een jaar." in text
    assert text.count("6.1 Vervolg") == 2  # in the table of contents too
    assert "Hoofdstuk 6 geeft een impressie van de leerbijeenkomst." in text


def test_without_a_learning_meeting_there_is_no_chapter_6(
    iw: InspectionWorld, case_inspection_judged: Inspection
) -> None:
    text = nota(case_inspection_judged)
    assert "Impressie leerbijeenkomst" not in text and "3.1" not in text


def test_a_section_is_updated_moved_and_deleted_and_every_write_is_logged(
    iw: InspectionWorld, case_inspection_judged: Inspection
) -> None:
    section = add(iw, case_inspection_judged, chapter="goes_well", title="Maatwerk", text="Partijen erbij.")
    services.report_section_update(
        actor=iw.inspector, section=section, chapter="can_be_better", title="Maatwerk", text="Onderwijs ontbrak."
    )
    section.refresh_from_db()
    assert (section.chapter, section.text, section.order) == ("can_be_better", "Onderwijs ontbrak.", 1)
    assert "4.1 Maatwerk Onderwijs ontbrak." in nota(case_inspection_judged)
    services.report_section_delete(actor=iw.inspector, section=section)
    assert not ReportSection.objects.exists()
    actions = set(AccessLogEntry.objects.filter(username=iw.inspector.username).values_list("action", flat=True))
    assert {"report.section.add", "report.section.update", "report.section.delete"} <= actions


def test_refusals(iw: InspectionWorld, case_inspection_judged: Inspection, factsheet_inspection: Inspection) -> None:
    inspection = case_inspection_judged
    with pytest.raises(ValidationError):
        add(iw, inspection, chapter="goes_well")  # nothing in it
    with pytest.raises(ValidationError):
        add(iw, inspection, chapter="appendix", title="Bijlage")
    with pytest.raises(ValidationError, match="toetsingskader van dit onderzoek"):
        add(iw, inspection, chapter="goes_well", title="X", themes=[theme(factsheet_inspection, "De aanpak")])
    for outsider in (iw.other_inspector, iw.policy_officer, iw.process_manager):
        with pytest.raises(PermissionDenied):
            services.report_section_add(actor=outsider, inspection=inspection, chapter="goes_well", title="X")
    section = add(iw, inspection, chapter="goes_well", title="Vast", text="Staat vast na publicatie.")
    publish(iw, inspection)
    with pytest.raises(ValidationError, match="kan niet meer"):
        add(iw, inspection, chapter="goes_well", title="Te laat")
    with pytest.raises(ValidationError, match="kan niet meer"):
        services.report_section_delete(actor=iw.inspector, section=section)
    assert "3.1 Vast Staat vast na publicatie." in nota(inspection)  # the published nota keeps it


def test_a_family_s_name_in_a_section_never_reaches_the_nota(
    iw: InspectionWorld, case_inspection_judged: Inspection
) -> None:
    family = iw.families["mandated"]
    add(
        iw,
        case_inspection_judged,
        chapter="can_be_better",
        title=f"Het plan van {family.name}",
        text=f"Bij {family.reference} aan de {family.address} ontbrak het plan.",
        conclusion=f"{family.name}: geen plan.",
    )
    text = nota(case_inspection_judged)
    assert "4.1 Het plan van Gezin A" in text
    for secret in personal_data(iw):
        assert secret not in text, secret


def test_the_pages_add_edit_and_delete_a_section(iw: InspectionWorld, case_inspection_judged: Inspection) -> None:
    client = iw.client_for(iw.inspector)
    url = reverse("reports:report_sections", args=[case_inspection_judged.pk])
    page = client.get(url).content.decode()
    for label in ("3 Wat gaat goed?", "6 Impressie leerbijeenkomst", "Titel van de paragraaf", "Conclusie", "Continu"):
        assert label in page
    continu = theme(case_inspection_judged, "Continu")
    response = client.post(
        url,
        {"chapter": "can_be_better", "title": "Nazorg", "text": "Geen afspraken.", "conclusion": "Te vrijblijvend.",
         "themes": [str(continu.pk)], "order": ""},
    )  # fmt: skip
    assert response.status_code == 302 and response["Location"] == url
    section = ReportSection.objects.get()
    assert list(section.themes.all()) == [continu]
    assert "Nazorg" in client.get(url).content.decode()

    edit = reverse("reports:report_section_edit", args=[case_inspection_judged.pk, section.pk])
    assert "Te vrijblijvend." in client.get(edit).content.decode()
    client.post(edit, {"chapter": "can_be_better", "title": "Nazorg beter regelen", "text": "Geen.", "conclusion": ""})
    section.refresh_from_db()
    assert (section.title, section.conclusion, list(section.themes.all())) == ("Nazorg beter regelen", "", [])
    report = words(report_part(client.get(page_url(case_inspection_judged)).content.decode()))
    assert "4.1 Nazorg beter regelen Geen." in report
    assert url in client.get(page_url(case_inspection_judged)).content.decode()  # the toolbar links here

    response = client.post(url, {"chapter": "goes_well", "title": "", "text": "", "conclusion": ""})
    assert response.status_code == 200 and "Geef een titel, een tekst of een conclusie." in response.content.decode()

    delete = reverse("reports:report_section_delete", args=[case_inspection_judged.pk, section.pk])
    assert client.get(delete).status_code == 405
    assert client.post(delete).status_code == 302
    assert not ReportSection.objects.exists()


def test_nobody_else_opens_the_pages_and_a_factsheet_has_no_sections(
    iw: InspectionWorld, case_inspection_judged: Inspection, factsheet_inspection: Inspection
) -> None:
    section = add(iw, case_inspection_judged, chapter="goes_well", title="Eigen", text="Tekst.")
    urls = [
        reverse("reports:report_sections", args=[case_inspection_judged.pk]),
        reverse("reports:report_section_edit", args=[case_inspection_judged.pk, section.pk]),
    ]
    for outsider in (iw.other_inspector, iw.policy_officer):
        client = iw.client_for(outsider)
        for url in urls:
            assert client.get(url).status_code == 404
            assert client.post(url, {"chapter": "goes_well", "title": "Weg"}).status_code == 404
        delete = reverse("reports:report_section_delete", args=[case_inspection_judged.pk, section.pk])
        assert client.post(delete).status_code == 404
    assert ReportSection.objects.get().title == "Eigen"
    inspector = iw.client_for(iw.inspector)
    assert inspector.get(reverse("reports:report_sections", args=[factsheet_inspection.pk])).status_code == 404
    assert "Paragrafen per thema" not in inspector.get(page_url(factsheet_inspection)).content.decode()
