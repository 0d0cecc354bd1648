"""Casework writes (casework/services.py): each asks the policy, validates fully, writes atomically and logs.

Runs on the shared `world` (see conftest.py): `world.approach` with partners coordinator_org and
professional_org, a life-domain set of four domains, and one user per role.
"""

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import Role, User
from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.casework import services
from gezinsregie.casework.models import (
    Consent,
    CoordinatorAssignment,
    Family,
    FamilyStatus,
    Member,
    MemberRelation,
    Problem,
    Referral,
    ReferralSource,
    ScoreMoment,
    SelfSufficiencyScore,
    TriageDecision,
    Urgency,
)
from gezinsregie.casework.rules import MemberInput
from gezinsregie.frameworks.models import LifeDomain
from gezinsregie.organisations.models import Approach, Organisation
from tests.factories import (
    FamilyFactory,
    InvolvementFactory,
    LifeDomainSetFactory,
    MemberFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

A = policy.Permission
COORD, PM, PROF, INTAKE = Role.COORDINATOR, Role.PROCESS_MANAGER, Role.PROFESSIONAL, Role.INTAKE


def today() -> date:
    return timezone.localdate()


def log_actions(family: Family) -> list[str]:
    return list(AccessLogEntry.objects.filter(family_id=family.pk).order_by("id").values_list("action", flat=True))


def written() -> dict[str, int]:
    """What a refused registration must leave untouched."""
    return {
        "families": Family.objects.count(),
        "members": Member.objects.count(),
        "referrals": Referral.objects.count(),
        "log": AccessLogEntry.objects.count(),
    }


def user_with(role: str, organisation: Organisation, approach: Approach | None = None, **names: str) -> User:
    user = UserFactory(**names)
    MembershipFactory(user=user, role=role, organisation=organisation, approach=approach)
    return user


# --- registration ---------------------------------------------------------------------------------

SANNE = MemberInput(first_name="Sanne", last_name="Zwartbroek", birth_date=date(1985, 3, 1), relation="parent")
ANNA = MemberInput(first_name="Anna", last_name="Zwartbroek", birth_date=date(2015, 9, 1), relation="child")


def referral(approach: Approach, **overrides: Any) -> services.ReferralInput:
    domains = list(approach.life_domain_set.domains.order_by("order")[:2])
    values: dict[str, Any] = {
        "source": ReferralSource.SCHOOL,
        "reason": "Veel schoolverzuim en huurachterstand.",
        "domains": domains,
        "urgency": Urgency.NORMAL,
        "referred_on": today() - timedelta(days=3),
    }
    return services.ReferralInput(**(values | overrides))


def register(world: Any, actor: User | None = None, **overrides: Any) -> Family:
    values: dict[str, Any] = {
        "actor": actor or world.user(PROF),
        "approach": world.approach,
        "family_name": "Gezin Zwartbroek",
        "address": " Dorpsstraat 1 ",
        "neighbourhood": "Noord",
        "members": [SANNE, ANNA],
        "referral": referral(world.approach),
    }
    return services.family_register(**(values | overrides))


def test_register_creates_the_family_members_referral_and_one_log_entry(world):
    professional = world.user(PROF)
    FamilyFactory(approach=world.other_approach, reference="GR-0041")  # references count across approaches
    wanted = referral(world.approach)

    family = register(world, referral=wanted)

    family.refresh_from_db()
    assert family.reference == "GR-0042"
    assert (family.approach, family.name, family.address) == (world.approach, "Gezin Zwartbroek", "Dorpsstraat 1")
    assert family.status == FamilyStatus.REGISTERED
    assert family.registered_on == wanted.referred_on
    assert (family.started_on, family.coordinator, family.process_manager) == (None, None, None)
    assert {(m.first_name, m.last_name, m.birth_date, m.relation) for m in family.members.all()} == {
        ("Sanne", "Zwartbroek", date(1985, 3, 1), MemberRelation.PARENT),
        ("Anna", "Zwartbroek", date(2015, 9, 1), MemberRelation.CHILD),
    }
    [record] = family.referrals.all()
    assert (record.referred_by, record.organisation) == (professional, world.professional_org)
    assert (record.source, record.reason, record.urgency) == (wanted.source, wanted.reason, wanted.urgency)
    assert record.referred_on == wanted.referred_on
    assert set(record.domains.all()) == set(wanted.domains)
    [entry] = AccessLogEntry.objects.filter(family_id=family.pk)
    assert (entry.action, entry.user_id, entry.family_reference) == ("family.register", professional.pk, "GR-0042")
    assert (entry.object_type, entry.object_id) == ("casework.Referral", str(record.pk))


def test_references_count_up_from_gr_0001(world):
    first = register(world)
    second = register(world, family_name="Gezin Oudeman", members=[replace(SANNE, last_name="Oudeman")])
    assert (first.reference, second.reference) == ("GR-0001", "GR-0002")


def test_references_keep_counting_past_gr_9999(world):
    FamilyFactory(approach=world.other_approach, reference="GR-9999")
    first = register(world)
    second = register(world, family_name="Gezin Oudeman", members=[replace(SANNE, last_name="Oudeman")])
    assert (first.reference, second.reference) == ("GR-10000", "GR-10001")


@pytest.mark.parametrize("role", [Role.POLICY_OFFICER, Role.INSPECTOR, Role.PRIVACY_OFFICER, Role.ADMINISTRATOR])
def test_register_is_refused_without_register_permission_and_writes_nothing(world, role):
    before = written()
    with pytest.raises(PermissionDenied):
        register(world, actor=world.user(role))
    assert written() == before


def test_a_coordinator_of_an_organisation_outside_the_approach_may_not_register(world):
    with pytest.raises(PermissionDenied):
        register(world, actor=world.others["other_coordinator"])


def _other_set_domain(world: Any) -> list[LifeDomain]:
    return [world.other_approach.life_domain_set.domains.first()]


INVALID_REGISTRATIONS: list[tuple[str, str, Callable[[Any], dict[str, Any]]]] = [
    (
        "future-referral",
        "referred_on",
        lambda w: {"referral": referral(w.approach, referred_on=today() + timedelta(1))},
    ),
    ("no-domains", "domains", lambda w: {"referral": referral(w.approach, domains=[])}),
    ("other-set-domains", "domains", lambda w: {"referral": referral(w.approach, domains=_other_set_domain(w))}),
    ("empty-reason", "reason", lambda w: {"referral": referral(w.approach, reason="  \n ")}),
    ("child-older", "members", lambda w: {"members": [SANNE, replace(ANNA, birth_date=date(1980, 1, 1))]}),
    ("child-same-age", "members", lambda w: {"members": [SANNE, replace(ANNA, birth_date=SANNE.birth_date)]}),
    ("future-birth", "members", lambda w: {"members": [SANNE, replace(ANNA, birth_date=today() + timedelta(1))]}),
    ("no-members", "members", lambda w: {"members": []}),
    ("empty-name", "family_name", lambda w: {"family_name": "   "}),
]


@pytest.mark.parametrize(("field", "change"), [pytest.param(f, c, id=name) for name, f, c in INVALID_REGISTRATIONS])
def test_an_invalid_registration_is_refused_and_writes_nothing(world, field, change):
    before = written()

    with pytest.raises(ValidationError) as refused:
        register(world, **change(world))

    assert field in refused.value.message_dict
    assert written() == before


def test_the_child_older_than_its_parent_is_named_in_the_error(world):
    with pytest.raises(ValidationError) as refused:
        register(world, members=[SANNE, replace(ANNA, birth_date=date(1980, 1, 1))])
    [message] = refused.value.message_dict["members"]
    assert message.startswith("Anna is als kind opgegeven maar is niet jonger dan ouder Sanne")


# --- duplicates -----------------------------------------------------------------------------------

ALL_STATUSES = [s.value for s in FamilyStatus]


@pytest.mark.parametrize("status", ALL_STATUSES)
def test_the_same_normalised_name_in_the_same_approach_is_a_duplicate(world, status):
    known = FamilyFactory(approach=world.approach, name="Gezin de Vries-Bakker", status=status)
    MemberFactory(family=known, last_name="Anders", birth_date=date(1970, 1, 1))
    before = written()

    with pytest.raises(services.DuplicateFamilyError) as duplicate:
        register(world, family_name="  DE VRIËS, bakker ")

    assert [f.pk for f in duplicate.value.matches] == [known.pk]
    assert written() == before


@pytest.mark.parametrize("status", [FamilyStatus.ACTIVE, FamilyStatus.CLOSED])
def test_a_shared_member_makes_a_duplicate_even_under_another_name(world, status):
    known = FamilyFactory(approach=world.approach, name="Familie Oudeman", status=status)
    MemberFactory(family=known, first_name="Anneke", last_name="ZWARTBRÖEK", birth_date=ANNA.birth_date)
    before = written()

    with pytest.raises(services.DuplicateFamilyError) as duplicate:
        register(world, family_name="Gezin Bakker", members=[replace(SANNE, last_name="Bakker"), ANNA])

    assert [f.pk for f in duplicate.value.matches] == [known.pk]
    assert written() == before


def test_the_same_last_name_with_another_birth_date_is_not_a_duplicate(world):
    known = FamilyFactory(approach=world.approach, name="Familie Oudeman")
    MemberFactory(family=known, last_name="Zwartbroek", birth_date=ANNA.birth_date + timedelta(days=1))

    family = register(world, family_name="Gezin Bakker")

    assert family.pk != known.pk


def test_a_family_in_another_approach_is_not_a_duplicate(world):
    elsewhere = FamilyFactory(approach=world.other_approach, name="Gezin Zwartbroek", status=FamilyStatus.ACTIVE)
    MemberFactory(family=elsewhere, last_name="Zwartbroek", birth_date=ANNA.birth_date)

    family = register(world)

    assert family.approach == world.approach
    assert Family.objects.filter(name="Gezin Zwartbroek").count() == 2


def test_register_as_new_bypasses_the_duplicate_check(world):
    known = FamilyFactory(approach=world.approach, name="Gezin Zwartbroek")
    MemberFactory(family=known, last_name="Zwartbroek", birth_date=ANNA.birth_date)

    family = register(world, register_as_new=True)

    assert family.pk != known.pk
    assert set(Family.objects.filter(name="Gezin Zwartbroek")) == {known, family}


def test_register_as_new_still_validates(world):
    with pytest.raises(ValidationError):
        register(world, register_as_new=True, referral=referral(world.approach, reason=""))


def test_a_second_registration_of_the_same_family_is_a_duplicate_of_the_first(world):
    first = register(world)
    with pytest.raises(services.DuplicateFamilyError) as duplicate:
        register(world, actor=world.user(COORD))
    assert duplicate.value.matches == [first]


# --- a referral for a known family ----------------------------------------------------------------


@pytest.mark.parametrize("status", [FamilyStatus.CLOSED, FamilyStatus.DECLINED, FamilyStatus.AFTERCARE])
def test_a_referral_for_a_known_closed_family_reopens_it_as_registered(world, status):
    known = FamilyFactory(approach=world.approach, status=status)
    wanted = referral(world.approach, referred_on=today())

    record = services.referral_add_to_known_family(
        actor=world.user(PROF), approach=world.approach, family=known, referral=wanted
    )

    known.refresh_from_db()
    assert known.status == FamilyStatus.REGISTERED
    assert list(known.referrals.all()) == [record]
    assert (record.referred_by, record.organisation, record.referred_on) == (
        world.user(PROF),
        world.professional_org,
        today(),
    )
    assert set(record.domains.all()) == set(wanted.domains)
    assert log_actions(known) == ["referral.add"]
    assert Family.objects.filter(approach=world.approach, pk=known.pk).count() == 1


def test_a_referral_for_a_known_active_family_keeps_it_active(world):
    known = world.family("coordinated")
    services.referral_add_to_known_family(
        actor=world.user(PROF), approach=world.approach, family=known, referral=referral(world.approach)
    )
    known.refresh_from_db()
    assert known.status == FamilyStatus.ACTIVE
    assert known.referrals.count() == 1


def test_a_referral_for_a_family_of_another_approach_is_refused(world):
    with pytest.raises(ValidationError):
        services.referral_add_to_known_family(
            actor=world.user(PROF),
            approach=world.approach,
            family=world.family("other"),
            referral=referral(world.approach),
        )
    assert world.family("other").referrals.count() == 0


def test_a_referral_for_a_known_family_is_refused_without_register_permission(world):
    with pytest.raises(PermissionDenied):
        services.referral_add_to_known_family(
            actor=world.user(Role.POLICY_OFFICER),
            approach=world.approach,
            family=world.family("coordinated"),
            referral=referral(world.approach),
        )


def test_a_referral_for_a_known_family_is_validated(world):
    known = FamilyFactory(approach=world.approach, status=FamilyStatus.CLOSED)
    with pytest.raises(ValidationError):
        services.referral_add_to_known_family(
            actor=world.user(PROF), approach=world.approach, family=known, referral=referral(world.approach, domains=[])
        )
    known.refresh_from_db()
    assert known.status == FamilyStatus.CLOSED
    assert known.referrals.count() == 0


# --- triage ---------------------------------------------------------------------------------------


def triage(world: Any, family: Family | None = None, actor: User | None = None, **overrides: Any):
    values: dict[str, Any] = {
        "actor": actor or world.user(INTAKE),
        "family": family or world.family("triage"),
        "accepted": True,
        "criteria_met": world.approach.triage_criteria_list[:1],
        "reason": "Problemen op vier leefgebieden.",
        "decided_on": today(),
        "start_on": today(),
        "process_manager": world.user(PM),
    }
    return services.family_triage(**(values | overrides))


@pytest.mark.parametrize("role", [INTAKE, PM])
def test_an_accepted_family_becomes_active_with_start_date_and_process_manager(world, role):
    family = world.family("triage")

    decision = triage(world, actor=world.user(role))

    family.refresh_from_db()
    assert family.status == FamilyStatus.ACTIVE
    assert (family.started_on, family.process_manager) == (today(), world.user(PM))
    assert (decision.accepted, decision.decided_by, decision.decided_on) == (True, world.user(role), today())
    assert decision.criteria_met == world.approach.triage_criteria_list[:1]
    assert list(family.triage_decisions.all()) == [decision]
    assert log_actions(family) == ["family.triage"]


def test_a_declined_family_becomes_declined_without_start(world):
    family = world.family("triage")

    decision = triage(world, accepted=False, start_on=None, process_manager=None, criteria_met=[])

    family.refresh_from_db()
    assert family.status == FamilyStatus.DECLINED
    assert (family.started_on, family.process_manager) == (None, None)
    assert decision.accepted is False


def _pm_of_other_approach(world: Any) -> User:
    return user_with(PM, world.other_municipal_org, world.other_approach)


INVALID_TRIAGES: list[tuple[str, str, Callable[[Any], dict[str, Any]]]] = [
    (
        "start-before-registration",
        "start_on",
        lambda w: {"start_on": w.family("triage").registered_on - timedelta(days=1)},
    ),
    ("no-start", "start_on", lambda w: {"start_on": None}),
    ("pm-of-other-approach", "process_manager", lambda w: {"process_manager": _pm_of_other_approach(w)}),
    ("coordinator-as-pm", "process_manager", lambda w: {"process_manager": w.user(COORD)}),
    ("no-pm", "process_manager", lambda w: {"process_manager": None}),
    ("unknown-criteria", "criteria_met", lambda w: {"criteria_met": ["Woont in een mooi huis"]}),
    ("future-decision", "decided_on", lambda w: {"decided_on": today() + timedelta(days=1)}),
    ("no-reason", "reason", lambda w: {"reason": "  "}),
]


@pytest.mark.parametrize(("field", "change"), [pytest.param(f, c, id=name) for name, f, c in INVALID_TRIAGES])
def test_an_invalid_triage_is_refused_and_changes_nothing(world, field, change):
    family = world.family("triage")

    with pytest.raises(ValidationError) as refused:
        triage(world, **change(world))

    assert field in refused.value.message_dict
    family.refresh_from_db()
    assert (family.status, family.started_on, family.process_manager) == (FamilyStatus.REGISTERED, None, None)
    assert not TriageDecision.objects.filter(family=family).exists()
    assert log_actions(family) == []


def test_the_start_may_be_on_the_registration_day(world):
    family = world.family("triage")
    triage(world, start_on=family.registered_on)
    family.refresh_from_db()
    assert family.started_on == family.registered_on


def test_an_intake_member_of_another_approach_may_not_triage(world):
    outsider = user_with(INTAKE, world.other_municipal_org, world.other_approach)
    with pytest.raises(PermissionDenied):
        triage(world, actor=outsider)
    assert world.family("triage").triage_decisions.count() == 0


@pytest.mark.parametrize("role", [COORD, PROF, Role.POLICY_OFFICER])
def test_other_roles_may_not_triage(world, role):
    with pytest.raises(PermissionDenied):
        triage(world, actor=world.user(role))


@pytest.mark.parametrize(("role", "name"), [(PM, "coordinated"), (COORD, "coordinated"), (PROF, "consented")])
def test_who_may_view_an_active_family_may_still_not_triage_it(world, role, name):
    family = world.family(name)
    assert policy.can(world.user(role), A.VIEW, family)

    with pytest.raises(PermissionDenied):
        triage(world, family=family, actor=world.user(role))

    family.refresh_from_db()
    assert family.status == FamilyStatus.ACTIVE
    assert not family.triage_decisions.exists()


def test_an_active_family_cannot_be_triaged_again(world):
    family = world.family("triage")
    triage(world)

    with pytest.raises(PermissionDenied):
        triage(world, family=family, accepted=False, start_on=None, process_manager=None)

    family.refresh_from_db()
    assert family.status == FamilyStatus.ACTIVE
    assert family.triage_decisions.count() == 1


# --- consent --------------------------------------------------------------------------------------


@pytest.fixture
def consent_case(world):
    """A coordinated family; the professional (professional_org) and an outsider of a third partner
    organisation both work with it. Without consent neither sees it."""
    family = FamilyFactory(approach=world.approach, coordinator=world.user(COORD))
    third_org = OrganisationFactory()
    world.approach.partners.add(third_org)
    outsider = user_with(PROF, third_org)
    InvolvementFactory(family=family, user=world.user(PROF), organisation=world.professional_org)
    InvolvementFactory(family=family, user=outsider, organisation=third_org)
    return family, outsider, third_org


def record_consent(world: Any, family: Family, actor: User | None = None, **overrides: Any) -> Consent:
    values: dict[str, Any] = {
        "actor": actor or world.user(COORD),
        "family": family,
        "informed_of_rights": True,
        "signed_on": today(),
        "signed_by": " Sanne Zwartbroek ",
        "organisations": [world.professional_org],
    }
    return services.consent_record(**(values | overrides))


def test_a_consent_lets_involved_professionals_of_named_organisations_see_the_family(world, consent_case):
    family, outsider, _ = consent_case
    professional = world.user(PROF)
    assert not policy.can(professional, A.VIEW, family)

    consent = record_consent(world, family)

    assert policy.can(professional, A.VIEW, family)
    assert not policy.can(outsider, A.VIEW, family)
    assert not policy.can(professional, A.EDIT, family)
    assert (consent.informed_of_rights, consent.signed_by, consent.recorded_by) == (
        True,
        "Sanne Zwartbroek",
        world.user(COORD),
    )
    assert list(consent.organisations.all()) == [world.professional_org]
    assert log_actions(family) == ["consent.record"]


def test_a_process_manager_may_record_a_consent(world, consent_case):
    family, outsider, third_org = consent_case
    record_consent(world, family, actor=world.user(PM), organisations=[third_org])
    assert policy.can(outsider, A.VIEW, family)
    assert not policy.can(world.user(PROF), A.VIEW, family)


@pytest.mark.parametrize("role", [PROF, INTAKE, Role.POLICY_OFFICER])
def test_only_who_may_edit_the_family_records_a_consent(world, role):
    family = world.family("consented")  # the professional sees it, but may not edit it
    with pytest.raises(PermissionDenied):
        record_consent(world, family, actor=world.user(role))


INVALID_CONSENTS: list[tuple[str, str, Callable[[Any, Family], dict[str, Any]]]] = [
    ("not-informed", "informed_of_rights", lambda w, f: {"informed_of_rights": False}),
    ("organisation-outside-approach", "organisations", lambda w, f: {"organisations": [w.other_partner]}),
    (
        "partly-outside-approach",
        "organisations",
        lambda w, f: {"organisations": [w.professional_org, w.other_partner]},
    ),
    ("no-organisations", "organisations", lambda w, f: {"organisations": []}),
    ("future-date", "signed_on", lambda w, f: {"signed_on": today() + timedelta(days=1)}),
    ("before-registration", "signed_on", lambda w, f: {"signed_on": f.registered_on - timedelta(days=1)}),
    ("nobody-signed", "signed_by", lambda w, f: {"signed_by": " "}),
]


@pytest.mark.parametrize(("field", "change"), [pytest.param(f, c, id=name) for name, f, c in INVALID_CONSENTS])
def test_an_invalid_consent_is_refused_and_grants_nothing(world, consent_case, field, change):
    family, outsider, _ = consent_case

    with pytest.raises(ValidationError) as refused:
        record_consent(world, family, **change(world, family))

    assert field in refused.value.message_dict
    assert not Consent.objects.filter(family=family).exists()
    assert not policy.can(world.user(PROF), A.VIEW, family)
    assert not policy.can(outsider, A.VIEW, family)
    assert log_actions(family) == []


def test_withdrawing_a_consent_removes_the_access_it_gave(world, consent_case):
    family, _, _ = consent_case
    professional = world.user(PROF)
    consent = record_consent(world, family, signed_on=family.registered_on)
    assert policy.can(professional, A.VIEW, family)

    services.consent_withdraw(actor=world.user(COORD), consent=consent, withdrawn_on=today(), reason=" verhuisd ")

    consent.refresh_from_db()
    assert (consent.withdrawn_on, consent.withdrawal_reason) == (today(), "verhuisd")
    assert not policy.can(professional, A.VIEW, family)
    assert log_actions(family) == ["consent.record", "consent.withdraw"]


def test_a_consent_cannot_be_withdrawn_twice(world, consent_case):
    family, _, _ = consent_case
    consent = record_consent(world, family, signed_on=family.registered_on)
    services.consent_withdraw(actor=world.user(COORD), consent=consent, withdrawn_on=today(), reason="")

    with pytest.raises(ValidationError):
        services.consent_withdraw(actor=world.user(COORD), consent=consent, withdrawn_on=today(), reason="nog een keer")

    consent.refresh_from_db()
    assert consent.withdrawal_reason == ""
    assert log_actions(family).count("consent.withdraw") == 1


@pytest.mark.parametrize("days", [-1, 1], ids=["before-signing", "in-the-future"])
def test_a_withdrawal_date_outside_signing_and_today_is_refused(world, consent_case, days):
    family, _, _ = consent_case
    consent = record_consent(world, family, signed_on=today() - timedelta(days=2))
    when = consent.signed_on + timedelta(days=days) if days < 0 else today() + timedelta(days=days)

    with pytest.raises(ValidationError):
        services.consent_withdraw(actor=world.user(COORD), consent=consent, withdrawn_on=when, reason="")

    consent.refresh_from_db()
    assert consent.withdrawn_on is None
    assert policy.can(world.user(PROF), A.VIEW, family)


def test_a_professional_may_not_withdraw_a_consent(world):
    consent = world.family("consented").consents.get()
    with pytest.raises(PermissionDenied):
        services.consent_withdraw(actor=world.user(PROF), consent=consent, withdrawn_on=today(), reason="")


# --- problem analysis and scores ------------------------------------------------------------------


def add_problem(world: Any, family: Family, **overrides: Any) -> Problem:
    values: dict[str, Any] = {
        "actor": world.user(COORD),
        "family": family,
        "member": None,
        "domain": world.approach.life_domain_set.domains.first(),
        "description": " Huurachterstand van drie maanden ",
        "severity": 2,
        "chronic": True,
        "own_strength": False,
        "family_participated": True,
        "identified_on": today(),
    }
    return services.problem_add(**(values | overrides))


def test_a_problem_is_added_for_a_member_of_the_family(world):
    family = world.family("coordinated")
    member = MemberFactory(family=family)

    problem = add_problem(world, family, member=member)

    assert list(family.problems.all()) == [problem]
    assert (problem.member, problem.description, problem.recorded_by) == (
        member,
        "Huurachterstand van drie maanden",
        world.user(COORD),
    )
    assert log_actions(family) == ["problem.add"]


def test_a_problem_for_a_member_of_another_family_is_refused(world):
    family = world.family("coordinated")
    stranger = MemberFactory(family=world.family("consented"))

    with pytest.raises(ValidationError) as refused:
        add_problem(world, family, member=stranger)

    assert "member" in refused.value.message_dict
    assert not Problem.objects.exists()


def test_a_problem_on_a_domain_of_another_set_is_refused(world):
    family = world.family("coordinated")
    foreign = LifeDomainSetFactory().domains.first()

    with pytest.raises(ValidationError) as refused:
        add_problem(world, family, domain=foreign)

    assert "domain" in refused.value.message_dict
    assert not Problem.objects.exists()


def test_a_problem_in_the_future_is_refused(world):
    with pytest.raises(ValidationError):
        add_problem(world, world.family("coordinated"), identified_on=today() + timedelta(days=1))
    assert not Problem.objects.exists()


def test_a_professional_with_consent_may_not_add_a_problem(world):
    with pytest.raises(PermissionDenied):
        add_problem(world, world.family("consented"), actor=world.user(PROF))


def test_a_second_score_for_the_same_domain_and_day_replaces_the_first(world):
    family = world.family("coordinated")
    domain = world.approach.life_domain_set.domains.first()

    services.scores_record(actor=world.user(COORD), family=family, scores={domain: 2}, scored_on=today())
    services.scores_record(actor=world.user(PM), family=family, scores={domain: 4}, scored_on=today())

    [score] = SelfSufficiencyScore.objects.filter(family=family)
    assert (score.domain, score.score, score.recorded_by, score.moment) == (
        domain,
        4,
        world.user(PM),
        ScoreMoment.INTAKE,
    )
    assert log_actions(family) == ["scores.record", "scores.record"]


def test_scores_on_another_day_or_moment_are_kept_apart(world):
    family = world.family("coordinated")
    domain = world.approach.life_domain_set.domains.first()
    coordinator = world.user(COORD)

    services.scores_record(actor=coordinator, family=family, scores={domain: 2}, scored_on=today() - timedelta(1))
    services.scores_record(actor=coordinator, family=family, scores={domain: 3}, scored_on=today())
    services.scores_record(
        actor=coordinator, family=family, scores={domain: 4}, scored_on=today(), moment=ScoreMoment.EVALUATION
    )

    assert sorted(family.scores.values_list("score", flat=True)) == [2, 3, 4]


def test_scores_on_a_domain_of_another_set_are_refused_and_none_are_saved(world):
    family = world.family("coordinated")
    own = world.approach.life_domain_set.domains.first()
    foreign = LifeDomainSetFactory().domains.first()

    with pytest.raises(ValidationError):
        services.scores_record(actor=world.user(COORD), family=family, scores={own: 3, foreign: 3}, scored_on=today())

    assert not family.scores.exists()


def test_a_score_outside_one_to_five_is_a_validation_error(world):
    family = world.family("coordinated")
    domain = world.approach.life_domain_set.domains.first()
    with pytest.raises(ValidationError):
        services.scores_record(actor=world.user(COORD), family=family, scores={domain: 6}, scored_on=today())


# --- coordinator ----------------------------------------------------------------------------------


@pytest.fixture
def new_coordinator(world) -> User:
    return user_with(COORD, world.coordinator_org, first_name="Karin", last_name="Nieuwenhuis")


def assign(world: Any, family: Family, coordinator: User, **overrides: Any) -> CoordinatorAssignment:
    values: dict[str, Any] = {
        "actor": world.user(PM),
        "family": family,
        "coordinator": coordinator,
        "assigned_on": today(),
        "reason": " Vorige regisseur met verlof ",
    }
    return services.coordinator_assign(**(values | overrides))


def test_a_handover_records_from_whom_to_whom_and_moves_the_access(world, new_coordinator):
    family = world.family("coordinated")
    old = world.user(COORD)

    assignment = assign(world, family, new_coordinator)

    assert (assignment.previous, assignment.coordinator) == (old, new_coordinator)
    assert (assignment.reason, assignment.assigned_by, assignment.assigned_on) == (
        "Vorige regisseur met verlof",
        world.user(PM),
        today(),
    )
    family.refresh_from_db()
    assert family.coordinator == new_coordinator
    assert not policy.can(old, A.VIEW, family)
    assert not policy.can(old, A.EDIT, family)
    assert policy.can(new_coordinator, A.VIEW, family)
    assert policy.can(new_coordinator, A.EDIT, family)
    assert log_actions(family) == ["family.assign_coordinator"]


def test_a_first_assignment_has_no_previous_coordinator(world, new_coordinator):
    family = FamilyFactory(approach=world.approach, coordinator=None)
    assignment = assign(world, family, new_coordinator)
    assert assignment.previous is None
    family.refresh_from_db()
    assert family.coordinator == new_coordinator


def test_successive_handovers_form_a_chain(world, new_coordinator):
    family = world.family("coordinated")
    third = user_with(COORD, world.coordinator_org)
    assign(world, family, new_coordinator)
    assign(world, family, third, reason="Terug van verlof")
    chain = [(a.previous, a.coordinator) for a in family.coordinator_assignments.order_by("pk")]
    assert chain == [(world.user(COORD), new_coordinator), (new_coordinator, third)]


INVALID_ASSIGNMENTS: list[tuple[str, str, Callable[[Any, User], dict[str, Any]]]] = [
    ("no-coordinator-role", "coordinator", lambda w, new: {"coordinator": w.user(PROF)}),
    ("same-coordinator", "coordinator", lambda w, new: {"coordinator": w.user(COORD)}),
    ("empty-reason", "reason", lambda w, new: {"reason": "   "}),
    (
        "before-start",
        "assigned_on",
        lambda w, new: {"assigned_on": w.family("coordinated").started_on - timedelta(days=1)},
    ),
]


@pytest.mark.parametrize(("field", "change"), [pytest.param(f, c, id=name) for name, f, c in INVALID_ASSIGNMENTS])
def test_an_invalid_handover_is_refused_and_changes_nothing(world, new_coordinator, field, change):
    family = world.family("coordinated")

    with pytest.raises(ValidationError) as refused:
        assign(world, family, **({"coordinator": new_coordinator} | change(world, new_coordinator)))

    assert field in refused.value.message_dict
    family.refresh_from_db()
    assert family.coordinator == world.user(COORD)
    assert not family.coordinator_assignments.exists()


def test_an_inactive_coordinator_membership_does_not_count(world):
    former = UserFactory()
    MembershipFactory(user=former, role=COORD, organisation=world.coordinator_org, active=False)
    with pytest.raises(ValidationError):
        assign(world, world.family("coordinated"), former)


@pytest.mark.parametrize("role", [COORD, PROF, INTAKE])
def test_only_the_process_manager_assigns_a_coordinator(world, new_coordinator, role):
    with pytest.raises(PermissionDenied):
        assign(world, world.family("coordinated"), new_coordinator, actor=world.user(role))


def test_a_coordinator_of_an_organisation_outside_the_approach_is_refused(world):
    outsider = world.others["other_coordinator"]  # coordinator at other_partner: a partner of other_approach only
    family = world.family("coordinated")
    with pytest.raises(ValidationError):
        assign(world, family, outsider)
    assert not policy.can(outsider, A.VIEW, family)
