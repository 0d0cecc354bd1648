"""The contact journal (Casework II item 9): who had contact with the family, how, when, and a short note."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from gezinsregie.accounts.models import Role
from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.casework import services
from gezinsregie.casework.models import Contact, ContactKind
from tests.factories import MemberFactory

TODAY = timezone.localdate


def test_the_coordinator_records_a_home_visit_with_whom(world) -> None:
    family = world.family("coordinated")
    child = MemberFactory(family=family)
    contact = services.contact_record(
        actor=world.user(Role.COORDINATOR),
        family=family,
        kind=ContactKind.HOME_VISIT,
        happened_on=TODAY(),
        note="Plan doorgenomen aan de keukentafel.",
        members=[child],
    )
    assert (contact.by, list(contact.members.all()), contact.reached) == (world.user(Role.COORDINATOR), [child], True)
    assert AccessLogEntry.objects.filter(action="contact.record", family_id=family.pk).count() == 1


def test_nobody_at_the_door_needs_no_note_but_is_not_a_contact_reached(world) -> None:
    contact = services.contact_record(
        actor=world.user(Role.COORDINATOR),
        family=world.family("coordinated"),
        kind=ContactKind.NO_ANSWER,
        happened_on=TODAY(),
        note="",
    )
    assert not contact.reached


@pytest.mark.parametrize(
    ("kind", "days", "note", "field", "message"),
    [
        (ContactKind.PHONE, 0, "  ", "note", "Schrijf in een paar woorden op wat er besproken is."),
        (ContactKind.PHONE, -1, "Gebeld", "happened_on", "Een contact kan niet in de toekomst hebben plaatsgevonden."),
        (ContactKind.PHONE, 400, "Gebeld", "happened_on", "Deze datum ligt vóór de aanmelding van het gezin."),
        (ContactKind.PHONE, 0, "x" * 2001, "note", "Houd de notitie kort: ten hoogste 2000 tekens."),
    ],
)
def test_impossible_contacts_are_refused_in_dutch(world, kind, days, note, field, message) -> None:
    with pytest.raises(ValidationError) as refused:
        services.contact_record(
            actor=world.user(Role.COORDINATOR),
            family=world.family("coordinated"),
            kind=kind,
            happened_on=TODAY() - timedelta(days=days),
            note=note,
        )
    assert refused.value.message_dict[field] == [message]
    assert not Contact.objects.exists()


def test_a_member_of_another_family_is_refused(world) -> None:
    stranger = MemberFactory(family=world.family("consented"))
    with pytest.raises(ValidationError, match="Kies alleen gezinsleden van dit gezin"):
        services.contact_record(
            actor=world.user(Role.COORDINATOR),
            family=world.family("coordinated"),
            kind=ContactKind.PHONE,
            happened_on=TODAY(),
            note="Gebeld",
            members=[stranger],
        )


@pytest.mark.parametrize("role", [Role.PROFESSIONAL, Role.INTAKE, Role.POLICY_OFFICER, Role.INSPECTOR])
def test_only_who_steers_the_family_records_contacts(world, role) -> None:
    with pytest.raises(PermissionDenied):
        services.contact_record(
            actor=world.user(role),
            family=world.family("coordinated"),
            kind=ContactKind.PHONE,
            happened_on=TODAY(),
            note="Gebeld",
        )


def test_the_journal_page_lists_and_adds(world, login) -> None:
    family = world.family("coordinated")
    client = login(world.user(Role.COORDINATOR))
    url = reverse("casework:contacts", kwargs={"family_id": family.pk})
    assert "Nog geen contactmomenten vastgelegd." in client.get(url).content.decode()

    refused = client.post(url, {"kind": ContactKind.PHONE, "happened_on": TODAY().isoformat(), "note": ""})
    assert "Schrijf in een paar woorden op wat er besproken is." in refused.content.decode()
    response = client.post(url, {"kind": ContactKind.HOME_VISIT, "happened_on": TODAY().isoformat(), "note": "Thee"})
    assert response.status_code == 302
    assert "Thee" in client.get(url).content.decode()


def test_an_involved_professional_reads_the_journal_but_cannot_add(world, login) -> None:
    family = world.family("consented")
    services.contact_record(
        actor=world.user(Role.PROCESS_MANAGER), family=family, kind=ContactKind.PHONE, happened_on=TODAY(), note="Hoi"
    )
    client = login(world.user(Role.PROFESSIONAL))
    url = reverse("casework:contacts", kwargs={"family_id": family.pk})
    page = client.get(url).content.decode()
    assert "Hoi" in page and "Contactmoment vastleggen" not in page
    assert (
        client.post(url, {"kind": ContactKind.PHONE, "happened_on": TODAY().isoformat(), "note": "x"}).status_code
        == 404
    )
    assert Contact.objects.count() == 1
