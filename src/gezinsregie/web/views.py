"""Thin views: ask the policy, call a selector, render. The start page shows each role what it needs first."""

from typing import Any
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import Role
from gezinsregie.accounts.request import actor_of
from gezinsregie.assessment import selectors as assessment_selectors
from gezinsregie.assessment.indicators import Outcome
from gezinsregie.casework import rules, selectors
from gezinsregie.casework.models import Family
from gezinsregie.casework.selectors import pending as pending_selectors
from gezinsregie.common.charts import bar_chart
from gezinsregie.common.counts import CountRow, disclosed, disclosed_rows
from gezinsregie.trajectory import selectors as trajectory_selectors
from gezinsregie.web import selectors as web_selectors

Permission = policy.Permission
START_LIST_LIMIT = 50


@login_required
def start(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    roles = {m.role for m in policy.memberships_of(actor)}  # read once per request, with the policy
    context: dict[str, Any] = {"roles": roles}
    today = timezone.localdate()
    if Role.COORDINATOR in roles:
        context["caseload"] = list(selectors.caseload(actor=actor)[:START_LIST_LIMIT])
        context["registered"] = web_selectors.registered_by(actor=actor, limit=START_LIST_LIMIT)
    if Role.PROCESS_MANAGER in roles:
        families = list(selectors.approach_families(actor=actor)[:START_LIST_LIMIT])
        context["approach_families"] = families
        context["without_coordinator"] = [f for f in families if f.needs_coordinator]
        context["after_the_plan"] = trajectory_selectors.families_needing_attention(
            actor=actor, today=timezone.localdate(), limit=START_LIST_LIMIT
        )
    if Role.INTAKE in roles or Role.PROCESS_MANAGER in roles:
        queue = selectors.triage_queue(actor=actor)[:START_LIST_LIMIT]
        context["triage_queue"] = [(f, selectors.days_waiting(f)) for f in queue]
    context["pending_waiting"] = pending_selectors.pending_referrals_waiting(actor=actor)
    if Role.PROFESSIONAL in roles:
        context["involved"] = list(selectors.involved_families(actor=actor)[:START_LIST_LIMIT])
        context["invitations"] = policy.invitation_list(actor)
        context["own_actions"] = selectors.own_actions(actor=actor, limit=START_LIST_LIMIT)
        context["own_checkins"] = trajectory_selectors.checkins_of_watcher(actor=actor, limit=START_LIST_LIMIT)
        # issue 14 §4: the true reason a family is not visible, only for families the professional has a relation with
        context["referral_status"] = web_selectors.hidden_reasons(
            list(
                selectors.own_referrals_status_only(actor=actor).prefetch_related(
                    "involvements", "consents__organisations"
                )
            ),
            actor=actor,
            organisation_ids={m.organisation_id for m in policy.memberships_of(actor) if m.role == Role.PROFESSIONAL},
            today=today,
        )
    if Role.INSPECTOR in roles:
        context["mandated"] = list(selectors.mandated_families(actor=actor))
        context["open_inspections"] = web_selectors.open_inspections(actor=actor)
    if policy.can(actor, Permission.VIEW_POPULATION):
        approaches = policy.approaches_for(actor, Permission.VIEW_POPULATION)
        context["population_approaches"] = list(approaches)
        # as on the population page: exact for who may see every family behind the numbers, else protected
        exact = selectors.sees_every_family(actor, approaches=approaches)
        threshold = None if exact else selectors.SMALL_NUMBER

        def shown(rows: list[CountRow]) -> list[CountRow]:
            return rows if threshold is None else disclosed_rows(rows, threshold=threshold)

        context["status_chart"] = bar_chart(
            chart_id="per-status",
            title="Gezinnen per status",
            rows=shown(selectors.population_by_status(approaches=approaches)),
            unit="gezinnen",
            threshold=threshold,
        )
        context["neighbourhood_chart"] = bar_chart(
            chart_id="per-wijk",
            title="Gezinnen per wijk",
            rows=shown(selectors.population_by_neighbourhood(approaches=approaches)),
            unit="gezinnen",
            threshold=threshold,
        )
    context["can_search_logs"] = policy.can(actor, Permission.SEARCH_LOGS)
    context["can_configure"] = policy.can(actor, Permission.CONFIGURE)
    return render(request, "web/start.html", context)


def family_actions(actor: Any, family: Family) -> list[dict[str, str]]:
    """The links on a family page, each shown only when the policy allows it."""
    candidates = [
        (Permission.TRIAGE, "casework:triage", "Prioriteren"),
        (Permission.VIEW, "casework:analysis", "Probleemanalyse"),
        (Permission.VIEW, "plans:detail", "Gezinsplan"),
        (Permission.EDIT, "casework:consent", "Toestemming"),
        (Permission.EDIT, "casework:mandate", "Machtiging inspectie"),
        (Permission.ASSIGN_COORDINATOR, "casework:coordinator", "Regisseur"),
        (Permission.EDIT, "casework:involvements", "Betrokkenen"),
        (Permission.VIEW, "casework:contacts", "Contactmomenten"),
        (Permission.VIEW, "casework:network", "Sociaal netwerk"),
        (Permission.VIEW, "casework:care", "Zorgvragen"),
        (Permission.VIEW, "casework:escalations", "Opschalingen"),
        (Permission.VIEW, "casework:decisions", "Doorzettingsmacht"),
        (Permission.VIEW, "trajectory:measures", "Drang en dwang"),
        (Permission.VIEW, "trajectory:overview", "Traject en nazorg"),
        (Permission.EDIT, "privacy:rectify", "Gegevens corrigeren"),
        (Permission.VIEW_LOG, "audit:family", "Toegangslog"),
    ]
    allowed = {action for action in {c[0] for c in candidates} if policy.can(actor, action, family)}
    return [
        {"url": reverse(name, kwargs={"family_id": family.pk}), "label": label, "name": name}
        for action, name, label in candidates
        if action in allowed
    ]


@login_required
def family_detail(request: HttpRequest, family_id: UUID) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=Permission.VIEW)
    today = timezone.localdate()
    actions = family_actions(actor, family)
    unmet = [
        (key, result.evidence)
        for key, result in assessment_selectors.family_assessment(actor=actor, family=family).items()
        if result.outcome == Outcome.NOT_MET
    ]
    members = web_selectors.members_with_ages(family, today=today)
    context = {
        "family": family,
        "actions": actions,
        # issue 14 §4: what needs attention as a to-do list in words, each with the link where to act
        "attention": web_selectors.attention_list(unmet, {a["name"]: a["url"] for a in actions}),
        "members": members,
        "plan": web_selectors.plan_summary(family, today=today),
        "consent_summary": web_selectors.consent_summary(family, today=today),
        # issue 12 §12: the BSN masked for everyone; in full only after 'Toon BSN' (VIEW_BSN, logged)
        "shows_bsn": family.approach.bsn_allowed or any(row.member.bsn for row in members),
        "may_view_bsn": policy.can(actor, Permission.VIEW_BSN, family),
        "referrals": family.referrals.select_related("organisation", "referred_by").prefetch_related("domains"),
        "consents": family.consents.prefetch_related("organisations"),
        "involvements": family.involvements.working().select_related("user", "organisation"),
        "today": today,
    }
    return render(request, "web/family_detail.html", context)


