"""Password reset by e-mail (issue 12 §1, ASVS 2.5): Django's views with Dutch pages, links to SITE_URL, and the
same answer for an address nobody has (no user enumeration)."""

import re

import pytest
from django.core import mail
from django.test import override_settings

from gezinsregie.accounts.views import RESETS_PER_ADDRESS, RESETS_PER_NETWORK
from tests.accounts.helpers import person, sign_in, signed_in_as

pytestmark = pytest.mark.django_db
RESET = "/wachtwoord-vergeten/"


@override_settings(SITE_URL="https://gezinsregie.example.nl")
def test_a_known_address_gets_a_link_that_sets_a_new_password_once(client, django_capture_on_commit_callbacks):
    user = person(email="regisseur@zeldenbroek.example")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(RESET, {"email": "REGISSEUR@zeldenbroek.example"})

    assert response.status_code == 302 and response["Location"] == "/wachtwoord-vergeten/verstuurd/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["regisseur@zeldenbroek.example"]
    assert message.subject == "Nieuw wachtwoord voor Gezinsregie"
    link = re.search(r"https://gezinsregie\.example\.nl(/wachtwoord-herstellen/\S+/)", message.body).group(1)

    form = client.get(link, follow=True)
    assert "Nieuw wachtwoord kiezen" in form.content.decode()
    new = "een-heel-nieuw-wachtwoord-2025"
    done = client.post(form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert done["Location"] == "/wachtwoord-herstellen/klaar/"

    assert sign_in(client, user, password=new).status_code == 302
    assert signed_in_as(client) == user.pk
    client.logout()
    assert "werkt niet meer" in client.get(link, follow=True).content.decode()  # used once


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, django_capture_on_commit_callbacks):
    person(email="regisseur@zeldenbroek.example")
    with django_capture_on_commit_callbacks(execute=True):
        unknown = client.post(RESET, {"email": "niemand@zeldenbroek.example"})
        known = client.post(RESET, {"email": "regisseur@zeldenbroek.example"})

    assert unknown.status_code == known.status_code == 302
    assert unknown["Location"] == known["Location"]
    assert len(mail.outbox) == 1  # only the known address
    page = client.get(unknown["Location"]).content.decode()
    assert "Als er een account met dit e-mailadres is" in page


def test_the_login_page_links_to_the_reset(client):
    assert RESET in client.get("/inloggen/").content.decode()


def test_one_address_gets_at_most_three_mails_an_hour_with_the_same_answer(client, django_capture_on_commit_callbacks):
    """Issue 12 §1: nobody floods a colleague's inbox; the fourth request looks the same and sends nothing."""
    person(email="regisseur@zeldenbroek.example")
    with django_capture_on_commit_callbacks(execute=True):
        answers = [client.post(RESET, {"email": "regisseur@zeldenbroek.example"}) for _ in range(4)]
    assert {(a.status_code, a["Location"]) for a in answers} == {(302, "/wachtwoord-vergeten/verstuurd/")}
    assert len(mail.outbox) == RESETS_PER_ADDRESS == 3


def test_one_network_is_told_to_wait_after_too_many_requests(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for i in range(RESETS_PER_NETWORK):
            assert client.post(RESET, {"email": f"iemand{i}@zeldenbroek.example"}).status_code == 302
        refused = client.post(RESET, {"email": "nog.een@zeldenbroek.example"})
        other = client.post(RESET, {"email": "nog.een@zeldenbroek.example"}, REMOTE_ADDR="192.0.2.7")
    assert refused.status_code == 429 and "te vaak een nieuw wachtwoord aangevraagd" in refused.content.decode()
    assert other.status_code == 302  # another network is not held up
