"""The machtiging inspectie (casework/services/mandate.py, casework/views/mandate.py) on the shared `world`
(tests/worlds/authorisation.py): who records and withdraws it, what it opens to the inspectorate, and the Dutch
refusals that write nothing."""

from datetime import date, timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gezinsregie import policy
from gezinsregie.accounts.models import Role, User
from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.casework.models import Family, InspectionMandate, MandateScope
from gezinsregie.casework.services import mandate as services
from gezinsregie.common.formatting import long_date
from tests.casework.service_helpers import COORD, INTAKE, PM, PROF, A, log_actions, today
from tests.factories import FamilyFactory, OrganisationFactory

pytestmark = pytest.mark.django_db
INSP = Role.INSPECTOR


@pytest.fixture
def family(world: Any) -> Family:
    """A family the coordinator steers, registered 60 days ago, that mandated nobody yet."""
    return FamilyFactory(
        approach=world.approach, coordinator=world.user(COORD), registered_on=today() - timedelta(days=60)
    )


def record(world: Any, family: Family, actor: User | None = None, **overrides: Any) -> InspectionMandate:
    values: dict[str, Any] = {
        "actor": actor or world.user(COORD),
        "family": family,
        "organisation": world.inspectorate,
        "scope": MandateScope.PSEUDONYMISED,
        "signed_by": " Sanne de Wit ",
        "granted_on": today(),
        "expires_on": today() + timedelta(days=180),
    }
    return services.mandate_record(**(values | overrides))


# --- recording ---------------------------------------------------------------------------------------------------


def test_a_mandate_lets_the_inspectorate_in_and_nobody_else(world, family):
    inspector, other_inspector = world.user(INSP), world.others["other_inspector"]
    assert not policy.can(inspector, A.INSPECT, family)

    mandate = record(world, family)

    assert policy.can(inspector, A.INSPECT, family)
    assert not policy.can(other_inspector, A.INSPECT, family)  # another inspectorate
    assert not policy.can(inspector, A.VIEW, family)  # inspecting is not the casework
    assert (mandate.signed_by, mandate.scope, mandate.recorded_by) == (
        "Sanne de Wit",
        "pseudonymised",
        world.user(COORD),
    )
    assert mandate.is_valid_on(today())
    assert log_actions(family) == ["mandate.record"]


def test_the_process_manager_records_one_too_with_full_scope_and_a_scan(world, family):
    scan = SimpleUploadedFile("machtiging.pdf", b"%PDF-1.4 getekend")
    mandate = record(world, family, actor=world.user(PM), scope=MandateScope.FULL, scan=scan)
    assert mandate.scope == MandateScope.FULL
    assert mandate.scan.read() == b"%PDF-1.4 getekend"


@pytest.mark.parametrize("role", [PROF, INTAKE, INSP, Role.POLICY_OFFICER, Role.PRIVACY_OFFICER])
def test_who_does_not_steer_the_case_may_not_record_one(world, role):
    family = world.family("consented") if role == PROF else world.family("coordinated")
    with pytest.raises(PermissionDenied):
        record(world, family, actor=world.user(role))
    assert not InspectionMandate.objects.filter(family=family, signed_by="Sanne de Wit").exists()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"granted_on": date(2020, 1, 10), "expires_on": date(2020, 1, 1)},
            "expires_on",
            "De machtiging verloopt vóór zij verleend is",
        ),
        (
            {"granted_on": "ten days ago", "expires_on": "yesterday"},
            "expires_on",
            "Deze einddatum ligt in het verleden",
        ),
        ({"granted_on": "tomorrow"}, "granted_on", "De datum van ondertekening ligt in de toekomst."),
        ({"granted_on": "before registration"}, "granted_on", "niet vóór de aanmelding van het gezin"),
        ({"signed_by": "  "}, "signed_by", "Wie heeft de machtiging getekend?"),
        ({"scope": "alles"}, "scope", "gepseudonimiseerd of volledig"),
    ],
)
def test_a_wrong_mandate_is_refused_in_dutch_and_writes_nothing(world, family, overrides, field, message):
    days = {"yesterday": -1, "tomorrow": 1, "ten days ago": -10, "before registration": -61}
    overrides = {k: today() + timedelta(days=days[v]) if v in days else v for k, v in overrides.items()}
    log_before = AccessLogEntry.objects.count()

    with pytest.raises(ValidationError) as refused:
        record(world, family, **overrides)

    assert message in " ".join(refused.value.message_dict[field])
    assert not family.mandates.exists()
    assert AccessLogEntry.objects.count() == log_before
    assert not policy.can(world.user(INSP), A.INSPECT, family)


def test_only_an_inspectorate_can_be_mandated(world, family):
    with pytest.raises(ValidationError) as refused:
        record(world, family, organisation=OrganisationFactory())
    assert refused.value.message_dict["organisation"] == [
        "Kies een inspectie: alleen een inspectie kan worden gemachtigd."
    ]


def test_one_running_mandate_per_inspectorate(world, family):
    record(world, family)
    with pytest.raises(ValidationError) as refused:
        record(world, family, scope=MandateScope.FULL)
    assert "al gemachtigd tot en met" in refused.value.message_dict["organisation"][0]
    record(world, family, organisation=world.other_inspectorate)  # another inspectorate: its own mandate
    assert family.mandates.count() == 2


# --- withdrawing -------------------------------------------------------------------------------------------------


