"""Mounted at populatie/uitstroom/: outcomes per approach, numbers only."""

from django.urls import path

from gezinsregie.trajectory.views.outcomes import outcomes

app_name = "trajectory_outcomes"
urlpatterns = [path("", outcomes, name="outcomes")]
