"""Every page of the main flows, per demo role, found in the demo data (ORM + reverse(), no hard-coded ids).

Read by test_every_page.py (axe-core and the 390 px check on each) and test_keyboard.py. A page is listed under
the role that works on it; a role's list holds what that role reaches from its start page.
"""

from dataclasses import dataclass
from typing import TypeVar

from django.db.models import Count, Model, QuerySet
from django.urls import reverse
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.assessment.indicators import COMPUTED
from gezinsregie.casework import workflow
from gezinsregie.casework.models import Family, FamilyStatus, Involvement, PendingReferral
from gezinsregie.inspections import selectors as inspection_selectors
from gezinsregie.inspections import services as inspection_services
from gezinsregie.inspections.models import (
    ConceptResponse,
    Finding,
    ImprovementPoint,
    Inspection,
    InspectionLevel,
    InspectionStatus,
)
from gezinsregie.organisations.models import Approach
from gezinsregie.plans.models import Action, CaseMeeting, CaseMeetingItem, Meeting, Plan

Permission = policy.Permission
M = TypeVar("M", bound=Model)


@dataclass(frozen=True)
class Page:
    username: str
    name: str  # what the page is, in the failure message
    url: str


def _first(queryset: QuerySet[M], what: str) -> M:
    found = queryset.first()
    if found is None:
        raise LookupError(f"de demogegevens hebben geen {what}")
    return found


def _user(username: str) -> User:
    return User.objects.get(username=username)


def coordinator_family() -> Family:
    """The coordinator's richest active family: a plan with goals and actions, a family meeting."""
    actor = _user("regisseur")
    # the richest active family: a plan with several versions, goals and actions, a family meeting
    family = _first(
        policy.families_for(actor, Permission.EDIT)
        .filter(status=FamilyStatus.ACTIVE, plan__isnull=False)
        .annotate(meeting_count=Count("meetings", distinct=True), goal_count=Count("plan__goals", distinct=True))
        .order_by("-meeting_count", "-goal_count", "reference"),
        "actief gezin met een plan voor de regisseur",
    )
    return family


def _coordinator_pages() -> list[Page]:
    actor = _user("regisseur")
    family = coordinator_family()
    plan = Plan.objects.get(family=family)
    goal = _first(plan.goals.order_by("priority", "pk"), "doel in het plan")
    action = _first(goal.actions.order_by("pk"), "actie bij het eerste doel")
    f = [family.pk]
    pages = [
        ("startpagina", reverse("web:start")),
        ("mijn gezinnen (caseload)", reverse("casework:caseload")),
        ("aanmelden", reverse("casework:register")),
        ("gezin", reverse("web:family", args=f)),
        ("toestemming", reverse("casework:consent", args=f)),
        ("machtiging", reverse("casework:mandate", args=f)),
        ("probleemanalyse", reverse("casework:analysis", args=f)),
        ("betrokkenen", reverse("casework:involvements", args=f)),
        ("contactmomenten", reverse("casework:contacts", args=f)),
        ("zorgvragen", reverse("casework:care", args=f)),
        ("sociaal netwerk", reverse("casework:network", args=f)),
        ("opschalingen", reverse("casework:escalations", args=f)),
        ("besluiten", reverse("casework:decisions", args=f)),
        ("afspraken over de datum", reverse("casework:overdue")),
        ("plan", reverse("plans:detail", args=f)),
        ("doel toevoegen", reverse("plans:goal_add", args=f)),
        ("doel wijzigen", reverse("plans:goal_edit", args=[family.pk, goal.pk])),
        ("actie toevoegen", reverse("plans:action_add", args=[family.pk, goal.pk])),
        ("actie wijzigen", reverse("plans:action_edit", args=[family.pk, action.pk])),
        ("instemming met het plan", reverse("plans:approval", args=f)),
        ("planversies", reverse("plans:history", args=f)),
        ("planversies vergelijken", reverse("plans:compare", args=f)),
        ("samenvatting voor het gezin", reverse("plans:summary", args=f)),
        ("overleggen", reverse("plans:meetings", args=f)),
        ("traject", reverse("trajectory:overview", args=f)),
        ("evaluatie", reverse("trajectory:evaluate", args=f)),
        ("afsluiten", reverse("trajectory:close", args=f)),
        ("drang en dwang", reverse("trajectory:measures", args=f)),
        ("toegangslog van het gezin", reverse("audit:family", args=f)),
        ("gegevens corrigeren", reverse("privacy:rectify", args=f)),
        ("signaal", reverse("trajectory_signal:signal")),
        ("meldingen", reverse("notifications:index")),
        ("mijn account", reverse("accounts:account")),
    ]
    meeting = Meeting.objects.filter(family=family).order_by("-held_on").first()
    if meeting is not None:
        pages.append(("overleg", reverse("plans:meeting", args=[family.pk, meeting.pk])))
    respondent = _first(policy.respondents_for(actor), "vragenlijst voor de regisseur")
    pages.append(("vragenlijst (netwerkpartner)", reverse("inspections:questionnaire", args=[respondent.pk])))
    # a family without a plan yet: its plan page offers to start one
    planless = policy.families_for(actor, Permission.EDIT).filter(plan__isnull=True).first()
    if planless is not None:
        pages.append(("plan (nog niet opgesteld)", reverse("plans:detail", args=[planless.pk])))
    return [Page("regisseur", name, url) for name, url in pages]


