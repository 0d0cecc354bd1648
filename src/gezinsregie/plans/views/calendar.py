"""Meetings as iCalendar files (.ics) for the professionals' own agendas: through the policy, and logged.

What is in the file is decided in plans/calendar.py: no personal data beyond the family's reference.
"""

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from gezinsregie import policy
from gezinsregie.accounts.request import actor_of
from gezinsregie.audit import services as audit
from gezinsregie.plans import calendar, selectors
from gezinsregie.plans.views.case_meetings import _case_meeting_or_404

VIEW = policy.Permission.VIEW


def _ics(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
@login_required
@require_GET
def case_meeting_ics(request: HttpRequest, case_meeting_id: int) -> HttpResponse:
    actor = actor_of(request)
    meeting = _case_meeting_or_404(actor, case_meeting_id)
    audit.record(actor=actor, action="case_meeting.export_ics", obj=meeting)
    path = reverse("case_meetings:detail", kwargs={"case_meeting_id": meeting.pk})
    body = calendar.to_ics([calendar.case_meeting_event(meeting, path=path)], stamp=timezone.now())
    return _ics(body, f"zorgnetwerkoverleg-{meeting.held_on.isoformat()}.ics")


@never_cache
@login_required
@require_GET
def meeting_ics(request: HttpRequest, family_id: UUID, meeting_id: int) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=VIEW)
    found = selectors.meetings_of(family).filter(pk=meeting_id).first()
    if found is None:
        raise Http404
    audit.record(
        actor=actor,
        action="meeting.export_ics",
        family=family,
        obj=found,
        membership=policy.granting_membership(actor, VIEW, family),
    )
    path = reverse("plans:meeting", kwargs={"family_id": family.pk, "meeting_id": found.pk})
    event = calendar.family_meeting_event(found, reference=family.reference, path=path)
    return _ics(calendar.to_ics([event], stamp=timezone.now()), f"overleg-{family.reference}-{found.held_on}.ics")
