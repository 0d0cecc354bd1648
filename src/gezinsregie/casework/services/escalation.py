"""Escalation (opschaling): the coordinator names a stagnation and the organisation concerned; it climbs the
approach's ladder, by hand one rung at a time, and by itself when a rung's deadline passes, until it is closed
with an outcome (toetsingskader C4.a.5; Nota van bevindingen Maastricht 2014 §4.2).
"""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.audit import services as audit
from gezinsregie.casework import rules, workflow
from gezinsregie.casework.models import Escalation, EscalationMove, Family, Stagnation
from gezinsregie.casework.selectors.escalation import ladder_of
from gezinsregie.common.formatting import long_date
from gezinsregie.notifications.services import notify
from gezinsregie.organisations.models import Organisation

Permission = policy.Permission


def _tell(escalation: Escalation, rung: rules.Rung, deadline: date) -> None:
    """Who steers the family hears where the escalation stands now: once per step (the key says which)."""
    family = escalation.family
    message = (
        f"Opschaling gezin {family.reference} ({escalation.get_stagnation_display()}, {escalation.organisation}) "
        f"ligt nu bij: {rung.label}, termijn tot {long_date(deadline)}."
    )
    for user in {u for u in (family.coordinator, family.process_manager) if u is not None}:
        notify(
            user=user,
            key=f"escalation:{escalation.pk}:step:{escalation.step}:user:{user.pk}",
            message=message,
            url=reverse("casework:escalations", kwargs={"family_id": family.pk}),
            family=family,
        )


def _log(actor: User, action: str, escalation: Escalation) -> None:
    family = escalation.family
    audit.record(
        actor=actor,
        action=action,
        family=family,
        obj=escalation,
        membership=policy.granting_membership(actor, Permission.EDIT, family),
    )


@transaction.atomic
def escalation_open(
    *, actor: User, family: Family, stagnation: str, organisation: Organisation, description: str, opened_on: date
) -> Escalation:
    policy.ensure(actor, Permission.EDIT, family)
    errors: dict[str, list[str]] = {}
    if not family.is_steered:
        errors["__all__"] = [f"Een gezin met de status '{family.get_status_display()}' wordt niet opgeschaald."]
    if not family.approach.partners.filter(pk=organisation.pk).exists():
        errors["organisation"] = [f"{organisation} is geen netwerkpartner van deze aanpak."]
    if not description.strip():
        errors["description"] = ["Beschrijf wat er stagneert."]
    if opened_on > timezone.localdate():
        errors["opened_on"] = ["Deze datum ligt in de toekomst."]
    elif opened_on < family.registered_on:
        errors["opened_on"] = ["Deze datum ligt vóór de aanmelding van het gezin."]
    if errors:
        raise ValidationError(errors)
    escalation = escalation_create(
        actor=actor,
        family=family,
        stagnation=stagnation,
        organisation=organisation,
        description=description,
        opened_on=opened_on,
    )
    _log(actor, "escalation.open", escalation)
    return escalation


def escalation_create(
    *, actor: User, family: Family, stagnation: str, organisation: Organisation, description: str, opened_on: date
) -> Escalation:
    """The escalation itself, on rung one, and the first notice; the caller has asked the policy and logs."""
    escalation = Escalation(
        family=family,
        stagnation=stagnation,
        organisation=organisation,
        description=description.strip(),
        opened_on=opened_on,
        opened_by=actor,
        step=0,
        step_since=opened_on,
    )
    escalation.full_clean()
    escalation.save()
    EscalationMove.objects.create(escalation=escalation, step=0, moved_on=opened_on, by=actor, note="Geopend")
    rung = ladder_of(family.approach)[0]
    _tell(escalation, rung, rules.rung_deadline(opened_on, rung))
    return escalation


def _locked_open(escalation: Escalation) -> Escalation:
    locked = Escalation.objects.select_for_update(of=("self",)).select_related("family__approach").get(pk=escalation.pk)
    if not locked.is_open:
        raise ValidationError("Deze opschaling is al gesloten.")
    return locked


