"""The one CSV writer: what Dutch Excel opens with a double click."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from gezinsregie.common import csv_export


def test_the_bytes_read_back_as_dutch_excel_reads_them():
    content = csv_export.to_bytes(
        ["Naam", "Percentage", "Aantal"], [["Jansen; de", 12.5, 3], ["Çelik", Decimal("0.5"), 0]]
    )

    assert content.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte order mark
    text = content.decode("utf-8")
    assert text.splitlines()[0] == "\ufeffNaam;Percentage;Aantal"  # semicolons
    assert "\r\n" in text
    assert csv_export.read(content) == [
        ["Naam", "Percentage", "Aantal"],
        ["Jansen; de", "12,5", "3"],  # a semicolon in a value is quoted, the decimal sign is a comma
        ["Çelik", "0,5", "0"],
    ]


def test_values_are_written_the_dutch_way(settings):
    settings.TIME_ZONE = "Europe/Amsterdam"
    moment = datetime(2026, 12, 2, 13, 5, 9, tzinfo=ZoneInfo("UTC"))

    assert csv_export.cell(moment) == "02-12-2026 14:05:09"  # local time
    assert csv_export.cell(date(2026, 3, 1)) == "01-03-2026"
    assert (csv_export.cell(True), csv_export.cell(False)) == ("ja", "nee")
    assert csv_export.cell(None) == ""
    assert csv_export.cell(100.0) == "100,0"


@pytest.mark.parametrize("text", ["=1+1", "+31 6", "-2", "@SUM(A1)", "\tx"])
def test_a_text_that_looks_like_a_formula_stays_text(text):
    assert csv_export.cell(text) == "'" + text
    assert csv_export.cell(-2) == "-2"  # a number is a number


def test_streaming_lines_put_the_bom_once():
    lines = list(csv_export.lines(["a"], [[1], [2]]))
    assert lines == ["\ufeffa\r\n", "1\r\n", "2\r\n"]


def test_reading_refuses_a_file_without_a_bom():
    with pytest.raises(ValueError, match="BOM"):
        csv_export.read(b"a;b\r\n")
