"""Error pages (issue 11 §7): 400, 403, 404 and 500 in Dutch, in the app's own layout, with a way back; never
Django's debug page or English text in production."""

import pytest
from django.test import Client, override_settings

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.ops.urls_failing")]

ENGLISH = ["Not Found", "Server Error", "Forbidden", "Bad Request", "The requested resource", "Traceback"]


def assert_dutch_page_in_layout(content: str, code: str, heading: str) -> None:
    assert f"Foutcode {code}" in content and heading in content
    assert 'lang="nl"' in content and "utrecht-page-header" in content and "utrecht-page-footer" in content
    assert "gr-theme" in content and "/static/vendor/nlds-voorbeeld/theme.css" in content
    assert 'href="/"' in content  # the way back
    assert not [word for word in ENGLISH if word in content]


@pytest.mark.parametrize(
    ("path", "status", "heading"),
    [
        ("/bestaat-niet/", 404, "Deze pagina bestaat niet"),
        ("/verboden/", 403, "U heeft geen toegang tot deze pagina"),
        ("/verdacht/", 400, "Dit verzoek kan Gezinsregie niet verwerken"),
        ("/kapot/", 500, "Er ging iets mis aan onze kant"),
    ],
)
def test_each_error_page_is_dutch_and_in_the_layout(path: str, status: int, heading: str) -> None:
    response = Client(raise_request_exception=False).get(path)
    assert response.status_code == status
    assert_dutch_page_in_layout(response.content.decode(), str(status), heading)


def test_the_500_page_tells_nothing_of_the_error() -> None:
    content = Client(raise_request_exception=False).get("/kapot/").content.decode()
    assert "boom" not in content and "RuntimeError" not in content


def test_a_refused_form_gets_the_dutch_csrf_page() -> None:
    response = Client(enforce_csrf_checks=True).post("/inloggen/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert_dutch_page_in_layout(response.content.decode(), "403", "Het formulier is verlopen")


@override_settings(DEBUG=False)
def test_a_signed_in_user_keeps_the_navigation_on_a_404(django_user_model) -> None:
    user = django_user_model.objects.create_user(username="iemand", password="x" * 12)
    client = Client()
    client.force_login(user)
    content = client.get("/bestaat-niet/").content.decode()
    assert "Ingelogd als" in content and "Deze pagina bestaat niet" in content