def test_withdrawing_closes_the_case_to_the_inspectorate_the_same_day(world, family):
    mandate = record(world, family, granted_on=today() - timedelta(days=5))

    services.mandate_withdraw(actor=world.user(COORD), mandate=mandate, withdrawn_on=today(), reason=" Gezin wil niet ")

    mandate.refresh_from_db()
    assert (mandate.withdrawn_on, mandate.withdrawal_reason) == (today(), "Gezin wil niet")
    assert not policy.can(world.user(INSP), A.INSPECT, family)
    assert log_actions(family) == ["mandate.record", "mandate.withdraw"]
    record(world, family)  # a new mandate may follow the withdrawn one


def test_a_mandate_cannot_be_withdrawn_twice_or_on_a_wrong_day(world, family):
    mandate = record(world, family, granted_on=today() - timedelta(days=5))
    for wrong in (today() + timedelta(days=1), today() - timedelta(days=6)):
        with pytest.raises(ValidationError) as refused:
            services.mandate_withdraw(actor=world.user(PM), mandate=mandate, withdrawn_on=wrong, reason="")
        assert refused.value.message_dict["withdrawn_on"] == ["Kies een datum tussen de ondertekening en vandaag."]
    services.mandate_withdraw(actor=world.user(PM), mandate=mandate, withdrawn_on=today(), reason="")

    with pytest.raises(ValidationError) as twice:
        services.mandate_withdraw(actor=world.user(PM), mandate=mandate, withdrawn_on=today(), reason="")
    assert twice.value.messages == [f"Deze machtiging is al ingetrokken, op {long_date(today())}."]


def test_who_does_not_steer_the_case_may_not_withdraw_it(world):
    mandate = world.family("mandated").mandates.get()
    with pytest.raises(PermissionDenied):
        services.mandate_withdraw(actor=world.user(INSP), mandate=mandate, withdrawn_on=today(), reason="")
    assert policy.can(world.user(INSP), A.INSPECT, world.family("mandated"))


# --- the screens -------------------------------------------------------------------------------------------------


def mandate_url(family: Family) -> str:
    return reverse("casework:mandate", args=[family.pk])


def form_data(world: Any, **extra: Any) -> dict[str, Any]:
    data = {
        "organisation": world.inspectorate.pk,
        "scope": MandateScope.PSEUDONYMISED,
        "signed_by": "Sanne de Wit",
        "granted_on": today().isoformat(),
        "expires_on": (today() + timedelta(days=90)).isoformat(),
    }
    return data | extra


def test_the_coordinator_records_a_mandate_on_the_page_with_its_scan(world, family, login):
    client = login(world.user(COORD))
    page = client.get(mandate_url(family))
    assert page.status_code == 200
    assert "heeft (nog) geen inspectie gemachtigd" in page.content.decode()
    assert "Machtiging inspectie" in client.get(reverse("web:family", args=[family.pk])).content.decode()

    scan = SimpleUploadedFile("machtiging.pdf", b"%PDF-1.4 getekend", content_type="application/pdf")
    response = client.post(mandate_url(family), form_data(world, scan=scan), follow=True)

    assert "De machtiging is vastgelegd" in response.content.decode()
    mandate = family.mandates.get()
    assert policy.can(world.user(INSP), A.INSPECT, family)
    download = client.get(reverse("casework:mandate_scan", args=[family.pk, mandate.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.4 getekend"  # type: ignore[attr-defined]
    assert "mandate.scan" in log_actions(family)


def test_a_refused_mandate_keeps_the_input_and_says_why(world, family, login):
    yesterday, earlier = (today() - timedelta(days=1)).isoformat(), (today() - timedelta(days=9)).isoformat()
    data = form_data(world, granted_on=earlier, expires_on=yesterday)
    response = login(world.user(COORD)).post(mandate_url(family), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Deze einddatum ligt in het verleden" in page
    assert 'value="Sanne de Wit"' in page
    assert not family.mandates.exists()


def test_withdrawing_on_the_page(world, family, login):
    mandate = record(world, family)
    client = login(world.user(PM))
    url = reverse("casework:mandate_withdraw", args=[family.pk, mandate.pk])
    assert client.get(url).status_code == 200

    response = client.post(url, {"withdrawn_on": today().isoformat(), "reason": "Het gezin trekt in."}, follow=True)

    assert "ziet het gezin niet meer" in response.content.decode()
    assert "Ingetrokken op" in response.content.decode()
    again = client.post(url, {"withdrawn_on": today().isoformat(), "reason": ""})
    assert "Deze machtiging is al ingetrokken" in again.content.decode()


@pytest.mark.parametrize("role", [PROF, INTAKE, INSP, Role.POLICY_OFFICER])
def test_the_mandate_pages_are_404_for_who_does_not_steer_the_case(world, login, role):
    family = world.family("mandated")
    mandate = family.mandates.get()
    client = login(world.user(role))
    for url in (
        mandate_url(family),
        reverse("casework:mandate_withdraw", args=[family.pk, mandate.pk]),
        reverse("casework:mandate_scan", args=[family.pk, mandate.pk]),
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(mandate_url(family), form_data(world)).status_code == 404
    assert family.mandates.count() == 1


def test_a_scan_of_another_family_is_not_served(world, family, login):
    other = world.family("mandated").mandates.get()
    client = login(world.user(PM))
    assert client.get(reverse("casework:mandate_scan", args=[family.pk, other.pk])).status_code == 404
    assert client.get(reverse("casework:mandate_scan", args=[world.family("mandated").pk, other.pk])).status_code == 404
