"""The notification list of the logged-in user; opening it marks everything read."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from gezinsregie.accounts.request import actor_of
from gezinsregie.notifications import selectors, services

PAGE = 100


@never_cache
@login_required
def index(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    shown = list(selectors.notifications_of(actor=actor)[:PAGE])
    services.notifications_mark_read(actor=actor)
    return render(request, "notifications/index.html", {"notifications": shown})
