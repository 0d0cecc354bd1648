"""POST /api/v1/aanmeldingen/ (issue 12 §6): no existence oracle, and a rate limit per user.

The finding: a partner without any family learned for any surname whether the family was known and its status
(409 with reference and status, 20 of 20 tried). Now every aanmelding the caller may not see the family of gets
the same status code and body shape; reference and status only for who may see the family (policy VIEW).
"""

import json
from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from gezinsregie.accounts.models import Role
from gezinsregie.casework import services
from gezinsregie.casework.models import Family, FamilyStatus, PendingReferral
from tests.factories import FamilyFactory, MemberFactory

URL = "/api/v1/aanmeldingen/"
pytestmark = pytest.mark.django_db


def body(world: Any, family_name: str = "Gezin Zwartbroek", **extra: Any) -> dict[str, Any]:
    last_name = family_name.removeprefix("Gezin ")
    return {
        "approach": world.approach.pk,
        "family_name": family_name,
        "members": [
            {"first_name": "Sanne", "last_name": last_name, "birth_date": "1985-03-01", "relation": "parent"},
            {"first_name": "Anna", "last_name": last_name, "birth_date": "2015-09-01", "relation": "child"},
        ],
        "source": "school",
        "reason": "Veel schoolverzuim.",
        "domains": list(world.approach.life_domain_set.domains.values_list("key", flat=True)[:1]),
        "referred_on": (timezone.localdate() - timedelta(days=1)).isoformat(),
    } | extra


def post(client: Client, data: dict[str, Any]) -> Any:
    return client.post(URL, json.dumps(data), content_type="application/json")


def known(world: Any, surname: str, status: str) -> Family:
    family = FamilyFactory(approach=world.approach, name=f"Gezin {surname}", status=status)
    MemberFactory(family=family, last_name=surname, birth_date=date(2015, 9, 1))
    return family


def test_a_partner_cannot_tell_a_known_family_from_an_unknown_one(world, login):
    client = login(world.user(Role.PROFESSIONAL))
    statuses = [s.value for s in FamilyStatus]
    families = [known(world, f"Bekend{i}", status) for i, status in enumerate(statuses)]

    answers = [post(client, body(world, f"Gezin Bekend{i}")) for i in range(len(families))]
    answers += [post(client, body(world, f"Gezin Onbekend{i}")) for i in range(3)]

    assert {a.status_code for a in answers} == {201}
    shapes = {(tuple(sorted(a.json())), a.json()["detail"], a.json()["family"]) for a in answers}
    assert shapes == {(("detail", "family", "received_on"), services.RECEIVED, None)}
    text = " ".join(a.content.decode() for a in answers)
    assert not any(f.reference in text for f in families)
    assert not any(str(FamilyStatus(s).label) in text or f'"{s}"' in text for s in statuses)
    assert PendingReferral.objects.count() == len(families)  # each waits for the intake team to link it
    assert Family.objects.filter(name__startswith="Gezin Onbekend").count() == 3


def test_who_may_see_the_known_family_gets_its_reference_and_status(world, login):
    family = known(world, "Zwartbroek", FamilyStatus.ACTIVE)

    response = post(login(world.user(Role.PROCESS_MANAGER)), body(world))

    assert response.status_code == 409
    assert response.json()["matches"] == [{"reference": family.reference, "status": "active"}]


def test_who_may_see_the_new_family_is_told_its_reference(world, login):
    response = post(login(world.user(Role.PROCESS_MANAGER)), body(world))

    assert response.status_code == 201
    family = Family.objects.get(name="Gezin Zwartbroek")
    assert response.json()["family"] == {"id": str(family.pk), "reference": family.reference, "status": "registered"}


def test_registrations_are_rate_limited_per_user_with_a_dutch_message(world, login):
    client = login(world.user(Role.PROFESSIONAL))
    for _ in range(services.REGISTRATIONS_PER_HOUR):
        assert post(client, body(world, reason="")).status_code == 400  # counted all the same

    response = post(client, body(world))

    assert response.status_code == 429
    assert response.json()["detail"].startswith(
        f"U heeft het maximum van {services.REGISTRATIONS_PER_HOUR} aanmeldingen per uur bereikt."
    )
    assert "Retry-After" in response
    assert not Family.objects.filter(name="Gezin Zwartbroek").exists()
    other = post(login(world.user(Role.COORDINATOR)), body(world))
    assert other.status_code == 201  # the limit is per user
