"""Closure with a reason, a final evaluation, a handover, and aftercare or a reasoned waiver (issue 10 §5–6).

Nothing is written unless everything is there (rapportage 21 gemeenten §3.6: aftercare in only 60%). A family
that stopped cooperating leaves only by the process manager's decision (issue 9 §8, casework.services.measures).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.audit import services as audit
from gezinsregie.casework import workflow
from gezinsregie.casework.models import (
    EndReason,
    Episode,
    Escalation,
    Family,
    Involvement,
    NetworkPerson,
    NonCooperationDecision,
)
from gezinsregie.casework.services import involvement_end
from gezinsregie.casework.services.episodes import episode_current, episode_mirror
from gezinsregie.common.formatting import long_date
from gezinsregie.notifications.services import notify
from gezinsregie.organisations.models import Organisation
from gezinsregie.plans.selectors import consented_organisation_ids
from gezinsregie.trajectory import rules, selectors
from gezinsregie.trajectory.models import Aftercare, CheckIn, Closure, Evaluation, EvaluationKind, HandoverItem

Permission = policy.Permission


@dataclass(frozen=True)
class HandoverInput:
    need: str
    provider: str
    agreed: str
    organisation: Organisation | None = None


@dataclass(frozen=True)
class AftercareInput:
    signals: str
    whom_to_call: str
    first_on: date | None
    monthly: int
    quarterly: int
    watcher: User | None = None
    watcher_network: NetworkPerson | None = None


def exit_problems(*, reason: str, not_cooperating: bool, has_exit_decision: bool) -> list[str]:
    """ "Vastpakken en niet meer loslaten": the only way out for a family that stopped cooperating."""
    problems = []
    if not_cooperating and reason not in workflow.NEEDS_EXIT_DECISION:
        problems.append(
            "Dit gezin werkt niet mee (er loopt een opschaling 'gezin werkt niet mee'). Het verlaat de aanpak "
            "alleen met de reden 'gezin werkt niet meer mee' en een besluit van de procesmanager."
        )
    if reason in workflow.NEEDS_EXIT_DECISION and not has_exit_decision:
        problems.append(
            "Een gezin dat niet meer meewerkt, verlaat de aanpak alleen met een gemotiveerd besluit van de "
            "procesmanager waarin staat welke maatregelen van drang en dwang zijn overwogen."
        )
    return problems


def _final_evaluation(family: Family, episode: Episode) -> Evaluation | None:
    return (
        Evaluation.objects.filter(family=family, episode=episode, kind=EvaluationKind.FINAL)
        .order_by("-held_on", "-pk")
        .first()
    )


def watchers_for(family: Family) -> list[User]:
    """Who may keep a finger on the pulse: the coordinator, the process manager, and the professionals who work
    with the family now within the consent (their access then continues through the aftercare)."""
    consented = consented_organisation_ids(family, today=timezone.localdate())
    working = Involvement.objects.working().filter(family=family, organisation_id__in=consented)
    people = [family.coordinator, family.process_manager, *(i.user for i in working.select_related("user"))]
    return list({p.pk: p for p in people if p is not None}.values())


def _aftercare_problems(family: Family, closed_on: date, aftercare: AftercareInput) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if aftercare.watcher is not None and aftercare.watcher not in watchers_for(family):
        errors["watcher"] = [
            "Kies als wachter de regisseur, de procesmanager of een professional die nu betrokken is en in de "
            "toestemming staat."
        ]
    if aftercare.watcher is None and aftercare.watcher_network is None:
        errors["watcher"] = ["Kies wie de vinger aan de pols houdt: een professional of iemand uit het netwerk."]
    if aftercare.watcher_network is not None and aftercare.watcher_network.family_id != family.pk:
        errors["watcher_network"] = ["Kies iemand uit het netwerk van dit gezin."]
    if not aftercare.signals.strip():
        errors["signals"] = ["Schrijf op welke signalen het gezin terugbrengen in de aanpak."]
    if not aftercare.whom_to_call.strip():
        errors["whom_to_call"] = ["Wie wordt gebeld bij een signaal?"]
    if aftercare.first_on is None:
        errors["schedule"] = ["Wanneer is het eerste nazorgcontact?"]
        return errors
    schedule = rules.schedule_problems(
        closed_on=closed_on,
        first_on=aftercare.first_on,
        monthly=aftercare.monthly,
        quarterly=aftercare.quarterly,
        today=timezone.localdate(),
    )
    if schedule:
        errors["schedule"] = schedule
    return errors


@transaction.atomic
def family_close(
    *,
    actor: User,
    family: Family,
    closed_on: date,
    reason: str,
    note: str = "",
    handover: Sequence[HandoverInput] = (),
    no_further_care: bool = False,
    aftercare: AftercareInput | None = None,
    waiver_reason: str = "",
) -> Closure:
    policy.ensure(actor, Permission.EDIT, family)
    family = Family.objects.select_for_update().get(pk=family.pk)  # one closure, even on a double click
    transition = workflow.Transition.CLOSE if aftercare is None else workflow.Transition.CLOSE_WITH_AFTERCARE
    target = workflow.advance(family.status, transition)
    errors: dict[str, list[str]] = {}
    if reason not in workflow.closure_reasons_of(family.approach.closure_reasons):
        errors["reason"] = ["Kies een reden van afsluiten uit de lijst van deze aanpak."]
    if closed_on > timezone.localdate():
        errors["closed_on"] = ["De afsluiting kan niet in de toekomst liggen."]
    elif family.started_on and closed_on < family.started_on:
        errors["closed_on"] = ["De afsluiting ligt vóór de start van het traject."]
    episode = episode_current(family)
    final = _final_evaluation(family, episode)
    if final is None:
        errors["final_evaluation"] = ["Houd eerst de eindevaluatie; zonder eindevaluatie wordt niet afgesloten."]
    elif final.held_on > closed_on:
        errors["closed_on"] = ["De afsluiting ligt vóór de eindevaluatie."]
    exit_decision = NonCooperationDecision.objects.filter(family=family, episode=episode).first()
    exit_ = exit_problems(
        reason=reason, not_cooperating=selectors.not_cooperating(family), has_exit_decision=exit_decision is not None
    )
    if exit_:
        errors["reason"] = exit_
    if not handover and not no_further_care:
        errors["handover"] = [
            "Schrijf op welke zorg of ondersteuning nog nodig is, wie die biedt en wat is afgesproken."
        ]
    for item in handover:
        if not (item.need.strip() and item.provider.strip() and item.agreed.strip()):
            errors["handover"] = ["Vul bij elke overdracht in: wat nodig is, wie het biedt en wat is afgesproken."]
    if aftercare is None and not waiver_reason.strip():
        errors["aftercare"] = ["Nazorg is nodig, tenzij u met een reden afziet van nazorg."]
    if aftercare is not None:
        errors |= _aftercare_problems(family, closed_on, aftercare)
    if errors:
        raise ValidationError(errors)
    assert final is not None
    closure = Closure(
        family=family,
        episode=episode,
        closed_on=closed_on,
        reason=reason,
        note=note.strip(),
        final_evaluation=final,
        exit_decision=exit_decision if reason in workflow.NEEDS_EXIT_DECISION else None,
        no_further_care=no_further_care and not handover,
        aftercare_waived=aftercare is None,
        waiver_reason=waiver_reason.strip() if aftercare is None else "",
        closed_by=actor,
    )
    closure.full_clean()
    closure.save()
    for item in handover:
        HandoverItem.objects.create(
            closure=closure,
            need=item.need.strip(),
            provider=item.provider.strip(),
            agreed=item.agreed.strip(),
            organisation=item.organisation,
        )
    # The professionals' involvement ends with the trajectory, and with it their access (the watcher keeps
    # access through the aftercare itself, policy._watching); ended while the family is still open, as the
    # coordinator's pen ends with the closure (issue 12 §7).
    for involvement in Involvement.objects.filter(
        family=family, ended_on__isnull=True, status__in=workflow.INVOLVEMENT_OPEN
    ):
        ended_on = max(
            closed_on, involvement.started_on
        )  # one that started after a backdated closure ends at its start
        involvement_end(actor=actor, involvement=involvement, ended_on=ended_on, reason=EndReason.FAMILY_CLOSED)
    family.status, family.closed_on = target, closed_on
    family.full_clean()
    family.save()
    episode_mirror(family, episode)
    if aftercare is not None:
        _start_aftercare(actor, family, closure, aftercare)
    # what was still escalated ends with the trajectory (it would climb nobody's ladder any more)
    Escalation.objects.filter(family=family, closed_on__isnull=True).update(
        closed_on=closed_on, outcome=f"Gezin afgesloten: {workflow.ClosureReason(reason).label}."
    )
    audit.record(actor=actor, action="family.close", family=family, obj=closure)
    return closure


def _start_aftercare(actor: User, family: Family, closure: Closure, plan: AftercareInput) -> Aftercare:
    aftercare = Aftercare(
        family=family,
        episode=closure.episode,
        closure=closure,
        watcher=plan.watcher,
        watcher_network=plan.watcher_network,
        signals=plan.signals.strip(),
        whom_to_call=plan.whom_to_call.strip(),
        starts_on=closure.closed_on,
    )
    aftercare.full_clean()
    aftercare.save()
    assert plan.first_on is not None  # checked in _aftercare_problems
    dates = rules.checkin_dates(plan.first_on, monthly=plan.monthly, quarterly=plan.quarterly)
    CheckIn.objects.bulk_create(CheckIn(aftercare=aftercare, family=family, due_on=d) for d in dates)
    if plan.watcher is not None and plan.watcher != actor:
        notify(
            user=plan.watcher,
            key=f"aftercare:{aftercare.pk}:watcher",
            message=f"U houdt de vinger aan de pols bij gezin {family.reference}: eerste nazorgcontact "
            f"op {long_date(plan.first_on)}.",
            url=f"/gezinnen/{family.pk}/traject/",
            family=family,
        )
    return aftercare
