from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from gezinsregie.audit import context, services


def client_ip(request: HttpRequest) -> str | None:
    # Behind a reverse proxy the peer is the proxy; trust X-Forwarded-For only when configured to (docs/scaling.md),
    # and then only the entry our proxy appended (the last): the ones before it the client can write itself.
    if getattr(settings, "TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR") or None


class AccessContextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        channel = "api" if request.path.startswith("/api/") else "web"
        token = context.current.set(
            context.AccessContext(channel=channel, ip_address=client_ip(request), path=request.path[:500])
        )
        services.forget_denials()
        try:
            return self.get_response(request)
        finally:
            services.flush_denials()  # a refusal that rolled its transaction back is logged all the same
            context.current.reset(token)
