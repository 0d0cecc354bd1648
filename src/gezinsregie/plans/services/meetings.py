"""Round tables: the meeting, its minutes to the attending professionals, and its agreements, which land in the
plan as actions in the same transaction, one new plan version for the whole meeting (Maastricht §4.3: every
agreement linked to a goal of the plan; a newly found problem becomes part of the plan, not a loose note).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.casework.models import CoordinatorAssignment, Family, Member
from gezinsregie.common.formatting import long_date
from gezinsregie.notifications.services import notify
from gezinsregie.plans import rules, selectors
from gezinsregie.plans.models import Action, ActionStatus, CaseMeeting, Goal, Meeting, Plan
from gezinsregie.plans.services._common import EDIT, Owner, _before, _lock, _log, _save, _today
from gezinsregie.plans.services.items import _action_errors, _set_owner
from gezinsregie.plans.services.session import _new_version
from gezinsregie.plans.services.voices import PartnerVoiceInput, meeting_voice_errors, meeting_voices_write

MAX_DAYS_AHEAD = 0  # a meeting is recorded when it was held: never in the future
MINUTES_LIMIT = 20_000


@dataclass(frozen=True)
class AgreementInput:
    goal: Goal | None
    description: str
    owner: Owner
    due_on: date


def _errors(
    *,
    family: Family,
    plan: Plan | None,
    held_on: date,
    chair: User | None,
    attendees: Sequence[User],
    minutes: str,
    agreements: Sequence[AgreementInput],
) -> dict[str, list[str]]:
    """`chair` None: the chair of the case meeting this is a part of, checked when that was planned."""
    errors: dict[str, list[str]] = {}
    if held_on > _today() + timedelta(days=MAX_DAYS_AHEAD):
        errors["held_on"] = ["Leg een overleg vast nadat het is gehouden: deze datum ligt in de toekomst."]
    elif held_on < family.registered_on:
        errors["held_on"] = [f"Het overleg ligt vóór de aanmelding van het gezin ({long_date(family.registered_on)})."]
    if not minutes.strip():
        errors["minutes"] = ["Schrijf het verslag: wat is besproken en afgesproken?"]
    elif len(minutes) > MINUTES_LIMIT:
        errors["minutes"] = [f"Het verslag is te lang (ten hoogste {MINUTES_LIMIT} tekens)."]
    working = selectors.professionals_of(family)
    allowed = {p.user.pk for p in working}
    consented = selectors.consented_organisation_ids(family, today=_today())
    within = {p.user.pk for p in working if p.organisation.pk in consented}
    outside = [str(u) for u in attendees if u.pk not in within]
    if outside:
        errors["attendees"] = [
            "Alleen betrokken professionals binnen de toestemming van het gezin ontvangen het verslag; niet: "
            + ", ".join(outside)
            + "."
        ]
    if chair is not None and chair.pk not in allowed:
        errors["chair"] = ["De voorzitter is de regisseur, de procesmanager of een betrokken professional."]
    if plan is None and agreements:
        errors["agreements"] = ["Dit gezin heeft nog geen plan: stel eerst het plan op, dan worden afspraken acties."]
        return errors
    for number, agreement in enumerate(agreements, start=1):
        if agreement.goal is None or plan is None or agreement.goal.plan_id != plan.pk:
            errors.setdefault("agreements", []).append(
                f"Afspraak {number} hoort bij geen doel van het plan: kies het doel, of voeg eerst een doel toe."
            )
        if not agreement.description.strip():
            errors.setdefault("agreements", []).append(f"Afspraak {number}: wat is er afgesproken?")
        owner_errors = _action_errors(
            family=family,
            owner=agreement.owner,
            due_on=agreement.due_on,
            status=ActionStatus.OPEN,
            done_on=None,
            check_consent=True,
        )
        for messages in owner_errors.values():
            errors.setdefault("agreements", []).extend(f"Afspraak {number}: {m}" for m in messages)
    return errors


@transaction.atomic
def meeting_record(
    *,
    actor: User,
    plan: Plan,
    expected_version: int,
    held_on: date,
    chair: User,
    attendees: Sequence[User],
    members: Sequence[Member],
    network: str,
    minutes: str,
    agreements: Sequence[AgreementInput],
    partner_voices: Mapping[User, PartnerVoiceInput] | None = None,
) -> Meeting:
    """The meeting and its agreements in one transaction, or nothing at all; with the answers of the attending
    professionals to the partners' two questions (plans.services.voices), each optional."""
    return _record(
        actor=actor,
        family=plan.family,
        plan=plan,
        expected_version=expected_version,
        held_on=held_on,
        chair=chair,
        attendees=attendees,
        members=members,
        network=network,
        minutes=minutes,
        agreements=agreements,
        partner_voices=partner_voices,
    )


