"""Mounted at toezicht/ (gezinsregie.urls)."""

from django.urls import path

from gezinsregie.inspections import views

app_name = "inspections"
urlpatterns = [
    path("", views.index, name="index"),
    path("nieuw/", views.create, name="create"),
    path("<int:inspection_id>/", views.detail, name="detail"),
    path("<int:inspection_id>/status/", views.advance, name="advance"),
    path("<int:inspection_id>/respondenten/", views.invite, name="invite"),
    path("<int:inspection_id>/beoordelen/", views.judge, name="judge"),
    path("<int:inspection_id>/bevindingen/nieuw/", views.finding_add, name="finding_add"),
    path("<int:inspection_id>/bevindingen/<int:finding_id>/", views.finding_edit, name="finding_edit"),
    path("<int:inspection_id>/publiceren/", views.publish, name="publish"),
    path("<int:inspection_id>/resultaat/", views.result, name="result"),
    path("<int:inspection_id>/rapportteksten/", views.report_texts, name="report_texts"),
    path("<int:inspection_id>/vergelijking/", views.comparison, name="comparison"),
    path("<int:inspection_id>/gezinnen/", views.case_select, name="case_select"),
    path("<int:inspection_id>/gezinnen/<int:review_id>/", views.case_review, name="case_review"),
    path("<int:inspection_id>/gezinnen/<int:review_id>/oordelen/", views.case_judge, name="case_judge"),
    path("<int:inspection_id>/hoor-en-wederhoor/", views.rebuttal, name="rebuttal"),
    path("<int:inspection_id>/hoor-en-wederhoor/versturen/", views.concept_send, name="concept_send"),
    path("<int:inspection_id>/hoor-en-wederhoor/afronden/", views.rebuttal_close, name="rebuttal_close"),
    path(
        "<int:inspection_id>/hoor-en-wederhoor/bevindingen/<int:finding_id>/",
        views.concept_respond,
        name="concept_respond",
    ),
    path(
        "<int:inspection_id>/hoor-en-wederhoor/reacties/<int:response_id>/",
        views.response_answer,
        name="response_answer",
    ),
    path("vragenlijst/<int:respondent_id>/", views.questionnaire, name="questionnaire"),
    path("documenten/<int:answer_id>/", views.answer_document, name="answer_document"),
    path("verbeterpunten/", views.points, name="points"),
    path("verbeterpunten/<int:point_id>/", views.point, name="point"),
]
