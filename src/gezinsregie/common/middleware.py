"""Middleware of the floor.

NoStoreMiddleware: responses no cache may keep (issue 12 §11, ASVS 4.0 V8.2.1): nearly every page and API answer
holds personal data — a family, a caseload, the access log — so none is stored by a browser or a proxy, unless a
view said otherwise itself. Static files do not pass through here.

RequestSizeLimitMiddleware: too large a request body is refused before it is read (issue 12 §10)."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.cache import patch_cache_control
from django.utils.html import escape


class NoStoreMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, no_store=True, private=True)
        return response


def size_in_words(size: int) -> str:
    """12 MB, 64 kB: a limit as a person reads it."""
    if size >= 1024 * 1024:
        return f"{size // (1024 * 1024)} MB"
    return f"{size // 1024} kB"


class RequestSizeLimitMiddleware:
    """Refuse a request whose body is larger than REQUEST_BODY_MAX_SIZE before a byte of it is read (issue 12 §10):
    an upload of 200 MB is answered 413 at once, not buffered first. Django reads no more than the Content-Length
    a request declares, so that header is what is checked. Place it before anything that reads the body (CSRF)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        api = request.path.startswith("/api/")  # the API takes JSON only, no files
        limit = int(settings.DATA_UPLOAD_MAX_MEMORY_SIZE if api else settings.REQUEST_BODY_MAX_SIZE)
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = -1
        if declared < 0:
            return self._refuse(request, "De lengte van het verzoek (Content-Length) is ongeldig.", status=400)
        if declared > limit:
            return self._refuse(request, f"Het verzoek is te groot: hoogstens {size_in_words(limit)}.", status=413)
        return self.get_response(request)

    def _refuse(self, request: HttpRequest, message: str, *, status: int) -> HttpResponse:
        if request.path.startswith("/api/"):
            response: HttpResponse = JsonResponse({"detail": message}, status=status)
        else:
            page = f'<!doctype html><html lang="nl"><title>{escape(message)}</title><p>{escape(message)}</p></html>'
            response = HttpResponse(page, status=status, content_type="text/html; charset=utf-8")
        return response
