"""Doorzettingsmacht: where the approach grants it, the coordinator takes a decision that binds a partner (stop
ineffective help, start help, give priority); the partner acknowledges or refuses; a refusal, or no answer by
the deadline, opens an escalation. Where the approach does not grant it, escalation is the way.

Rapportage 21 gemeenten 2013 §3.4 (doorzettingsmacht in 67% of the approaches); factsheet Oosterhout 2013 (X).
"""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.audit import services as audit
from gezinsregie.casework.models import BindingDecision, Family, Stagnation
from gezinsregie.casework.services.escalation import escalation_create
from gezinsregie.common.formatting import long_date
from gezinsregie.notifications.services import notify
from gezinsregie.organisations.models import Organisation

Permission = policy.Permission
NO_AUTHORITY = (
    "Deze aanpak geeft de regisseur geen doorzettingsmacht: een besluit bindt de netwerkpartners hier niet. "
    "Schaal de stagnatie op via de opschalingsladder."
)


def answerers(decision: BindingDecision) -> list[User]:
    """Who answers for the organisation: its people who may see the family (involved, within the consent)."""
    users = User.objects.filter(
        is_active=True, memberships__organisation=decision.organisation, memberships__active=True
    ).distinct()
    return [u for u in users if policy.can(u, Permission.VIEW, decision.family)]


@transaction.atomic
def binding_decision_take(
    *, actor: User, family: Family, organisation: Organisation, kind: str, reason: str, decided_on: date
) -> BindingDecision:
    policy.ensure(actor, Permission.EDIT, family)
    approach = family.approach
    if not approach.grants_binding_authority:
        raise ValidationError(NO_AUTHORITY, code="no_authority")
    errors: dict[str, list[str]] = {}
    if not approach.partners.filter(pk=organisation.pk).exists():
        errors["organisation"] = [f"{organisation} is geen netwerkpartner van deze aanpak."]
    if not reason.strip():
        errors["reason"] = ["Motiveer het besluit: de netwerkpartner moet weten waarom."]
    if decided_on > timezone.localdate() or decided_on < family.registered_on:
        errors["decided_on"] = ["Kies een datum tussen de aanmelding van het gezin en vandaag."]
    if errors:
        raise ValidationError(errors)
    decision = BindingDecision(
        family=family,
        organisation=organisation,
        kind=kind,
        reason=reason.strip(),
        decided_on=decided_on,
        decided_by=actor,
        answer_by=decided_on + timedelta(days=approach.binding_answer_days),
    )
    decision.full_clean()
    decision.save()
    audit.record(
        actor=actor,
        action="decision.take",
        family=family,
        obj=decision,
        membership=policy.granting_membership(actor, Permission.EDIT, family),
    )
    for user in answerers(decision):
        notify(
            user=user,
            key=f"decision:{decision.pk}:taken:user:{user.pk}",
            message=(
                f"De regisseur van gezin {family.reference} heeft een besluit genomen dat {organisation} bindt: "
                f"{decision.get_kind_display()}. Bevestig of weiger vóór {long_date(decision.answer_by)}."
            ),
            url=reverse("casework:decisions", kwargs={"family_id": family.pk}),
            family=family,
        )
    return decision


@transaction.atomic
def binding_decision_answer(
    *, actor: User, decision: BindingDecision, acknowledge: bool, reason: str = ""
) -> BindingDecision:
    """The organisation acknowledges, or refuses with a reason, which opens an escalation at once."""
    decision = (
        BindingDecision.objects.select_for_update(of=("self",))
        .select_related("family__approach", "organisation")
        .get(pk=decision.pk)
    )
    if actor not in answerers(decision):
        raise PermissionDenied
    if not decision.awaiting_answer:
        raise ValidationError("Op dit besluit is al gereageerd.")
    today = timezone.localdate()
    if acknowledge:
        decision.acknowledged_on, decision.acknowledged_by = today, actor
    else:
        if not reason.strip():
            raise ValidationError({"reason": ["Waarom weigert uw organisatie dit besluit?"]})
        decision.refused_on, decision.refusal_reason = today, reason.strip()
        decision.escalation = escalation_create(
            actor=actor,
            family=decision.family,
            stagnation=Stagnation.DISAGREEMENT,
            organisation=decision.organisation,
            description=f"Besluit ‘{decision.get_kind_display()}’ geweigerd: {decision.refusal_reason}",
            opened_on=today,
        )
    decision.full_clean()
    decision.save()
    audit.record(
        actor=actor,
        action="decision.acknowledge" if acknowledge else "decision.refuse",
        family=decision.family,
        obj=decision,
    )
    return decision


def decisions_without_answer(*, actor: User, today: date | None = None) -> int:
    """The periodic check: a decision without an answer past its deadline opens an escalation, once."""
    if not policy.can(actor, Permission.RUN_CHECKS):
        raise PermissionDenied
    today = today or timezone.localdate()
    opened = 0
    overdue = BindingDecision.objects.filter(
        acknowledged_on__isnull=True, refused_on__isnull=True, escalation__isnull=True, answer_by__lt=today
    )
    for pk in overdue.values_list("pk", flat=True):
        with transaction.atomic():
            decision = (
                BindingDecision.objects.select_for_update(of=("self",), skip_locked=True)
                .select_related("family__approach", "organisation")
                .filter(pk=pk, escalation__isnull=True)
                .first()
            )
            if decision is None:
                continue
            decision.escalation = escalation_create(
                actor=actor,
                family=decision.family,
                stagnation=Stagnation.DISAGREEMENT,
                organisation=decision.organisation,
                description=(
                    f"Geen reactie op besluit ‘{decision.get_kind_display()}’ vóór {long_date(decision.answer_by)}."
                ),
                opened_on=decision.answer_by + timedelta(days=1),
            )
            decision.save(update_fields=["escalation"])
            audit.record(actor=actor, action="decision.escalate", family=decision.family, obj=decision)
            opened += 1
    return opened
