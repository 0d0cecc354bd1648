"""Aanmelding: registering a family, or a new referral for a family the approach already knows.

No existence oracle (issue 12 §6): the duplicate check names a known family (reference and status) only to a
registrant who may see it (policy VIEW). An aanmelding that may be for a family the registrant may not see is held
as a PendingReferral for the intake team, who link it or register it as new (casework.services.pending); the
registrant is told the same as for a new family: the aanmelding is received and, if the family is known, the
intake team links it.

No data lost under concurrency (issue 12 §8): the duplicate check and the write happen while the approach row is
locked, so identical registrations at the same moment make one family (the others are held or refused); the
reference is the next number of a database sequence (casework.references, issue 11 §8).
"""

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import Role, User
from gezinsregie.audit import services as audit
from gezinsregie.casework import bsn, rules, workflow
from gezinsregie.casework.models import (
    EntryRoute,
    Family,
    Member,
    PendingReferral,
    Referral,
)
from gezinsregie.casework.references import family_reference_next
from gezinsregie.casework.services.episodes import episode_current, family_reenter
from gezinsregie.casework.services.locks import approach_lock, family_lock
from gezinsregie.common import limits
from gezinsregie.common.throttle import within_hourly_limit
from gezinsregie.frameworks.models import LifeDomain
from gezinsregie.notifications.services import notify
from gezinsregie.organisations.models import Approach, Organisation

Permission = policy.Permission

# What every registrant who may not see the family is told, whether or not it was known (issue 12 §6).
RECEIVED = (
    "De aanmelding is ontvangen en wacht op het intaketeam. Is het gezin al bekend, dan koppelt het intaketeam "
    "de aanmelding aan dat gezin."
)
# Rate limit on registrations per user (issue 12 §6): the API's throttle and the web form's limit.
REGISTRATIONS_PER_HOUR = 30
REFERENCE_ATTEMPTS = 5


@dataclass
class DuplicateFamilyError(Exception):
    """The family seems known already. Carries only families the registering user may see (policy VIEW)."""

    matches: list[Family] = field(default_factory=list)


@dataclass(frozen=True)
class ReferralInput:
    source: str
    reason: str
    domains: Sequence[LifeDomain]
    urgency: str
    referred_on: date


def _today() -> date:
    return timezone.localdate()


def registration_allowed(actor: User) -> bool:
    """Count one aanmelding of `actor` in the current hour; False once REGISTRATIONS_PER_HOUR are reached (the web
    form's limit; the API has the same number as a DRF throttle)."""
    return within_hourly_limit(f"aanmelding:{actor.pk}", REGISTRATIONS_PER_HOUR)


def organisation_in_approach(actor: User, approach: Approach) -> Organisation:
    """The organisation `actor` works for in `approach`: a partner of it, or the organisation that runs it."""
    memberships = actor.active_memberships()
    for m in memberships:
        if approach.partners.filter(pk=m.organisation_id).exists() or m.approach_id == approach.pk:
            return m.organisation
    raise ValidationError("U bent niet verbonden aan een organisatie binnen deze aanpak.")


def _same_person(typed: rules.MemberInput, known: Member) -> bool:
    """Issue 12 §12: a BSN on both sides decides (the same number is the same person, whatever the name; two
    different numbers are two people, even with the same name and birth date); otherwise name + birth date."""
    if typed.bsn and known.bsn:
        return typed.bsn == known.bsn
    return (rules.normalise_name(typed.last_name), typed.birth_date) == (
        rules.normalise_name(known.last_name),
        known.birth_date,
    )


def duplicates_of(*, approach: Approach, family_name: str, members: Iterable[rules.MemberInput]) -> list[Family]:
    """Known families in this approach (active or closed) with the same name or a shared member; a family with a
    member of the same BSN first."""
    wanted = rules.normalise_name(family_name)
    typed = list(members)
    numbers = {m.bsn for m in typed if m.bsn}
    by_bsn, matches = [], []
    candidates = approach.families.prefetch_related("members").only("id", "reference", "name", "status")
    for family in candidates:
        known = list(family.members.all())
        if numbers & {m.bsn for m in known}:
            by_bsn.append(family)
        elif (rules.normalise_name(family.name) == wanted and wanted) or any(
            _same_person(t, k) for t in typed for k in known
        ):
            matches.append(family)
    return by_bsn + matches


