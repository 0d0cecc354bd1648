"""The login page shows its errors in the error summary like every form (issue 14 §3): a wrong password under its
own heading, an empty field as a link to that field."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_wrong_password_is_summarised_under_its_own_heading(client) -> None:
    user = UserFactory()

    page = client.post(reverse("login"), {"username": user.username, "password": "fout"}).content.decode()

    assert "data-error-summary" in page and "Gebruikersnaam of wachtwoord onjuist." in page
    assert page.count("data-error-summary") == 1


def test_an_empty_field_links_to_that_field(client) -> None:
    page = client.post(reverse("login"), {"username": "", "password": ""}).content.decode()

    assert "Niet verstuurd: herstel 2 fouten." in page
    assert 'href="#id_username">Gebruikersnaam: ' in page and 'id="id_username-fout"' in page
    assert 'href="#id_password">Wachtwoord: ' in page and 'id="id_password"' in page


def test_the_empty_login_page_shows_no_summary(client) -> None:
    assert "data-error-summary" not in client.get(reverse("login")).content.decode()
