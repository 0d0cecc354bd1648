"""Round tables of a family: the list, recording one (its agreements become plan actions), and its minutes."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache

from gezinsregie import policy
from gezinsregie.accounts.request import actor_of
from gezinsregie.audit import services as audit
from gezinsregie.common.forms import apply_errors
from gezinsregie.common.idempotency import idempotent
from gezinsregie.plans import selectors, services
from gezinsregie.plans.forms import MeetingForm
from gezinsregie.plans.forms.voices import MeetingVoices
from gezinsregie.plans.services import StalePlanError
from gezinsregie.plans.views.common import _plan_or_404

VIEW, EDIT = policy.Permission.VIEW, policy.Permission.EDIT


@never_cache
@login_required
@idempotent
def meetings(request: HttpRequest, family_id: UUID) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=VIEW)
    plan = _plan_or_404(family)
    can_edit = policy.can(actor, EDIT, family)
    today = timezone.localdate()
    agenda = selectors.agenda_of(family, plan, today=today)
    initial = {"version": plan.version, "held_on": today, "minutes": f"Agenda:\n{agenda.text}\n\nBesproken:\n"}
    form = MeetingForm(request.POST or None, family=family, plan=plan, today=today, initial=initial)
    voices = MeetingVoices(request.POST or None, selectors.asked_at_a_meeting(family, today=today))
    status = 200
    if request.method == "POST":
        if not can_edit:
            raise Http404
        answered = voices.is_valid()  # every form validated, so each shows its own errors
        if form.is_valid() and answered:
            data = form.cleaned_data
            try:
                meeting = services.meeting_record(
                    actor=actor,
                    plan=plan,
                    expected_version=data["version"],
                    held_on=data["held_on"],
                    chair=data["chair"],
                    attendees=list(data["attendees"]),
                    members=list(data["members"]),
                    network=data["network"],
                    minutes=data["minutes"],
                    agreements=[
                        services.AgreementInput(goal=goal, description=text, owner=owner, due_on=due_on)
                        for goal, text, owner, due_on in data["agreement_rows"]
                    ],
                    partner_voices=voices.voices(),
                )
            except StalePlanError as stale:
                form.add_error(None, str(stale))
                status = 409
            except ValidationError as error:
                apply_errors(form, error)
            else:
                agreed = len(data["agreement_rows"])
                stand = ngettext(
                    "%(n)d afspraak staat als actie in het plan", "%(n)d afspraken staan als actie in het plan", agreed
                ) % {"n": agreed}
                messages.success(request, f"Het overleg is vastgelegd; {stand}.")
                return redirect("plans:meeting", family_id=family.pk, meeting_id=meeting.pk)
    context = {
        "family": family,
        "plan": plan,
        "meetings": selectors.meetings_of(family),
        "case_meetings": selectors.case_meetings_of_family(family),
        "agenda": agenda,
        "form": form,
        "voices": voices.rows,
        "can_edit": can_edit,
    }
    return render(request, "plans/meetings.html", context, status=status)


@never_cache
@login_required
def meeting(request: HttpRequest, family_id: UUID, meeting_id: int) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=VIEW)
    found = selectors.meetings_of(family).filter(pk=meeting_id).first()
    if found is None:
        raise Http404
    audit.record(actor=actor, action="meeting.view", family=family, obj=found)
    return render(request, "plans/meeting.html", {"family": family, "meeting": found})
