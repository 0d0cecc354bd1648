"""The approach's own policy facts (organisations.services, .views): the municipality's estimate of the group
(B1.a.2) and its register of cooperation and information-sharing agreements (B4.b.2, B4.c.1)."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from gezinsregie.accounts.models import Role
from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.organisations import selectors, services
from gezinsregie.organisations.models import AgreementKind, CooperationAgreement, PopulationEstimate

pytestmark = pytest.mark.django_db
PM, POLICY, COORD, INSP = Role.PROCESS_MANAGER, Role.POLICY_OFFICER, Role.COORDINATOR, Role.INSPECTOR


def test_an_estimate_is_recorded_with_its_date_and_source_and_logged(world) -> None:
    today = timezone.localdate()
    estimate = services.population_estimate_record(
        actor=world.user(POLICY),
        approach=world.approach,
        families=140,
        estimated_on=today - timedelta(days=20),
        source="  Wijkanalyse met politie en JGZ ",
    )
    assert (estimate.families, estimate.source, estimate.recorded_by) == (
        140,
        "Wijkanalyse met politie en JGZ",
        world.user(POLICY),
    )
    newer = services.population_estimate_record(
        actor=world.user(PM), approach=world.approach, families=150, estimated_on=today, source="Monitor"
    )
    assert selectors.latest_estimate(world.approach) == newer  # the newest counts, the older stays as history
    entry = AccessLogEntry.objects.get(action="population_estimate.record", object_id=str(estimate.pk))
    assert entry.role == "beleidsmedewerker" and entry.family_id is None
    assert AccessLogEntry.objects.get(action="population_estimate.record", object_id=str(newer.pk)).role


def test_a_bad_estimate_is_refused_in_dutch(world) -> None:
    with pytest.raises(ValidationError) as refused:
        services.population_estimate_record(
            actor=world.user(PM),
            approach=world.approach,
            families=0,
            estimated_on=timezone.localdate() + timedelta(days=1),
            source=" ",
        )
    assert refused.value.message_dict == {
        "families": ["Schat het aantal gezinnen: minstens 1."],
        "estimated_on": ["De datum van de schatting ligt in de toekomst."],
        "source": ["Waar komt de schatting vandaan? Noem de bron of de werkwijze."],
    }
    assert not PopulationEstimate.objects.exists()


@pytest.mark.parametrize("role", [COORD, INSP, Role.PROFESSIONAL, Role.INTAKE, Role.ADMINISTRATOR])
def test_only_the_municipality_records_them(world, role) -> None:
    with pytest.raises(PermissionDenied):
        services.population_estimate_record(
            actor=world.user(role),
            approach=world.approach,
            families=10,
            estimated_on=timezone.localdate(),
            source="x",
        )
    with pytest.raises(PermissionDenied):
        services.cooperation_agreement_record(
            actor=world.user(role),
            approach=world.approach,
            kind=AgreementKind.COOPERATION,
            title="Convenant",
            parties=[world.coordinator_org, world.professional_org],
            signed_on=timezone.localdate(),
        )


def test_a_policy_officer_of_another_municipality_may_not(world) -> None:
    with pytest.raises(PermissionDenied):
        services.population_estimate_record(
            actor=world.user(POLICY),
            approach=world.other_approach,
            families=10,
            estimated_on=timezone.localdate(),
            source="x",
        )


def test_an_agreement_is_registered_with_its_parties_and_document(world) -> None:
    today = timezone.localdate()
    agreement = services.cooperation_agreement_record(
        actor=world.user(PM),
        approach=world.approach,
        kind=AgreementKind.INFORMATION_SHARING,
        title=" Convenant informatie-uitwisseling 2024 ",
        parties=[world.coordinator_org, world.professional_org],
        signed_on=today - timedelta(days=400),
        valid_until=today - timedelta(days=1),
        document=SimpleUploadedFile("convenant.pdf", b"%PDF-1.4 getekend"),
    )
    assert agreement.title == "Convenant informatie-uitwisseling 2024"
    assert set(agreement.parties.all()) == {world.coordinator_org, world.professional_org}
    assert agreement.document.read() == b"%PDF-1.4 getekend"
    (row,) = selectors.register_of(world.approach, today=today)
    assert row.expired and not row.in_force  # kept, flagged as expired
    assert AccessLogEntry.objects.filter(action="cooperation_agreement.record", object_id=str(agreement.pk)).exists()

    services.cooperation_agreement_delete(actor=world.user(POLICY), agreement=agreement)
    assert not CooperationAgreement.objects.exists()
    assert AccessLogEntry.objects.filter(action="cooperation_agreement.delete").exists()


def test_a_bad_agreement_is_refused_in_dutch(world) -> None:
    today = timezone.localdate()
    with pytest.raises(ValidationError) as refused:
        services.cooperation_agreement_record(
            actor=world.user(PM),
            approach=world.approach,
            kind="handshake",
            title="",
            parties=[world.coordinator_org],
            signed_on=today + timedelta(days=1),
            valid_until=today,
        )
    assert refused.value.message_dict == {
        "kind": ["Kies de soort afspraak: samenwerkingsafspraak, convenant of privacyprotocol."],
        "title": ["Geef de afspraak een titel, zoals die op het document staat."],
        "parties": ["Een afspraak heeft minstens twee partijen: kies de organisaties die tekenden."],
        "signed_on": ["De datum van ondertekening ligt in de toekomst."],
        "valid_until": ["De afspraak eindigt vóór de ondertekening: kies een einddatum erna."],
    }
    with pytest.raises(ValidationError) as outside:
        services.cooperation_agreement_record(
            actor=world.user(PM),
            approach=world.approach,
            kind=AgreementKind.COOPERATION,
            title="Convenant",
            parties=[world.coordinator_org, world.other_partner],  # a partner of the other approach
            signed_on=today,
        )
    assert outside.value.message_dict == {"parties": ["Kies alleen organisaties die aan deze aanpak verbonden zijn."]}
    assert not CooperationAgreement.objects.exists()


def estimates_url(world) -> str:
    return reverse("assessment:estimates", args=[world.approach.pk])


def agreements_url(world) -> str:
    return reverse("assessment:agreements", args=[world.approach.pk])


def test_the_forms_record_and_show_dutch_errors(world, client) -> None:
    client.force_login(world.user(PM))
    page = client.post(estimates_url(world), {"families": "veel", "estimated_on": "", "source": ""}).content.decode()
    assert "Vul een heel getal in." in page and "Vul de datum van de schatting in." in page
    assert "Waar komt de schatting vandaan?" in page
    today = timezone.localdate()
    response = client.post(
        estimates_url(world), {"families": "85", "estimated_on": today.isoformat(), "source": "Wijkanalyse"}
    )
    assert response.status_code == 302 and PopulationEstimate.objects.get().families == 85
    assert "Wijkanalyse" in client.get(estimates_url(world)).content.decode()

    data = {
        "kind": AgreementKind.COOPERATION,
        "title": "Samenwerkingsconvenant",
        "parties": [world.coordinator_org.pk, world.professional_org.pk],
        "signed_on": today.isoformat(),
        "document": SimpleUploadedFile("convenant.exe", b"MZ"),
    }
    page = client.post(agreements_url(world), data).content.decode()
    assert "Alleen pdf, Word, Excel, OpenDocument, tekst of een afbeelding (png, jpg)." in page
    page = client.post(agreements_url(world), {**data, "document": "", "parties": []}).content.decode()
    assert "Kies de organisaties die de afspraak tekenden." in page
    assert not CooperationAgreement.objects.exists()
    data["document"] = SimpleUploadedFile("convenant.pdf", b"%PDF-1.4 getekend")
    assert client.post(agreements_url(world), data).status_code == 302
    agreement = CooperationAgreement.objects.get()
    page = client.get(agreements_url(world)).content.decode()
    assert "Samenwerkingsconvenant" in page and "Geldig" in page
    document_url = reverse("assessment:agreement_document", args=[world.approach.pk, agreement.pk])
    assert document_url in page

    # the inspectorate reads the register and the document, but records nothing
    client.force_login(world.user(INSP))
    page = client.get(agreements_url(world)).content.decode()
    assert "Samenwerkingsconvenant" in page and "Afspraak vastleggen" not in page
    assert b"".join(client.get(document_url).streaming_content) == b"%PDF-1.4 getekend"  # type: ignore[attr-defined]
    assert client.post(agreements_url(world), data).status_code == 404
    delete_url = reverse("assessment:agreement_delete", args=[world.approach.pk, agreement.pk])
    assert client.post(delete_url).status_code == 404
    assert CooperationAgreement.objects.exists()


def test_who_does_not_see_the_assessment_sees_nothing(world, client) -> None:
    client.force_login(world.user(COORD))
    assert client.get(estimates_url(world)).status_code == 404
    assert client.get(agreements_url(world)).status_code == 404
    client.force_login(world.user(POLICY))
    assert client.get(reverse("assessment:agreements", args=[world.other_approach.pk])).status_code == 404
