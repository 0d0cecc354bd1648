"""The log search and the patterns page show their errors in the error summary, each a link to its field
(issue 14 §3); the error stays beside the field too."""

import pytest
from django.urls import reverse

from gezinsregie.accounts.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(world, login):
    return login(world.user(Role.PRIVACY_OFFICER))


@pytest.mark.parametrize("url", ["audit:search", "audit:patterns"])
def test_a_wrong_period_links_to_the_end_date(officer, url):
    page = officer.get(reverse(url), {"van": "2025-02-01", "tot": "2025-01-01"}).content.decode()

    assert "data-error-summary" in page
    assert '<a class="utrecht-link" href="#id_tot">Tot en met: De periode klopt niet' in page
    assert 'id="id_tot-fout"' in page and 'id="id_tot"' in page


def test_an_impossible_date_and_an_unknown_family_are_both_listed(officer):
    response = officer.get(reverse("audit:search"), {"van": "2025-02-31"})
    page = response.content.decode()
    assert 'href="#id_van">Van: Voer een geldige datum in.' in page and 'id="id_van-fout"' in page
    assert response.context["page"] is None

    page = officer.get(reverse("audit:search"), {"kenmerk": "GR-X9999"}).content.decode()
    assert 'href="#id_kenmerk">Kenmerk van het gezin: Geen gezin met kenmerk GR-X9999' in page
    assert 'id="id_kenmerk-fout"' in page


def test_an_empty_search_shows_no_summary(officer):
    assert "data-error-summary" not in officer.get(reverse("audit:search")).content.decode()
