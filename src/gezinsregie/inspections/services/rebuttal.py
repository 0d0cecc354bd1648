"""Hoor en wederhoor: the inspector sends the concept report to the municipality, which responds per finding within
the term; the inspector answers each response and decides whether the finding stays or changes (the change is
applied to the finding, what it said before is kept). Publication waits for it (publication.inspection_publish).

Only the approach's overall findings are in the concept: no family, no personal data. Each write asks the policy
(CONDUCT_INSPECTION for the inspector, RESPOND_TO_CONCEPT for the municipality), locks the inspection and logs.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.audit import services as audit
from gezinsregie.common.formatting import long_date
from gezinsregie.inspections import rules, selectors, workflow
from gezinsregie.inspections.models import ConceptResponse, Decision, Finding, Inspection, Rebuttal
from gezinsregie.inspections.services._common import Permission, inspector_membership, lock, report_membership, today
from gezinsregie.notifications.services import notify


def _lock_rebuttal(inspection: Inspection) -> Rebuttal:
    return Rebuttal.objects.select_for_update().get(inspection=inspection)


@transaction.atomic
def inspection_send_concept(*, actor: User, inspection: Inspection, days: int = workflow.REBUTTAL_DAYS) -> Rebuttal:
    """Every indicator judged: the concept goes to the municipality's policy officers, who may respond per finding
    until `days` days from today. Judging stops; the texts of the report may still be written."""
    policy.ensure(actor, Permission.CONDUCT_INSPECTION, inspection)
    inspection = lock(inspection)
    workflow.check_state(inspection, workflow.can_send_concept, what="Het concept voorleggen aan de gemeente")
    error = workflow.rebuttal_days_error(days)
    if error:
        raise ValidationError({"days": [error]})
    missing = selectors.uncovered_keys(inspection)
    if missing:
        raise ValidationError(
            f"Nog zonder oordeel: {', '.join(missing)}. Het concept gaat pas compleet naar de gemeente."
        )
    officers = list(selectors.policy_officers(inspection.approach))
    if not officers:
        raise ValidationError(
            f"Niemand bij de gemeente {inspection.approach.municipality} kan reageren: er is geen beleidsmedewerker "
            "in Gezinsregie. Vraag de gemeente er een aan te wijzen."
        )
    workflow.check_transition(level=inspection.level, current=inspection.status, new=workflow.Status.REBUTTAL)
    inspection.status = workflow.Status.REBUTTAL
    inspection.full_clean()
    inspection.save(update_fields=["status"])
    rebuttal = Rebuttal(inspection=inspection, sent_on=today(), days=days, sent_by=actor)
    rebuttal.full_clean()
    rebuttal.save()
    due_on = workflow.rebuttal_due_on(rebuttal.sent_on, days)
    for officer in officers:
        notify(
            user=officer,
            key=f"inspection:{inspection.pk}:concept:user:{officer.pk}",
            message=(
                f"De inspectie legt het concept van '{inspection.title}' aan de gemeente voor (hoor en wederhoor). "
                f"Reageer per bevinding, uiterlijk {long_date(due_on)}."
            ),
            url=reverse("inspections:rebuttal", args=[inspection.pk]),
        )
    audit.record(actor=actor, action="inspection.send_concept", obj=inspection, membership=inspector_membership(actor))
    return rebuttal


def _open_for_responses(inspection: Inspection, rebuttal: Rebuttal) -> None:
    due_on = workflow.rebuttal_due_on(rebuttal.sent_on, rebuttal.days)
    if rebuttal.closed_at is not None:
        done = long_date(timezone.localdate(rebuttal.closed_at))
        raise ValidationError(f"De gemeente heeft haar reactie op {done} afgerond: reageren kan niet meer.")
    if not workflow.rebuttal_open(due_on=due_on, today=today(), closed=False):
        raise ValidationError(
            f"De termijn voor hoor en wederhoor is verstreken op {long_date(due_on)}: reageren kan niet meer."
        )


@transaction.atomic
def concept_respond(*, actor: User, finding: Finding, stance: str, text: str = "") -> ConceptResponse:
    """The municipality's response to one finding of the concept: agree, or disagree and say why. It may change
    its response while the term runs, until the inspector has answered it."""
    inspection = finding.inspection
    policy.ensure(actor, Permission.RESPOND_TO_CONCEPT, inspection)
    inspection = lock(inspection)
    workflow.check_state(inspection, workflow.is_in_rebuttal, what="Reageren op het concept")
    rebuttal = _lock_rebuttal(inspection)
    if finding.inspection_id != inspection.pk or finding.case_review_id is not None:
        raise ValidationError("Deze bevinding staat niet in het concept van dit onderzoek.")
    _open_for_responses(inspection, rebuttal)
    errors = rules.response_errors(stance=stance, text=text)
    if errors:
        raise ValidationError(errors)
    response = rebuttal.responses.filter(finding=finding).first()
    if response is not None and response.is_answered:
        raise ValidationError("De inspectie heeft deze reactie al beantwoord: die kan niet meer worden gewijzigd.")
    response = response or ConceptResponse(rebuttal=rebuttal, finding=finding)
    response.stance, response.text = stance, text.strip()
    response.responded_by, response.responded_at = actor, timezone.now()
    response.full_clean()
    response.save()
    audit.record(actor=actor, action="inspection.concept_respond", obj=response, membership=report_membership(actor))
    return response


@transaction.atomic
def rebuttal_close(*, actor: User, inspection: Inspection) -> Rebuttal:
    """The municipality is done before the term ends: no more responses; the inspector is told and may publish
    once every response is answered."""
    policy.ensure(actor, Permission.RESPOND_TO_CONCEPT, inspection)
    inspection = lock(inspection)
    workflow.check_state(inspection, workflow.is_in_rebuttal, what="De reactie afronden")
    rebuttal = _lock_rebuttal(inspection)
    _open_for_responses(inspection, rebuttal)
    rebuttal.closed_at, rebuttal.closed_by = timezone.now(), actor
    rebuttal.full_clean()
    rebuttal.save()
    count = rebuttal.responses.count()
    said = "geen reacties" if count == 0 else ("1 reactie" if count == 1 else f"{count} reacties")
    for inspector in {rebuttal.sent_by, inspection.created_by}:
        notify(
            user=inspector,
            key=f"inspection:{inspection.pk}:concept_closed:user:{inspector.pk}",
            message=f"De gemeente heeft haar reactie op het concept van '{inspection.title}' afgerond: {said}.",
            url=reverse("inspections:rebuttal", args=[inspection.pk]),
        )
    audit.record(actor=actor, action="inspection.concept_close", obj=rebuttal, membership=report_membership(actor))
    return rebuttal


@transaction.atomic
def concept_response_answer(
    *, actor: User, response: ConceptResponse, decision: str, answer: str = "", judgement: str = "", text: str = ""
) -> ConceptResponse:
    """The inspector's answer (wederhoor): the finding stays (`kept`) or becomes `judgement` with `text`
    (`changed`, applied to the finding; what the concept said is kept with the response). Answered is final."""
    inspection = response.rebuttal.inspection
    policy.ensure(actor, Permission.CONDUCT_INSPECTION, inspection)
    inspection = lock(inspection)
    workflow.check_state(inspection, workflow.is_in_rebuttal, what="Een reactie van de gemeente beantwoorden")
    rebuttal = _lock_rebuttal(inspection)
    response = rebuttal.responses.select_related("finding").get(pk=response.pk)
    if response.is_answered:
        raise ValidationError("Deze reactie is al beantwoord.")
    finding = response.finding
    errors = rules.answer_errors(
        stance=response.stance,
        decision=decision,
        answer=answer,
        judgement=judgement,
        text=text,
        current_judgement=finding.judgement,
        current_text=finding.text,
    )
    if errors:
        raise ValidationError(errors)
    response.judgement_before, response.text_before = finding.judgement, finding.text
    if decision == Decision.CHANGED:
        finding.judgement, finding.text, finding.updated_by = judgement, text.strip(), actor
        finding.full_clean()
        finding.save()
    response.decision, response.answer = decision, answer.strip()
    response.answered_by, response.answered_at = actor, timezone.now()
    response.full_clean()
    response.save()
    audit.record(actor=actor, action="inspection.concept_answer", obj=response, membership=inspector_membership(actor))
    return response
