"""Responses no cache may keep (issue 12 §11, ASVS 4.0 V8.2.1): nearly every page and API answer holds personal
data — a family, a caseload, the access log — so none is stored by a browser or a proxy, unless a view said
otherwise itself. Static files do not pass through here."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control


class NoStoreMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, no_store=True, private=True)
        return response
