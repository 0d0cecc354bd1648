"""A partner's signal that a family in aftercare or closed needs the approach again (terugmelding)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from gezinsregie import policy
from gezinsregie.accounts.request import actor_of
from gezinsregie.common.forms import submit
from gezinsregie.trajectory import forms, services

Permission = policy.Permission


@never_cache
@login_required
def signal(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    if not policy.approaches_for(actor, Permission.RAISE_SIGNAL).exists():
        raise PermissionDenied
    form = forms.SignalForm(request.POST or None)
    if request.method == "POST" and submit(form, lambda d: services.signal_raise(actor=actor, **d)):
        # the partner learns no more about the family than they said: only that the signal arrived
        messages.success(request, "Dank u. Het signaal is doorgegeven aan de procesmanager van de aanpak.")
        return redirect("trajectory_signal:signal")
    return render(request, "trajectory/signal.html", {"form": form})
