"""Mounted at privacy/ (gezinsregie.urls)."""

from django.urls import path

from gezinsregie.privacy import views

app_name = "privacy"
urlpatterns = [
    path("gezinnen/<uuid:family_id>/", views.family, name="family"),
    path("gezinnen/<uuid:family_id>/inzage.json", views.export_json, name="export_json"),
    path("gezinnen/<uuid:family_id>/inzage.pdf", views.export_pdf, name="export_pdf"),
    path("gezinnen/<uuid:family_id>/corrigeren/", views.rectify, name="rectify"),
]
