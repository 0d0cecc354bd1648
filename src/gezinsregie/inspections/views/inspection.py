"""The overview of inspections and the inspection itself: create it, invite respondents, move it on."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from gezinsregie import policy
from gezinsregie.accounts.request import actor_of
from gezinsregie.common.forms import apply_errors
from gezinsregie.common.idempotency import idempotent
from gezinsregie.inspections import forms, selectors, services, workflow
from gezinsregie.inspections.models import (
    InspectionLevel,
    InspectionStatus,
)

Permission = policy.Permission
Status = InspectionStatus
# What the inspector reads after moving an inspection on (the other way on is publishing, with its own page).
ADVANCED: dict[str, str] = {
    Status.OPEN: "De vragenlijst staat open: de respondenten kunnen hun antwoorden invullen.",
    Status.JUDGING: "De beoordeling is gestart.",
}


@login_required
def index(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    inspections = (
        policy.inspections_for(actor, Permission.VIEW_INSPECTION)
        .select_related("approach__municipality")
        .order_by("-year", "approach__name", "level")
    )
    questionnaires = (
        policy.respondents_for(actor, Permission.ANSWER_INSPECTION)
        .select_related("inspection__approach__municipality", "organisation")
        .order_by("inspection__year", "pk")
    )
    can_start = policy.approaches_for(actor, Permission.START_INSPECTION).exists()
    if not (can_start or inspections.exists() or questionnaires.exists()):
        raise Http404
    conducting = set(policy.inspections_for(actor, Permission.CONDUCT_INSPECTION).values_list("pk", flat=True))
    concepts = policy.inspections_for(actor, Permission.RESPOND_TO_CONCEPT).select_related("approach__municipality")
    context = {
        "inspections": inspections,
        "conducting": conducting,
        "concepts": concepts,  # hoor en wederhoor: concepts the municipality may respond to
        "responding": {i.pk for i in concepts},
        "questionnaires": questionnaires,
        "can_start": can_start,
        "has_points": selectors.points_for(actor).exists(),
    }
    return render(request, "inspections/index.html", context)


@login_required
@idempotent
def create(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    approaches = policy.approaches_for(actor, Permission.START_INSPECTION).select_related("municipality")
    if not approaches.exists():
        raise Http404
    initial = {"year": timezone.localdate().year, "level": InspectionLevel.POLICY}
    form = forms.InspectionForm(request.POST or None, approaches=approaches, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            inspection = services.inspection_create(actor=actor, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"Het onderzoek '{inspection.title}' is aangemaakt.")
            return redirect("inspections:detail", inspection_id=inspection.pk)
    return render(request, "inspections/create.html", {"form": form})


@login_required
def detail(request: HttpRequest, inspection_id: int) -> HttpResponse:
    actor = actor_of(request)
    if not policy.inspections_for(actor, Permission.CONDUCT_INSPECTION).filter(pk=inspection_id).exists():
        policy.access_inspection(actor, inspection_id, action=Permission.VIEW_INSPECTION)  # 404 unless visible
        return redirect("inspections:result", inspection_id=inspection_id)
    inspection = policy.access_inspection(actor, inspection_id, action=Permission.CONDUCT_INSPECTION)
    respondents = list(inspection.respondents.select_related("organisation"))
    reviews = selectors.reviews_of(inspection, with_interviews=True)
    visible = policy.inspections_for(actor, Permission.VIEW_INSPECTION)
    context = {
        "inspection": inspection,
        "respondents": respondents,
        "submitted": sum(1 for r in respondents if r.submitted_at),
        "reviews": reviews,
        "uncovered": selectors.uncovered_keys(inspection) if workflow.can_judge(inspection) else [],
        "previous": selectors.previous_inspection(inspection, visible=visible),
        "rebuttal": selectors.rebuttal_state(inspection, today=timezone.localdate()),
        "advance_open": Status.OPEN.value,  # what the buttons post to `advance`
        "advance_judging": Status.JUDGING.value,
        **workflow.flags(inspection),
    }
    return render(request, "inspections/detail.html", context)


@login_required
@require_POST
def advance(request: HttpRequest, inspection_id: int) -> HttpResponse:
    actor = actor_of(request)
    inspection = policy.access_inspection(actor, inspection_id, action=Permission.CONDUCT_INSPECTION)
    to = request.POST.get("naar", "")
    if to not in ADVANCED:
        raise Http404
    try:
        services.inspection_advance(actor=actor, inspection=inspection, to=to)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, ADVANCED[to])
    return redirect("inspections:detail", inspection_id=inspection.pk)


@login_required
def invite(request: HttpRequest, inspection_id: int) -> HttpResponse:
    actor = actor_of(request)
    inspection = policy.access_inspection(actor, inspection_id, action=Permission.CONDUCT_INSPECTION)
    if not workflow.is_policy_level(inspection):
        raise Http404
    invited = inspection.respondents.values("organisation_id")
    candidates = selectors.invitable_organisations(inspection.approach).exclude(pk__in=invited)
    form = forms.InviteForm(request.POST or None, organisations=candidates)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.respondents_invite(
                actor=actor, inspection=inspection, organisations=list(form.cleaned_data["organisations"])
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            told = ngettext("%(n)d organisatie uitgenodigd.", "%(n)d organisaties uitgenodigd.", len(created))
            messages.success(request, told % {"n": len(created)})
            return redirect("inspections:detail", inspection_id=inspection.pk)
    context = {
        "inspection": inspection,
        "form": form,
        "respondents": inspection.respondents.select_related("organisation"),
        **workflow.flags(inspection),
    }
    return render(request, "inspections/invite.html", context)
