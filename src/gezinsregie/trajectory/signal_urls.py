"""Mounted at signaal/: any partner signals that a family in aftercare or closed needs the approach again."""

from django.urls import path

from gezinsregie.trajectory import views

app_name = "trajectory_signal"
urlpatterns = [path("", views.signal, name="signal")]
