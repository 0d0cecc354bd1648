"""The aggregate charts' labels are whole: an indicator's text is wrapped into lines, never cut off (issue 14 §2)."""

import re
import shutil
import subprocess

import pytest
from django.test import Client
from django.urls import reverse

from gezinsregie.accounts.models import Role
from gezinsregie.reports.aggregate.charts import LABEL_LINE_CHARS, label_lines
from tests.reports.aggregation_world import World, build_world, publish_scenario

LONG = (
    "Er is een procesregisseur die de voortgang van alle gezinnen bewaakt, knelpunten signaleert en zo nodig "
    "opschaalt naar het management van de netwerkpartners"
)


def test_a_long_label_is_wrapped_in_full():
    lines = label_lines("B2.c.3", LONG)
    assert len(lines) > 1 and all(len(line) <= LABEL_LINE_CHARS for line in lines)
    assert " ".join(lines) == f"B2.c.3 {LONG}"  # every word, no ellipsis
    assert label_lines("B1.a.1", "Kort") == ["B1.a.1 Kort"]


@pytest.fixture
def world(db: None) -> World:
    world = build_world()
    publish_scenario(world)
    return world


def _client(world: World) -> Client:
    client = Client()
    client.force_login(world.users[Role.POLICY_OFFICER])
    return client


def test_the_rows_make_room_for_their_lines(world: World) -> None:
    page = _client(world).get(reverse("reports:aggregate"))
    chart = page.context["sections"][0]["chart"]
    y = 0
    for row in chart["rows"]:
        assert row["y"] == y  # each row starts under the one before: no overlap
        assert row["bar_y"] == 22 + 15 * len(row["more_lines"])  # the bar under the last line of the label
        assert " ".join([row["key"], row["first_line"], *row["more_lines"]]).split() == [
            row["key"],
            *row["text"].split(),
        ]
        y += row["height"]
    assert chart["height"] == y


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing")
def test_in_the_pdf_no_label_runs_off_the_page(world: World, tmp_path) -> None:
    response = _client(world).get(reverse("reports:aggregate_pdf"))
    target = tmp_path / "overzicht.pdf"
    target.write_bytes(response.content)
    html = subprocess.run(["pdftotext", "-bbox", str(target), "-"], capture_output=True, text=True, check=True).stdout
    pages = re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S)
    assert pages
    right_margin = 16 / 25.4 * 72  # the @page margin, in points
    for width, _, words in pages:
        for x_max, word in re.findall(
            r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', words
        ):
            assert float(x_max) <= float(width) - right_margin + 1, word  # inside the page's text area
    text = " ".join(
        subprocess.run(
            ["pdftotext", "-raw", str(target), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    chart = _client(world).get(reverse("reports:aggregate")).context["sections"][0]["chart"]
    for row in chart["rows"]:
        label = " ".join([row["key"], row["first_line"], *row["more_lines"]])
        assert label in text, label  # the chart's label, line after line, in full
