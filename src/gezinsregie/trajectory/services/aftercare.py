"""Aftercare: check-ins recorded, missed ones alerted, and the way back in by a signal (issue 10 §6–7)."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import Role, User
from gezinsregie.audit import selectors as audit_selectors
from gezinsregie.audit import services as audit
from gezinsregie.casework import rules as casework_rules
from gezinsregie.casework import workflow
from gezinsregie.casework.models import EntryRoute, Family
from gezinsregie.casework.services.episodes import episode_current, family_reenter
from gezinsregie.casework.services.registration import organisation_in_approach
from gezinsregie.common.formatting import long_date
from gezinsregie.notifications.services import notify
from gezinsregie.trajectory import rules
from gezinsregie.trajectory.models import Aftercare, CheckIn, Signal, SignalStatus

Permission = policy.Permission
SIGNAL_STATES = workflow.LEFT
# a partner who keeps trying references and names is stopped, and it is in the log
UNMATCHED_SIGNALS_PER_DAY = 10


def _trajectory_url(family: Family) -> str:
    return f"/gezinnen/{family.pk}/traject/"


@transaction.atomic
def checkin_record(
    *,
    actor: User,
    checkin: CheckIn,
    held_on: date,
    reached: bool,
    how_it_goes: str,
    signal: bool = False,
    signal_description: str = "",
) -> CheckIn:
    """What a check-in found. A signal in it brings the family back (a Signal, as from any partner)."""
    family = checkin.family
    policy.ensure(actor, Permission.RECORD_CHECKIN, family)
    checkin = CheckIn.objects.select_for_update().select_related("aftercare").get(pk=checkin.pk)
    errors: dict[str, list[str]] = {}
    if not checkin.aftercare.is_running:
        errors["__all__"] = ["De nazorg is beëindigd; dit contact kan niet meer worden vastgelegd."]
    elif checkin.held_on is not None:
        errors["__all__"] = ["Dit nazorgcontact is al vastgelegd."]
    if held_on > timezone.localdate():
        errors["held_on"] = ["Een contact kan niet in de toekomst hebben plaatsgevonden."]
    elif held_on < checkin.aftercare.starts_on:
        errors["held_on"] = ["Deze datum ligt vóór het begin van de nazorg."]
    if reached and not how_it_goes.strip():
        errors["how_it_goes"] = ["Schrijf in een paar woorden op hoe het gaat."]
    if signal and not signal_description.strip():
        errors["signal_description"] = ["Beschrijf het signaal: wat is er aan de hand?"]
    if errors:
        raise ValidationError(errors)
    checkin.held_on, checkin.reached, checkin.how_it_goes = held_on, reached, how_it_goes.strip()
    checkin.signal, checkin.recorded_by = signal, actor
    checkin.full_clean()
    checkin.save()
    audit.record(actor=actor, action="checkin.record", family=family, obj=checkin)
    if signal:
        _signal(actor, family, held_on, signal_description, checkin=checkin)
    return checkin


@transaction.atomic
def aftercare_end(*, actor: User, aftercare: Aftercare, ended_on: date, reason: str, note: str = "") -> Aftercare:
    """The aftercare ends with its own reason; the family is then closed."""
    family = aftercare.family
    policy.ensure(actor, Permission.EDIT, family)
    target = workflow.advance(family.status, workflow.Transition.END_AFTERCARE)
    errors: dict[str, list[str]] = {}
    if not aftercare.is_running:
        errors["__all__"] = ["Deze nazorg is al beëindigd."]
    if reason not in workflow.AftercareEndReason.values or reason == workflow.AftercareEndReason.RETURNED:
        errors["end_reason"] = ["Kies de reden waarom de nazorg eindigt."]
    if ended_on > timezone.localdate():
        errors["ended_on"] = ["De einddatum ligt in de toekomst."]
    elif ended_on < aftercare.starts_on:
        errors["ended_on"] = ["De einddatum ligt vóór het begin van de nazorg."]
    if reason == workflow.AftercareEndReason.OTHER and not note.strip():
        errors["end_note"] = ["Licht de reden toe."]
    if errors:
        raise ValidationError(errors)
    aftercare.ended_on, aftercare.end_reason, aftercare.end_note = ended_on, reason, note.strip()
    aftercare.full_clean()
    aftercare.save()
    family.status = target
    family.save(update_fields=["status", "updated_at"])
    episode = episode_current(family)
    episode.aftercare_ended_on = ended_on
    episode.save(update_fields=["aftercare_ended_on"])
    audit.record(actor=actor, action="aftercare.end", family=family, obj=aftercare)
    return aftercare


@transaction.atomic
def signal_raise(*, actor: User, reference: str, family_name: str, description: str) -> Signal | None:
    """Any partner signals that a family needs the approach again; the answer never says what the system knows.

    The partner names the family by its reference and its name, in an approach the partner works in. Whatever
    matches — a family in aftercare or closed (it comes back), one still in the approach (its coordinator and
    process manager hear of it), or none at all — the partner gets the same thanks, so the form tells nobody
    which references exist or how a family is doing. Unmatched attempts are logged and limited per day.
    """
    approaches = policy.approaches_for(actor, Permission.RAISE_SIGNAL)
    if not approaches.exists():
        raise PermissionDenied
    if not description.strip():
        raise ValidationError({"description": ["Beschrijf het signaal: wat is er aan de hand?"]})
    today = timezone.localdate()
    unmatched = audit_selectors.actions_today(user_id=actor.pk, action="signal.unmatched")
    if unmatched >= UNMATCHED_SIGNALS_PER_DAY:
        raise ValidationError(
            "U gaf vandaag al vaak een signaal dat niet bij een gezin paste. Neem contact op met de procesmanager."
        )
    family = (
        Family.objects.select_for_update().filter(approach__in=approaches, reference__iexact=reference.strip()).first()
    )
    if family is None or casework_rules.normalise_name(family.name) != casework_rules.normalise_name(family_name):
        audit.record(actor=actor, action="signal.unmatched")
        return None
    if family.status in SIGNAL_STATES:
        return _signal(actor, family, today, description)
    return _signal_about_a_family_in_the_approach(actor, family, today, description)


def _signal_about_a_family_in_the_approach(actor: User, family: Family, on: date, description: str) -> Signal:
    """A family still in the approach (or waiting for triage): nothing moves; who steers it hears of it."""
    signal = Signal(
        family=family,
        raised_on=on,
        raised_by=actor,
        organisation=organisation_in_approach(actor, family.approach),
        description=description.strip(),
    )
    signal.full_clean()
    signal.save()
    audit.record(actor=actor, action="signal.raise", family=family, obj=signal)
    for user in _managers_and_coordinator(family):
        notify(
            user=user,
            key=f"signal:{signal.pk}:{user.pk}",
            message=f"Signaal van een netwerkpartner over gezin {family.reference}.",
            url=_trajectory_url(family),
            family=family,
        )
    return signal


def _signal(actor: User, family: Family, on: date, description: str, *, checkin: CheckIn | None = None) -> Signal:
    approach = family.approach
    signal = Signal(
        family=family,
        raised_on=on,
        raised_by=actor,
        organisation=organisation_in_approach(actor, approach),
        description=description.strip(),
        checkin=checkin,
    )
    if approach.reentry_by_signal:
        signal.episode = family_reenter(actor=actor, family=family, on=on, route=EntryRoute.SIGNAL, reason=description)
        family.status = workflow.advance(family.status, workflow.Transition.TAKE_INTO_TRIAGE)
        family.save(update_fields=["status", "updated_at"])
        signal.status = SignalStatus.IN_TRIAGE
        message = f"Signaal over gezin {family.reference}: het gezin staat weer in de prioritering."
    else:
        signal.status = SignalStatus.NEEDS_REFERRAL
        message = f"Signaal over gezin {family.reference}: deze aanpak vraagt een nieuwe aanmelding."
    signal.full_clean()
    signal.save()
    audit.record(actor=actor, action="signal.raise", family=family, obj=signal)
    for user in _managers_and_coordinator(family):
        notify(
            user=user, key=f"signal:{signal.pk}:{user.pk}", message=message, url=_trajectory_url(family), family=family
        )
    return signal


def _managers(family: Family) -> list[User]:
    """The family's process manager, or every process manager of the approach when it has none."""
    if family.process_manager:
        return [family.process_manager]
    return list(
        User.objects.filter(
            memberships__role=Role.PROCESS_MANAGER, memberships__approach=family.approach, memberships__active=True
        ).distinct()
    )


