"""The intake team handles an aanmelding that was held because it may be for a known family (issue 12 §6).

It links the aanmelding to one of the known families it was held for (the family re-enters when it had left), or
registers it as a new family. Either way the aanmelding stays the registrant's: they are its `referred_by`, and
they are told only that it was handled, never to which family.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.audit import services as audit
from gezinsregie.casework import rules, workflow
from gezinsregie.casework.models import EntryRoute, Family, PendingOutcome, PendingReferral, Referral
from gezinsregie.casework.services.episodes import family_reenter
from gezinsregie.casework.services.locks import approach_lock, family_lock
from gezinsregie.casework.services.registration import ReferralInput, family_create, referral_write
from gezinsregie.common.formatting import long_date
from gezinsregie.notifications.services import notify

Permission = policy.Permission


def _referral_of(pending: PendingReferral) -> ReferralInput:
    return ReferralInput(
        source=pending.source,
        reason=pending.reason,
        domains=list(pending.domains.all()),
        urgency=pending.urgency,
        referred_on=pending.referred_on,
    )


def members_of(pending: PendingReferral) -> list[rules.MemberInput]:
    return [
        rules.MemberInput(
            first_name=m["first_name"],
            last_name=m["last_name"],
            birth_date=date.fromisoformat(m["birth_date"]),
            relation=m["relation"],
            bsn=m.get("bsn", ""),
        )
        for m in pending.members
    ]


def _open(actor: User, pending: PendingReferral) -> PendingReferral:
    policy.ensure(actor, Permission.LINK_REFERRAL, pending.approach)
    locked = PendingReferral.objects.select_for_update(of=("self",)).select_related("approach").get(pk=pending.pk)
    if locked.outcome:  # two people of the intake team at the same moment: one handles it
        raise ValidationError("Deze aanmelding is al afgehandeld.")
    return locked


def _done(actor: User, pending: PendingReferral, outcome: PendingOutcome, family: Family) -> None:
    pending.outcome, pending.family = outcome, family
    pending.handled_by, pending.handled_at = actor, timezone.now()
    pending.full_clean()
    pending.save()
    notify(
        user=pending.referred_by,
        key=f"pending_referral:{pending.pk}:handled",
        message=f"Het intaketeam heeft uw aanmelding van {long_date(pending.referred_on)} "
        f"({pending.family_name}) verwerkt.",
    )


@transaction.atomic
def pending_referral_link(*, actor: User, pending: PendingReferral, family: Family) -> Referral:
    """The aanmelding is about this known family: it becomes one of its aanmeldingen (a closed family re-enters)."""
    pending = _open(actor, pending)
    if not pending.candidates.filter(pk=family.pk).exists():
        raise ValidationError({"family": ["Kies een van de bekende gezinnen waarvoor deze aanmelding wacht."]})
    family = family_lock(family)
    referral = _referral_of(pending)
    record = referral_write(pending.referred_by, family, pending.organisation, referral)
    if family.status in workflow.REOPENABLE:
        family_reenter(
            actor=actor, family=family, on=referral.referred_on, route=EntryRoute.REFERRAL, reason=referral.reason
        )
    _done(actor, pending, PendingOutcome.LINKED, family)
    audit.record(actor=actor, action="referral.link", family=family, obj=record)
    return record


@transaction.atomic
def pending_referral_register(*, actor: User, pending: PendingReferral) -> Family:
    """The aanmelding is about another family: it is registered as new, with the registrant as its referrer."""
    pending = _open(actor, pending)
    approach_lock(pending.approach)
    family = family_create(
        actor=actor,
        referred_by=pending.referred_by,
        organisation=pending.organisation,
        approach=pending.approach,
        family_name=pending.family_name,
        address=pending.address,
        neighbourhood=pending.neighbourhood,
        members=members_of(pending),
        referral=_referral_of(pending),
    )
    _done(actor, pending, PendingOutcome.REGISTERED, family)
    return family
