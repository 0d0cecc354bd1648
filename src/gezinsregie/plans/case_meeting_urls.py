"""Mounted at zorgnetwerk/ (gezinsregie.urls): the case meetings of an approach over many families."""

from django.urls import path

from gezinsregie.plans import views

app_name = "case_meetings"
urlpatterns = [
    path("", views.case_meetings, name="index"),
    path("aanpak/<int:approach_id>/nieuw/", views.case_meeting_plan, name="plan"),
    path("<int:case_meeting_id>/", views.case_meeting, name="detail"),
    path("<int:case_meeting_id>/zorgnetwerkoverleg.ics", views.case_meeting_ics, name="ics"),
    path("<int:case_meeting_id>/gezinnen/<uuid:family_id>/", views.case_meeting_part, name="part"),
]
