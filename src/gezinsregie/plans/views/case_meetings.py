"""The case meeting over many families (zorgnetwerkoverleg): the list, planning one, its agenda, one family's part.

The meeting itself (date, time, place, chair) is the approach's (policy: VIEW_CASE_MEETING, PLAN_CASE_MEETING);
every family on its agenda follows its own family rules: a reader sees only the families they may see, the others
only as a number, and a family's part is recorded by whoever may edit that family.
"""

from dataclasses import dataclass
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.accounts.request import actor_of
from gezinsregie.audit import services as audit
from gezinsregie.casework.services.coordination import coordinators_for
from gezinsregie.common.forms import apply_errors
from gezinsregie.common.idempotency import idempotent
from gezinsregie.plans import selectors
from gezinsregie.plans.forms.case_meetings import CaseMeetingForm, CaseMeetingPartForm
from gezinsregie.plans.forms.voices import MeetingVoices
from gezinsregie.plans.models import CaseMeeting
from gezinsregie.plans.services import AgreementInput, StalePlanError
from gezinsregie.plans.services import case_meetings as services

Permission = policy.Permission
VIEW, EDIT = Permission.VIEW, Permission.EDIT
PAST_SHOWN = 12  # a year of monthly meetings


def _case_meeting_or_404(actor: User, case_meeting_id: int) -> CaseMeeting:
    """The one door to a case meeting: of an approach the actor may see the case meetings of. Missing and
    forbidden look the same."""
    found = selectors.case_meetings_of(policy.approaches_for(actor, Permission.VIEW_CASE_MEETING))
    meeting = found.filter(pk=case_meeting_id).first()
    if meeting is None:
        raise Http404
    return meeting


