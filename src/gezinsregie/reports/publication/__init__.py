"""The published reports of one inspection: the factsheet (policy level) and the nota van bevindingen (case
level). rules.py: the inspector's plain text and the redaction (pure); selectors.py: the report read from the
inspection; rendering.py: the page's template and the PDF; views.py: who may see which."""

from gezinsregie.reports.publication.rendering import STYLESHEET, pdf, template_of
from gezinsregie.reports.publication.rules import ADDRESS, NAME, Block, Redaction, blocks, redact
from gezinsregie.reports.publication.selectors import (
    CASE_REPORT,
    FACTSHEET,
    KIND_OF_LEVEL,
    Counts,
    RebuttalAppendix,
    RebuttalEntry,
    Report,
    ReportCriterion,
    ReportFinding,
    ReportRow,
    ReportTheme,
    Respondent,
    SampledFamily,
    build,
    counts,
    judgements_per_indicator,
    report_tables,
    rows_of,
    sample_redactions,
)

__all__ = [
    "ADDRESS",
    "CASE_REPORT",
    "FACTSHEET",
    "KIND_OF_LEVEL",
    "NAME",
    "STYLESHEET",
    "Block",
    "Counts",
    "RebuttalAppendix",
    "RebuttalEntry",
    "Redaction",
    "Report",
    "ReportCriterion",
    "ReportFinding",
    "ReportRow",
    "ReportTheme",
    "Respondent",
    "SampledFamily",
    "blocks",
    "build",
    "counts",
    "judgements_per_indicator",
    "pdf",
    "redact",
    "report_tables",
    "rows_of",
    "sample_redactions",
    "template_of",
]
