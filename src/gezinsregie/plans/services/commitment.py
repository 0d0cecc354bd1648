"""An involved professional confirms, for their organisation, that it works by the plan as it is now (gezinsplan
leidend), and may answer the partners' two questions with it (issue 13 §3, plans.services.voices)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.audit import services as audit
from gezinsregie.plans import selectors
from gezinsregie.plans.models import Plan, PlanCommitment
from gezinsregie.plans.services._common import _today
from gezinsregie.plans.services.voices import PartnerVoiceInput, commitment_voice_write, voice_errors


@transaction.atomic
def plan_commit(*, actor: User, plan: Plan, voice: PartnerVoiceInput | None = None) -> PlanCommitment:
    """The commitment, and the professional's answers when given: both, or nothing at all."""
    family = plan.family
    policy.ensure(actor, policy.Permission.VIEW, family)
    organisation = selectors.committing_organisation(actor, family)
    if organisation is None:
        raise PermissionDenied
    if voice is not None and (errors := voice_errors(voice)):
        raise ValidationError(errors)
    plan = Plan.objects.select_for_update(of=("self",)).get(pk=plan.pk)
    commitment, created = PlanCommitment.objects.get_or_create(
        plan=plan,
        organisation=organisation,
        version=plan.version,
        defaults={"confirmed_by": actor, "confirmed_on": _today()},
    )
    if not created:
        raise ValidationError(f"{organisation} heeft versie {plan.version} al bevestigd.")
    membership = policy.granting_membership(actor, policy.Permission.VIEW, family)
    audit.record(actor=actor, action="plan.commit", family=family, obj=commitment, membership=membership)
    if voice is not None and not voice.is_empty:
        answered = commitment_voice_write(commitment=commitment, voice=voice)
        audit.record(actor=actor, action="partner_voice.record", family=family, obj=answered, membership=membership)
    return commitment