def _managers_and_coordinator(family: Family) -> list[User]:
    managers = _managers(family)
    return [*managers, *([family.coordinator] if family.coordinator and family.coordinator not in managers else [])]


def checkins_alert_missed(*, actor: User, today: date) -> int:
    """The periodic check: a missed check-in alerts the watcher, after the grace days the process manager too.

    Idempotent (notify keys, and the alerted dates on the check-in); catches up after a worker was down.
    """
    policy.ensure(actor, Permission.RUN_CHECKS)
    sent = 0
    missed = CheckIn.objects.filter(
        held_on__isnull=True, due_on__lt=today, aftercare__ended_on__isnull=True
    ).select_related("aftercare__watcher", "aftercare__watcher_network", "family__approach", "family__coordinator")
    for checkin in missed:
        family, aftercare = checkin.family, checkin.aftercare
        watcher_due, manager_due = rules.checkin_alerts(
            due_on=checkin.due_on, held=False, today=today, grace_days=family.approach.checkin_grace_days
        )
        when = long_date(checkin.due_on)
        if watcher_due and checkin.watcher_alerted_on is None:
            # a network person has no login: the coordinator hears of it for them
            watcher = aftercare.watcher or family.coordinator
            if watcher is not None:
                sent += bool(
                    notify(
                        user=watcher,
                        key=f"checkin:{checkin.pk}:missed",
                        message=f"Het nazorgcontact met gezin {family.reference} van {when} is niet vastgelegd.",
                        url=_trajectory_url(family),
                        family=family,
                    )
                )
            checkin.watcher_alerted_on = today
            checkin.save(update_fields=["watcher_alerted_on"])
        if manager_due and checkin.manager_alerted_on is None:
            for manager in _managers(family):
                sent += bool(
                    notify(
                        user=manager,
                        key=f"checkin:{checkin.pk}:manager:{manager.pk}",
                        message=f"Nazorg gezin {family.reference}: het contact van {when} is na "
                        f"{family.approach.checkin_grace_days} dagen nog niet gehouden.",
                        url=_trajectory_url(family),
                        family=family,
                    )
                )
            checkin.manager_alerted_on = today
            checkin.save(update_fields=["manager_alerted_on"])
    return sent