@login_required
def population(request: HttpRequest) -> HttpResponse:
    """Population in view (toetsingskader B1.a.2): numbers only, never a person."""
    actor = actor_of(request)
    allowed = policy.approaches_for(actor, Permission.VIEW_POPULATION).select_related("municipality")
    if not allowed.exists():
        raise PermissionDenied
    chosen = request.GET.get("aanpak", "")
    approaches = allowed.filter(pk=chosen) if chosen.isdigit() else allowed
    meeting, analysed = selectors.ggsr_count(approaches=approaches)
    # exact for who may see every family behind them; for anyone else small numbers hidden and the rest rounded
    exact = selectors.sees_every_family(actor, approaches=approaches)
    threshold = selectors.SMALL_NUMBER

    def shown(rows: list[CountRow]) -> list[CountRow]:
        return rows if exact else disclosed_rows(rows, threshold=threshold)

    charts = [
        bar_chart(chart_id=key, title=title, rows=shown(rows), unit="gezinnen", threshold=None if exact else threshold)
        for key, title, rows in [
            ("status", "Gezinnen per status", selectors.population_by_status(approaches=approaches)),
            ("maand", "Aanmeldingen per maand (12 maanden)", selectors.registrations_by_month(approaches=approaches)),
            ("wijk", "Gezinnen per wijk", selectors.population_by_neighbourhood(approaches=approaches)),
            ("bron", "Aanmeldingen per bron", selectors.population_by_source(approaches=approaches)),
            (
                "leefgebied",
                "Zorgen per leefgebied bij aanmelding",
                selectors.population_by_domain(approaches=approaches),
            ),
        ]
    ]
    context = {
        "allowed": allowed,
        "chosen": chosen,
        "charts": charts,
        "ggsr_meeting": str(meeting) if exact else disclosed(meeting, threshold=threshold)[1],
        "ggsr_analysed": str(analysed) if exact else disclosed(analysed, threshold=threshold)[1],
        "exact": exact,
        "threshold": threshold,
        "ggsr_minimum": rules.GGSR_MINIMUM_DOMAINS,
    }
    return render(request, "web/population.html", context)
