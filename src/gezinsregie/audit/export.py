"""A family's access log for an access request (inzageverzoek, AVG art. 15 and NEN 7513): CSV and a readable PDF."""

from collections.abc import Iterable, Iterator

import weasyprint
from django.template.loader import render_to_string
from django.utils import timezone

from gezinsregie.audit import selectors, wording
from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.casework.models import Family
from gezinsregie.common import csv_export

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


def _row(entry: AccessLogEntry) -> list[object]:
    return [
        entry.at,
        entry.username,
        entry.user_display,
        wording.organisation_words(organisation=entry.organisation, user_id=entry.user_id),
        wording.role_words(role=entry.role, user_id=entry.user_id),
        entry.on_behalf_of,
        wording.action_words(entry.action, entry.object_type),
        wording.object_words(entry.object_type) if entry.object_type else "",
        entry.object_id,
        entry.ip_address or "",
        entry.get_channel_display(),
    ]


def csv_lines(entries: Iterable[AccessLogEntry]) -> Iterator[str]:
    """The CSV one line at a time (Dutch Excel: semicolon, Dutch headers and words, UTF-8 with BOM), streaming."""
    return csv_export.lines(HEADERS, (_row(entry) for entry in entries))


def pdf(*, family: Family, entries: list[AccessLogEntry], base_url: str) -> bytes:
    html = render_to_string(
        "audit/family_log_pdf.html",
        {"family": family, "entries": entries, "made_at": timezone.localtime(), **selectors.capacity_note(entries)},
    )
    result: bytes = weasyprint.HTML(string=html, base_url=base_url).write_pdf(pdf_tags=True)
    return result
