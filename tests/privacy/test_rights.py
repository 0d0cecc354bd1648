"""Issue 12 §9, the rights of the family: everything held on it (JSON and a readable PDF) for the privacy officer,
rectification with a trail, and the retention task that erases a family's personal data once its retention period
has passed — keeping the aggregates and the published inspection results what they were."""

from datetime import date, timedelta

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models
from django.urls import reverse
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import Role
from gezinsregie.accounts.system import SystemPurpose, system_actor
from gezinsregie.assessment.models import StoredResult
from gezinsregie.assessment.services import assessment_recompute
from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.casework.models import Contact, Episode, FamilyStatus, Member, NetworkPerson
from gezinsregie.casework.models.contact import ContactKind
from gezinsregie.casework.models.network import NetworkInfluence, NetworkTie
from gezinsregie.inspections.models import Finding, Judgement
from gezinsregie.privacy import erasure, services
from gezinsregie.privacy.export import export_of
from gezinsregie.privacy.models import Erasure, Rectification, RetentionPeriod
from gezinsregie.privacy.selectors import family_paths
from tests.factories import ActionFactory, ConsentFactory, GoalFactory, InspectionFactory, MemberFactory, ProblemFactory

pytestmark = pytest.mark.django_db

PLANTED = ["Sanne", "Bakkerstraat 12", "06-12345678", "oma.joke@example.nl", "Joke", "Mo heeft schulden bij Henk"]


def test_every_field_of_every_record_held_on_a_family_is_erased_or_kept_on_purpose() -> None:
    """A new model that hangs off a family, or a new text field, is refused until it is placed in privacy.erasure."""
    placed = {**erasure.KEEP}
    for table in (erasure.ERASE, erasure.BIRTH_YEAR):
        for label, names in table.items():
            assert not names & placed.get(label, frozenset()), label  # in one table only
            placed[label] = placed.get(label, frozenset()) | names
    kinds = (models.CharField, models.TextField, models.JSONField, models.FileField, models.DateField)
    wanted = {}
    for model in family_paths():
        names = {f.name for f in model._meta.concrete_fields if isinstance(f, kinds) and not f.choices}
        if names:
            wanted[model._meta.label] = frozenset(names)
    assert wanted == {label: names for label, names in placed.items() if names}


def test_the_term_counts_whole_years_from_the_end_of_the_last_episode() -> None:
    assert erasure.retention_ends_on(date(2004, 2, 29), 21) == date(2025, 2, 28)
    assert erasure.retention_ends_on(date(2004, 2, 29), 20) == date(2024, 2, 29)
    assert not erasure.due(ended_on=date(2005, 6, 1), years=20, today=date(2025, 5, 31))
    assert erasure.due(ended_on=date(2005, 6, 1), years=20, today=date(2025, 6, 1))
    assert erasure.birth_year_only(date(2011, 3, 14)) == date(2011, 7, 1)


def closed_family(world, *, years_ago: int):
    """A family of municipality A, closed `years_ago` years ago, with texts, contacts, a network and a scan."""
    today = timezone.localdate()
    family = world.family("coordinated")
    closed = today.replace(year=today.year - years_ago) - timedelta(days=1)
    family.status, family.closed_on = FamilyStatus.CLOSED, closed
    family.name, family.address = "Gezin Bakker", "Bakkerstraat 12, Zeldenbroek"
    family.save()
    Episode.objects.filter(family=family).update(closed_on=closed)
    child = MemberFactory(family=family, first_name="Sanne", last_name="Bakker", birth_date=date(2011, 3, 14))
    problem = ProblemFactory(family=family, member=child, description="Mo heeft schulden bij Henk")
    ActionFactory(goal=GoalFactory(plan__family=family, problem=problem, description="Sanne gaat naar school"),
                  owner_name="Joke", description="Joke belt 06-12345678")  # fmt: skip
    NetworkPerson.objects.create(
        family=family, name="Joke", tie=NetworkTie.FAMILY, relation="oma", influence=NetworkInfluence.SUPPORTIVE,
        phone="06-12345678", email="oma.joke@example.nl", recorded_on=closed - timedelta(days=300),
        recorded_by=world.user(Role.COORDINATOR),
    )  # fmt: skip
    Contact.objects.create(
        family=family, kind=ContactKind.HOME_VISIT, happened_on=closed - timedelta(days=30),
        note="Huisbezoek Bakkerstraat 12: Sanne was thuis", by=world.user(Role.COORDINATOR),
    )  # fmt: skip
    consent = ConsentFactory(family=family, signed_by="J. Bakker")
    consent.scan.save("toestemming.pdf", ContentFile(b"%PDF-1.4 handtekening"), save=True)
    return family, consent.scan.name


