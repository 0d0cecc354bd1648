from django.urls import path

from gezinsregie.assessment import views
from gezinsregie.organisations import views as register

app_name = "assessment"
urlpatterns = [
    path("", views.index, name="index"),
    path("<int:approach_id>/", views.dashboard, name="dashboard"),
    path("<int:approach_id>/beleid/", views.policy_evidence, name="policy_evidence"),
    # the approach's own facts behind B1.a.2, B4.b.2 and B4.c.1 (organisations)
    path("<int:approach_id>/beleid/doelgroep/", register.estimates, name="estimates"),
    path(
        "<int:approach_id>/beleid/doelgroep/<int:estimate_id>/verwijderen/",
        register.estimate_delete,
        name="estimate_delete",
    ),
    path("<int:approach_id>/beleid/afspraken/", register.agreements, name="agreements"),
    path(
        "<int:approach_id>/beleid/afspraken/<int:agreement_id>/verwijderen/",
        register.agreement_delete,
        name="agreement_delete",
    ),
    path(
        "<int:approach_id>/beleid/afspraken/<int:agreement_id>/document/",
        register.agreement_document,
        name="agreement_document",
    ),
    path("<int:approach_id>/<str:key>/<str:outcome>/", views.families, name="families"),
]
