"""Views that fail on purpose, for the error-page tests (tests/ops/test_error_pages.py)."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import HttpRequest, HttpResponse
from django.urls import include, path


def broken(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("boom")


def forbidden(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied


def suspicious(request: HttpRequest) -> HttpResponse:
    raise SuspiciousOperation("vreemd")


urlpatterns = [
    path("kapot/", broken),
    path("verboden/", forbidden),
    path("verdacht/", suspicious),
    path("", include("gezinsregie.urls")),
]
