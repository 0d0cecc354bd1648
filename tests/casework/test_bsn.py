"""The BSN, handled as the law asks (issue 12 §12): the 11-proef (pure, with hypothesis), stored only where the
approach has a legal basis, masked on the family page but for VIEW_BSN, every display logged, the duplicate check
deciding on it first, and never in full in an export, the API or the inspector's view (docs/security.md)."""

import json
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from gezinsregie.accounts.models import Role
from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.casework import bsn, services
from gezinsregie.casework.models import Member, PendingReferral
from gezinsregie.casework.rules import MemberInput
from gezinsregie.privacy import erasure
from gezinsregie.privacy.export import export_of
from tests.casework.test_services_registration import ANNA, SANNE, register
from tests.casework.test_views_registration import registration
from tests.casework.view_helpers import REGISTER_URL
from tests.factories import MemberFactory

VALID = "123456782"  # 9·1 + 8·2 + 7·3 + 6·4 + 5·5 + 4·6 + 3·7 + 2·8 − 2 = 154 = 14·11
OTHER = "111222333"  # 66 = 6·11
WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2)

# --- the 11-proef, pure ----------------------------------------------------------------------------------------


def test_known_numbers():
    assert bsn.is_valid(VALID) and bsn.is_valid(OTHER)
    assert not bsn.is_valid("123456789")
    assert not bsn.is_valid("000000000")  # passes the sum, is nobody's
    assert not bsn.is_valid("12345678")  # eight digits only after normalising
    assert not bsn.is_valid("١٢٣٤٥٦٧٨٢")  # Arabic-Indic digits are digits to Python, not to the law


def test_what_a_typed_number_stands_for():
    assert bsn.normalise(" 1234.56.782 ") == VALID
    assert bsn.normalise("1234-56-782") == VALID
    assert bsn.normalise("11222333") == "011222333"  # eight digits: a leading zero
    assert bsn.problem("") is None and bsn.problem("   ") is None
    assert bsn.problem("1234 56 789") == bsn.INVALID
    assert bsn.problem("12345678x") == bsn.INVALID


def test_masked_and_shown():
    assert bsn.masked(VALID) == "●●●●●67 82"
    assert bsn.shown(VALID) == "1234.56.782"
    assert bsn.masked("") == ""


eight_digits = st.lists(st.integers(0, 9), min_size=8, max_size=8)


def _complete(digits: list[int]) -> str | None:
    check = sum(w * d for w, d in zip(WEIGHTS, digits, strict=True)) % 11
    return "".join(map(str, [*digits, check])) if check < 10 else None


@given(eight_digits)
def test_the_check_digit_is_what_the_11_proef_asks(digits):
    number = _complete(digits)
    if number is None:  # no ninth digit makes these eight a BSN
        assert not any(bsn.is_valid("".join(map(str, digits)) + str(d)) for d in range(10))
    elif set(number) != {"0"}:
        assert bsn.is_valid(number)


@given(eight_digits, st.integers(0, 8), st.integers(1, 9))
def test_one_wrong_digit_is_always_caught(digits, position, shift):
    number = _complete(digits)
    if number is None:
        return
    wrong = list(number)
    wrong[position] = str((int(wrong[position]) + shift) % 10)
    assert not bsn.is_valid("".join(wrong))


@given(eight_digits, st.integers(0, 7))
def test_two_swapped_neighbours_are_always_caught(digits, position):
    number = _complete(digits)
    if number is None or number[position] == number[position + 1]:
        return
    swapped = list(number)
    swapped[position], swapped[position + 1] = swapped[position + 1], swapped[position]
    assert not bsn.is_valid("".join(swapped))


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_the_mask_shows_four_digits_at_most(number):
    shown = bsn.masked(number)
    assert sum(ch.isdigit() for ch in shown) == 4
    assert shown.replace(" ", "").endswith(number[-4:])


# --- stored only where the approach may -----------------------------------------------------------------------


def allow(approach):
    approach.bsn_allowed, approach.bsn_legal_basis = True, "Jeugdwet art. 7.4.4"
    approach.save()


@pytest.mark.django_db
def test_an_approach_needs_its_legal_basis_to_store_a_bsn(world):
    world.approach.bsn_allowed = True
    with pytest.raises(ValidationError) as refused:
        world.approach.full_clean()
    assert "wettelijke grondslag" in str(refused.value)


@pytest.mark.django_db
def test_a_member_gets_a_bsn_only_where_the_approach_allows_it_and_only_a_valid_one(world):
    member = MemberFactory(family=world.family("coordinated"))
    member.bsn = VALID
    with pytest.raises(ValidationError) as refused:
        member.full_clean()
    assert bsn.NOT_ALLOWED in str(refused.value)

    allow(world.approach)
    member.family.approach.refresh_from_db()
    member.bsn = "123456789"
    with pytest.raises(ValidationError) as refused:
        member.full_clean()
    assert bsn.INVALID in str(refused.value)
    member.bsn = VALID
    member.full_clean()


@pytest.mark.django_db
def test_registration_refuses_a_bsn_without_a_legal_basis_and_writes_nothing(world):
    with pytest.raises(ValidationError) as refused:
        register(world, members=[MemberInput(**{**SANNE.__dict__, "bsn": VALID}), ANNA])
    assert bsn.NOT_ALLOWED in str(refused.value)
    assert not Member.objects.filter(bsn=VALID).exists()


@pytest.mark.django_db
def test_registration_stores_the_bsn_where_allowed(world):
    allow(world.approach)
    family = register(
        world, world.user(Role.PROCESS_MANAGER), members=[MemberInput(**{**SANNE.__dict__, "bsn": VALID})]
    )
    assert family.members.get().bsn == VALID


