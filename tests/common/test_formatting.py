"""One date format across the UI: the Dutch long form, "2 december 2026" and "2 december 2026 14:05"."""

import re
from datetime import date, datetime
from pathlib import Path

from django.template import Context, Template
from django.utils import translation

import gezinsregie
from gezinsregie.common.formatting import n_days

SRC = Path(gezinsregie.__file__).parent
# the forms a template may give the date filter: the long date, with the time (the log to the second), the weekday
# before it for a meeting, and a month or year on its own
ALLOWED = {"j F Y", "j F Y H:i", "j F Y H:i:s", "l j F Y", "F Y", "Y"}


def test_the_date_filter_without_a_format_is_the_long_form():
    with translation.override("nl"):
        rendered = Template('{{ d|date }} · {{ t|date:"DATETIME_FORMAT" }}').render(
            Context({"d": date(2026, 12, 2), "t": datetime(2026, 12, 2, 14, 5)})
        )
    assert rendered == "2 december 2026 · 2 december 2026 14:05"


def test_every_template_writes_dates_in_the_one_form():
    used = {
        (path.relative_to(SRC).as_posix(), form)
        for path in SRC.rglob("*.html")
        for form in re.findall(r'\|date:"([^"]*)"', path.read_text(encoding="utf-8"))
    }
    assert {(where, form) for where, form in used if form not in ALLOWED} == set()


def test_days_in_a_sentence():
    with translation.override("nl"):
        assert (n_days(1), n_days(0), n_days(12)) == ("1 dag", "0 dagen", "12 dagen")
