"""The access log in words: what a person reading it sees instead of the codes the system stores.

The log stores stable codes (`family.view`, `plan.summary_pdf`, `casework.Family`): they are what the chain hashes
and what a search matches. A family, a coordinator or a privacy officer reads words: "Gezin bekeken",
"Samenvatting plan als PDF gedownload", "Gezin". This module is the one place that turns the one into the other,
for the log pages, the CSV and the PDF alike; tests/audit/test_wording.py checks that every code written anywhere in
src has its words here.

Codes come in two kinds: fixed ones (ACTIONS) and families of codes built from a value (`family.<permission>` when
a family is opened for a permission, `denied.<permission>` when the policy refused one, `user.change:<fields>`).
"""

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist

# What was done, by code, as a finished act ("Gezin bekeken"): the words of the log's "Handeling" column.
ACTIONS: dict[str, str] = {
    # logging in and out
    "login": "Ingelogd",
    "login.failed": "Inloggen mislukt",
    "logout": "Uitgelogd",
    # registration and triage
    "family.register": "Gezin aangemeld",
    "family.duplicate_shown": "Mogelijk bekend gezin getoond bij aanmelding",
    "family.triage": "Besluit over prioritering vastgelegd",
    "family.assign_coordinator": "Regisseur toegewezen",
    "family.close": "Traject afgesloten",
    "family.reenter": "Gezin opnieuw in de aanpak opgenomen",
    "family.export": "Alle gegevens van het gezin geëxporteerd (inzageverzoek)",
    "family.rectify": "Gegevens van het gezin gecorrigeerd (rectificatie)",
    "family.erase": "Persoonsgegevens van het gezin gewist",
    "family.list": "Gezin getoond in een lijst",
    "family.list.aftercare": "Gezin getoond in de lijst voor nazorg",
    "family.list.after_the_plan": "Gezin getoond in de lijst na het plan",
    "referral.add": "Aanmelding toegevoegd",
    "referral.hold": "Aanmelding apart gezet om te koppelen",
    "referral.link": "Aanmelding gekoppeld aan een bekend gezin",
    "pending_referral.list": "Aanmeldingen om te koppelen bekeken",
    "pending_referral.view": "Aanmelding om te koppelen bekeken",
    "pending_referral.compare": "Bekend gezin vergeleken met een aanmelding",
    "member.bsn_show": "BSN van een gezinslid getoond",
    # consent and mandate
    "consent.record": "Toestemmingsverklaring vastgelegd",
    "consent.scan": "Scan van de toestemmingsverklaring bekeken",
    "consent.supersede": "Toestemmingsverklaring vervangen door een nieuwe",
    "consent.withdraw": "Toestemming ingetrokken",
    "mandate.record": "Machtiging voor de inspectie vastgelegd",
    "mandate.scan": "Scan van de machtiging bekeken",
    "mandate.withdraw": "Machtiging voor de inspectie ingetrokken",
    # analysis and network
    "problem.add": "Probleem toegevoegd aan de analyse",
    "problem.change": "Probleem in de analyse gewijzigd",
    "problem.remove": "Probleem uit de analyse verwijderd",
    "analysis.no_problems": "Vastgelegd: geen problemen",
    "analysis.no_problems_withdraw": "Vastlegging 'geen problemen' ingetrokken",
    "scores.record": "Zelfredzaamheid gescoord",
    "network.add": "Persoon uit het sociaal netwerk toegevoegd",
    "network.change": "Persoon uit het sociaal netwerk gewijzigd",
    "network.remove": "Persoon uit het sociaal netwerk verwijderd",
    "involvement.propose": "Professional uitgenodigd om betrokken te worden",
    "involvement.accept": "Uitnodiging om betrokken te worden aangenomen",
    "involvement.decline": "Uitnodiging om betrokken te worden afgewezen",
    "involvement.end": "Betrokkenheid beëindigd",
    "involvement.invitation_list": "Gezin getoond in de lijst met uitnodigingen",
    "involvement.invitation_view": "Uitnodiging om betrokken te worden bekeken",
    "contact.record": "Contactmoment vastgelegd",
    # the plan
    "plan.create": "Plan gemaakt",
    "plan.session_save": "Wijzigingen aan het plan opgeslagen als nieuwe versie",
    "plan.session_discard": "Wijzigingen aan het plan weggegooid",
    "plan.view": "Plan bekeken",
    "plan.history": "Versies van het plan bekeken",
    "plan.compare": "Versies van het plan vergeleken",
    "plan.summary": "Samenvatting van het plan bekeken",
    "plan.summary_pdf": "Samenvatting plan als PDF gedownload",
    "plan.goal_add": "Doel toegevoegd aan het plan",
    "plan.goal_update": "Doel in het plan gewijzigd",
    "plan.goal_move": "Doel in het plan verplaatst",
    "plan.goal_remove": "Doel uit het plan verwijderd",
    "plan.action_add": "Actie toegevoegd aan het plan",
    "plan.action_update": "Actie in het plan gewijzigd",
    "plan.action_move": "Actie in het plan verplaatst",
    "plan.action_remove": "Actie uit het plan verwijderd",
    "plan.action_progress": "Voortgang van een actie gemeld",
    "plan.action_list": "Eigen acties bekeken",
    "plan.approval": "Instemming met het plan vastgelegd",
    "plan.commit": "Toezegging van een partner vastgelegd",
    "plan.overdue_list": "Gezin getoond in de lijst met verlopen acties",
    "partner_voice.record": "Stem van een partner vastgelegd",
    "family_voice.record": "Stem van het gezin vastgelegd",
    # meetings
    "meeting.record": "Overleg vastgelegd",
    "meeting.view": "Overleg bekeken",
    "meeting.export_ics": "Overleg als agenda-item gedownload",
    "case_meeting.agenda_add": "Gezin op de agenda van het zorgnetwerkoverleg gezet",
    "case_meeting.agenda_view": "Agenda van het zorgnetwerkoverleg bekeken",
    "case_meeting.choose_families": "Gezin getoond bij het kiezen voor het zorgnetwerkoverleg",
    "case_meeting.export_ics": "Zorgnetwerkoverleg als agenda-item gedownload",
    # coordination
    "care.request": "Zorgvraag vastgelegd",
    "care.start": "Start van de zorg vastgelegd",
    "care.withdraw": "Zorgvraag ingetrokken",
    "care.waiting_list": "Wachtlijst bekeken",
    "escalation.open": "Opschaling gestart",
    "escalation.raise": "Opschaling een trede hoger gezet",
    "escalation.climb": "Opschaling automatisch een trede hoger gezet",
    "escalation.close": "Opschaling afgesloten",
    "decision.take": "Doorzettingsmacht gebruikt: besluit genomen",
    "decision.acknowledge": "Besluit van de regisseur erkend",
    "decision.refuse": "Besluit van de regisseur niet erkend",
    "decision.escalate": "Besluit van de regisseur opgeschaald",
    "measure.record": "Maatregel (drang of dwang) vastgelegd",
    "measure.decide": "Besluit over een maatregel vastgelegd",
    "non_cooperation.decide": "Besluit vastgelegd over een gezin dat niet meewerkt",
    # evaluation, closure, aftercare
    "evaluation.record": "Evaluatie vastgelegd",
    "episode.extend": "Traject verlengd",
    "checkin.record": "Nazorgcontact vastgelegd",
    "aftercare.end": "Nazorg beëindigd",
    "aftercare.complete": "Nazorg afgerond",
    "signal.raise": "Signaal (terugmelding) gegeven",
    "signal.unmatched": "Signaal gegeven dat bij geen gezin hoort",
    # the self-assessment, inspections and reports
    "assessment.families": "Gezin getoond achter een getal van de zelfevaluatie",
    "inspection.create": "Toezichtonderzoek aangemaakt",
    "inspection.invite": "Respondent uitgenodigd voor het toezichtonderzoek",
    "inspection.answers_save": "Antwoorden op de vragenlijst opgeslagen",
    "inspection.submit": "Vragenlijst ingediend",
    "inspection.finding_save": "Oordeel en bevinding opgeslagen",
    "inspection.finding_delete": "Oordeel en bevinding verwijderd",
    "inspection.case_add": "Gezin toegevoegd aan de steekproef",
    "inspection.case_judge": "Oordeel over een casus vastgelegd",
    "inspection.interview_add": "Gesprek vastgelegd",
    "inspection.plan_review": "Plan van het gezin beoordeeld",
    "inspection.texts": "Rapportteksten gewijzigd",
    "inspection.send_concept": "Concept voorgelegd aan de gemeente",
    "inspection.concept_respond": "Reactie op het concept gegeven",
    "inspection.concept_close": "Reactie op het concept afgerond",
    "inspection.concept_answer": "Reactie van de gemeente beantwoord",
    "inspection.publish": "Rapport gepubliceerd",
    "inspection.import": "Gepubliceerd rapport ingelezen",
    "inspection.point_report": "Voortgang op een verbeterpunt gemeld",
    "inspection.point_update": "Verbeterpunt gewijzigd",
    "inspection.draft": "Toezichtonderzoek teruggezet in voorbereiding",
    "inspection.open": "Toezichtonderzoek opengezet voor antwoorden",
    "inspection.judging": "Toezichtonderzoek in beoordeling gezet",
    "inspection.rebuttal": "Toezichtonderzoek in hoor en wederhoor gezet",
    "inspection.published": "Toezichtonderzoek gepubliceerd",
    "report.profile": "Typering van de aanpak gewijzigd",
    "report.import.narrative": "Tekst van een rapport ingelezen",
    "report.section.add": "Paragraaf van de nota toegevoegd",
    "report.section.update": "Paragraaf van de nota gewijzigd",
    "report.section.delete": "Paragraaf van de nota verwijderd",
    "population_estimate.record": "Schatting van de doelgroep vastgelegd",
    "population_estimate.delete": "Schatting van de doelgroep verwijderd",
    "cooperation_agreement.record": "Samenwerkingsafspraak vastgelegd",
    "cooperation_agreement.delete": "Samenwerkingsafspraak verwijderd",
    # the access log itself
    "log.search": "Toegangslog doorzocht",
    "log.patterns": "Ongebruikelijke patronen in het toegangslog bekeken",
    "log.export_csv": "Toegangslog als CSV gedownload",
    "log.export_pdf": "Toegangslog als PDF gedownload",
    # accounts and roles
    "user.create": "Account aangemaakt",
    "user.change": "Account gewijzigd",
    "user.password_link": "Link om een wachtwoord in te stellen verstuurd",
    "user.unlock": "Blokkade van een account opgeheven",
    "membership.grant_request": "Rol aangevraagd (vier ogen)",
    "membership.grant_approve": "Aangevraagde rol goedgekeurd",
    "membership.grant_refuse": "Aangevraagde rol geweigerd",
    "membership.end": "Rol beëindigd",
    "api_token.create": "API-sleutel aangemaakt",
    "api_token.revoke": "API-sleutel ingetrokken",
}

