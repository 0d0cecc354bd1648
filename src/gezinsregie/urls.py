from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

urlpatterns = [
    path("inloggen/", auth_views.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("beheer/", admin.site.urls),
    path("api/", include("gezinsregie.api.urls")),
    path("toegangslog/", include("gezinsregie.audit.urls")),
    path("toetsingskader/", include("gezinsregie.frameworks.urls")),
    path("zelfevaluatie/", include("gezinsregie.assessment.urls")),
    path("gezinnen/<uuid:family_id>/plan/", include("gezinsregie.plans.urls")),
    path("gezinnen/<uuid:family_id>/traject/", include("gezinsregie.trajectory.urls")),
    path("signaal/", include("gezinsregie.trajectory.signal_urls")),
    path("populatie/uitstroom/", include("gezinsregie.trajectory.report_urls")),
    path("zorgnetwerk/", include("gezinsregie.plans.case_meeting_urls")),
    path("toezicht/", include("gezinsregie.inspections.urls")),
    path("meldingen/", include("gezinsregie.notifications.urls")),
    path("rapporten/", include("gezinsregie.reports.urls")),
    path("", include("gezinsregie.casework.urls")),
    path("", include("gezinsregie.web.urls")),
]
