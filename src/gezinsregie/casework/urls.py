from django.urls import path

from gezinsregie.casework import views
from gezinsregie.casework.views import analysis_edit as _analysis_edit
from gezinsregie.casework.views.bsn import member_bsn as _member_bsn
from gezinsregie.casework.views.network import network as _network
from gezinsregie.plans.views.overdue import overdue as _overdue

app_name = "casework"
urlpatterns = [
    path("aanmelden/", views.register, name="register"),
    path("aanmeldingen/te-koppelen/", views.pending_referrals, name="pending_referrals"),
    path("aanmeldingen/te-koppelen/<int:pending_id>/", views.pending_referral, name="pending_referral"),
    path("mijn-gezinnen/", views.caseload, name="caseload"),
    path("gezinnen/<uuid:family_id>/prioriteren/", views.triage, name="triage"),
    path("gezinnen/<uuid:family_id>/leden/<int:member_id>/bsn/", _member_bsn, name="member_bsn"),
    path("gezinnen/<uuid:family_id>/toestemming/", views.consent, name="consent"),
    path(
        "gezinnen/<uuid:family_id>/toestemming/<int:consent_id>/intrekken/",
        views.consent_withdraw,
        name="consent_withdraw",
    ),
    path(
        "gezinnen/<uuid:family_id>/toestemming/<int:consent_id>/scan/",
        views.consent_scan,
        name="consent_scan",
    ),
    path("gezinnen/<uuid:family_id>/machtiging/", views.mandate, name="mandate"),
    path(
        "gezinnen/<uuid:family_id>/machtiging/<int:mandate_id>/intrekken/",
        views.mandate_withdraw,
        name="mandate_withdraw",
    ),
    path("gezinnen/<uuid:family_id>/machtiging/<int:mandate_id>/scan/", views.mandate_scan, name="mandate_scan"),
    path("gezinnen/<uuid:family_id>/analyse/", views.analysis, name="analysis"),
    path(
        "gezinnen/<uuid:family_id>/analyse/problemen/<int:problem_id>/",
        _analysis_edit.problem_edit,
        name="problem_edit",
    ),
    path("gezinnen/<uuid:family_id>/analyse/geen-problemen/", _analysis_edit.no_problems, name="no_problems"),
    path(
        "gezinnen/<uuid:family_id>/analyse/geen-problemen/<int:finding_id>/intrekken/",
        _analysis_edit.no_problems_withdraw,
        name="no_problems_withdraw",
    ),
    path("gezinnen/<uuid:family_id>/regisseur/", views.coordinator, name="coordinator"),
    path("gezinnen/<uuid:family_id>/betrokkenen/", views.involvements, name="involvements"),
    path("gezinnen/<uuid:family_id>/contacten/", views.contacts, name="contacts"),
    path("gezinnen/<uuid:family_id>/zorgvragen/", views.care, name="care"),
    path("gezinnen/<uuid:family_id>/netwerk/", _network, name="network"),
    path("gezinnen/<uuid:family_id>/opschalingen/", views.escalations, name="escalations"),
    path("gezinnen/<uuid:family_id>/besluiten/", views.decisions, name="decisions"),
    path("wachtende-zorg/", views.waiting, name="waiting"),
    path("afspraken-over-de-datum/", _overdue, name="overdue"),
    path("uitnodigingen/<int:involvement_id>/", views.invitation, name="invitation"),
]