# What was asked of the policy, as an infinitive ("gezin bekijken"): for `family.<p>` (opened for it) and
# `denied.<p>` (refused). Every policy Permission and every refusal the accounts app logs has its words here.
PERMISSIONS: dict[str, str] = {
    "view": "gezin bekijken",
    "edit": "gezin wijzigen",
    "triage": "over prioritering beslissen",
    "assign_coordinator": "regisseur toewijzen",
    "view_log": "toegangslog van het gezin bekijken",
    "view_referral_status": "status van de aanmelding bekijken",
    "inspect": "gezin inzien voor de inspectie",
    "decide_exit": "besluiten dat het gezin de aanpak verlaat",
    "record_checkin": "nazorgcontact vastleggen",
    "export_family_data": "alle gegevens van het gezin exporteren",
    "view_bsn": "BSN bekijken",
    "register": "gezin aanmelden",
    "link_referral": "aanmelding koppelen",
    "raise_signal": "signaal geven",
    "view_population": "populatie bekijken",
    "view_assessment": "zelfevaluatie bekijken",
    "start_inspection": "toezichtonderzoek starten",
    "view_case_meeting": "zorgnetwerkoverleg bekijken",
    "plan_case_meeting": "zorgnetwerkoverleg plannen",
    "record_policy_facts": "gegevens over de aanpak vastleggen",
    "view_inspection": "toezichtonderzoek bekijken",
    "conduct_inspection": "toezichtonderzoek uitvoeren",
    "report_improvement": "voortgang op een verbeterpunt melden",
    "respond_to_concept": "reageren op het concept",
    "answer_inspection": "vragenlijst beantwoorden",
    "search_logs": "toegangslog doorzoeken",
    "configure": "beheren",
    "approve_membership": "rol goedkeuren",
    "view_framework": "toetsingskader bekijken",
    "view_aggregate": "overzicht over aanpakken bekijken",
    "import_reports": "rapporten inlezen",
    "run_checks": "termijnen controleren",
    # the accounts app's own refusals (accounts.memberships)
    "membership_grant": "rol aanvragen",
    "membership_grant_approve": "aangevraagde rol goedkeuren",
    "membership_grant_refuse": "aangevraagde rol weigeren",
    "membership_end": "rol beëindigen",
}