def _process_manager_pages() -> list[Page]:
    actor = _user("procesmanager")
    families = policy.families_for(actor, Permission.ASSIGN_COORDINATOR)
    family = _first(families.filter(status=FamilyStatus.ACTIVE).order_by("reference"), "actief gezin")
    approach = _first(policy.approaches_for(actor, Permission.VIEW_ASSESSMENT).order_by("pk"), "aanpak")
    pages = [
        ("startpagina", reverse("web:start")),
        ("regisseur toewijzen", reverse("casework:coordinator", args=[family.pk])),
        ("wachtende zorg", reverse("casework:waiting")),
        ("aanmeldingen te koppelen", reverse("casework:pending_referrals")),
        ("zelfevaluatie (overzicht)", reverse("assessment:index")),
        ("zelfevaluatie", reverse("assessment:dashboard", args=[approach.pk])),
        ("zelfevaluatie: beleid", reverse("assessment:policy_evidence", args=[approach.pk])),
        ("zelfevaluatie: doelgroep", reverse("assessment:estimates", args=[approach.pk])),
        ("zelfevaluatie: samenwerkingsafspraken", reverse("assessment:agreements", args=[approach.pk])),
        (
            "zelfevaluatie: gezinnen achter een indicator",
            reverse("assessment:families", args=[approach.pk, next(iter(COMPUTED)), "not_met"]),
        ),
        ("conceptrapport uit de zelfevaluatie", reverse("reports:draft", args=[approach.pk])),
        ("zorgnetwerkoverleggen", reverse("case_meetings:index")),
        ("zorgnetwerkoverleg plannen", reverse("case_meetings:plan", args=[approach.pk])),
    ]
    pending = PendingReferral.objects.filter(approach=approach).order_by("pk").first()
    if pending is not None:
        pages.append(("aanmelding koppelen", reverse("casework:pending_referral", args=[pending.pk])))
    case_meeting = _first(CaseMeeting.objects.filter(approach=approach).order_by("-held_on"), "zorgnetwerkoverleg")
    pages.append(("zorgnetwerkoverleg", reverse("case_meetings:detail", args=[case_meeting.pk])))
    item = _first(CaseMeetingItem.objects.filter(case_meeting=case_meeting).order_by("position"), "agendapunt")
    pages.append(("zorgnetwerkoverleg: gezin", reverse("case_meetings:part", args=[case_meeting.pk, item.family_id])))
    return [Page("procesmanager", name, url) for name, url in pages]


def _intake_pages() -> list[Page]:
    actor = _user("intake")
    family = _first(
        policy.families_for(actor, Permission.TRIAGE).filter(status__in=workflow.AWAITING_TRIAGE).order_by("reference"),
        "gezin dat wacht op prioritering",
    )
    return [
        Page("intake", "startpagina", reverse("web:start")),
        Page("intake", "prioritering", reverse("casework:triage", args=[family.pk])),
    ]


def _professional_pages() -> list[Page]:
    actor = _user("professional")
    pages = [("startpagina", reverse("web:start"))]
    family = _first(policy.families_for(actor).order_by("reference"), "gezin voor de professional")
    pages.append(("gezin (professional)", reverse("web:family", args=[family.pk])))
    pages.append(("plan (professional)", reverse("plans:detail", args=[family.pk])))
    owned = _first(
        Action.objects.filter(owner_user=actor, goal__plan__family__in=policy.families_for(actor)).order_by("pk"),
        "actie van de professional",
    )
    pages.append(("voortgang melden", reverse("plans:action_progress", args=[owned.goal.plan.family_id, owned.pk])))
    invitation = policy.invitations_for(actor).order_by("pk").first()
    if invitation is not None:
        pages.append(("uitnodiging", reverse("casework:invitation", args=[invitation.pk])))
    elif Involvement.objects.filter(user=actor, status=workflow.InvolvementStatus.INVITED).exists():
        raise LookupError("een uitnodiging die de professional niet bereikt")
    return [Page("professional", name, url) for name, url in pages]


