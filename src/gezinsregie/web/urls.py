from django.urls import path

from gezinsregie.web import views

app_name = "web"
urlpatterns = [
    path("", views.start, name="start"),
    path("gezinnen/<uuid:family_id>/", views.family_detail, name="family"),
    path("populatie/", views.population, name="population"),
]
