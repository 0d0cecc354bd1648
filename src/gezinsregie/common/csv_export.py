"""CSV as Dutch Excel reads it: the one writer every CSV download of the system goes through.

Excel with Dutch regional settings opens a .csv with a double click only when it is written its way: fields
separated by a semicolon (the comma is the decimal sign), numbers with a decimal comma ("12,5"), UTF-8 announced by a
byte order mark (else "ë" reads as "Ã«"), lines ending in CR LF. Dates as dd-mm-jjjj (and tijd as hh:mm:ss), which
Excel turns into a date; yes/no as "ja"/"nee"; an empty value as an empty cell.

A text that starts like a formula ("=", "+", "-", "@", tab, return) gets a leading apostrophe, so that a name typed
as "=HYPERLINK(...)" stays text in the spreadsheet (CSV injection).
"""

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.utils import timezone

BOM = "\ufeff"
DELIMITER = ";"
LINE_END = "\r\n"
CONTENT_TYPE = "text/csv; charset=utf-8"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> str:
    """One value as the text of its cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float | Decimal):
        return str(value).replace(".", ",")
    if isinstance(value, datetime):
        moment = timezone.localtime(value) if timezone.is_aware(value) else value
        return moment.strftime("%d-%m-%Y %H:%M:%S")
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def lines(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    """The CSV one line at a time, the first with the byte order mark: for a streaming response."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=DELIMITER, lineterminator=LINE_END)

    def take() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow([cell(h) for h in header])
    yield BOM + take()
    for row in rows:
        writer.writerow([cell(v) for v in row])
        yield take()


def to_text(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    return "".join(lines(header, rows))


def to_bytes(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    return to_text(header, rows).encode("utf-8")


def read(content: bytes) -> list[list[str]]:
    """Back from bytes to rows, the way Excel reads them (for tests and for the import of our own exports)."""
    text = content.decode("utf-8")
    if not text.startswith(BOM):
        raise ValueError("Geen UTF-8 met BOM: Excel zou de tekens verkeerd lezen.")
    return list(csv.reader(io.StringIO(text[len(BOM) :]), delimiter=DELIMITER))
