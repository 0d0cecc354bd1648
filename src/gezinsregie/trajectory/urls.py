"""Mounted at gezinnen/<uuid:family_id>/traject/ (gezinsregie.urls): everything here belongs to one family."""

from django.urls import path

from gezinsregie.trajectory import views

app_name = "trajectory"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("evaluatie/", views.evaluate, name="evaluate"),
    path("afsluiten/", views.close, name="close"),
    path("drang-en-dwang/", views.measures, name="measures"),
]
