"""The family's summary PDF is tagged for accessibility, as the inspectorate's reports are (issue 14 §7)."""

import re
import zlib
from datetime import timedelta

import pytest
from django.urls import reverse

from gezinsregie.plans import services
from tests.worlds.plans import PlanWithContent, PlanWorld

pytestmark = pytest.mark.django_db


def pdf_objects(document: bytes) -> bytes:
    """The PDF's objects as text: its plain parts and its Flate streams (WeasyPrint packs the catalog into a
    compressed object stream), inflated. Enough to read the catalog's keys without a PDF library."""
    parts = [document]
    for stream in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", document, re.S):
        try:
            parts.append(zlib.decompress(stream.group(1)))
        except zlib.error:
            continue  # not Flate (or an image): nothing of the catalog in it
    return b"\n".join(parts)


def pdf_titles(objects: bytes) -> set[str]:
    """Every /Title string: the document's (Info) and the bookmarks'. UTF-16 hex strings decoded."""
    titles = set()
    for raw in re.findall(rb"/Title\s*(<[0-9a-fA-F]+>|\([^)]*\))", objects):
        if raw.startswith(b"<"):
            titles.add(bytes.fromhex(raw[1:-1].decode()).decode("utf-16"))
        else:
            titles.add(raw[1:-1].decode("latin-1"))
    return titles


def test_the_summary_pdf_is_tagged_in_dutch_with_a_title(planned: PlanWithContent, w: PlanWorld) -> None:
    services.plan_record_approval(
        actor=w.coordinator,
        plan=planned.plan,
        expected_version=5,
        goals_set_with_family=True,
        approved_by_family_on=w.today - timedelta(days=1),
    )
    response = w.client_for(w.coordinator).get(reverse("plans:summary_pdf", args=[w.family.pk]))
    assert response.status_code == 200
    objects = pdf_objects(response.content)

    catalog = re.search(rb"<<\s*/Type\s*/Catalog(.*?)>>\s*(?:\n|$)", objects, re.S)
    assert catalog, "no document catalog found"
    keys = catalog.group(1)
    assert re.search(rb"/StructTreeRoot\s+\d+\s+0\s+R", keys), keys  # a structure tree: headings, lists, tables
    assert re.search(rb"/MarkInfo\s*<<\s*/Marked\s+true", keys), keys
    assert re.search(rb"/Lang\s*\(nl\)", keys), keys
    assert re.search(rb"/DisplayDocTitle\s+true", keys), keys  # the viewer shows the title, not the file name
    # the document's title names the family (the bookmarks are the headings: "Uw gezinsplan", ...)
    assert f"Uw gezinsplan – {w.family.name}" in pdf_titles(objects)
    # the structure holds the summary's own parts, not one blob of text
    for role in (rb"/S\s*/H1", rb"/S\s*/H2", rb"/S\s*/Table", rb"/S\s*/TH", rb"/S\s*/L\b"):
        assert re.search(role, objects), role
