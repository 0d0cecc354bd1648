"""When a published document says it was published: its dateline on the title page.

"Utrecht, augustus 2014" (Nota van bevindingen Maastricht), "Juni 2015" (Verbeterpunten Zwolle), "Den Haag,
12 november 2014": a line of its own near the top with an optional place, an optional day, a Dutch month and a
year. Dates inside sentences ("tussen eind augustus 2013 en maart 2014") are not a dateline. A month without a
day stands for the last day of that month, as a document without any date stands for the last day of its year
(inspections.workflow.imported_published_on): by then it was published. Pure: no database.
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date

from gezinsregie.common.formatting import MONTHS as DUTCH_MONTHS

MONTHS = {name: number for number, name in enumerate(DUTCH_MONTHS, start=1)}
HEAD_LINES = 60  # the title page: a dateline further down is a date in the text
DAY, MONTH, YEAR = "day", "month", "year"  # reports.models.DatePrecision

_DATELINE = re.compile(
    r"^[ \t*_#]*(?:(?P<place>[A-Za-zÀ-ÿ'’. -]{2,40}),[ \t]*)?(?:(?P<day>\d{1,2})[ \t]+)?"
    rf"(?P<month>{'|'.join(MONTHS)})[ \t]+(?P<year>(?:19|20)\d\d)[ \t*_.]*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PublicationDate:
    on: date  # the day named, else the last day of the month named
    precision: str  # DAY | MONTH
    line: str  # the dateline as the document writes it

    @property
    def words(self) -> str:
        """The date as the document gives it, without the place: "augustus 2014", "12 november 2014"."""
        month = next(name for name, number in MONTHS.items() if number == self.on.month)
        if self.precision == DAY:
            return f"{self.on.day} {month} {self.on.year}"
        return f"{month} {self.on.year}"


def find_publication_date(text: str) -> PublicationDate | None:
    """The first dateline among the document's first lines; None when it has none (or an impossible one)."""
    for line in text.splitlines()[:HEAD_LINES]:
        found = _DATELINE.match(line.strip())
        if found is None:
            continue
        year, month = int(found.group("year")), MONTHS[found.group("month").lower()]
        line_text = " ".join(line.strip(" \t*_#").split())
        if found.group("day"):
            try:
                return PublicationDate(date(year, month, int(found.group("day"))), DAY, line_text)
            except ValueError:
                return None
        return PublicationDate(date(year, month, calendar.monthrange(year, month)[1]), MONTH, line_text)
    return None
