"""Aanmelding: registering a family, or a new referral for a family the approach already knows."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import IntegerField, Max
from django.db.models.functions import Cast, Substr
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.audit import services as audit
from gezinsregie.casework import rules, workflow
from gezinsregie.casework.models import (
    EntryRoute,
    Family,
    Member,
    Referral,
)
from gezinsregie.casework.services.episodes import episode_current, family_reenter
from gezinsregie.frameworks.models import LifeDomain
from gezinsregie.organisations.models import Approach, Organisation

Permission = policy.Permission


@dataclass
class DuplicateFamilyError(Exception):
    """The family seems known already. Carries only what the registering user may see: references."""

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


def organisation_in_approach(actor: User, approach: Approach) -> Organisation:
    """The organisation `actor` works for in `approach`: a partner of it, or the organisation that runs it."""
    memberships = actor.active_memberships()
    for m in memberships:
        if approach.partners.filter(pk=m.organisation_id).exists() or m.approach_id == approach.pk:
            return m.organisation
    raise ValidationError("U bent niet verbonden aan een organisatie binnen deze aanpak.")


def duplicates_of(*, approach: Approach, family_name: str, members: Iterable[rules.MemberInput]) -> list[Family]:
    """Known families in this approach (active or closed) with the same name or a shared member."""
    wanted = rules.normalise_name(family_name)
    same_people = {(rules.normalise_name(m.last_name), m.birth_date) for m in members}
    matches = []
    candidates = approach.families.prefetch_related("members").only("id", "reference", "name", "status")
    for family in candidates:
        people = {(rules.normalise_name(m.last_name), m.birth_date) for m in family.members.all()}
        if (rules.normalise_name(family.name) == wanted and wanted) or people & same_people:
            matches.append(family)
    return matches


def _validate_referral(approach: Approach, referral: ReferralInput) -> None:
    errors: dict[str, list[str]] = {}
    if referral.referred_on > _today():
        errors.setdefault("referred_on", []).append("De datum van aanmelding ligt in de toekomst.")
    if not referral.domains:
        errors.setdefault("domains", []).append("Kies minstens één leefgebied waarover zorgen zijn.")
    if any(d.domain_set_id != approach.life_domain_set_id for d in referral.domains):
        errors.setdefault("domains", []).append("Kies leefgebieden uit de set van deze aanpak.")
    if not referral.reason.strip():
        errors.setdefault("reason", []).append("Geef de reden van aanmelding.")
    if errors:
        raise ValidationError(errors)


def _next_reference() -> str:
    # numerically: as text "GR-9999" sorts above "GR-10000"
    highest = (
        Family.objects.filter(reference__regex=r"^GR-\d+$")
        .annotate(number=Cast(Substr("reference", 4), IntegerField()))
        .aggregate(Max("number"))["number__max"]
    )
    return f"GR-{(highest or 0) + 1:04d}"


def _add_referral(actor: User, family: Family, organisation: Organisation, referral: ReferralInput) -> Referral:
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
) -> Family:
    """Aanmelding of a new family. Raises DuplicateFamilyError when it seems known, unless confirmed new."""
    policy.ensure(actor, Permission.REGISTER, approach)
    _validate_referral(approach, referral)
    problems = rules.member_problems(list(members), today=_today())
    if problems:
        raise ValidationError({"members": problems})
    if not family_name.strip():
        raise ValidationError({"family_name": ["Geef de naam van het gezin."]})
    if not register_as_new:
        matches = duplicates_of(approach=approach, family_name=family_name, members=members)
        if matches:
            raise DuplicateFamilyError(matches)
    organisation = organisation_in_approach(actor, approach)
    for attempt in range(3):  # two registrations at the same moment may pick the same reference
        try:
            with transaction.atomic():
                family = Family(
                    reference=_next_reference(),
                    approach=approach,
                    name=family_name.strip(),
                    address=address.strip(),
                    neighbourhood=neighbourhood.strip(),
                    status=workflow.INITIAL,
                    registered_on=referral.referred_on,
                )
                family.full_clean()
                family.save()
                for m in members:
                    member = Member(family=family, **m.__dict__)
                    member.full_clean()
                    member.save()
                record = _add_referral(actor, family, organisation, referral)
                episode_current(family)  # episode 1
                audit.record(actor=actor, action="family.register", family=family, obj=record)
                return family
        except IntegrityError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


@transaction.atomic
def referral_add_to_known_family(
    *, actor: User, approach: Approach, family: Family, referral: ReferralInput
) -> Referral:
    """A new aanmelding for a family that is already known: one family, not two. A closed family re-enters."""
    policy.ensure(actor, Permission.REGISTER, approach)
    if family.approach_id != approach.pk:
        raise ValidationError("Dit gezin hoort niet bij deze aanpak.")
    _validate_referral(approach, referral)
    record = _add_referral(actor, family, organisation_in_approach(actor, approach), referral)
    if family.status in workflow.REOPENABLE:
        family_reenter(
            actor=actor, family=family, on=referral.referred_on, route=EntryRoute.REFERRAL, reason=referral.reason
        )
    audit.record(actor=actor, action="referral.add", family=family, obj=record)
    return record
