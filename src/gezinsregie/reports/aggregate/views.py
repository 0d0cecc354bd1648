"""The aggregate report over many approaches (the 21-municipality report): filters, per theme a chart and a
table, the approaches' characteristics (figures 3, 6 and 8), and the same numbers as CSV, XLSX and PDF. Numbers
over published inspections only, never a person. The charts are built in charts.py."""

from typing import Any
from urllib.parse import urlencode

import weasyprint
from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from gezinsregie import policy
from gezinsregie.accounts.request import actor_of
from gezinsregie.inspections.models import InspectionLevel
from gezinsregie.reports.aggregate import exports
from gezinsregie.reports.aggregate import selectors as aggregation
from gezinsregie.reports.aggregate.charts import characteristic_chart, stacked_chart
from gezinsregie.reports.aggregate.selectors import AggregateFilter, AggregateReport

Permission = policy.Permission


class AggregateFilterForm(forms.Form):
    niveau = forms.ChoiceField(label=_("Niveau"), choices=InspectionLevel.choices, required=False)
    jaar = forms.TypedChoiceField(label=_("Jaar"), coerce=int, required=False, empty_value=None)
    gemeente = forms.TypedChoiceField(label=_("Gemeente"), coerce=int, required=False, empty_value=None)
    kader = forms.TypedChoiceField(label=_("Toetsingskader"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: dict[str, Any] = self.fields
        fields["jaar"].choices = [("", _("Laatste onderzoek per aanpak"))] + [
            (year, str(year)) for year in aggregation.published_years()
        ]
        fields["gemeente"].choices = [("", _("Alle gemeenten"))] + [
            (m.pk, m.name) for m in aggregation.published_municipalities().order_by("name")
        ]
        frameworks = list(aggregation.published_frameworks().order_by("name"))
        fields["kader"].choices = [("", _("Het kader van het laatste onderzoek"))] + [
            (f.pk, f.name) for f in frameworks
        ]
        self.several_frameworks = len(frameworks) > 1

    def to_filter(self) -> AggregateFilter:
        data = self.cleaned_data
        return AggregateFilter(
            level=data.get("niveau") or InspectionLevel.POLICY,
            year=data.get("jaar"),
            municipality_id=data.get("gemeente"),
            framework_id=data.get("kader"),
        )


def query_of(f: AggregateFilter) -> str:
    """The filter as a query string, for the export links (only what was chosen)."""
    params = {"niveau": f.level, "jaar": f.year, "gemeente": f.municipality_id, "kader": f.framework_id}
    return urlencode({key: value for key, value in params.items() if value is not None})


def _report(request: HttpRequest) -> tuple[AggregateFilterForm, AggregateReport | None]:
    policy.ensure(actor_of(request), Permission.VIEW_AGGREGATE)
    form = AggregateFilterForm(request.GET)
    if not form.is_valid():
        return form, None
    return form, aggregation.aggregate_report(form.to_filter())


def _context(form: AggregateFilterForm, report: AggregateReport | None) -> dict[str, Any]:
    context: dict[str, Any] = {"form": form, "report": report}
    if report is not None:
        context["query"] = query_of(form.to_filter())
        context["level_label"] = dict(InspectionLevel.choices)[report.level]
        context["sections"] = [
            {
                "theme": theme,
                "chart": stacked_chart(chart_id=f"thema-{index}", theme=theme, approaches=report.approaches),
            }
            for index, theme in enumerate(report.themes, start=1)
        ]
        context["characteristics"] = [  # only what is recorded for at least one approach is charted
            characteristic_chart(chart_id=f"kenmerk-{c.figure}", characteristic=c)
            for c in report.characteristics
            if c.answered
        ]
    return context


@login_required
def aggregate(request: HttpRequest) -> HttpResponse:
    form, report = _report(request)
    context = _context(form, report)
    return render(request, "reports/aggregate.html", context, status=200 if report is not None else 400)


@login_required
def aggregate_pdf(request: HttpRequest) -> HttpResponse:
    """The same numbers and charts as the page, as an A4 PDF (the charts are SVG, embedded as they are)."""
    form, report = _report(request)
    if report is None:
        return HttpResponseBadRequest("Ongeldige keuze voor het overzicht.", content_type="text/plain; charset=utf-8")
    html = render_to_string("reports/aggregate_pdf.html", _context(form, report))
    document = weasyprint.HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf(pdf_tags=True)
    return _attachment(document, "application/pdf", exports.filename(report, "pdf"))


def _attachment(content: str | bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def aggregate_csv(request: HttpRequest) -> HttpResponse:
    _, report = _report(request)
    if report is None:
        return HttpResponseBadRequest("Ongeldige keuze voor het overzicht.", content_type="text/plain; charset=utf-8")
    return _attachment(exports.to_csv(report), "text/csv; charset=utf-8", exports.filename(report, "csv"))


@login_required
def aggregate_xlsx(request: HttpRequest) -> HttpResponse:
    _, report = _report(request)
    if report is None:
        return HttpResponseBadRequest("Ongeldige keuze voor het overzicht.", content_type="text/plain; charset=utf-8")
    content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return _attachment(exports.to_xlsx(report), content_type, exports.filename(report, "xlsx"))
