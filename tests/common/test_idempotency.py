"""One submission per form (common.idempotency): a second POST with the same token creates nothing."""

import pytest
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template import Context, Template
from django.test import RequestFactory

from gezinsregie.common import idempotency
from gezinsregie.common.models import SubmissionToken
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


class Created:
    """A create view: every valid POST makes one more thing; an empty name is invalid (200, nothing made)."""

    def __init__(self) -> None:
        self.made: list[str] = []

    def __call__(self, request: HttpRequest) -> HttpResponse:
        name = request.POST.get("naam", "")
        if not name:
            return HttpResponse("Vul een naam in.", status=200)
        self.made.append(name)
        return redirect(f"/dingen/{len(self.made)}/")


def _post(user: object, data: dict[str, str]) -> HttpRequest:
    request = RequestFactory().post("/dingen/nieuw/", data)
    request.user = user  # type: ignore[assignment]
    request.session = SessionStore()
    request._messages = FallbackStorage(request)  # type: ignore[attr-defined]
    return request


def test_the_template_tag_renders_a_fresh_hidden_token_each_time() -> None:
    template = Template("{% load idempotency %}{% submission_token %}")
    first, second = template.render(Context()), template.render(Context())
    assert f'name="{idempotency.FIELD}" value=""' in first and " hidden " in first
    assert 'src="/static/common/idempotency.js"' in first
    assert first.split("data-gr-token=")[1][:34] != second.split("data-gr-token=")[1][:34]


def test_a_second_post_with_the_same_token_goes_to_what_the_first_made() -> None:
    user, view = UserFactory(), Created()
    wrapped = idempotency.idempotent(view)
    token = idempotency.issue()
    first = wrapped(_post(user, {"naam": "a", idempotency.FIELD: token}))
    again = _post(user, {"naam": "a", idempotency.FIELD: token})
    second = wrapped(again)
    assert view.made == ["a"]
    assert (first["Location"], second["Location"]) == ("/dingen/1/", "/dingen/1/")
    assert [str(m) for m in get_messages(again)] == [idempotency.ALREADY_SENT]
    assert SubmissionToken.objects.get().result_url == "/dingen/1/"


def test_invalid_input_lets_the_token_go_so_the_corrected_form_can_be_sent() -> None:
    user, view = UserFactory(), Created()
    wrapped = idempotency.idempotent(view)
    token = idempotency.issue()
    assert wrapped(_post(user, {"naam": "", idempotency.FIELD: token})).status_code == 200
    assert not SubmissionToken.objects.exists()
    wrapped(_post(user, {"naam": "b", idempotency.FIELD: token}))
    assert view.made == ["b"]


def test_without_a_token_or_with_a_new_one_each_post_creates() -> None:
    user, view = UserFactory(), Created()
    wrapped = idempotency.idempotent(view)
    wrapped(_post(user, {"naam": "c"}))
    wrapped(_post(user, {"naam": "c"}))
    wrapped(_post(user, {"naam": "d", idempotency.FIELD: idempotency.issue()}))
    wrapped(_post(user, {"naam": "d", idempotency.FIELD: idempotency.issue()}))
    assert view.made == ["c", "c", "d", "d"]


def test_a_token_is_bound_to_its_user() -> None:
    view = Created()
    wrapped = idempotency.idempotent(view)
    token = idempotency.issue()
    wrapped(_post(UserFactory(), {"naam": "e", idempotency.FIELD: token}))
    other = wrapped(_post(UserFactory(), {"naam": "f", idempotency.FIELD: token}))
    assert view.made == ["e"]  # the token is taken; the other user is sent back to the form, nothing made
    assert other["Location"] == "/dingen/nieuw/"


def test_an_htmx_repeat_redirects_the_page() -> None:
    user, view = UserFactory(), Created()
    wrapped = idempotency.idempotent(view)
    token = idempotency.issue()
    wrapped(_post(user, {"naam": "g", idempotency.FIELD: token}))
    request = _post(user, {"naam": "g", idempotency.FIELD: token})
    request.META["HTTP_HX_REQUEST"] = "true"
    response = wrapped(request)
    assert (response.status_code, response["HX-Redirect"]) == (204, "/dingen/1/")


@pytest.mark.django_db
def test_the_periodic_checks_remove_tokens_older_than_a_month() -> None:
    from datetime import timedelta

    from django.utils import timezone

    user = UserFactory()
    old = SubmissionToken.objects.create(token=idempotency.issue(), user=user, path="/a/")
    new = SubmissionToken.objects.create(token=idempotency.issue(), user=user, path="/b/")
    SubmissionToken.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=31))
    assert idempotency.tokens_prune() == 1
    assert list(SubmissionToken.objects.values_list("pk", flat=True)) == [new.pk]
