"""Overdue agreements: the open actions of professionals past their date, per organisation and professional."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from gezinsregie import policy
from gezinsregie.accounts.models import Role
from gezinsregie.accounts.request import actor_of
from gezinsregie.audit import services as audit
from gezinsregie.plans import selectors


@never_cache
@login_required
def overdue(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    membership = policy.membership_in_role(actor, Role.COORDINATOR, Role.PROCESS_MANAGER)
    if membership is None:
        raise Http404
    actions = selectors.overdue_actions(policy.families_for(actor, policy.Permission.EDIT), today=timezone.localdate())
    families = list({a.goal.plan.family_id: a.goal.plan.family for a in actions}.values())
    audit.record_many(actor=actor, action="plan.overdue_list", families=families, membership=membership)
    context = {"actions": actions, "lines": selectors.overdue_per_owner(actions), "today": timezone.localdate()}
    return render(request, "plans/overdue.html", context)
