"""Case meetings of an approach over many families (zorgnetwerkoverleg): planning one with the families on its
agenda, and recording each family's part. A part is an ordinary round table of that family (services/meetings.py):
its minutes go only to the attending professionals within that family's consent, its agreements become actions of
that family's plan, and a case manager appointed in it is a handover through casework's coordinator_assign.
"""

from collections.abc import Mapping, Sequence
from datetime import date, time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.audit import services as audit
from gezinsregie.casework import workflow
from gezinsregie.casework.models import CoordinatorAssignment, Family, Member
from gezinsregie.casework.services.coordination import coordinator_assign
from gezinsregie.common.formatting import long_date
from gezinsregie.notifications.services import notify
from gezinsregie.organisations.models import Approach
from gezinsregie.plans import selectors
from gezinsregie.plans.models import CaseMeeting, CaseMeetingItem, Meeting
from gezinsregie.plans.rules import Errors
from gezinsregie.plans.rules import case_meetings as rules
from gezinsregie.plans.services._common import StalePlanError, _raise_if, _save, _today
from gezinsregie.plans.services.meetings import AgreementInput, _record
from gezinsregie.plans.services.voices import PartnerVoiceInput

Permission = policy.Permission
OPEN_STATES = workflow.AWAITING_TRIAGE | workflow.STEERED  # declined and closed families are not discussed


@transaction.atomic
def case_meeting_plan(
    *,
    actor: User,
    approach: Approach,
    held_on: date,
    starts_at: time,
    ends_at: time,
    location: str,
    chair: User,
    recurrence: str,
    families: Sequence[Family],
) -> CaseMeeting:
    """The meeting and its agenda, or nothing. The coordinators of the families on it are told."""
    policy.ensure(actor, Permission.PLAN_CASE_MEETING, approach)
    chosen = list({f.pk: f for f in families}.values())  # once each, in the order chosen
    visible = set(
        policy.families_for(actor, Permission.VIEW)
        .filter(approach=approach, pk__in=[f.pk for f in chosen])
        .values_list("pk", flat=True)
    )
    errors = rules.case_meeting_errors(
        held_on=held_on,
        starts_at=starts_at,
        ends_at=ends_at,
        location=location,
        chair_allowed=selectors.chairs_for(approach).filter(pk=chair.pk).exists(),
        today=_today(),
    )
    agenda = [
        rules.AgendaFamily(f.reference, f.pk in visible, f.registered_on, f.status in OPEN_STATES) for f in chosen
    ]
    for key, messages in rules.agenda_errors(held_on=held_on, families=agenda).items():
        errors.setdefault(key, []).extend(messages)
    _raise_if(errors)
    meeting = CaseMeeting(
        approach=approach,
        held_on=held_on,
        starts_at=starts_at,
        ends_at=ends_at,
        location=location.strip(),
        chair=chair,
        recurrence=recurrence.strip(),
        planned_by=actor,
    )
    _save(meeting)
    for position, family in enumerate(chosen, start=1):
        item = CaseMeetingItem(case_meeting=meeting, family=family, position=position, added_by=actor)
        _save(item)
        audit.record(
            actor=actor,
            action="case_meeting.agenda_add",
            family=family,
            obj=item,
            membership=policy.granting_membership(actor, Permission.VIEW, family),
        )
        if family.coordinator is not None:
            notify(
                user=family.coordinator,
                key=f"case_meeting:{meeting.pk}:family:{family.pk}:coordinator:{family.coordinator.pk}",
                message=f"Gezin {family.reference} staat op de agenda van het zorgnetwerkoverleg op "
                f"{long_date(held_on)}.",
                url=reverse("case_meetings:detail", kwargs={"case_meeting_id": meeting.pk}),
                family=family,
            )
    return meeting


def _appoint(
    *, actor: User, case_meeting: CaseMeeting, family: Family, coordinator: User, note: str
) -> tuple[Family, CoordinatorAssignment | None, Errors]:
    """The case manager appointed in the meeting, through casework's one coordinator service, on a fresh copy of
    the family (the caller's stays as it was if all is refused), in a savepoint: refused, it leaves nothing behind,
    and its errors are shown with the others."""
    target = policy.families_for(actor, Permission.ASSIGN_COORDINATOR).select_related("approach")
    appointed_in = target.filter(pk=family.pk).first()
    if appointed_in is None:
        message = "Alleen de procesmanager van de aanpak wijst in het overleg een regisseur aan."
        return family, None, {"coordinator": [message]}
    reason = f"Aangewezen in het zorgnetwerkoverleg van {long_date(case_meeting.held_on)}"
    reason += f": {note.strip()}" if note.strip() else "."
    try:
        with transaction.atomic():
            assignment = coordinator_assign(
                actor=actor,
                family=appointed_in,
                coordinator=coordinator,
                assigned_on=case_meeting.held_on,
                reason=reason,
            )
    except ValidationError as refused:
        errors: Errors = {}
        for key, messages in refused.message_dict.items():
            errors.setdefault("coordinator_note" if key == "reason" else "coordinator", []).extend(messages)
        return family, None, errors
    return appointed_in, assignment, {}


@transaction.atomic
def case_meeting_record_part(
    *,
    actor: User,
    case_meeting: CaseMeeting,
    family: Family,
    expected_version: int | None,
    attendees: Sequence[User],
    members: Sequence[Member],
    network: str,
    minutes: str,
    agreements: Sequence[AgreementInput],
    coordinator: User | None = None,
    coordinator_note: str = "",
    partner_voices: Mapping[User, PartnerVoiceInput] | None = None,
) -> Meeting:
    """The family's part of the case meeting: a round table on the meeting's date with its chair, the agreements
    as actions in the plan (if the family has one), the partners' answers to their two questions (issue 13 §3, as at
    any round table), and the case manager if one was appointed; or nothing."""
    policy.ensure(actor, Permission.VIEW_CASE_MEETING, case_meeting.approach)
    policy.ensure(actor, Permission.EDIT, family)
    if selectors.agenda_item(case_meeting, family) is None:
        raise ValidationError("Dit gezin staat niet op de agenda van dit zorgnetwerkoverleg.")
    if selectors.part_of(case_meeting, family) is not None:
        raise ValidationError("Het deel van dit gezin in dit overleg is al vastgelegd.")
    plan = selectors.plan_of(family)
    if plan is not None and expected_version is None:
        raise StalePlanError(plan.version)  # the form was made before the plan existed
    errors: Errors = {}
    assignment, discussed = None, family
    if coordinator is not None:
        # first: the new case manager works with the family from now on, so may attend and receive the minutes
        discussed, assignment, errors = _appoint(
            actor=actor, case_meeting=case_meeting, family=family, coordinator=coordinator, note=coordinator_note
        )
    part = _record(
        actor=actor,
        family=discussed,
        plan=plan,
        expected_version=expected_version,
        held_on=case_meeting.held_on,
        chair=case_meeting.chair,
        attendees=attendees,
        members=members,
        network=network,
        minutes=minutes,
        agreements=agreements,
        case_meeting=case_meeting,
        assignment=assignment,
        errors=errors,
        partner_voices=partner_voices,
    )
    if assignment is not None:
        notify(
            user=assignment.coordinator,
            key=f"meeting:{part.pk}:appointed:user:{assignment.coordinator.pk}",
            message=f"U bent in het zorgnetwerkoverleg van {long_date(case_meeting.held_on)} aangewezen als "
            f"regisseur van gezin {family.reference}.",
            url=reverse("plans:meeting", kwargs={"family_id": family.pk, "meeting_id": part.pk}),
            family=family,
        )
    return part
