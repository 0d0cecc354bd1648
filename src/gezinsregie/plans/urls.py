"""Mounted at gezinnen/<uuid:family_id>/plan/ (gezinsregie.urls): everything here belongs to one family."""

from django.urls import path

from gezinsregie.plans import views

app_name = "plans"
urlpatterns = [
    path("", views.detail, name="detail"),
    path("opstellen/", views.create, name="create"),
    path("doelen/nieuw/", views.goal_add, name="goal_add"),
    path("doelen/<int:goal_id>/", views.goal_edit, name="goal_edit"),
    path("doelen/<int:goal_id>/acties/nieuw/", views.action_add, name="action_add"),
    path("acties/<int:action_id>/", views.action_edit, name="action_edit"),
    path("acties/<int:action_id>/voortgang/", views.action_progress, name="action_progress"),
    path("onderdelen/", views.items, name="items"),
    path("wijzigen/verplaatsen/", views.move, name="move"),
    path("wijzigen/verwijderen/", views.remove, name="remove"),
    path("wijzigen/opslaan/", views.session_save, name="session_save"),
    path("wijzigen/ongedaan-maken/", views.session_discard, name="session_discard"),
    path("instemming/", views.approval, name="approval"),
    path("bevestigen/", views.commit, name="commit"),
    path("overleg/", views.meetings, name="meetings"),
    path("overleg/<int:meeting_id>/", views.meeting, name="meeting"),
    path("overleg/<int:meeting_id>/overleg.ics", views.meeting_ics, name="meeting_ics"),
    path("versies/", views.history, name="history"),
    path("versies/vergelijken/", views.compare, name="compare"),
    path("samenvatting/", views.summary_html, name="summary"),
    path("samenvatting.pdf", views.summary_pdf, name="summary_pdf"),
]
