"""Pass 2 of the de-identification (deidentify.py): an exact date becomes its month and year ("12 maart 2024",
"12-03-2024", "2024-03-12" → "maart 2024"; "12 maart" → "maart"), a day and month in figures after "op", "vanaf",
"tot", "sinds" or "d.d." becomes [datum]."""

import re

from gezinsregie.common.formatting import MONTHS
from gezinsregie.inspections.pseudonymise.text import DATE, Text

_MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9}
_MONTH_ABBREVIATIONS |= {"okt": 10, "nov": 11, "dec": 12}
MONTH_NUMBER = {name: number for number, name in enumerate(MONTHS, start=1)} | _MONTH_ABBREVIATIONS

# 2. dates
_MONTH_WORD = "|".join(sorted(MONTH_NUMBER, key=len, reverse=True))
_WRITTEN_DATE = re.compile(
    rf"(?<![\w\d])(\d{{1,2}})(?:e|ste|de)?\s+({_MONTH_WORD})\.?(?:\s+(\d{{4}}|'\d{{2}}))?(?!\w)", re.IGNORECASE
)
_NUMERIC_DATE = re.compile(r"(?<![\w.\-/])(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?![\w\-/]|\.\d)")
_ISO_DATE = re.compile(r"(?<![\w\-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w\-])")
_SHORT_DATE = re.compile(
    r"(?<!\w)(op|vanaf|tot|sinds|per|d\.d\.|datum:?)(\s+)(\d{1,2})[-/](\d{1,2})(?![\w\-/])", re.IGNORECASE
)


def month_and_year(day: int, month: int, year: str | None) -> str | None:
    """What is left of an exact date: its month and year (None if it is no date)."""
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return MONTHS[month - 1] + (f" {year}" if year else "")


def date_text(value: str) -> str:
    """A date as the library found it, as month and year where it can be read, else [datum]."""
    for pattern, parts in (
        (_WRITTEN_DATE, lambda m: (int(m[1]), MONTH_NUMBER[m[2].casefold()], m[3])),
        (_NUMERIC_DATE, lambda m: (int(m[1]), int(m[3]), m[4])),
        (_ISO_DATE, lambda m: (int(m[3]), int(m[2]), m[1])),
    ):
        match = pattern.fullmatch(value.strip())
        if match:
            return month_and_year(*parts(match)) or DATE
    return DATE


def hide_dates(t: Text) -> None:
    t.sub(_WRITTEN_DATE, lambda m: _hide_date(t, int(m[1]), MONTH_NUMBER[m[2].casefold()], m[3]))
    t.sub(_NUMERIC_DATE, lambda m: _hide_date(t, int(m[1]), int(m[3]), m[4]))
    t.sub(_ISO_DATE, lambda m: _hide_date(t, int(m[3]), int(m[2]), m[1]))
    t.sub(_SHORT_DATE, lambda m: m[1] + m[2] + t.hide(DATE))


def _hide_date(t: Text, day: int, month: int, year: str | None) -> str | None:
    shown = month_and_year(day, month, year)
    return None if shown is None else t.hide(shown)