@never_cache
@login_required
@require_GET
def case_meetings(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    approaches = policy.approaches_for(actor, Permission.VIEW_CASE_MEETING)
    if not approaches.exists():
        raise Http404
    today = timezone.localdate()
    meetings = selectors.case_meetings_of(approaches)
    context = {
        "upcoming": list(meetings.filter(held_on__gte=today).order_by("held_on", "starts_at", "pk")),
        "past": list(meetings.filter(held_on__lt=today)[:PAST_SHOWN]),
        "plannable": list(policy.approaches_for(actor, Permission.PLAN_CASE_MEETING).order_by("name")),
    }
    return render(request, "plans/case_meetings.html", context)


@never_cache
@login_required
@idempotent
def case_meeting_plan(request: HttpRequest, approach_id: int) -> HttpResponse:
    actor = actor_of(request)
    approach = policy.approaches_for(actor, Permission.PLAN_CASE_MEETING).filter(pk=approach_id).first()
    if approach is None:
        raise Http404
    families = (
        policy.family_list(actor, VIEW, what="case_meeting.choose_families")
        .filter(approach=approach, status__in=services.OPEN_STATES)
        .order_by("reference")
    )
    chairs = selectors.chairs_for(approach)
    initial = {
        "held_on": timezone.localdate(),
        "starts_at": "09:30",
        "ends_at": "11:30",
        "recurrence": "maandelijks",
        "chair": actor.pk if chairs.filter(pk=actor.pk).exists() else None,
    }
    form = CaseMeetingForm(request.POST or None, chairs=chairs, families=families, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting = services.case_meeting_plan(
                actor=actor,
                approach=approach,
                held_on=data["held_on"],
                starts_at=data["starts_at"],
                ends_at=data["ends_at"],
                location=data["location"],
                chair=data["chair"],
                recurrence=data["recurrence"],
                families=list(data["families"]),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            count = len(data["families"])
            on_agenda = ngettext("%(n)d gezin", "%(n)d gezinnen", count) % {"n": count}
            messages.success(request, f"Het zorgnetwerkoverleg is gepland, met {on_agenda} op de agenda.")
            return redirect("case_meetings:detail", case_meeting_id=meeting.pk)
    list(families)  # the list of families on the form is a read: reading it once logs each family shown
    return render(request, "plans/case_meeting_form.html", {"approach": approach, "form": form})


@dataclass(frozen=True)
class AgendaRow:
    line: selectors.AgendaLine
    may_record: bool  # held, not recorded yet, and the reader may edit this family


@never_cache
@login_required
@require_GET
def case_meeting(request: HttpRequest, case_meeting_id: int) -> HttpResponse:
    actor = actor_of(request)
    meeting = _case_meeting_or_404(actor, case_meeting_id)
    agenda = selectors.agenda_for(meeting, visible=policy.families_for(actor, VIEW))
    shown = [line.family for line in agenda.lines]
    membership = policy.membership_for_action(actor, VIEW)
    audit.record_many(actor=actor, action="case_meeting.agenda_view", families=shown, membership=membership)
    editable = set(policy.families_for(actor, EDIT).filter(pk__in=[f.pk for f in shown]).values_list("pk", flat=True))
    held = meeting.held_on <= timezone.localdate()
    rows = [AgendaRow(line, held and line.part is None and line.family.pk in editable) for line in agenda.lines]
    context = {
        "case_meeting": meeting,
        "rows": rows,
        "hidden": agenda.hidden,
        "held": held,
        "can_plan": policy.can(actor, Permission.PLAN_CASE_MEETING, meeting.approach),
    }
    return render(request, "plans/case_meeting.html", context)


@never_cache
@login_required
@idempotent
def case_meeting_part(request: HttpRequest, case_meeting_id: int, family_id: UUID) -> HttpResponse:
    actor = actor_of(request)
    meeting = _case_meeting_or_404(actor, case_meeting_id)
    family = policy.access_family(actor, family_id, action=EDIT)
    if selectors.agenda_item(meeting, family) is None:
        raise Http404
    recorded = selectors.part_of(meeting, family)
    if recorded is not None:
        return redirect("plans:meeting", family_id=family.pk, meeting_id=recorded.pk)
    plan = selectors.plan_of(family)
    today = timezone.localdate()
    may_appoint = policy.can(actor, Permission.ASSIGN_COORDINATOR, family)
    coordinators = coordinators_for(family.approach).order_by("last_name", "first_name") if may_appoint else None
    agenda = selectors.agenda_of(family, plan, today=today).text if plan is not None else "- Wie neemt de regie?"
    initial = {"version": plan.version if plan is not None else None, "minutes": f"Agenda:\n{agenda}\n\nBesproken:\n"}
    form = CaseMeetingPartForm(
        request.POST or None, family=family, plan=plan, today=today, coordinators=coordinators, initial=initial
    )
    voices = MeetingVoices(request.POST or None, selectors.asked_at_a_meeting(family, today=today))
    status = 200
    answered = request.method == "POST" and voices.is_valid()  # every form validated, each shows its own errors
    if request.method == "POST" and form.is_valid() and answered:
        data = form.cleaned_data
        try:
            part = services.case_meeting_record_part(
                actor=actor,
                case_meeting=meeting,
                family=family,
                expected_version=data.get("version"),
                attendees=list(data["attendees"]),
                members=list(data["members"]),
                network=data["network"],
                minutes=data["minutes"],
                agreements=[
                    AgreementInput(goal=goal, description=text, owner=owner, due_on=due_on)
                    for goal, text, owner, due_on in data["agreement_rows"]
                ],
                coordinator=data.get("coordinator"),
                coordinator_note=data.get("coordinator_note", ""),
                partner_voices=voices.voices(),
            )
        except StalePlanError as stale:
            form.add_error(None, str(stale))
            status = 409
        except ValidationError as error:
            apply_errors(form, error)
        else:
            text = f"Het deel van gezin {family.reference} is vastgelegd; "
            text += f"{len(data['agreement_rows'])} afspraken staan als actie in het plan."
            if part.coordinator_assignment is not None:
                text += f" Regisseur is nu {part.coordinator_assignment.coordinator}."
            messages.success(request, text)
            return redirect("case_meetings:detail", case_meeting_id=meeting.pk)
    context = {
        "case_meeting": meeting,
        "family": family,
        "plan": plan,
        "form": form,
        "voices": voices.rows,
        "held": meeting.held_on <= today,
    }
    return render(request, "plans/case_meeting_part.html", context, status=status)
