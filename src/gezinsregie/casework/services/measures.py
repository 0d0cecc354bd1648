"""Drang en dwang, and the only way out for a family that stopped cooperating (issue 9 §8).

"Vastpakken en niet meer loslaten": the approach records which measures it considered and applied; a family
that no longer cooperates leaves only by the process manager's reasoned decision naming those measures.
"""

from collections.abc import Sequence
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.audit import services as audit
from gezinsregie.casework import workflow
from gezinsregie.casework.models import Family, Measure, MeasureDecision, NonCooperationDecision
from gezinsregie.casework.services.episodes import episode_current

Permission = policy.Permission


def _check_dates(family: Family, considered_on: date, decided_on: date | None) -> dict[str, list[str]]:
    today, errors = timezone.localdate(), {}
    if considered_on > today:
        errors["considered_on"] = ["Deze datum ligt in de toekomst."]
    elif considered_on < family.registered_on:
        errors["considered_on"] = ["Deze datum ligt vóór de aanmelding van het gezin."]
    if decided_on is not None and decided_on > today:
        errors["decided_on"] = ["Deze datum ligt in de toekomst."]
    elif decided_on is not None and decided_on < considered_on:
        errors["decided_on"] = ["Een besluit kan niet vóór het overwegen liggen."]
    return errors


def _check_decision(decision: str, decided_on: date | None, decided_by: str, reason: str) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if decision == MeasureDecision.PENDING:
        return errors
    if decided_on is None:
        errors["decided_on"] = ["Geef de datum van het besluit."]
    if not decided_by.strip():
        errors["decided_by"] = ["Wie heeft besloten?"]
    if not reason.strip():
        errors["reason"] = ["Motiveer het besluit."]
    return errors


@transaction.atomic
def measure_record(
    *,
    actor: User,
    family: Family,
    kind: str,
    considered_on: date,
    description: str = "",
    decision: str = MeasureDecision.PENDING,
    decided_on: date | None = None,
    decided_by: str = "",
    reason: str = "",
    outcome: str = "",
) -> Measure:
    policy.ensure(actor, Permission.EDIT, family)
    if not family.is_steered:
        raise ValidationError("Maatregelen worden vastgelegd zolang het gezin in de aanpak is.")
    errors = _check_dates(family, considered_on, decided_on) | _check_decision(decision, decided_on, decided_by, reason)
    if errors:
        raise ValidationError(errors)
    measure = Measure(
        family=family,
        kind=kind,
        description=description.strip(),
        considered_on=considered_on,
        decision=decision,
        decided_on=decided_on if decision != MeasureDecision.PENDING else None,
        decided_by=decided_by.strip(),
        reason=reason.strip(),
        outcome=outcome.strip(),
        recorded_by=actor,
    )
    measure.full_clean()
    measure.save()
    audit.record(actor=actor, action="measure.record", family=family, obj=measure)
    return measure


@transaction.atomic
def measure_decide(
    *, actor: User, measure: Measure, decision: str, decided_on: date, decided_by: str, reason: str, outcome: str = ""
) -> Measure:
    """The decision on a measure that was considered, and later its outcome."""
    family = measure.family
    policy.ensure(actor, Permission.EDIT, family)
    if decision == MeasureDecision.PENDING:
        raise ValidationError({"decision": ["Kies: ingezet of niet ingezet."]})
    errors = _check_dates(family, measure.considered_on, decided_on)
    errors.pop("considered_on", None)
    errors |= _check_decision(decision, decided_on, decided_by, reason)
    if errors:
        raise ValidationError(errors)
    measure.decision, measure.decided_on, measure.decided_by = decision, decided_on, decided_by.strip()
    measure.reason, measure.outcome = reason.strip(), outcome.strip() or measure.outcome
    measure.full_clean()
    measure.save()
    audit.record(actor=actor, action="measure.decide", family=family, obj=measure)
    return measure


@transaction.atomic
def non_cooperation_decide(
    *, actor: User, family: Family, decided_on: date, reason: str, measures: Sequence[Measure]
) -> NonCooperationDecision:
    """The process manager decides that a family that stopped cooperating may leave the approach."""
    policy.ensure(actor, Permission.DECIDE_EXIT, family)
    errors: dict[str, list[str]] = {}
    if family.status != workflow.FamilyStatus.ACTIVE:
        errors["__all__"] = ["Alleen over een gezin dat in de aanpak is, wordt zo besloten."]
    if decided_on > timezone.localdate():
        errors["decided_on"] = ["Deze datum ligt in de toekomst."]
    elif family.started_on and decided_on < family.started_on:
        errors["decided_on"] = ["Deze datum ligt vóór de start van het traject."]
    if not reason.strip():
        errors["reason"] = ["Motiveer waarom het gezin de aanpak verlaat terwijl het niet meewerkt."]
    if not measures:
        errors["measures"] = [
            "Noem de maatregelen van drang en dwang die zijn overwogen; leg ze eerst vast als er nog geen zijn."
        ]
    elif any(m.family_id != family.pk or m.considered_on < family.registered_on for m in measures):
        errors["measures"] = ["Kies alleen maatregelen van dit gezin, overwogen in dit traject."]
    if errors:
        raise ValidationError(errors)
    decision = NonCooperationDecision(
        family=family, episode=episode_current(family), decided_on=decided_on, decided_by=actor, reason=reason.strip()
    )
    decision.full_clean()
    decision.save()
    decision.measures_considered.set(measures)
    audit.record(actor=actor, action="non_cooperation.decide", family=family, obj=decision)
    return decision