def visible_duplicates_of(
    *, actor: User, approach: Approach, family_name: str, members: Iterable[rules.MemberInput]
) -> list[Family]:
    """The known families matching this aanmelding that `actor` may see: the only ones it may be told about."""
    matches = duplicates_of(approach=approach, family_name=family_name, members=members)
    visible = set(
        policy.families_for(actor, Permission.VIEW).filter(pk__in=[f.pk for f in matches]).values_list("pk", flat=True)
    )
    return [f for f in matches if f.pk in visible]


def _check_bsn(approach: Approach, members: Sequence[rules.MemberInput]) -> None:
    """Issue 12 §12: a BSN only where the approach has a legal basis for it, and only one that passes the 11-proef.
    Checked before anything is written or held (a held aanmelding keeps what was typed)."""
    problems = [f"{m.first_name}: {bsn.INVALID}" for m in members if m.bsn and not bsn.is_valid(m.bsn)]
    if any(m.bsn for m in members) and not approach.bsn_allowed:
        problems.append(bsn.NOT_ALLOWED)
    if problems:
        raise ValidationError({"members": problems})


def _check_neighbourhood(approach: Approach, neighbourhood: str) -> None:
    """Issue 14 §3: where the municipality keeps a list of its wijken, the wijk is one of them (or none), so the
    population per wijk counts each under one name; without a list any name is taken as typed."""
    wijken = set(approach.municipality.neighbourhoods.filter(active=True).values_list("name", flat=True))
    if wijken and neighbourhood.strip() and neighbourhood.strip() not in wijken:
        raise ValidationError({"neighbourhood": ["Kies een wijk uit de lijst van de gemeente."]})


def _validate_referral(approach: Approach, referral: ReferralInput) -> None:
    errors: dict[str, list[str]] = {}
    if referral.referred_on > _today():
        errors.setdefault("referred_on", []).append("De datum van aanmelding ligt in de toekomst.")
    elif problem := limits.date_problem(referral.referred_on, today=_today(), future=False):
        errors.setdefault("referred_on", []).append(problem)
    if not referral.domains:
        errors.setdefault("domains", []).append("Kies minstens één leefgebied waarover zorgen zijn.")
    if any(d.domain_set_id != approach.life_domain_set_id for d in referral.domains):
        errors.setdefault("domains", []).append("Kies leefgebieden uit de set van deze aanpak.")
    if not referral.reason.strip():
        errors.setdefault("reason", []).append("Geef de reden van aanmelding.")
    elif problem := limits.text_problem(referral.reason):
        errors.setdefault("reason", []).append(problem)
    if errors:
        raise ValidationError(errors)


def referral_write(actor: User, family: Family, organisation: Organisation, referral: ReferralInput) -> Referral:
    record = Referral(
        family=family,
        referred_on=referral.referred_on,
        referred_by=actor,
        organisation=organisation,
        source=referral.source,
        reason=referral.reason,
        urgency=referral.urgency,
    )
    record.full_clean()
    record.save()
    record.domains.set(referral.domains)
    return record


def family_create(
    *,
    actor: User,
    referred_by: User,
    organisation: Organisation,
    approach: Approach,
    family_name: str,
    address: str,
    neighbourhood: str,
    members: Sequence[rules.MemberInput],
    referral: ReferralInput,
) -> Family:
    """Write a new family with its members, the aanmelding and episode 1. The callers asked the policy and hold the
    approach's lock. The reference comes from the sequence; a number that was written by hand meanwhile (an import
    that did not resync) is skipped for the next one, never a second family under one reference."""
    for attempt in range(REFERENCE_ATTEMPTS):
        try:
            with transaction.atomic():
                family = Family(
                    reference=family_reference_next(),
                    approach=approach,
                    name=family_name.strip(),
                    address=address.strip(),
                    neighbourhood=neighbourhood.strip(),
                    status=workflow.INITIAL,
                    registered_on=referral.referred_on,
                )
                family.full_clean(validate_unique=False)  # the unique reference is the database's to guard
                family.save()
                for m in members:
                    member = Member(family=family, **m.__dict__)
                    member.full_clean()
                    member.save()
                record = referral_write(referred_by, family, organisation, referral)
                episode_current(family)  # episode 1
                audit.record(actor=actor, action="family.register", family=family, obj=record)
                return family
        except IntegrityError:
            if attempt == REFERENCE_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def _hold(
    *,
    actor: User,
    organisation: Organisation,
    approach: Approach,
    candidates: Sequence[Family],
    family_name: str,
    address: str,
    neighbourhood: str,
    members: Sequence[rules.MemberInput],
    referral: ReferralInput,
) -> PendingReferral:
    pending = PendingReferral(
        approach=approach,
        referred_by=actor,
        organisation=organisation,
        family_name=family_name.strip(),
        address=address.strip(),
        neighbourhood=neighbourhood.strip(),
        members=[
            {
                "first_name": m.first_name,
                "last_name": m.last_name,
                "birth_date": m.birth_date.isoformat(),
                "relation": m.relation,
                **({"bsn": m.bsn} if m.bsn else {}),
            }
            for m in members
        ],
        referred_on=referral.referred_on,
        source=referral.source,
        reason=referral.reason.strip(),
        urgency=referral.urgency,
    )
    pending.full_clean()
    pending.save()
    pending.candidates.set(candidates)
    pending.domains.set(referral.domains)
    audit.record(actor=actor, action="referral.hold", obj=pending)
    for user in intake_team_of(approach):
        notify(
            user=user,
            key=f"pending_referral:{pending.pk}:received:{user.pk}",
            message=f"Een aanmelding voor {approach.name} lijkt over een bekend gezin te gaan: koppel haar of "
            "registreer een nieuw gezin.",
            url=reverse("casework:pending_referral", kwargs={"pending_id": pending.pk}),
        )
    return pending


