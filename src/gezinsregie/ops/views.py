"""Health endpoints for load balancers and orchestrators (issue 11 §2). Public on purpose: they answer a machine
that cannot sign in, and say nothing but states (no personal data, no counts, no versions)."""

from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from gezinsregie.ops import selectors


@never_cache
@require_GET
def alive(request: HttpRequest) -> JsonResponse:
    """/gezond/ (liveness): the process answers. Touches nothing else, so a slow database never gets a healthy
    process restarted."""
    return JsonResponse({"status": "gezond"})


@never_cache
@require_GET
def ready(request: HttpRequest) -> JsonResponse:
    """/gereed/ (readiness): database reachable, migrations applied, a worker's heartbeat recent. 503 otherwise,
    so the load balancer sends no traffic here yet."""
    checks = selectors.readiness()
    ok = all(check.ok for check in checks)
    return JsonResponse(
        {
            "status": "gereed" if ok else "niet gereed",
            "controles": {check.name: {"ok": check.ok, "toelichting": check.detail} for check in checks},
        },
        status=200 if ok else 503,
    )
