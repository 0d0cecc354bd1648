"""An involved professional commits to the plan for their organisation, and may answer the partners' two questions
with it (issue 13 §3). Refused answers come back on a page of their own, with what was chosen."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from gezinsregie import policy
from gezinsregie.accounts.request import actor_of
from gezinsregie.common.forms import apply_errors
from gezinsregie.plans import selectors, services
from gezinsregie.plans.forms.voices import COMMITMENT_PREFIX, PartnerVoiceForm
from gezinsregie.plans.views.common import _plan_or_404

VIEW = policy.Permission.VIEW


@never_cache
@login_required
@require_POST
def commit(request: HttpRequest, family_id: UUID) -> HttpResponse:
    """An involved professional confirms that their organisation works by the plan as it is now."""
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=VIEW)
    plan = _plan_or_404(family)
    organisation = selectors.committing_organisation(actor, family)
    if organisation is None:
        raise Http404
    form = PartnerVoiceForm(request.POST, prefix=COMMITMENT_PREFIX)
    if form.is_valid():
        try:
            commitment = services.plan_commit(actor=actor, plan=plan, voice=form.voice())
        except PermissionDenied as denied:
            raise Http404 from denied
        except ValidationError as invalid:
            if not hasattr(invalid, "error_dict"):  # already committed to this version: nothing to correct here
                for message in invalid.messages:
                    messages.info(request, message)
                return redirect("plans:detail", family_id=family.pk)
            apply_errors(form, invalid)
        else:
            done = f"Vastgelegd: {commitment.organisation} werkt volgens versie {commitment.version}."
            messages.success(request, done)
            return redirect("plans:detail", family_id=family.pk)
    context = {"family": family, "plan": plan, "organisation": organisation, "voice_form": form}
    return render(request, "plans/commit.html", context, status=400)