def _policy_officer_pages() -> list[Page]:
    actor = _user("beleid")
    pages = [
        ("startpagina", reverse("web:start")),
        ("populatie", reverse("web:population")),
        ("uitstroom", reverse("trajectory_outcomes:outcomes")),
        ("verbeterpunten", reverse("inspections:points")),
    ]
    point = _first(
        ImprovementPoint.objects.filter(
            finding__inspection__in=policy.inspections_for(actor, Permission.VIEW_INSPECTION)
        ).order_by("pk"),
        "verbeterpunt voor de gemeente",
    )
    pages.append(("verbeterpunt", reverse("inspections:point", args=[point.pk])))
    respondent = _first(policy.respondents_for(actor), "vragenlijst voor de gemeente")
    pages.append(("vragenlijst (gemeente)", reverse("inspections:questionnaire", args=[respondent.pk])))
    in_rebuttal = _first(
        policy.inspections_for(actor, Permission.RESPOND_TO_CONCEPT).filter(status=InspectionStatus.REBUTTAL),
        "onderzoek in hoor en wederhoor",
    )
    pages.append(("hoor en wederhoor (gemeente)", reverse("inspections:rebuttal", args=[in_rebuttal.pk])))
    finding = _first(Finding.objects.filter(inspection=in_rebuttal).order_by("order", "pk"), "bevinding in het concept")
    pages.append(
        ("reageren op een bevinding", reverse("inspections:concept_respond", args=[in_rebuttal.pk, finding.pk]))
    )
    published = _first(
        policy.inspections_for(actor, Permission.VIEW_INSPECTION).filter(status=InspectionStatus.PUBLISHED),
        "gepubliceerd onderzoek",
    )
    pages.append(("resultaat (gemeente)", reverse("inspections:result", args=[published.pk])))
    return [Page("beleid", name, url) for name, url in pages]


def case_inspection_being_judged(inspector: User, approach: Approach) -> Inspection:
    """The demo has no inspection in judgement: start one at case level, as an inspector would (a free year, a
    mandated family in the sample, one overall finding). Found again when it already exists."""
    existing = Inspection.objects.filter(
        approach=approach, level=InspectionLevel.CASE, status=InspectionStatus.JUDGING
    ).first()
    if existing is not None:
        return existing
    taken = set(Inspection.objects.filter(approach=approach, level=InspectionLevel.CASE).values_list("year", flat=True))
    year = next(y for y in range(timezone.localdate().year, 2000, -1) if y not in taken)
    inspection = inspection_services.inspection_create(
        actor=inspector, approach=approach, level=InspectionLevel.CASE, year=year
    )
    family = _first(inspection_selectors.mandated_families(inspector, inspection), "gemachtigd gezin")
    inspection_services.case_review_add(actor=inspector, inspection=inspection, family=family)
    inspection_services.inspection_advance(actor=inspector, inspection=inspection, to=InspectionStatus.JUDGING)
    indicator = inspection_selectors.indicators_of(inspection)[0]
    inspection_services.finding_save(
        actor=inspector,
        inspection=inspection,
        indicators=[indicator],
        judgement="improvement",
        text="Niet in elk dossier staat een plan.",
    )
    return inspection