@transaction.atomic
def escalation_raise(*, actor: User, escalation: Escalation, to_step: int, note: str) -> Escalation:
    """Raise by hand to the next rung, with a reason; skipping a rung is refused."""
    policy.ensure(actor, Permission.EDIT, escalation.family)
    escalation = _locked_open(escalation)
    ladder = ladder_of(escalation.family.approach)
    if to_step != escalation.step + 1:
        raise ValidationError({"to_step": ["Een trede overslaan kan niet: schaal op naar de volgende trede."]})
    if to_step >= len(ladder):
        raise ValidationError({"to_step": ["Dit is al de hoogste trede van de ladder."]})
    if not note.strip():
        raise ValidationError({"note": ["Waarom schaalt u op?"]})
    today = timezone.localdate()
    escalation.step, escalation.step_since = to_step, today
    escalation.save(update_fields=["step", "step_since"])
    EscalationMove.objects.create(escalation=escalation, step=to_step, moved_on=today, by=actor, note=note.strip())
    _tell(escalation, ladder[to_step], rules.rung_deadline(today, ladder[to_step]))
    _log(actor, "escalation.raise", escalation)
    return escalation


@transaction.atomic
def escalation_close(*, actor: User, escalation: Escalation, closed_on: date, outcome: str) -> Escalation:
    policy.ensure(actor, Permission.EDIT, escalation.family)
    if escalation.stagnation == Stagnation.NOT_COOPERATING:
        # "the family cooperates again" is the process manager's call: otherwise closing this escalation would be a
        # way around the exit decision (issue 9 §8)
        policy.ensure(actor, Permission.DECIDE_EXIT, escalation.family)
    escalation = _locked_open(escalation)
    errors: dict[str, list[str]] = {}
    if not outcome.strip():
        errors["outcome"] = ["Wat is de uitkomst: is de stagnatie opgeheven?"]
    if closed_on < escalation.opened_on or closed_on > timezone.localdate():
        errors["closed_on"] = ["Kies een datum tussen het openen en vandaag."]
    if errors:
        raise ValidationError(errors)
    escalation.closed_on, escalation.outcome = closed_on, outcome.strip()
    escalation.save(update_fields=["closed_on", "outcome"])
    _log(actor, "escalation.close", escalation)
    return escalation


def escalations_climb_due(*, actor: User, today: date | None = None) -> int:
    """The periodic check (a background task): every open escalation whose rung's deadline passed climbs, with
    the date it was due. Idempotent: a second run, or a run that catches up after the worker was down, adds no
    step twice and sends no notice twice (one move per step, one notification per key)."""
    if not policy.can(actor, Permission.RUN_CHECKS):
        raise PermissionDenied
    today = today or timezone.localdate()
    moved = 0
    # only families the approach still steers: a closed family's escalation climbs nobody's ladder
    open_ones = Escalation.objects.filter(closed_on__isnull=True, family__status__in=workflow.STEERED)
    for pk in open_ones.values_list("pk", flat=True):
        moved += _climb_one(actor, pk, today)
    return moved


@transaction.atomic
def _climb_one(actor: User, pk: int, today: date) -> int:
    escalation = (
        Escalation.objects.select_for_update(of=("self",), skip_locked=True)
        .select_related("family__approach", "family__coordinator", "family__process_manager", "organisation")
        .filter(pk=pk, closed_on__isnull=True)
        .first()
    )
    if escalation is None:
        return 0
    ladder = ladder_of(escalation.family.approach)
    climbed = 0
    for step, since in rules.climb(step=escalation.step, since=escalation.step_since, today=today, ladder=ladder):
        try:
            with transaction.atomic():
                EscalationMove.objects.create(
                    escalation=escalation, step=step, moved_on=since, automatic=True, note="Termijn verstreken"
                )
        except IntegrityError:
            continue  # recorded already
        escalation.step, escalation.step_since = step, since
        escalation.save(update_fields=["step", "step_since"])
        _tell(escalation, ladder[step], rules.rung_deadline(since, ladder[step]))
        audit.record(actor=actor, action="escalation.climb", family=escalation.family, obj=escalation)
        climbed += 1
    return climbed
