"""A report as HTML for the page and as a PDF (WeasyPrint)."""

from pathlib import Path

import weasyprint
from django.template.loader import render_to_string

from gezinsregie.reports.publication.selectors import Report

STYLESHEET = Path(__file__).resolve().parents[1] / "static" / "reports" / "report_pdf.css"


def template_of(report: Report, *, pdf: bool) -> str:
    return f"reports/{report.kind}{'_pdf' if pdf else ''}.html"


def pdf(report: Report, *, base_url: str) -> bytes:
    """A4, a header and footer line with page numbers; rows kept on one page where they fit. Tagged (headings,
    lists, tables) and in Dutch, so that a screen reader can read the PDF as well as the page."""
    html = render_to_string(template_of(report, pdf=True), {"report": report})
    stylesheet = weasyprint.CSS(string=STYLESHEET.read_text(encoding="utf-8"))
    result: bytes = weasyprint.HTML(string=html, base_url=base_url).write_pdf(stylesheets=[stylesheet], pdf_tags=True)
    return result
