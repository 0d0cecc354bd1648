"""Demo case meetings over many families (zorgnetwerkoverleg, as Venlo's monthly zorgnetwerk): one held four weeks
ago with three families on its agenda, two of whose parts are written down (one with an agreement in the plan, one
appointing a case manager) and one not yet, and one planned in two weeks.

Written through the plans services, as the process manager who chairs them, so the demo shows what the real flow
leaves behind: agenda notifications, access-log entries, a plan version, a handover of the coordinator.
"""

from datetime import date, time, timedelta
from typing import Any

from django.core.exceptions import ValidationError

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.casework.models import Family
from gezinsregie.casework.services.coordination import coordinators_for
from gezinsregie.organisations.models import Approach
from gezinsregie.plans import selectors
from gezinsregie.plans.models import OwnerKind
from gezinsregie.plans.services import AgreementInput, Owner
from gezinsregie.plans.services import case_meetings as services

PLACE = "Stadhuis Zeldenbroek, vergaderzaal De Linde"


def _attendees(family: Family, today: date) -> list[User]:
    """The professionals working with the family within its consent: who may receive the minutes."""
    consented = selectors.consented_organisation_ids(family, today=today)
    return [p.user for p in selectors.professionals_of(family) if p.organisation.pk in consented]


def _agreement(family: Family, today: date) -> list[AgreementInput]:
    plan = selectors.plan_of(family)
    goal = plan.goals.order_by("priority", "pk").first() if plan is not None else None
    member = family.members.order_by("pk").first()
    if goal is None or member is None:
        return []
    owner = Owner(OwnerKind.MEMBER, member=member)
    return [AgreementInput(goal, f"{member.first_name} maakt een afspraak bij het schuldloket", owner, today)]


def demo_case_meetings(*, approach: Approach, chair: User, today: date) -> None:
    held_on = today - timedelta(days=28)
    candidates = list(
        policy.families_for(chair, policy.Permission.VIEW)
        .filter(approach=approach, status__in=services.OPEN_STATES, registered_on__lte=held_on)
        .order_by("reference")
    )
    with_plan = [f for f in candidates if _agreement(f, today)]
    without_coordinator = [f for f in candidates if f.coordinator_id is None and f not in with_plan]
    # one with a plan (an agreement), one without a coordinator (appointed in the meeting), one more: three
    chosen = list(dict.fromkeys(with_plan[:1] + without_coordinator[:1] + candidates))[:3]
    if not chosen:
        return
    past = services.case_meeting_plan(
        actor=chair,
        approach=approach,
        held_on=held_on,
        starts_at=time(9, 30),
        ends_at=time(11, 30),
        location=PLACE,
        chair=chair,
        recurrence="maandelijks, de tweede dinsdag",
        families=chosen,
    )
    for number, family in enumerate(chosen[:2]):
        plan = selectors.plan_of(family)
        part: dict[str, Any] = {
            "actor": chair,
            "case_meeting": past,
            "family": family,
            "expected_version": plan.version if plan is not None else None,
            "attendees": _attendees(family, today),
            "members": [],
            "network": "",
            "minutes": "Besproken: de voortgang op de leefgebieden en wat het netwerk kan doen.",
            "agreements": _agreement(family, today) if number == 0 else [],
        }
        coordinator = next(
            (c for c in coordinators_for(approach).order_by("username") if c.pk != family.coordinator_id), None
        )
        try:
            if number == 1 and coordinator is not None:
                services.case_meeting_record_part(
                    **part, coordinator=coordinator, coordinator_note="het gezin kent deze regisseur al"
                )
            else:
                services.case_meeting_record_part(**part)
        except ValidationError:
            services.case_meeting_record_part(**part)  # the appointment was not possible here: the part without it
    services.case_meeting_plan(
        actor=chair,
        approach=approach,
        held_on=today + timedelta(days=14),
        starts_at=time(9, 30),
        ends_at=time(11, 30),
        location=PLACE,
        chair=chair,
        recurrence="maandelijks, de tweede dinsdag",
        families=candidates[-3:] + chosen[2:],
    )