def test_the_retention_task_erases_what_names_the_family_and_keeps_what_is_counted(world) -> None:
    family, scan = closed_family(world, years_ago=21)
    system = system_actor(SystemPurpose.BACKGROUND_TASKS)
    published = InspectionFactory(approach=family.approach)
    overall = Finding.objects.create(
        inspection=published, judgement=Judgement.MET, text="Gezinnen worden snel gestart.", order=1,
        updated_by=world.user(Role.INSPECTOR),
    )  # fmt: skip
    assessment_recompute(actor=system, approach=family.approach)
    before = dict(StoredResult.objects.filter(family=family).values_list("key", "outcome"))
    assert before and all(word in export_of(family).as_json() for word in PLANTED)

    assert services.families_erase_due(actor=system, today=timezone.localdate()) == 1

    family.refresh_from_db()
    held = export_of(family).as_json()
    assert not [word for word in PLANTED if word in held], "an identifier survived the erasure"
    assert family.reference in held and family.closed_on is not None  # what the numbers need stays
    assert Member.objects.get(family=family, last_name=erasure.ERASED).birth_date == date(2011, 7, 1)
    assert not default_storage.exists(scan)
    record = Erasure.objects.get(family=family)
    assert record.files_deleted == 1 and record.fields_erased >= len(PLANTED)
    # the aggregates: the next recomputation leaves the erased family's results as they were
    assessment_recompute(actor=system, approach=family.approach)
    assert dict(StoredResult.objects.filter(family=family).values_list("key", "outcome")) == before
    overall.refresh_from_db()
    assert overall.text == "Gezinnen worden snel gestart."  # a published result about the approach is untouched
    # nobody sees the family any more, and the next run erases nothing twice
    assert not policy.families_for(world.user(Role.COORDINATOR)).filter(pk=family.pk).exists()
    assert services.families_erase_due(actor=system, today=timezone.localdate()) == 0
    assert AccessLogEntry.objects.filter(action="family.erase", family_id=family.pk).count() == 1


def test_a_family_inside_its_term_is_kept_and_an_approachs_own_term_counts(world) -> None:
    family, _scan = closed_family(world, years_ago=6)
    system = system_actor(SystemPurpose.BACKGROUND_TASKS)
    assert services.families_erase_due(actor=system, today=timezone.localdate()) == 0  # 20 years by default
    RetentionPeriod.objects.create(approach=family.approach, years=5, basis="Besluit van het college")
    assert services.families_erase_due(actor=system, today=timezone.localdate()) == 1


def test_only_the_retention_task_erases(world) -> None:
    family, _scan = closed_family(world, years_ago=21)
    with pytest.raises(policy.PermissionDenied):
        services.family_erase(
            actor=world.user(Role.PRIVACY_OFFICER), family=family, ended_on=family.closed_on, years=20,
            today=timezone.localdate(),
        )  # fmt: skip
    assert not Erasure.objects.exists()


