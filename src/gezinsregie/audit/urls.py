from django.urls import path

from gezinsregie.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.search, name="search"),
    path("gezin/<uuid:family_id>/", views.family_log, name="family"),
]