# --- the duplicate check: a BSN decides first ------------------------------------------------------------------


@pytest.mark.django_db
def test_a_bsn_match_is_a_candidate_even_with_another_name_and_birth_date(world):
    allow(world.approach)
    known = register(world, world.user(Role.PROCESS_MANAGER), members=[MemberInput(**{**SANNE.__dict__, "bsn": VALID})])
    renamed = MemberInput(
        first_name="S.", last_name="Jansen", birth_date=date(1986, 1, 2), relation="parent", bsn=VALID
    )

    with pytest.raises(services.DuplicateFamilyError) as duplicate:
        register(world, world.user(Role.PROCESS_MANAGER), family_name="Gezin Jansen", members=[renamed])
    assert duplicate.value.matches == [known]
    # a partner who may not see the family is told nothing, and the intake team gets the aanmelding to link
    held = register(world, world.user(Role.PROFESSIONAL), family_name="Gezin Jansen", members=[renamed])
    assert isinstance(held, PendingReferral) and list(held.candidates.all()) == [known]
    assert held.members[0]["bsn"] == VALID


@pytest.mark.django_db
def test_two_different_numbers_are_two_people_despite_name_and_birth_date(world):
    allow(world.approach)
    pm = world.user(Role.PROCESS_MANAGER)
    register(world, pm, members=[MemberInput(**{**SANNE.__dict__, "bsn": VALID})])
    namesake = MemberInput(**{**SANNE.__dict__, "bsn": OTHER})

    family = register(world, pm, family_name="Gezin Anders", members=[namesake])

    assert family.members.get().bsn == OTHER
    # without a BSN on one side, name and birth date still count
    with pytest.raises(services.DuplicateFamilyError):
        register(world, pm, family_name="Gezin Derde", members=[SANNE])


# --- masked on the family page, shown on request and logged ------------------------------------------------


@pytest.fixture
def with_bsn(world):
    allow(world.approach)
    family = world.family("coordinated")
    member = MemberFactory(family=family, bsn=VALID)
    return family, member


@pytest.mark.django_db
def test_the_family_page_shows_the_bsn_masked_and_the_coordinator_may_show_it(world, login, with_bsn):
    family, member = with_bsn
    client = login(world.user(Role.COORDINATOR))

    page = client.get(f"/gezinnen/{family.pk}/").content.decode()

    assert "●●●●●67 82" in page and VALID not in page and "1234.56.782" not in page
    assert "Toon BSN" in page
    shown = client.post(f"/gezinnen/{family.pk}/leden/{member.pk}/bsn/")
    assert shown.status_code == 200 and "1234.56.782" in shown.content.decode()
    assert shown["Cache-Control"] == "no-store"
    entry = AccessLogEntry.objects.get(action="member.bsn_show")
    assert entry.user_id == world.user(Role.COORDINATOR).pk and entry.family_id == family.pk
    assert entry.object_id == str(member.pk) and entry.role


@pytest.mark.django_db
def test_who_sees_the_family_but_not_the_bsn_gets_it_masked_and_no_way_to_show_it(world, login, with_bsn):
    family, member = with_bsn
    client = login(world.user(Role.PROCESS_MANAGER))

    page = client.get(f"/gezinnen/{family.pk}/").content.decode()

    assert "●●●●●67 82" in page and VALID not in page and "Toon BSN" not in page
    assert client.post(f"/gezinnen/{family.pk}/leden/{member.pk}/bsn/").status_code == 404
    assert client.get(f"/gezinnen/{family.pk}/leden/{member.pk}/bsn/").status_code == 405
    assert not AccessLogEntry.objects.filter(action="member.bsn_show").exists()
    assert AccessLogEntry.objects.filter(action="denied.view_bsn", user_id=world.user(Role.PROCESS_MANAGER).pk)


@pytest.mark.django_db
def test_the_registration_form_asks_the_bsn_only_where_allowed_and_in_dutch(world, login):
    client = login(world.user(Role.PROFESSIONAL))
    assert "lid-0-bsn" not in client.get(f"{REGISTER_URL}?aanpak={world.approach.pk}").content.decode()

    allow(world.approach)
    assert "lid-0-bsn" in client.get(f"{REGISTER_URL}?aanpak={world.approach.pk}").content.decode()
    wrong = client.post(REGISTER_URL, registration(world, **{"lid-0-bsn": "123456789"}))
    assert bsn.INVALID in wrong.content.decode()
    client.post(REGISTER_URL, registration(world, **{"lid-0-bsn": "1234 56 782"}))
    assert Member.objects.get(first_name="Sanne").bsn == VALID


# --- never in full in an export, the API or the erasure's leftovers -----------------------------------------------


@pytest.mark.django_db
def test_the_familys_own_export_shows_it_masked(world, with_bsn):
    family, _member = with_bsn
    exported = export_of(family)
    text = exported.as_json()
    assert VALID not in text and "●●●●●67 82" in text
    assert any(dict(r.fields).get("Burgerservicenummer") == "●●●●●67 82" for s in exported.sections for r in s.rows)


@pytest.mark.django_db
def test_the_api_does_not_give_the_bsn(world, with_bsn):
    family, _member = with_bsn
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(world.user(Role.COORDINATOR))
    response = client.get(f"/api/v1/gezinnen/{family.pk}/")
    assert response.status_code == 200
    body = json.dumps(response.json())
    assert VALID not in body and "bsn" not in body


def test_the_retention_erases_the_bsn():
    assert "bsn" in erasure.ERASE["casework.Member"]
