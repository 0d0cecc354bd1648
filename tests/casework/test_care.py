"""Care requests and waiting times (Casework II item 7): per family, per provider, against norm or agreement."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from gezinsregie.accounts.models import Role
from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.casework import rules, services
from gezinsregie.casework.models import CarePriority, CareRequest
from gezinsregie.casework.selectors import care as care_selectors
from gezinsregie.organisations.models import PriorityAgreement
from tests.factories import OrganisationFactory

TODAY = timezone.localdate


# --- the rule, without a database ----------------------------------------------------------------------------


def test_an_agreement_binds_more_than_the_norm() -> None:
    day = date(2026, 3, 1)
    wait = rules.waiting(
        requested_on=day, started_on=None, today=day + timedelta(days=25), norm_days=30, agreed_days=21
    )
    assert (wait.days, wait.limit, wait.breached) == (25, 21, True)
    assert wait.describe() == "25 dagen gewacht, over de voorrangsafspraak (21 dagen)"
    without = rules.waiting(
        requested_on=day, started_on=None, today=day + timedelta(days=25), norm_days=30, agreed_days=None
    )
    assert not without.breached and without.describe() == "25 dagen gewacht, binnen de norm (30 dagen)"


@given(
    st.integers(0, 400),
    st.one_of(st.none(), st.integers(0, 400)),
    st.integers(1, 120),
    st.one_of(st.none(), st.integers(1, 120)),
)
def test_the_wait_stops_at_the_start_and_breaches_only_past_the_limit(
    requested: int, started: int | None, norm: int, agreed: int | None
) -> None:
    base = date(2025, 1, 1)
    today = base + timedelta(days=500)
    start = base + timedelta(days=requested + started) if started is not None else None
    wait = rules.waiting(
        requested_on=base + timedelta(days=requested), started_on=start, today=today, norm_days=norm, agreed_days=agreed
    )
    assert wait.days == (started if started is not None else 500 - requested)
    assert wait.breached == (wait.days > (agreed if agreed is not None else norm))


# --- services and reads --------------------------------------------------------------------------------------


@pytest.fixture
def provider(world):
    ggz = world.professional_org
    PriorityAgreement.objects.create(
        approach=world.approach, provider=ggz, term_days=14, valid_from=TODAY() - timedelta(days=365)
    )
    return ggz


def request_care(world, provider, days_ago: int = 20, **kwargs) -> CareRequest:
    return services.care_request_add(
        actor=world.user(Role.COORDINATOR),
        family=world.family("coordinated"),
        provider=provider,
        care_type="Intake GGZ",
        requested_on=TODAY() - timedelta(days=days_ago),
        priority=CarePriority.URGENT,
        **kwargs,
    )


def test_a_waiting_request_past_the_agreement_proposes_escalation(world, provider) -> None:
    request_care(world, provider, days_ago=20)
    (row,) = care_selectors.care_of(world.family("coordinated"))
    assert row.wait is not None and (row.wait.days, row.wait.limit) == (20, 14)
    assert row.proposes_escalation
    assert AccessLogEntry.objects.filter(action="care.request").count() == 1


def test_started_care_keeps_its_waiting_time_and_proposes_nothing(world, provider) -> None:
    record = request_care(world, provider, days_ago=20)
    services.care_request_start(
        actor=world.user(Role.COORDINATOR), care_request=record, started_on=TODAY() - timedelta(days=10)
    )
    (row,) = care_selectors.care_of(world.family("coordinated"))
    assert row.wait is not None and row.wait.days == 10 and not row.proposes_escalation
    with pytest.raises(ValidationError, match="al gestart of ingetrokken"):
        services.care_request_start(actor=world.user(Role.COORDINATOR), care_request=record, started_on=TODAY())


def test_without_an_agreement_the_approach_norm_counts(world) -> None:
    other = OrganisationFactory()
    world.approach.partners.add(other)
    request_care(world, other, days_ago=20)
    (row,) = care_selectors.care_of(world.family("coordinated"))
    assert row.wait is not None and row.wait.limit == world.approach.care_wait_norm_days == 30
    assert not row.proposes_escalation


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        ({"days_ago": -1}, "requested_on", "De datum van aanvragen ligt in de toekomst."),
        ({"days_ago": 5, "started_on": "before"}, "started_on", "De zorg kan niet starten vóór de aanvraag."),
        ({"days_ago": 400}, "requested_on", "De aanvraag ligt vóór de aanmelding van het gezin."),
    ],
)
def test_impossible_dates_are_refused_in_dutch(world, provider, kwargs, field, message) -> None:
    if kwargs.get("started_on") == "before":
        kwargs["started_on"] = TODAY() - timedelta(days=6)
    with pytest.raises(ValidationError) as refused:
        request_care(world, provider, **kwargs)
    assert refused.value.message_dict[field] == [message]
    assert not CareRequest.objects.exists()


def test_a_provider_outside_the_approach_is_refused(world) -> None:
    with pytest.raises(ValidationError, match="is geen netwerkpartner van deze aanpak"):
        request_care(world, OrganisationFactory())


def test_withdrawing_needs_a_reason(world, provider) -> None:
    record = request_care(world, provider)
    coordinator = world.user(Role.COORDINATOR)
    with pytest.raises(ValidationError) as refused:
        services.care_request_withdraw(actor=coordinator, care_request=record, withdrawn_on=TODAY(), reason="")
    assert refused.value.message_dict == {"reason": ["Waarom is de zorgvraag ingetrokken?"]}
    services.care_request_withdraw(actor=coordinator, care_request=record, withdrawn_on=TODAY(), reason="Verhuisd")
    (row,) = care_selectors.care_of(world.family("coordinated"))
    assert row.wait is None and not row.proposes_escalation


def test_only_who_steers_the_family_requests_care(world, provider) -> None:
    with pytest.raises(PermissionDenied):
        services.care_request_add(
            actor=world.user(Role.PROFESSIONAL),
            family=world.family("consented"),
            provider=provider,
            care_type="x",
            requested_on=TODAY(),
            priority=CarePriority.NORMAL,
        )


def test_the_process_manager_sees_waiting_care_per_provider_and_it_is_logged(world, provider, login) -> None:
    record = request_care(world, provider, days_ago=20)
    response = login(world.user(Role.PROCESS_MANAGER)).get(reverse("casework:waiting"))
    page = response.content.decode()
    assert response.status_code == 200
    assert world.family("coordinated").reference in page and "Voorstel: opschalen" in page
    overview = care_selectors.waiting_care(actor=world.user(Role.PROCESS_MANAGER))
    assert [r.request for r in overview.waiting] == [record]
    assert [(line.provider, line.waiting, line.breaches) for line in overview.providers] == [(provider.name, 1, 1)]
    logged = AccessLogEntry.objects.filter(action="care.waiting_list", family_id=world.family("coordinated").pk)
    assert logged.exists()


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.PROFESSIONAL, Role.POLICY_OFFICER, Role.INSPECTOR])
def test_the_waiting_page_is_for_process_managers_only(world, login, role) -> None:
    assert login(world.user(role)).get(reverse("casework:waiting")).status_code == 404


def test_the_family_care_page_requests_and_starts(world, provider, login) -> None:
    family = world.family("coordinated")
    client = login(world.user(Role.COORDINATOR))
    url = reverse("casework:care", kwargs={"family_id": family.pk})
    response = client.post(
        url,
        {
            "aanvragen": "1",
            "provider": provider.pk,
            "care_type": "Intake GGZ",
            "requested_on": (TODAY() - timedelta(days=3)).isoformat(),
            "priority": CarePriority.NORMAL,
        },
    )
    assert response.status_code == 302
    record = CareRequest.objects.get(family=family)
    assert "3 dagen gewacht, binnen de voorrangsafspraak (14 dagen)" in client.get(url).content.decode()
    refused = client.post(
        url, {"starten": "1", "zorgvraag": record.pk, "started_on": (TODAY() - timedelta(days=9)).isoformat()}
    )
    assert "De zorg kan niet starten vóór de aanvraag." in refused.content.decode()
    started = client.post(url, {"starten": "1", "zorgvraag": record.pk, "started_on": TODAY().isoformat()})
    assert started.status_code == 302
    record.refresh_from_db()
    assert record.started_on == TODAY()
