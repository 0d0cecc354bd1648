"""Mounted at rapporten/ (gezinsregie.urls)."""

from django.urls import path

from gezinsregie.reports.aggregate import views as views_aggregate
from gezinsregie.reports.authoring import views as views_authoring
from gezinsregie.reports.draft import views as views_draft
from gezinsregie.reports.publication import views as views_publication

app_name = "reports"
urlpatterns = [
    # the published reports of one inspection (publication/views.py)
    path("<int:inspection_id>/factsheet/", views_publication.factsheet, name="factsheet"),
    path("<int:inspection_id>/factsheet.pdf", views_publication.factsheet_pdf, name="factsheet_pdf"),
    path("<int:inspection_id>/nota-van-bevindingen/", views_publication.case_report, name="case_report"),
    path("<int:inspection_id>/nota-van-bevindingen.pdf", views_publication.case_report_pdf, name="case_report_pdf"),
    # what the inspector writes into them besides the report texts, until publication (authoring/views.py)
    path("<int:inspection_id>/typering/", views_authoring.approach_profile, name="approach_profile"),
    path("<int:inspection_id>/paragrafen/", views_authoring.report_sections, name="report_sections"),
    path(
        "<int:inspection_id>/paragrafen/<int:section_id>/",
        views_authoring.report_section_edit,
        name="report_section_edit",
    ),
    path(
        "<int:inspection_id>/paragrafen/<int:section_id>/verwijderen/",
        views_authoring.report_section_delete,
        name="report_section_delete",
    ),
    # the self-assessment of an approach as a draft report, and an inspection started from it (draft/views.py)
    path("zelfevaluatie/<int:approach_id>/", views_draft.draft, name="draft"),
    path("zelfevaluatie/<int:approach_id>.pdf", views_draft.draft_pdf, name="draft_pdf"),
    path("zelfevaluatie/<int:approach_id>/onderzoek/", views_draft.start_inspection, name="draft_start_inspection"),
    # the aggregate report over all approaches, and its numbers as CSV and XLSX (aggregate/views.py)
    path("overzicht/", views_aggregate.aggregate, name="aggregate"),
    path("overzicht.csv", views_aggregate.aggregate_csv, name="aggregate_csv"),
    path("overzicht.xlsx", views_aggregate.aggregate_xlsx, name="aggregate_xlsx"),
    path("overzicht.pdf", views_aggregate.aggregate_pdf, name="aggregate_pdf"),
]