# A family opened for a permission (policy.access_family logs `family.<permission>`), as a finished act.
FAMILY_OPENED: dict[str, str] = {
    "view": "Gezin bekeken",
    "edit": "Gezin geopend om te wijzigen",
    "triage": "Gezin geopend voor prioritering",
    "assign_coordinator": "Gezin geopend om een regisseur toe te wijzen",
    "view_log": "Toegangslog van het gezin bekeken",
    "view_referral_status": "Status van de aanmelding bekeken",
    "inspect": "Gezin ingezien voor de inspectie",
    "decide_exit": "Gezin geopend voor een besluit over niet meewerken",
    "record_checkin": "Gezin geopend voor een nazorgcontact",
    "export_family_data": "Gezin geopend voor een export van alle gegevens",
    "view_bsn": "Gezin geopend om een BSN te tonen",
}

UNKNOWN_ORGANISATION = "onbekend (niet ingelogd)"
NOT_RECORDED = "niet vastgelegd"


def _field_words(name: str) -> str:
    try:
        field = apps.get_model("accounts", "User")._meta.get_field(name)
    except (FieldDoesNotExist, LookupError):
        return name.replace("_", " ")
    return str(getattr(field, "verbose_name", name.replace("_", " ")))


FAMILY_LABEL = "casework.Family"


