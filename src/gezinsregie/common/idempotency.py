"""One submission per form: Back + send again must not create a second family, goal or action (issue 14 §1).

A create form carries a token issued when the form is rendered (`{% load idempotency %}{% submission_token %}`,
a hidden field). The view is wrapped in `@idempotent`: the first POST with a token claims it (SubmissionToken,
unique) and, when the view created something (it answered with a redirect, or set `response.submission_result`),
keeps where the result is. A second POST with the same token creates nothing: it goes to what the first created,
with the message "Dit formulier was al verstuurd". When the first POST did not create anything (invalid input)
the claim is let go, so the corrected form can be sent.

A POST without a token (the API, a client that predates it) is handled as before.
"""

import uuid
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from gezinsregie.common.models import SubmissionToken

FIELD = "formulier_token"
ALREADY_SENT = (
    "Dit formulier was al verstuurd. Er is niets opnieuw aangemaakt; hier staat wat de eerste keer is gemaakt."
)
View = Callable[..., HttpResponse]


KEPT_DAYS = 30  # long enough for any Back + send again; after it a sent form's token is removed


def tokens_prune(*, now: Any = None) -> int:
    """Remove the tokens of forms sent more than KEPT_DAYS ago (the periodic checks); how many went."""
    from datetime import timedelta

    from django.utils import timezone

    cutoff = (now or timezone.now()) - timedelta(days=KEPT_DAYS)
    deleted, _ = SubmissionToken.objects.filter(created_at__lt=cutoff).delete()
    return deleted


def issue() -> str:
    """A fresh token for one rendering of a form. Nothing is stored until the form is sent."""
    return uuid.uuid4().hex


def token_of(request: HttpRequest) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(request.POST.get(FIELD, "")))
    except ValueError:
        return None


def result_of(response: HttpResponse) -> str:
    """Where what the view created can be seen: its redirect, or what it said itself (an htmx partial)."""
    said = getattr(response, "submission_result", "")
    if said:
        return str(said)
    if response.status_code in {301, 302, 303}:
        return str(response["Location"])
    return ""


def _go(request: HttpRequest, url: str) -> HttpResponse:
    messages.info(request, ALREADY_SENT)
    if request.headers.get("HX-Request"):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return redirect(url)


def idempotent(view: View) -> View:
    """Wrap a create view: one POST per rendered form."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        token = token_of(request) if request.method == "POST" else None
        if token is None or not request.user.is_authenticated:
            return view(request, *args, **kwargs)
        earlier = SubmissionToken.objects.filter(token=token, user=request.user).first()
        if earlier is not None:
            return _go(request, earlier.result_url or request.get_full_path())
        try:
            with transaction.atomic():
                claim = SubmissionToken.objects.create(token=token, user=request.user, path=request.path[:300])
        except IntegrityError:  # the same form, sent twice at once: the first is being handled
            return _go(request, request.get_full_path())
        try:
            response = view(request, *args, **kwargs)
        except BaseException:
            claim.delete()
            raise
        if url := result_of(response):
            claim.result_url = url[:500]
            claim.save(update_fields=["result_url"])
        else:
            claim.delete()  # nothing was created: the corrected form may be sent with the same token
        return response

    return wrapper
