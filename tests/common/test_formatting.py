"""One date format across the UI: the Dutch long form, "2 december 2026" and "2 december 2026 14:05"."""

import re
from datetime import UTC, date, datetime
from pathlib import Path

from django.template import Context, Template
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

import gezinsregie
from gezinsregie.common.formatting import long_date, long_datetime, n_days

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


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_a_date_built_in_python_reads_as_the_templates_write_it(day: date) -> None:
    with translation.override("nl"):
        assert long_date(day) == Template('{{ d|date:"j F Y" }}').render(Context({"d": day}))


def test_a_moment_built_in_python_is_in_local_time_as_the_templates_write_it():
    moment = datetime(2026, 7, 1, 22, 30, tzinfo=UTC)
    with translation.override("nl"):
        assert long_datetime(moment) == Template('{{ t|date:"j F Y H:i" }}').render(Context({"t": moment}))
    assert long_datetime(moment) == "2 juli 2026 00:30"  # Amsterdam's summer time: after midnight, the next day


# where a numeric date is right: a spreadsheet cell must read as a date, a form accepts what people type, and the
# pseudonymiser recognises (and replaces) the dates a case file holds
NUMERIC_DATES_ALLOWED = {"common/csv_export.py", "plans/forms/__init__.py", "inspections/pseudonymise/case.py"}


def test_no_sentence_built_in_python_writes_a_numeric_date():
    numeric = re.compile(r"%-?d-%-?m-%Y|\{[^}]*\.day\}-\{[^}]*\.month\}")
    found = {
        path.relative_to(SRC).as_posix()
        for path in SRC.rglob("*.py")
        if "migrations" not in path.parts and numeric.search(path.read_text(encoding="utf-8"))
    }
    assert found - NUMERIC_DATES_ALLOWED == set()


def test_days_in_a_sentence():
    with translation.override("nl"):
        assert (n_days(1), n_days(0), n_days(12)) == ("1 dag", "0 dagen", "12 dagen")
