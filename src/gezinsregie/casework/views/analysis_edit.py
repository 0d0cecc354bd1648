"""Changing the problem analysis afterwards (issue 14 §1): correct or remove a problem with the trail kept, and mark
a member or a life domain "geen problemen" so the analysis gap closes."""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from gezinsregie import policy
from gezinsregie.accounts.request import actor_of
from gezinsregie.casework import services
from gezinsregie.casework.forms_analysis import NoProblemsForm, ProblemChangeForm, ProblemRemoveForm
from gezinsregie.casework.models import Family
from gezinsregie.common.forms import apply_errors

Permission = policy.Permission


def context(family: Family) -> dict[str, Any]:
    """What the analysis page adds for these changes (a family the caller got through policy.access_family)."""
    return {
        "no_problems": family.no_problem_findings.select_related("member", "domain", "noted_by"),
        "no_problems_form": NoProblemsForm(family=family),
        "problem_changes": family.problem_changes.select_related("changed_by"),
    }


@login_required
@require_http_methods(["GET", "POST"])
def problem_edit(request: HttpRequest, family_id: UUID, problem_id: int) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=Permission.EDIT)
    problem = get_object_or_404(family.problems.select_related("member", "domain"), pk=problem_id)
    initial = {
        "description": problem.description,
        "severity": problem.severity,
        "chronic": problem.chronic,
        "own_strength": problem.own_strength,
        "family_participated": problem.family_participated,
    }
    change_form = ProblemChangeForm(request.POST if "wijzigen" in request.POST else None, initial=initial)
    remove_form = ProblemRemoveForm(request.POST if "verwijderen" in request.POST else None)
    if request.method == "POST":
        try:
            if "wijzigen" in request.POST and change_form.is_valid():
                services.problem_change(actor=actor, problem=problem, **change_form.cleaned_data)
                messages.success(request, "Het probleem is gewijzigd; hoe het was, staat in de geschiedenis.")
                return redirect("casework:analysis", family_id=family.pk)
            if "verwijderen" in request.POST and remove_form.is_valid():
                services.problem_remove(actor=actor, problem=problem, **remove_form.cleaned_data)
                messages.success(request, "Het probleem is uit de analyse gehaald; de geschiedenis bewaart het.")
                return redirect("casework:analysis", family_id=family.pk)
        except ValidationError as invalid:
            apply_errors(remove_form if "verwijderen" in request.POST else change_form, invalid)
    context = {"family": family, "problem": problem, "change_form": change_form, "remove_form": remove_form}
    return render(request, "casework/problem_edit.html", context)


@login_required
@require_POST
def no_problems(request: HttpRequest, family_id: UUID) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=Permission.EDIT)
    form = NoProblemsForm(request.POST, family=family)
    if form.is_valid():
        member, domain = form.chosen()
        try:
            services.no_problems_note(
                actor=actor, family=family, member=member, domain=domain, note=form.cleaned_data["note"]
            )
        except ValidationError as invalid:
            messages.error(request, " ".join(invalid.messages))
        else:
            messages.success(request, f"Vastgelegd: geen problemen bij {member or domain}.")
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("casework:analysis", family_id=family.pk)


@login_required
@require_POST
def no_problems_withdraw(request: HttpRequest, family_id: UUID, finding_id: int) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=Permission.EDIT)
    finding = get_object_or_404(family.no_problem_findings, pk=finding_id)
    services.no_problems_withdraw(actor=actor, finding=finding)
    messages.success(request, "‘Geen problemen’ is ingetrokken.")
    return redirect("casework:analysis", family_id=family.pk)
