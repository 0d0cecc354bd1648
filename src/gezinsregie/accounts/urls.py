from django.urls import path

from gezinsregie.accounts import grant_views, views

app_name = "accounts"
urlpatterns = [
    path("", views.account, name="account"),
    path("tweestapsverificatie/", views.verify, name="verify"),
    path("tweestapsverificatie/instellen/", views.enrol, name="enrol"),
    path("tweestapsverificatie/herstelcodes/", views.recovery_codes, name="recovery_codes"),
    path("tweestapsverificatie/uitzetten/", views.second_factor_remove, name="second_factor_remove"),
    path("api-sleutels/", views.token_create, name="token_create"),
    path("api-sleutels/<int:token_id>/intrekken/", views.token_revoke, name="token_revoke"),
    path("toekenningen/", grant_views.grants, name="grants"),
    path("toekenningen/<int:grant_id>/", grant_views.grant_decide, name="grant_decide"),
]
