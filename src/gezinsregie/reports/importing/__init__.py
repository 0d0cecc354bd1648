"""Importing published report texts: reading.py reads and refuses (pure of writes), services.py stores them
through the inspections' one write path (inspections.services.inspection_import_published)."""

from gezinsregie.reports.importing.reading import ImportRefused, framework_spec, is_follow_up, read_text
from gezinsregie.reports.importing.services import FollowUpResult, ImportResult, follow_up_import, report_import

__all__ = [
    "FollowUpResult",
    "ImportRefused",
    "ImportResult",
    "follow_up_import",
    "framework_spec",
    "is_follow_up",
    "read_text",
    "report_import",
]