def _record(
    *,
    actor: User,
    family: Family,
    plan: Plan | None,
    expected_version: int | None,
    held_on: date,
    chair: User,
    attendees: Sequence[User],
    members: Sequence[Member],
    network: str,
    minutes: str,
    agreements: Sequence[AgreementInput],
    case_meeting: CaseMeeting | None = None,
    assignment: CoordinatorAssignment | None = None,
    errors: rules.Errors | None = None,
    partner_voices: Mapping[User, PartnerVoiceInput] | None = None,
) -> Meeting:
    """A round table, or a family's part of a case meeting (`case_meeting`: its chair and date, a case manager
    appointed in it). Runs inside the caller's transaction; `errors` are the caller's own, reported together."""
    if plan is not None:
        plan = _lock(actor=actor, plan=plan, expected_version=expected_version or 0)
        family = plan.family
    else:
        policy.ensure(actor, EDIT, family)
    errors = {k: list(v) for k, v in (errors or {}).items()}
    found = _errors(
        family=family,
        plan=plan,
        held_on=held_on,
        chair=None if case_meeting is not None else chair,
        attendees=attendees,
        minutes=minutes,
        agreements=agreements,
    )
    for key, messages in found.items():
        errors.setdefault(key, []).extend(messages)
    if any(m.family_id != family.pk for m in members):
        errors.setdefault("members", []).append("Kies alleen gezinsleden van dit gezin.")
    voices = partner_voices or {}
    if voice_problems := meeting_voice_errors(family=family, attendees=attendees, voices=voices):
        errors.setdefault("partner_voices", []).extend(voice_problems)
    if errors:
        raise ValidationError(errors)
    before = _before(plan) if plan is not None else None
    meeting = Meeting(
        family=family,
        held_on=held_on,
        chair=chair,
        network=network.strip(),
        minutes=minutes.strip(),
        recorded_by=actor,
        case_meeting=case_meeting,
        coordinator_assignment=assignment,
    )
    _save(meeting)
    meeting.attendees.set(attendees)
    meeting.family_members.set(members)
    for agreement in agreements:
        action = Action(
            goal=agreement.goal,
            description=agreement.description.strip(),
            due_on=agreement.due_on,
            status=ActionStatus.OPEN,
            meeting=meeting,
        )
        _set_owner(action, agreement.owner)
        _save(action)
    if agreements and plan is not None and before is not None:
        version = _new_version(actor=actor, plan=plan, before=before)
        meeting.plan_version = version.number
        meeting.save(update_fields=["plan_version"])
    _log(actor=actor, action="meeting.record", family=family, obj=meeting)
    for answered in meeting_voices_write(meeting=meeting, voices=voices):
        _log(actor=actor, action="partner_voice.record", family=family, obj=answered)
    what = "zorgnetwerkoverleg" if case_meeting is not None else "rondetafeloverleg"
    for user in attendees:  # the minutes, only to who was there and may see the family (checked above)
        notify(
            user=user,
            key=f"meeting:{meeting.pk}:minutes:user:{user.pk}",
            message=f"Het verslag van het {what} over gezin {family.reference} ({long_date(held_on)}).",
            url=reverse("plans:meeting", kwargs={"family_id": family.pk, "meeting_id": meeting.pk}),
            family=family,
        )
    return meeting
