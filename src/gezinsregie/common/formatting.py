"""How dates read in Dutch text the system writes itself (messages, evidence, model labels): 3-2-2025.

Templates use Django's date filter; this is for strings built in Python.
"""

from datetime import date

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


def short_date(value: date) -> str:
    """3-2-2025: day and month without leading zeros, as the inspection reports write them."""
    return f"{value.day}-{value.month}-{value.year}"


def n_days(n: int) -> str:
    """ "1 dag", "3 dagen": a number of days in a sentence."""
    return ngettext("%(n)d dag", "%(n)d dagen", n) % {"n": n}