def _inspector_pages() -> list[Page]:
    actor = _user("inspecteur")
    inspections = policy.inspections_for(actor, Permission.CONDUCT_INSPECTION)
    open_policy = _first(
        inspections.filter(level=InspectionLevel.POLICY, status=InspectionStatus.OPEN), "open beleidsonderzoek"
    )
    published_policy = _first(
        inspections.filter(
            level=InspectionLevel.POLICY, status=InspectionStatus.PUBLISHED, approach=open_policy.approach
        ),
        "gepubliceerd beleidsonderzoek van dezelfde aanpak",
    )
    published_case = _first(
        inspections.filter(
            level=InspectionLevel.CASE, status=InspectionStatus.PUBLISHED, approach=open_policy.approach
        ),
        "gepubliceerd onderzoek op casusniveau",
    )
    judging = case_inspection_being_judged(actor, open_policy.approach)
    review = _first(judging.case_reviews.order_by("pk"), "gezin in het onderzoek")
    finding = _first(judging.findings.filter(case_review=None).order_by("order", "pk"), "bevinding")
    in_rebuttal = _first(inspections.filter(status=InspectionStatus.REBUTTAL), "onderzoek in hoor en wederhoor")
    judged = set(finding.indicators.values_list("pk", flat=True))
    unjudged = next(i for i in inspection_selectors.indicators_of(judging) if i.pk not in judged)
    pages = [
        ("startpagina", reverse("web:start")),
        ("toezicht (overzicht)", reverse("inspections:index")),
        ("nieuw onderzoek", reverse("inspections:create")),
        ("onderzoek", reverse("inspections:detail", args=[open_policy.pk])),
        ("respondenten", reverse("inspections:invite", args=[open_policy.pk])),
        ("beoordelen (open voor antwoorden)", reverse("inspections:judge", args=[open_policy.pk])),
        ("rapportteksten", reverse("inspections:report_texts", args=[open_policy.pk])),
        ("vergelijking met vorig onderzoek", reverse("inspections:comparison", args=[open_policy.pk])),
        ("resultaat", reverse("inspections:result", args=[published_policy.pk])),
        ("onderzoek op casusniveau", reverse("inspections:detail", args=[judging.pk])),
        ("beoordelen", reverse("inspections:judge", args=[judging.pk])),
        ("bevinding toevoegen", reverse("inspections:finding_add", args=[judging.pk]) + f"?indicator={unjudged.pk}"),
        ("bevinding wijzigen", reverse("inspections:finding_edit", args=[judging.pk, finding.pk])),
        ("gezinnen kiezen", reverse("inspections:case_select", args=[judging.pk])),
        ("gezin in het onderzoek", reverse("inspections:case_review", args=[judging.pk, review.pk])),
        ("gezin beoordelen", reverse("inspections:case_judge", args=[judging.pk, review.pk])),
        ("verbeterpunten (inspectie)", reverse("inspections:points")),
        ("factsheet", reverse("reports:factsheet", args=[published_policy.pk])),
        ("factsheet (concept)", reverse("reports:factsheet", args=[open_policy.pk])),
        ("typering van de aanpak", reverse("reports:approach_profile", args=[open_policy.pk])),
        ("nota van bevindingen", reverse("reports:case_report", args=[published_case.pk])),
        ("paragrafen van de nota", reverse("reports:report_sections", args=[judging.pk])),
        ("landelijk overzicht", reverse("reports:aggregate")),
        ("toetsingskader", reverse("frameworks:index")),
        ("toetsingskaders vergelijken", reverse("frameworks:compare")),
    ]
    pages.append(("hoor en wederhoor (inspectie)", reverse("inspections:rebuttal", args=[in_rebuttal.pk])))
    response = ConceptResponse.objects.filter(rebuttal__inspection=in_rebuttal).order_by("pk").first()
    if response is not None:
        pages.append(
            ("reactie beantwoorden", reverse("inspections:response_answer", args=[in_rebuttal.pk, response.pk]))
        )
    return [Page("inspecteur", name, url) for name, url in pages]


def _privacy_officer_pages() -> list[Page]:
    actor = _user("privacy")
    family = _first(
        policy.families_for(actor, Permission.EXPORT_FAMILY_DATA)
        .annotate(members_count=Count("members"))
        .order_by("-members_count", "reference"),
        "gezin voor de privacyfunctionaris",
    )
    f = [family.pk]
    pages = [
        ("startpagina", reverse("web:start")),
        ("toegangslog zoeken", reverse("audit:search")),
        ("toegangslog zoeken (met resultaten)", reverse("audit:search") + f"?kenmerk={family.reference}"),
        ("toegangspatronen", reverse("audit:patterns")),
        ("toegangslog van het gezin (privacy)", reverse("audit:family", args=f)),
        ("rechten van het gezin", reverse("privacy:family", args=f)),
    ]
    return [Page("privacy", name, url) for name, url in pages]


def _administrator_pages() -> list[Page]:
    return [
        Page("beheer", "startpagina", reverse("web:start")),
        Page("beheer", "toekenningen", reverse("accounts:grants")),
    ]


def every_page() -> list[Page]:
    """All of them, grouped by role (one login each), in the order a role would meet them."""
    return [
        *_coordinator_pages(),
        *_process_manager_pages(),
        *_intake_pages(),
        *_professional_pages(),
        *_policy_officer_pages(),
        *_inspector_pages(),
        *_privacy_officer_pages(),
        *_administrator_pages(),
    ]
