from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gezinsregie import policy
from gezinsregie.accounts.request import actor_of
from gezinsregie.frameworks import selectors
from gezinsregie.frameworks.models import LifeDomainSet


@login_required
def index(request: HttpRequest) -> HttpResponse:
    policy.ensure(actor_of(request), policy.Action.VIEW_FRAMEWORK)
    context = {
        "frameworks": selectors.frameworks_with_tree(),
        "domain_sets": LifeDomainSet.objects.prefetch_related("domains", "scale"),
    }
    return render(request, "frameworks/index.html", context)