def test_the_privacy_officer_downloads_everything_held_on_the_family_and_it_is_logged(world, client) -> None:
    family, _scan = closed_family(world, years_ago=2)
    client.force_login(world.user(Role.COORDINATOR))
    assert client.get(reverse("privacy:export_json", args=[family.pk])).status_code == 404
    client.force_login(world.user(Role.PRIVACY_OFFICER))
    page = client.get(reverse("privacy:family", args=[family.pk])).content.decode()
    assert "Inzage als PDF" in page
    response = client.get(reverse("privacy:export_json", args=[family.pk]))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    data = response.json()
    text = response.content.decode()
    assert data["gezin"] == family.reference and all(word in text for word in PLANTED)
    assert {"Gezinsleden", "Problemen"} <= {part["soort"] for part in data["onderdelen"]}
    pdf = client.get(reverse("privacy:export_pdf", args=[family.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert AccessLogEntry.objects.filter(action="family.export", family_id=family.pk).count() == 2
    assert "no-store" in response["Cache-Control"]


def test_a_correction_keeps_what_it_said_and_refuses_what_cannot_be_meant(world, client) -> None:
    family = world.family("coordinated")
    member = MemberFactory(family=family, first_name="Sane", last_name="Bakker", birth_date=date(2011, 3, 14))
    client.force_login(world.user(Role.COORDINATOR))
    url = reverse("privacy:rectify", args=[family.pk])
    what = f"lid:{member.pk}:first_name"
    refused = client.post(url, {"what": what, "value": "Sanne", "reason": ""})
    assert "Schrijf op waarom" in refused.content.decode() and not Rectification.objects.exists()
    future = client.post(url, {"what": f"lid:{member.pk}:birth_date", "value": "2099-01-01", "reason": "typfout"})
    assert "niet in de toekomst" in future.content.decode()
    done = client.post(url, {"what": what, "value": "Sanne", "reason": "Op verzoek van moeder: typfout"})
    assert done.status_code == 302
    member.refresh_from_db()
    assert member.first_name == "Sanne"
    trail = Rectification.objects.get(family=family)
    assert (trail.old_value, trail.new_value, trail.by) == ("Sane", "Sanne", world.user(Role.COORDINATOR))
    assert AccessLogEntry.objects.filter(action="family.rectify", family_id=family.pk).exists()
    client.force_login(world.user(Role.PRIVACY_OFFICER))
    assert "Op verzoek van moeder" in client.get(reverse("privacy:family", args=[family.pk])).content.decode()
    client.force_login(world.user(Role.PROFESSIONAL))  # may not edit the family
    assert client.get(url).status_code == 404


def test_a_bsn_is_corrected_only_by_who_sees_it_and_its_trail_keeps_it_masked(world, client) -> None:
    """Issue 12 §12 with §9: a wrong BSN can be corrected or removed after registration — by whoever may see it in
    full (VIEW_BSN), validated, only where the approach records one; the trail never holds it in full."""
    world.approach.bsn_allowed = True
    world.approach.save()
    family = world.family("coordinated")
    member = MemberFactory(family=family, first_name="Sanne", bsn="111222333")
    url = reverse("privacy:rectify", args=[family.pk])
    what = f"lid:{member.pk}:bsn"
    client.force_login(world.user(Role.COORDINATOR))
    assert what in client.get(url).content.decode()  # offered to the coordinator, who may see it
    invalid = client.post(url, {"what": what, "value": "123456789", "reason": "typfout"})
    assert "elfproef" in invalid.content.decode() and not Rectification.objects.exists()
    done = client.post(url, {"what": what, "value": "1234.56.782", "reason": "Nummer van het paspoort overgenomen"})
    assert done.status_code == 302
    member.refresh_from_db()
    assert member.bsn == "123456782"
    trail = Rectification.objects.get(family=family)
    assert (trail.old_value, trail.new_value) == ("●●●●●23 33", "●●●●●67 82")
    assert "111222333" not in str(vars(trail)) and "123456782" not in str(vars(trail))
    removed = client.post(url, {"what": what, "value": "", "reason": "Geen grondslag voor dit gezinslid"})
    assert removed.status_code == 302
    member.refresh_from_db()
    assert member.bsn == "" and Rectification.objects.latest("pk").new_value == "(verwijderd)"
    with pytest.raises(PermissionDenied):  # may edit the family, may not see the BSN: may not correct it either
        services.family_rectify(
            actor=world.user(Role.PROCESS_MANAGER),
            family=family,
            member=member,
            field="bsn",
            value="111222333",
            reason="x",
            today=timezone.localdate(),
        )
    world.approach.bsn_allowed = False
    world.approach.save()
    assert what not in client.get(url).content.decode()  # no legal basis: not offered
    refused = client.post(url, {"what": what, "value": "111222333", "reason": "terugzetten"})
    assert "Kies" in refused.content.decode()  # not a choice of the form here
    member.refresh_from_db()
    assert member.bsn == ""


def test_the_erasure_tables_name_only_models_that_exist() -> None:
    for table in (erasure.ERASE, erasure.KEEP, erasure.BIRTH_YEAR):
        for label in table:
            assert apps.get_model(label) in family_paths(), label
