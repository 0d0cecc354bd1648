"""'Toon BSN' (issue 12 §12): a member's citizen service number in full, only for VIEW_BSN (the family's coordinator,
the intake team at triage), each display in the access log; everyone else sees it masked on the family page."""

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from gezinsregie import policy
from gezinsregie.accounts.request import actor_of
from gezinsregie.audit import services as audit
from gezinsregie.casework import bsn


@login_required
@require_POST  # a deliberate act, never a link a crawler or a prefetch follows
def member_bsn(request: HttpRequest, family_id: UUID, member_id: int) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=policy.Permission.VIEW_BSN)
    member = family.members.filter(pk=member_id).exclude(bsn="").first()
    if member is None:
        raise Http404
    audit.record(
        actor=actor,
        action="member.bsn_show",
        family=family,
        obj=member,
        membership=policy.granting_membership(actor, policy.Permission.VIEW_BSN, family),
    )
    response = render(
        request, "casework/member_bsn.html", {"family": family, "member": member, "number": bsn.shown(member.bsn)}
    )
    response["Cache-Control"] = "no-store"
    return response
