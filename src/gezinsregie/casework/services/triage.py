"""Prioritering: the intake team decides whether the family enters the approach (workflow ACCEPT / DECLINE)."""

from collections.abc import Sequence
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import Role, User
from gezinsregie.audit import services as audit
from gezinsregie.casework import workflow
from gezinsregie.casework.models import (
    Family,
    TriageDecision,
)
from gezinsregie.casework.services.episodes import episode_mirror
from gezinsregie.casework.services.locks import family_lock

Permission = policy.Permission


def _today() -> date:
    return timezone.localdate()


@transaction.atomic
def family_triage(
    *,
    actor: User,
    family: Family,
    accepted: bool,
    criteria_met: Sequence[str],
    reason: str,
    decided_on: date,
    start_on: date | None = None,
    process_manager: User | None = None,
) -> TriageDecision:
    policy.ensure(actor, Permission.TRIAGE, family)
    family_lock(family)
    target = workflow.advance(family.status, workflow.Transition.ACCEPT if accepted else workflow.Transition.DECLINE)
    errors: dict[str, list[str]] = {}
    if not reason.strip():
        errors["reason"] = ["Motiveer het besluit."]
    if decided_on > _today():
        errors["decided_on"] = ["De besluitdatum ligt in de toekomst."]
    unknown = set(criteria_met) - set(family.approach.triage_criteria_list)
    if unknown:
        errors["criteria_met"] = ["Kies alleen criteria van deze aanpak."]
    if accepted:
        if start_on is None:
            errors["start_on"] = ["Geef de startdatum van de aanpak."]
        elif start_on < family.registered_on:
            errors["start_on"] = ["De start kan niet vóór de aanmelding liggen."]
        if process_manager is None:
            errors["process_manager"] = ["Kies een procesmanager."]
        elif not process_manager.memberships.filter(
            role=Role.PROCESS_MANAGER, approach=family.approach, active=True
        ).exists():
            errors["process_manager"] = ["Deze persoon is geen procesmanager van deze aanpak."]
    if errors:
        raise ValidationError(errors)
    decision = TriageDecision(
        family=family,
        decided_on=decided_on,
        decided_by=actor,
        accepted=accepted,
        criteria_met=list(criteria_met),
        reason=reason.strip(),
    )
    decision.full_clean()
    decision.save()
    family.status = target
    if accepted:
        family.started_on, family.process_manager = start_on, process_manager
    family.full_clean()
    family.save()
    episode_mirror(family)
    audit.record(actor=actor, action="family.triage", family=family, obj=decision)
    return decision
