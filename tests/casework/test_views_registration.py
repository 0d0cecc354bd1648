"""Casework screens (casework/views.py), registration, through the Django test client: who gets which page, what
a POST writes, and that a refused POST keeps what the user typed.
"""

from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from gezinsregie.accounts.models import Role
from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.casework import services
from gezinsregie.casework.models import (
    Family,
    FamilyStatus,
    Member,
    PendingReferral,
    Referral,
)
from tests.casework.view_helpers import PM, PROF, REGISTER_URL, html, today

pytestmark = pytest.mark.django_db

# --- registration ---------------------------------------------------------------------------------

SANNE = ("Sanne", "Zwartbroek", "1985-03-01", "parent")
ANNA = ("Anna", "Zwartbroek", "2015-09-01", "child")


def registration(world: Any, rows: list[tuple[str, str, str, str]] | None = None, **extra: Any) -> dict[str, Any]:
    rows = [SANNE, ANNA] if rows is None else rows
    data: dict[str, Any] = {
        "approach": world.approach.pk,
        "family_name": "Gezin Zwartbroek",
        "address": "Dorpsstraat 1",
        "neighbourhood": "Noord",
        "source": "school",
        "reason": "Veel schoolverzuim en huurachterstand.",
        "domains": [d.pk for d in world.approach.life_domain_set.domains.order_by("order")[:2]],
        "urgency": "normal",
        "referred_on": today(),
        "lid-TOTAL_FORMS": str(len(rows)),
        "lid-INITIAL_FORMS": "0",
        "lid-MIN_NUM_FORMS": "1",
        "lid-MAX_NUM_FORMS": "15",
    }
    for i, (first_name, last_name, birth_date, relation) in enumerate(rows):
        data |= {
            f"lid-{i}-first_name": first_name,
            f"lid-{i}-last_name": last_name,
            f"lid-{i}-birth_date": birth_date,
            f"lid-{i}-relation": relation,
        }
    return data | extra


def counts() -> tuple[int, int, int]:
    return Family.objects.count(), Member.objects.count(), Referral.objects.count()


def test_a_professional_gets_the_registration_form_for_the_approach_they_partner_in(world, login):
    response = login(world.user(PROF)).get(REGISTER_URL)

    assert response.status_code == 200
    assert response.context["approach"] == world.approach
    assert 'name="family_name"' in html(response)
    assert 'name="lid-0-first_name"' in html(response)


@pytest.mark.parametrize("role", [Role.POLICY_OFFICER, Role.INSPECTOR, Role.PRIVACY_OFFICER])
def test_who_may_not_register_gets_404_on_the_registration_page(world, login, role):
    client = login(world.user(role))
    assert client.get(REGISTER_URL).status_code == 404
    assert client.post(REGISTER_URL, registration(world)).status_code == 404
    assert Family.objects.count() == len(world.families)


def test_the_registration_page_needs_a_login(world, client):
    response = client.get(REGISTER_URL)
    assert response.status_code == 302
    assert "inloggen" in response["Location"]


def test_a_child_older_than_its_parent_is_asked_about_beside_the_child_and_the_input_is_kept(world, login):
    before = counts()

    response = login(world.user(PROF)).post(
        REGISTER_URL, registration(world, [SANNE, ("Anna", "Zwartbroek", "1980-01-01", "child")])
    )

    assert response.status_code == 200
    page = html(response)
    warning = "Anna is als kind opgegeven maar is niet jonger dan ouder Sanne. Klopt dit?"
    child = response.context["members"].forms[1]
    assert child.errors["birth_date"] == [warning]  # beside Anna, not under "Gezin"
    assert not response.context["form"].errors
    assert 'name="lid-1-klopt"' in page and 'name="lid-0-klopt"' not in page
    assert 'href="#id_lid-1-birth_date"' in page  # the error summary links to her birth date
    assert 'value="Anna"' in page
    assert 'value="Sanne"' in page
    assert 'value="1980-01-01"' in page
    assert 'value="Gezin Zwartbroek"' in page
    assert "Veel schoolverzuim en huurachterstand." in page
    assert counts() == before


