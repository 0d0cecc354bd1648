from django.urls import path

from gezinsregie.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.search, name="search"),
    path("patronen/", views.patterns, name="patterns"),
    path("gezin/<uuid:family_id>/", views.family_log, name="family"),
    path("gezin/<uuid:family_id>/toegangslog.csv", views.family_log_csv, name="family_csv"),
    path("gezin/<uuid:family_id>/toegangslog.pdf", views.family_log_pdf, name="family_pdf"),
]