def aftercares_complete(*, actor: User, today: date) -> int:
    """The periodic check: an aftercare whose every check-in was held ends by itself (reason "completed"), so the
    watcher's access ends with it; one with a check-in still open keeps running (its watcher and the process
    manager were alerted). Idempotent: an ended aftercare is not looked at again."""
    policy.ensure(actor, Permission.RUN_CHECKS)
    done = 0
    running = Aftercare.objects.filter(ended_on__isnull=True).exclude(checkins__held_on__isnull=True)
    for aftercare in running.select_related("family").distinct():
        last = aftercare.checkins.aggregate(last=Max("held_on"))["last"]
        if last is None or last > today:
            continue
        done += _complete(actor, aftercare.pk, last)
    return done


@transaction.atomic
def _complete(actor: User, pk: int, on: date) -> int:
    aftercare = Aftercare.objects.select_for_update().select_related("family").get(pk=pk)
    family = aftercare.family
    if aftercare.ended_on is not None or not workflow.allowed(family.status, workflow.Transition.END_AFTERCARE):
        return 0
    aftercare.ended_on, aftercare.end_reason = max(on, aftercare.starts_on), workflow.AftercareEndReason.COMPLETED
    aftercare.end_note = "Alle nazorgcontacten zijn gehouden."
    aftercare.save(update_fields=["ended_on", "end_reason", "end_note"])
    family.status = workflow.advance(family.status, workflow.Transition.END_AFTERCARE)
    family.save(update_fields=["status", "updated_at"])
    episode = episode_current(family)
    episode.aftercare_ended_on = aftercare.ended_on
    episode.save(update_fields=["aftercare_ended_on"])
    audit.record(actor=actor, action="aftercare.complete", family=family, obj=aftercare)
    for manager in _managers(family):
        notify(
            user=manager,
            key=f"aftercare:{aftercare.pk}:completed:{manager.pk}",
            message=f"De nazorg van gezin {family.reference} is afgerond: alle nazorgcontacten zijn gehouden.",
            url=_trajectory_url(family),
            family=family,
        )
    return 1