def test_a_confirmed_warning_registers_the_family(world, login):
    rows = [("Sanne", "Zwartbroek", "2010-03-01", "parent"), ("Anna", "Zwartbroek", "2025-06-01", "child")]
    # a parent of 15: unlikely, not impossible
    client = login(world.user(PM))
    first = client.post(REGISTER_URL, registration(world, rows))
    assert "Sanne is 15 jaar en als ouder opgegeven. Klopt dit?" in html(first)
    assert not Family.objects.filter(name="Gezin Zwartbroek").exists()

    unchecked = client.post(REGISTER_URL, registration(world, rows, **{"lid-0-klopt": ""}))
    assert unchecked.status_code == 200  # asked again until it is confirmed
    confirmed = client.post(REGISTER_URL, registration(world, rows, **{"lid-0-klopt": "on"}))

    family = Family.objects.get(name="Gezin Zwartbroek")
    assert confirmed["Location"] == reverse("web:family", kwargs={"family_id": family.pk})


def test_a_member_born_in_the_future_is_an_error_beside_that_member(world, login):
    future = (timezone.localdate() + timedelta(days=3)).isoformat()
    response = login(world.user(PROF)).post(
        REGISTER_URL, registration(world, [SANNE, ("Anna", "Zwartbroek", future, "child")], family_name="")
    )
    assert response.context["members"].forms[1].errors["birth_date"]
    assert response.context["form"].errors["family_name"]  # every error at once, the family's and the member's
    assert 'name="lid-1-klopt"' not in html(response)  # an error is not confirmed away


def test_a_future_referral_date_is_shown_on_its_field(world, login):
    future = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = login(world.user(PROF)).post(REGISTER_URL, registration(world, referred_on=future))
    assert response.status_code == 200
    assert response.context["form"].errors["referred_on"] == ["De datum van aanmelding ligt in de toekomst."]
    assert f'value="{future}"' in html(response)
    assert Family.objects.filter(name="Gezin Zwartbroek").count() == 0


def test_a_valid_registration_creates_the_family_and_redirects(world, login):
    professional = world.user(PROF)

    response = login(professional).post(REGISTER_URL, registration(world))

    assert response.status_code == 302
    assert response["Location"] == reverse("web:start")  # the professional may not see the family itself
    family = Family.objects.get(name="Gezin Zwartbroek")
    assert family.status == FamilyStatus.REGISTERED
    assert sorted(family.members.values_list("first_name", flat=True)) == ["Anna", "Sanne"]
    [referral] = family.referrals.all()
    assert (referral.referred_by, referral.organisation) == (professional, world.professional_org)
    assert referral.domains.count() == 2


def test_a_process_manager_registering_is_sent_to_the_family(world, login):
    response = login(world.user(PM)).post(REGISTER_URL, registration(world))
    family = Family.objects.get(name="Gezin Zwartbroek")
    assert response.status_code == 302
    assert response["Location"] == reverse("web:family", args=[family.pk])


def test_registering_the_same_family_twice_shows_the_known_family_to_who_may_see_it(world, login):
    client = login(world.user(PM))
    client.post(REGISTER_URL, registration(world))
    known = Family.objects.get(name="Gezin Zwartbroek")
    before = counts()

    response = client.post(REGISTER_URL, registration(world))

    assert response.status_code == 200
    page = html(response)
    assert "Dit gezin lijkt al bekend" in page
    assert f'name="bekend_gezin" value="{known.pk}"' in page
    assert known.reference in page
    assert counts() == before
    assert AccessLogEntry.objects.filter(action="family.duplicate_shown", family_id=known.pk).count() == 1


