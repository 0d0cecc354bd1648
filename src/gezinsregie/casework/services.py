"""Writes of casework. Each service asks the policy first, validates fully, writes atomically and logs."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import IntegerField, Max, QuerySet
from django.db.models.functions import Cast, Substr
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import Role, User
from gezinsregie.audit import services as audit
from gezinsregie.casework import rules
from gezinsregie.casework.models import (
    Consent,
    CoordinatorAssignment,
    Family,
    FamilyStatus,
    Member,
    Problem,
    Referral,
    ScoreMoment,
    SelfSufficiencyScore,
    TriageDecision,
)
from gezinsregie.frameworks.models import LifeDomain
from gezinsregie.organisations.models import Approach, Organisation

Permission = policy.Permission
REOPENABLE = (FamilyStatus.CLOSED, FamilyStatus.DECLINED, FamilyStatus.AFTERCARE)


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


def _organisation_of(actor: User, approach: Approach) -> Organisation:
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
    organisation = _organisation_of(actor, approach)
    for attempt in range(3):  # two registrations at the same moment may pick the same reference
        try:
            with transaction.atomic():
                family = Family(
                    reference=_next_reference(),
                    approach=approach,
                    name=family_name.strip(),
                    address=address.strip(),
                    neighbourhood=neighbourhood.strip(),
                    status=FamilyStatus.REGISTERED,
                    registered_on=referral.referred_on,
                )
                family.full_clean()
                family.save()
                for m in members:
                    member = Member(family=family, **m.__dict__)
                    member.full_clean()
                    member.save()
                record = _add_referral(actor, family, organisation, referral)
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
    record = _add_referral(actor, family, _organisation_of(actor, approach), referral)
    if family.status in REOPENABLE:
        family.status = FamilyStatus.REGISTERED
        family.full_clean()
        family.save(update_fields=["status", "updated_at"])
    audit.record(actor=actor, action="referral.add", family=family, obj=record)
    return record


@transaction.atomic
def family_triage(
    *,
    actor: User,
    family: Family,
    accepted: bool,
    criteria_met: Sequence[str],
    reason: str,
    decided_on: date,
    start_on: date | None = None,
    process_manager: User | None = None,
) -> TriageDecision:
    policy.ensure(actor, Permission.TRIAGE, family)
    errors: dict[str, list[str]] = {}
    if not reason.strip():
        errors["reason"] = ["Motiveer het besluit."]
    if decided_on > _today():
        errors["decided_on"] = ["De besluitdatum ligt in de toekomst."]
    unknown = set(criteria_met) - set(family.approach.triage_criteria_list)
    if unknown:
        errors["criteria_met"] = ["Kies alleen criteria van deze aanpak."]
    if accepted:
        if start_on is None:
            errors["start_on"] = ["Geef de startdatum van de aanpak."]
        elif start_on < family.registered_on:
            errors["start_on"] = ["De start kan niet vóór de aanmelding liggen."]
        if process_manager is None:
            errors["process_manager"] = ["Kies een procesmanager."]
        elif not process_manager.memberships.filter(
            role=Role.PROCESS_MANAGER, approach=family.approach, active=True
        ).exists():
            errors["process_manager"] = ["Deze persoon is geen procesmanager van deze aanpak."]
    if errors:
        raise ValidationError(errors)
    decision = TriageDecision(
        family=family,
        decided_on=decided_on,
        decided_by=actor,
        accepted=accepted,
        criteria_met=list(criteria_met),
        reason=reason.strip(),
    )
    decision.full_clean()
    decision.save()
    if accepted:
        family.status, family.started_on, family.process_manager = (
            FamilyStatus.ACTIVE,
            start_on,
            process_manager,
        )
    else:
        family.status = FamilyStatus.DECLINED
    family.full_clean()
    family.save()
    audit.record(actor=actor, action="family.triage", family=family, obj=decision)
    return decision


@transaction.atomic
def consent_record(
    *,
    actor: User,
    family: Family,
    informed_of_rights: bool,
    signed_on: date,
    signed_by: str,
    organisations: Sequence[Organisation],
    scan: UploadedFile | None = None,
) -> Consent:
    policy.ensure(actor, Permission.EDIT, family)
    errors: dict[str, list[str]] = {}
    if not informed_of_rights:
        errors["informed_of_rights"] = ["Informeer het gezin eerst over zijn rechten; pas daarna telt de toestemming."]
    if signed_on > _today():
        errors["signed_on"] = ["De datum van ondertekening ligt in de toekomst."]
    if signed_on < family.registered_on:
        errors["signed_on"] = ["De toestemming kan niet vóór de aanmelding getekend zijn."]
    if not organisations:
        errors["organisations"] = ["Noem minstens één organisatie die informatie mag delen."]
    allowed = set(family.approach.partners.values_list("pk", flat=True))
    if any(o.pk not in allowed for o in organisations):
        errors["organisations"] = ["Kies alleen organisaties die aan deze aanpak verbonden zijn."]
    if not signed_by.strip():
        errors["signed_by"] = ["Wie heeft getekend?"]
    if errors:
        raise ValidationError(errors)
    consent = Consent(
        family=family,
        informed_of_rights=True,
        signed_on=signed_on,
        signed_by=signed_by.strip(),
        recorded_by=actor,
    )
    if scan is not None:
        consent.scan = scan
    consent.full_clean()
    consent.save()
    consent.organisations.set(organisations)
    audit.record(actor=actor, action="consent.record", family=family, obj=consent)
    return consent


@transaction.atomic
def consent_withdraw(*, actor: User, consent: Consent, withdrawn_on: date, reason: str) -> Consent:
    policy.ensure(actor, Permission.EDIT, consent.family)
    if consent.withdrawn_on is not None:
        raise ValidationError("Deze toestemming is al ingetrokken.")
    if withdrawn_on < consent.signed_on or withdrawn_on > _today():
        raise ValidationError({"withdrawn_on": ["Kies een datum tussen ondertekening en vandaag."]})
    consent.withdrawn_on, consent.withdrawal_reason = withdrawn_on, reason.strip()
    consent.full_clean()
    consent.save()
    audit.record(actor=actor, action="consent.withdraw", family=consent.family, obj=consent)
    return consent


def _check_member_and_domain(family: Family, member: Member | None, domain: LifeDomain) -> None:
    if member is not None and member.family_id != family.pk:
        raise ValidationError({"member": ["Dit gezinslid hoort niet bij dit gezin."]})
    if domain.domain_set_id != family.approach.life_domain_set_id:
        raise ValidationError({"domain": ["Kies een leefgebied uit de set van deze aanpak."]})


@transaction.atomic
def problem_add(
    *,
    actor: User,
    family: Family,
    member: Member | None,
    domain: LifeDomain,
    description: str,
    severity: int,
    chronic: bool,
    own_strength: bool,
    family_participated: bool,
    identified_on: date,
) -> Problem:
    policy.ensure(actor, Permission.EDIT, family)
    _check_member_and_domain(family, member, domain)
    if identified_on > _today():
        raise ValidationError({"identified_on": ["Deze datum ligt in de toekomst."]})
    problem = Problem(
        family=family,
        member=member,
        domain=domain,
        description=description.strip(),
        severity=severity,
        chronic=chronic,
        own_strength=own_strength,
        family_participated=family_participated,
        identified_on=identified_on,
        recorded_by=actor,
    )
    problem.full_clean()
    problem.save()
    audit.record(actor=actor, action="problem.add", family=family, obj=problem)
    return problem


@transaction.atomic
def scores_record(
    *,
    actor: User,
    family: Family,
    scores: dict[LifeDomain, int],
    moment: str = ScoreMoment.INTAKE,
    scored_on: date,
) -> list[SelfSufficiencyScore]:
    """Self-sufficiency per domain (1–5). A second score for the same domain, moment and day replaces it."""
    policy.ensure(actor, Permission.EDIT, family)
    if scored_on > _today():
        raise ValidationError({"scored_on": ["Deze datum ligt in de toekomst."]})
    scale = set(family.approach.life_domain_set.scale.values_list("value", flat=True)) or set(range(1, 6))
    outside = [d.name for d, value in scores.items() if value not in scale]
    if outside:
        low, high = min(scale), max(scale)
        raise ValidationError({"scores": [f"Scores lopen van {low} tot {high}; controleer {', '.join(outside)}."]})
    saved = []
    for domain, value in scores.items():
        _check_member_and_domain(family, None, domain)
        score, _ = SelfSufficiencyScore.objects.update_or_create(
            family=family,
            member=None,
            domain=domain,
            moment=moment,
            scored_on=scored_on,
            defaults={"score": value, "recorded_by": actor},
        )
        score.full_clean()
        saved.append(score)
    audit.record(actor=actor, action="scores.record", family=family)
    return saved


def coordinators_for(approach: Approach) -> QuerySet[User]:
    """Who can coordinate a family of this approach: coordinators of its partner organisations."""
    return User.objects.filter(
        is_active=True,
        memberships__role=Role.COORDINATOR,
        memberships__active=True,
        memberships__organisation__in=approach.partners.all(),
    ).distinct()


@transaction.atomic
def coordinator_assign(
    *, actor: User, family: Family, coordinator: User, assigned_on: date, reason: str
) -> CoordinatorAssignment:
    """One coordinator at a time; every handover says from whom to whom and why."""
    policy.ensure(actor, Permission.ASSIGN_COORDINATOR, family)
    if not coordinators_for(family.approach).filter(pk=coordinator.pk).exists():
        raise ValidationError(
            {"coordinator": ["Deze persoon is geen regisseur bij een organisatie die aan deze aanpak verbonden is."]}
        )
    if coordinator.pk == family.coordinator_id:
        raise ValidationError({"coordinator": ["Deze persoon is al de regisseur van dit gezin."]})
    if not reason.strip():
        raise ValidationError({"reason": ["Geef de reden van de overdracht."]})
    if family.started_on and assigned_on < family.started_on:
        raise ValidationError({"assigned_on": ["De regie kan niet vóór de start van de aanpak ingaan."]})
    assignment = CoordinatorAssignment(
        family=family,
        coordinator=coordinator,
        previous=family.coordinator,
        assigned_on=assigned_on,
        reason=reason.strip(),
        assigned_by=actor,
    )
    assignment.full_clean()
    assignment.save()
    family.coordinator = coordinator
    family.save(update_fields=["coordinator", "updated_at"])
    audit.record(actor=actor, action="family.assign_coordinator", family=family, obj=assignment)
    return assignment
