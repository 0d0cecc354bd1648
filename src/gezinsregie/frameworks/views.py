from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from gezinsregie import policy
from gezinsregie.accounts.request import actor_of
from gezinsregie.frameworks import selectors
from gezinsregie.frameworks.models import Framework, LifeDomainSet


@login_required
def index(request: HttpRequest) -> HttpResponse:
    policy.ensure(actor_of(request), policy.Permission.VIEW_FRAMEWORK)
    frameworks = selectors.frameworks_with_tree()
    context = {
        "frameworks": frameworks,
        "can_compare": len(frameworks) > 1,
        "domain_sets": LifeDomainSet.objects.prefetch_related("domains", "scale"),
    }
    return render(request, "frameworks/index.html", context)


@login_required
def compare(request: HttpRequest) -> HttpResponse:
    policy.ensure(actor_of(request), policy.Permission.VIEW_FRAMEWORK)
    frameworks = list(Framework.objects.order_by("key"))
    by_key = {f.key: f for f in frameworks}
    left = by_key.get(request.GET.get("links", ""), frameworks[0] if frameworks else None)
    right = by_key.get(request.GET.get("rechts", ""), frameworks[-1] if frameworks else None)
    if left is None or right is None:
        raise Http404
    context = {
        "frameworks": frameworks,
        "left": left,
        "right": right,
        "rows": selectors.compare_frameworks(left, right),
    }
    return render(request, "frameworks/compare.html", context)
