from django.urls import path

from gezinsregie.frameworks import views

app_name = "frameworks"
urlpatterns = [
    path("", views.index, name="index"),
    path("vergelijken/", views.compare, name="compare"),
]
