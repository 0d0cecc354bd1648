from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from gezinsregie.accounts import views as account_views

urlpatterns = [
    path("inloggen/", account_views.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("wachtwoord-vergeten/", account_views.PasswordResetView.as_view(), name="password_reset"),
    path("wachtwoord-vergeten/verstuurd/", account_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "wachtwoord-herstellen/<uidb64>/<token>/",
        account_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord-herstellen/klaar/",
        account_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("mijn-account/wachtwoord/", account_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "mijn-account/wachtwoord/gewijzigd/",
        account_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("mijn-account/", include("gezinsregie.accounts.urls")),
    path("beheer/", admin.site.urls),
    path("api/", include("gezinsregie.api.urls")),
    path("toegangslog/", include("gezinsregie.audit.urls")),
    path("privacy/", include("gezinsregie.privacy.urls")),
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
    path("", include("gezinsregie.ops.urls")),
    path("", include("gezinsregie.casework.urls")),
    path("", include("gezinsregie.web.urls")),
]

if settings.OIDC_ENABLED:
    urlpatterns.insert(0, path("oidc/", include("mozilla_django_oidc.urls")))
