"""How dates read in Dutch text the system writes itself (messages, evidence, model labels): 3 februari 2025.

The same form as the templates' date filter "j F Y" (tests/common/test_formatting.py holds both to it): one date
format on every page, whether the sentence was built in a template or in Python. Only the CSV exports write
03-02-2025, because a spreadsheet must read the cell as a date (common/csv_export.py).
"""

from datetime import date, datetime

from django.utils import timezone
from django.utils.translation import ngettext

# the months as Dutch text writes them, January first: for dates the system reads (a document's dateline) and writes
MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def long_date(value: date) -> str:
    """3 februari 2025: the day without a leading zero, the month in words."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def long_datetime(value: datetime) -> str:
    """3 februari 2025 14:05, in the local time zone."""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{long_date(local)} {local:%H:%M}"


def n_days(n: int) -> str:
    """ "1 dag", "3 dagen": a number of days in a sentence."""
    return ngettext("%(n)d dag", "%(n)d dagen", n) % {"n": n}