def test_a_partner_gets_the_same_answer_whether_or_not_the_family_is_known(world, login):
    """Issue 12 §6: the same redirect and words for a new family and for one the partner may not see."""
    login(world.user(PM)).post(REGISTER_URL, registration(world), follow=True)  # its message read
    known = Family.objects.get(name="Gezin Zwartbroek")
    client = login(world.user(PROF))
    rows = [("Karel", "Oudeman", "1980-01-01", "parent")]
    new = client.post(REGISTER_URL, registration(world, rows, family_name="Gezin Oudeman"), follow=True)
    before = counts()

    again = client.post(REGISTER_URL, registration(world), follow=True)

    assert new.redirect_chain == again.redirect_chain == [(reverse("web:start"), 302)]
    said = [[str(m) for m in r.context["messages"]] for r in (new, again)]
    assert said[0] == said[1] == [services.RECEIVED]
    assert known.reference not in html(again)
    assert "Dit gezin lijkt al bekend" not in html(again)
    assert counts() == before  # no second family: the aanmelding waits for the intake team
    [pending] = PendingReferral.objects.all()
    assert list(pending.candidates.all()) == [known]


def test_a_partner_cannot_add_to_a_known_family_it_was_not_shown(world, login):
    client = login(world.user(PM))
    client.post(REGISTER_URL, registration(world))
    known = Family.objects.get(name="Gezin Zwartbroek")

    response = login(world.user(PROF)).post(REGISTER_URL, registration(world, bekend_gezin=str(known.pk)))

    assert response.status_code == 200
    assert "Het gekozen bekende gezin komt niet overeen met deze aanmelding." in html(response)
    assert known.referrals.count() == 1


def test_choosing_the_known_family_adds_the_referral_to_it(world, login):
    client = login(world.user(PM))
    client.post(REGISTER_URL, registration(world))
    known = Family.objects.get(name="Gezin Zwartbroek")

    response = client.post(REGISTER_URL, registration(world, bekend_gezin=str(known.pk)))

    assert response.status_code == 302
    assert Family.objects.filter(name="Gezin Zwartbroek").count() == 1
    assert known.referrals.count() == 2


def test_choosing_a_family_that_does_not_match_is_refused(world, login):
    client = login(world.user(PROF))
    unrelated = world.family("coordinated")

    response = client.post(REGISTER_URL, registration(world, bekend_gezin=str(unrelated.pk)))

    assert response.status_code == 200
    assert "Het gekozen bekende gezin komt niet overeen met deze aanmelding." in html(response)
    assert unrelated.referrals.count() == 0


def test_confirming_it_is_another_family_registers_it_as_new(world, login):
    client = login(world.user(PM))
    client.post(REGISTER_URL, registration(world))

    response = client.post(REGISTER_URL, registration(world, toch_nieuw="1"))

    assert response.status_code == 302
    assert Family.objects.filter(name="Gezin Zwartbroek").count() == 2


def test_the_web_form_limits_registrations_per_user_in_dutch(world, login):
    client = login(world.user(PROF))
    assert client.post(REGISTER_URL, registration(world)).status_code == 302  # the first of this hour
    for _ in range(services.REGISTRATIONS_PER_HOUR - 1):
        assert services.registration_allowed(world.user(PROF))  # the rest of the hour's aanmeldingen
    before = counts()

    response = client.post(REGISTER_URL, registration(world, family_name="Gezin Teveel"))

    assert response.status_code == 200
    assert f"U heeft het maximum van {services.REGISTRATIONS_PER_HOUR} aanmeldingen per uur bereikt." in html(response)
    assert counts() == before
    other = registration(world, [("Karel", "Oudeman", "1980-01-01", "parent")], family_name="Gezin Oudeman")
    assert login(world.user(PM)).post(REGISTER_URL, other).status_code == 302  # the limit is per user


def test_adding_a_member_row_keeps_the_input_and_shows_no_errors(world, login):
    data = registration(world, [("Anna", "", "", "child")], extra_lid="1", reason="")

    response = login(world.user(PROF)).post(REGISTER_URL, data)

    assert response.status_code == 200
    page = html(response)
    assert 'value="Anna"' in page
    assert 'value="Gezin Zwartbroek"' in page
    assert 'name="lid-1-first_name"' in page
    assert 'name="lid-2-first_name"' not in page
    assert "Gezinslid 2" in page
    assert "utrecht-form-field-error-message" not in page
    assert "utrecht-alert--error" not in page
    assert response.context["members"].total_form_count() == 2
    assert Family.objects.filter(name="Gezin Zwartbroek").count() == 0
