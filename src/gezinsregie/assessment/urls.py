from django.urls import path

from gezinsregie.assessment import views

app_name = "assessment"
urlpatterns = [
    path("", views.index, name="index"),
    path("<int:approach_id>/", views.dashboard, name="dashboard"),
    path("<int:approach_id>/beleid/", views.policy_evidence, name="policy_evidence"),
    path("<int:approach_id>/<str:key>/<str:outcome>/", views.families, name="families"),
]
