"""Casework writes, consent (casework/services/consent.py), on the shared `world` (tests/worlds/authorisation.py)."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gezinsregie import policy
from gezinsregie.accounts.models import Role, User
from gezinsregie.casework import services
from gezinsregie.casework.models import (
    Consent,
    Family,
)
from tests.casework.service_helpers import COORD, INTAKE, PM, PROF, A, log_actions, today, user_with
from tests.factories import (
    FamilyFactory,
    InvolvementFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db

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


# --- a new consent supersedes the one in force (issue 12 §7) ---------------------------------------


def test_a_narrower_consent_supersedes_the_wider_one_once_confirmed(world, consent_case):
    """The finding: a new, narrower consent left the old, wider one in force without a word."""
    family, outsider, third_org = consent_case
    wide = record_consent(
        world, family, organisations=[world.professional_org, third_org], signed_on=today() - timedelta(10)
    )
    assert policy.can(outsider, A.VIEW, family)

    with pytest.raises(services.ConsentLossError) as warned:
        record_consent(world, family, organisations=[world.professional_org])
    assert warned.value.organisations == [third_org]
    assert third_org.name in warned.value.message_dict["organisations"][0]
    assert Consent.objects.filter(family=family).count() == 1  # nothing written before it is confirmed

    narrow = record_consent(world, family, organisations=[world.professional_org], confirm_losses=True)

    wide.refresh_from_db()
    assert (wide.withdrawn_on, wide.superseded_by) == (narrow.signed_on, narrow)
    assert "Vervangen door de toestemming van" in wide.withdrawal_reason
    assert not policy.can(outsider, A.VIEW, family)  # the organisation left out loses access at once
    assert policy.can(world.user(PROF), A.VIEW, family)
    assert log_actions(family)[-2:] == ["consent.record", "consent.supersede"]


def test_a_consent_naming_the_same_or_more_organisations_supersedes_without_asking(world, consent_case):
    family, _, third_org = consent_case
    first = record_consent(world, family, signed_on=today() - timedelta(5))

    second = record_consent(world, family, organisations=[world.professional_org, third_org])

    first.refresh_from_db()
    assert first.superseded_by == second
    assert list(Consent.objects.filter(family=family, withdrawn_on__isnull=True)) == [second]


def test_an_older_declaration_cannot_supersede_a_later_one(world, consent_case):
    family, _, _ = consent_case
    later = record_consent(world, family, signed_on=today())

    with pytest.raises(ValidationError) as refused:
        record_consent(world, family, signed_on=today() - timedelta(3))

    assert "later is getekend" in refused.value.message_dict["signed_on"][0]
    later.refresh_from_db()
    assert later.withdrawn_on is None


def test_the_losses_are_the_organisations_the_consents_in_force_name_beyond_the_new_one(world, consent_case):
    family, _, third_org = consent_case
    record_consent(world, family, organisations=[world.professional_org, third_org])

    assert services.consent_losses(family=family, organisations=[world.coordinator_org]) == sorted(
        [world.professional_org, third_org], key=lambda o: o.name
    )
    assert services.consent_losses(family=family, organisations=[world.professional_org, third_org]) == []