def action_words(code: str, object_type: str = FAMILY_LABEL) -> str:
    """The words for an action code; an unknown code is shown as it is (better a code than nothing).

    Two codes are written for two acts: `family.triage` and `family.assign_coordinator` are what access_family
    writes when it opens the family for that permission (the object is the family), and what the service writes
    when the decision is recorded (the object is the decision). The object type tells them apart."""
    head, _, rest = code.partition(".")
    if head == "family" and rest in FAMILY_OPENED and (object_type == FAMILY_LABEL or code not in ACTIONS):
        return FAMILY_OPENED[rest]
    if code in ACTIONS:
        return ACTIONS[code]
    if head == "denied" and rest in PERMISSIONS:
        return f"Geweigerd: {PERMISSIONS[rest]}"
    if code.startswith("user.change:"):
        fields = [f for f in code.removeprefix("user.change:").split(",") if f]
        return (
            f"{ACTIONS['user.change']}: {', '.join(_field_words(f) for f in fields)}"
            if fields
            else ACTIONS["user.change"]
        )
    return code


def object_words(label: str) -> str:
    """The kind of record in words ("casework.Family" → "Gezin"), from the model's own Dutch name."""
    if not label:
        return "—"
    try:
        name = str(apps.get_model(label)._meta.verbose_name)
    except (LookupError, ValueError):
        return label
    return name[:1].upper() + name[1:]


def organisation_words(*, organisation: str, user_id: int | None) -> str:
    if organisation:
        return organisation
    return UNKNOWN_ORGANISATION if user_id is None else NOT_RECORDED


def role_words(*, role: str, user_id: int | None) -> str:
    if role:
        return role
    return UNKNOWN_ORGANISATION if user_id is None else NOT_RECORDED


# Groups a search may ask for at once (the selector matches a code and everything that starts with it and a dot).
GROUPS: dict[str, str] = {
    "denied": "Alle weigeringen",
    "family": "Alles aan een gezin als geheel (bekeken, aangemeld, afgesloten, …)",
    "plan": "Alles aan het plan",
    "consent": "Alles aan toestemmingsverklaringen",
    "involvement": "Alles aan betrokkenheid van professionals",
    "inspection": "Alles aan toezichtonderzoeken",
    "log": "Alles aan het toegangslog zelf",
    "login": "Inloggen, ook mislukte pogingen",
    "user": "Alles aan accounts",
    "membership": "Alles aan rollen",
}


def search_choices() -> list[tuple[str, str]]:
    """The actions a privacy officer can search for, in words: first the groups, then every single action."""
    single = {**ACTIONS, **{f"family.{p}": words for p, words in FAMILY_OPENED.items()}}
    return [
        ("", "alle handelingen"),
        *[(code, words) for code, words in GROUPS.items()],
        *sorted(single.items(), key=lambda item: item[1].lower()),
    ]
