"""The reports as PDF: A4, readable text, page images of the first and the last page, and no personal data.

Needs poppler-utils (pdftoppm, pdftotext, pdfinfo), as bin/test installs.
"""

import re
import subprocess
from pathlib import Path

import pytest
from django.test import Client

from gezinsregie.inspections.models import Inspection
from gezinsregie.reports import publication
from tests.reports.publication_world import (
    CASE_FINDING,
    GEMEENTE_ZICHT,
    THEMES,
    page_url,
    person_names,
    personal_data,
    publish,
)
from tests.worlds.inspections import InspectionWorld

A4_POINTS = (595, 842)


def download(iw: InspectionWorld, inspection: Inspection, tmp_path: Path) -> Path:
    client = Client()
    client.force_login(iw.inspector)
    response = client.get(page_url(inspection, pdf=True))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    report = publication.build(inspection)
    assert response["Content-Disposition"] == f'attachment; filename="{report.filename}"'
    assert response.content[:4] == b"%PDF"
    path = tmp_path / report.filename
    path.write_bytes(response.content)
    return path


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert size is not None and tuple(round(float(v)) for v in size.groups()) == A4_POINTS
    assert re.search(r"Tagged:\s+yes", info)  # headings, lists and tables for a screen reader
    found = re.search(r"Pages:\s+(\d+)", info)
    assert found is not None
    return int(found.group(1))


def page_image(pdf: Path, page: int, name: str) -> Path:
    stem = pdf.parent / name
    subprocess.run(
        ["pdftoppm", "-png", "-r", "50", "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(stem)],
        check=True,
    )
    return stem.with_suffix(".png")


def pdf_text(pdf: Path) -> str:
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return " ".join(text.split())


@pytest.mark.parametrize("which", ["factsheet", "case_report"])
def test_the_pdf_is_a4_with_pages_that_render(
    iw: InspectionWorld,
    factsheet_inspection: Inspection,
    case_inspection_judged: Inspection,
    tmp_path: Path,
    which: str,
) -> None:
    inspection = factsheet_inspection if which == "factsheet" else case_inspection_judged
    pdf = download(iw, inspection, tmp_path)
    count = pages(pdf)
    assert count >= 2
    for number, name in ((1, "eerste"), (count, "laatste")):
        image = page_image(pdf, number, name)
        assert image.exists() and image.stat().st_size > 8_000, (name, image.stat().st_size)
    text = pdf_text(pdf)
    for theme in THEMES:
        assert theme in text
    assert f"Pagina 1 van {count}" in text and f"Pagina {count} van {count}" in text
    assert "CONCEPT" in text  # not published yet: in the header of every page
    if which == "factsheet":
        assert "Factsheet Gezinsaanpak Testdam" in text and "verbeterpunt" in text
        assert GEMEENTE_ZICHT in text and "LET OP: De gemeente schat het aantal gezinnen" in text
        assert "Politie Testdam (netwerkpartner)" in text
    else:
        assert "Nota van bevindingen Testdam Gezinsaanpak Testdam" in text and "Bijlage 1" in text
        assert "Wat gaat goed?" in text and "Werk met één plan per gezin." in text
        assert "Het Gezin A is niet betrokken bij de probleemanalyse" in text
        assert CASE_FINDING not in text


def test_a_published_pdf_has_no_concept_mark_and_no_personal_data(
    iw: InspectionWorld, case_inspection_judged: Inspection, factsheet_inspection: Inspection, tmp_path: Path
) -> None:
    for inspection in (case_inspection_judged, factsheet_inspection):
        publish(iw, inspection)
        text = pdf_text(download(iw, inspection, tmp_path))
        assert "CONCEPT" not in text and "Gepubliceerd op" in text
        for value in personal_data(iw):
            assert value.casefold() not in text.casefold(), value
        for name in person_names(iw.inspector, iw.policy_officer, iw.police_prof, iw.ggz_prof, iw.debts_coord):
            assert name not in text, name
