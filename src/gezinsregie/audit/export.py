"""A family's access log for an access request (inzageverzoek, AVG art. 15 and NEN 7513): CSV and a readable PDF."""

import csv
from collections.abc import Iterable, Iterator
from io import StringIO

import weasyprint
from django.template.loader import render_to_string
from django.utils import timezone

from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.casework.models import Family

HEADERS = (
    "Tijdstip",
    "Gebruikersnaam",
    "Naam",
    "Organisatie",
    "In de rol van",
    "Namens",
    "Handeling",
    "Soort gegeven",
    "Gegeven-id",
    "IP-adres",
    "Kanaal",
)
BOM = "\ufeff"  # so that Excel reads the UTF-8 as UTF-8


def _row(entry: AccessLogEntry) -> list[str]:
    return [
        timezone.localtime(entry.at).strftime("%d-%m-%Y %H:%M:%S"),
        entry.username,
        entry.user_display,
        entry.organisation,
        entry.role,
        entry.on_behalf_of,
        entry.action,
        entry.object_type,
        entry.object_id,
        entry.ip_address or "",
        entry.get_channel_display(),
    ]


def csv_lines(entries: Iterable[AccessLogEntry]) -> Iterator[str]:
    """The CSV one line at a time (semicolon, Dutch headers, UTF-8 with BOM), for a streaming response."""
    buffer = StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")

    def take() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow(HEADERS)
    yield BOM + take()
    for entry in entries:
        writer.writerow(_row(entry))
        yield take()


def pdf(*, family: Family, entries: list[AccessLogEntry], base_url: str) -> bytes:
    html = render_to_string(
        "audit/family_log_pdf.html",
        {"family": family, "entries": entries, "made_at": timezone.localtime()},
    )
    result: bytes = weasyprint.HTML(string=html, base_url=base_url).write_pdf(pdf_tags=True)
    return result
