"""Issue 12 §11 (ASVS V8.2.1): no page or API answer with personal data may be kept by a cache — the family, its
analysis, a caseload, the access log and the API, not only the plan pages and PDFs."""

import pytest
from django.urls import reverse

from gezinsregie.accounts.models import Role

pytestmark = pytest.mark.django_db


def test_pages_and_api_answers_with_personal_data_send_no_store(world, client) -> None:
    family = world.family("coordinated")
    client.force_login(world.user(Role.COORDINATOR))
    for url in (
        reverse("web:family", args=[family.pk]),
        reverse("casework:analysis", args=[family.pk]),
        reverse("casework:caseload"),
        "/api/v1/gezinnen/",
        f"/api/v1/gezinnen/{family.pk}/",
    ):
        response = client.get(url, HTTP_ACCEPT="application/json" if url.startswith("/api/") else "text/html")
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"], url
    client.force_login(world.user(Role.PRIVACY_OFFICER))
    response = client.get(reverse("audit:search"))
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]


def test_a_view_that_says_it_itself_keeps_its_own_header(world, client) -> None:
    family = world.family("coordinated")
    client.force_login(world.user(Role.COORDINATOR))
    response = client.get(reverse("web:family", args=[family.pk]))
    assert response["Cache-Control"].count("no-store") == 1  # not added twice over a view's own never_cache
