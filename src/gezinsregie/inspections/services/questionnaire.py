"""The respondents' questionnaire: saved halfway, submitted complete."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.audit import services as audit
from gezinsregie.frameworks.models import Indicator
from gezinsregie.inspections import rules, selectors
from gezinsregie.inspections.models import Answer, Respondent
from gezinsregie.inspections.services._common import Permission, respondent_membership


@dataclass(frozen=True)
class AnswerInput:
    indicator: Indicator
    value: str  # AnswerValue, or "" while not answered yet
    explanation: str = ""
    document: UploadedFile | None = None


@transaction.atomic
def answers_save(*, actor: User, respondent: Respondent, answers: Sequence[AnswerInput]) -> Respondent:
    """Save halfway: whatever was filled in is kept, nothing is required yet."""
    policy.ensure(actor, Permission.ANSWER_INSPECTION, respondent)
    respondent = Respondent.objects.select_for_update().select_related("inspection").get(pk=respondent.pk)
    if respondent.submitted_at is not None:
        raise ValidationError("Deze vragenlijst is al ingediend: de antwoorden kunnen niet meer worden gewijzigd.")
    valid = {i.pk for i in selectors.indicators_of(respondent.inspection)}
    existing = {a.indicator_id: a for a in respondent.answers.all()}
    for given in answers:
        if given.indicator.pk not in valid:
            raise ValidationError("Deze indicator hoort niet bij de vragenlijst.")
        record = existing.get(given.indicator.pk)
        if record is None and not (given.value or given.explanation.strip() or given.document):
            continue
        record = record or Answer(respondent=respondent, indicator=given.indicator)
        record.value, record.explanation, record.updated_by = given.value, given.explanation.strip(), actor
        if given.document is not None:
            record.document = given.document
        record.full_clean()
        record.save()
    audit.record(
        actor=actor,
        action="inspection.answers_save",
        obj=respondent,
        membership=respondent_membership(actor, respondent),
    )
    return respondent


@transaction.atomic
def questionnaire_submit(*, actor: User, respondent: Respondent) -> Respondent:
    """Submit the questionnaire: every indicator answered. Afterwards the inspector sees the answers."""
    policy.ensure(actor, Permission.ANSWER_INSPECTION, respondent)
    respondent = Respondent.objects.select_for_update().select_related("inspection").get(pk=respondent.pk)
    if respondent.submitted_at is not None:
        raise ValidationError("Deze vragenlijst is al ingediend.")
    indicators = selectors.indicators_of(respondent.inspection)
    answered = dict(respondent.answers.values_list("indicator_id", "value"))
    missing = rules.unanswered([i.pk for i in indicators], answered)
    if missing:
        keys = [i.key for i in indicators if i.pk in set(missing)]
        raise ValidationError(f"Nog niet beantwoord: {', '.join(keys)}. Uw antwoorden zijn bewaard; vul deze nog in.")
    respondent.submitted_at, respondent.submitted_by = timezone.now(), actor
    respondent.full_clean()
    respondent.save()
    audit.record(
        actor=actor, action="inspection.submit", obj=respondent, membership=respondent_membership(actor, respondent)
    )
    return respondent