def intake_team_of(approach: Approach) -> list[User]:
    """Who handles aanmeldingen that wait to be linked: the approach's intake team and process managers."""
    return list(
        User.objects.filter(
            is_active=True,
            memberships__approach=approach,
            memberships__role__in=[Role.INTAKE, Role.PROCESS_MANAGER],
            memberships__active=True,
        )
        .distinct()
        .order_by("pk")
    )


def family_register(
    *,
    actor: User,
    approach: Approach,
    family_name: str,
    address: str,
    neighbourhood: str,
    members: Sequence[rules.MemberInput],
    referral: ReferralInput,
    register_as_new: bool = False,
    confirmed: Collection[int] = (),
) -> Family | PendingReferral:
    """Aanmelding of a new family: the new Family, or a PendingReferral when it may be a family the registrant may
    not see. Raises DuplicateFamilyError naming only known families the registrant may see, unless confirmed new.

    An unlikely composition (a parent under 18, a child older than a parent) is refused unless the registrant
    confirmed it for that member: `confirmed` holds the indices of the members whose warnings were confirmed."""
    policy.ensure(actor, Permission.REGISTER, approach)
    _validate_referral(approach, referral)
    notes = rules.blocking(rules.member_notes(list(members), today=_today()), confirmed=confirmed)
    problems = [note.message for note in notes]
    if problems:
        raise ValidationError({"members": problems})
    _check_bsn(approach, members)
    _check_neighbourhood(approach, neighbourhood)
    if not family_name.strip():
        raise ValidationError({"family_name": ["Geef de naam van het gezin."]})
    organisation = organisation_in_approach(actor, approach)
    with transaction.atomic():
        approach_lock(approach)
        matches = duplicates_of(approach=approach, family_name=family_name, members=members)
        visible = set(
            policy.families_for(actor, Permission.VIEW)
            .filter(pk__in=[f.pk for f in matches])
            .values_list("pk", flat=True)
        )
        shown = [f for f in matches if f.pk in visible]
        hidden = [f for f in matches if f.pk not in visible]
        if shown and not register_as_new:
            raise DuplicateFamilyError(shown)
        if hidden:  # the registrant may not know it exists: the intake team decides
            return _hold(
                actor=actor,
                organisation=organisation,
                approach=approach,
                candidates=hidden,
                family_name=family_name,
                address=address,
                neighbourhood=neighbourhood,
                members=members,
                referral=referral,
            )
        return family_create(
            actor=actor,
            referred_by=actor,
            organisation=organisation,
            approach=approach,
            family_name=family_name,
            address=address,
            neighbourhood=neighbourhood,
            members=members,
            referral=referral,
        )


@transaction.atomic
def referral_add_to_known_family(
    *, actor: User, approach: Approach, family: Family, referral: ReferralInput
) -> Referral:
    """A new aanmelding for a family that is already known: one family, not two. A closed family re-enters."""
    policy.ensure(actor, Permission.REGISTER, approach)
    if family.approach_id != approach.pk:
        raise ValidationError("Dit gezin hoort niet bij deze aanpak.")
    _validate_referral(approach, referral)
    family = family_lock(family)  # two referrals at once re-open the family once
    record = referral_write(actor, family, organisation_in_approach(actor, approach), referral)
    if family.status in workflow.REOPENABLE:
        family_reenter(
            actor=actor, family=family, on=referral.referred_on, route=EntryRoute.REFERRAL, reason=referral.reason
        )
    audit.record(actor=actor, action="referral.add", family=family, obj=record)
    return record
