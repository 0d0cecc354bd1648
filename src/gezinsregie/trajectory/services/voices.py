"""The family's voice, recorded as data (issue 13 §3): at each evaluation two short questions in plain Dutch. Does
the family trust its coordinator (C4.a.4)? Do the professionals work well together for the family (C4.c.2)?

Answered with the coordinator at the evaluation, or on paper and entered later. Optional at the evaluation, but all
or nothing: one answer, or a comment, asks for both answers and how they were given.
"""

from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import IntegrityError, transaction

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.assessment.models import Answer, AnsweredHow, FamilyVoice
from gezinsregie.audit import services as audit
from gezinsregie.trajectory.models import Evaluation

Permission = policy.Permission
COMMENT_LIMIT = 2000
MISSING = {
    "answered_how": "Kies hoe het gezin de vragen heeft beantwoord.",
    "trusts_coordinator": "Vul ook in of het gezin vertrouwen heeft in de regisseur (of kies ‘wil ik niet zeggen’).",
    "help_fits_together": "Vul ook in of de hulpverleners goed samenwerken voor het gezin "
    "(of kies ‘wil ik niet zeggen’).",
}
CHOICES = {"answered_how": AnsweredHow.values, "trusts_coordinator": Answer.values, "help_fits_together": Answer.values}
NOT_A_CHOICE = "Kies een van de antwoorden uit de lijst."
NOT_THERE = "Het gezin was niet bij de evaluatie: kies ‘op papier, later ingevoerd’ of ‘met iemand anders’."
ALREADY = "De antwoorden van het gezin bij deze evaluatie zijn al ingevoerd."


@dataclass(frozen=True)
class FamilyVoiceInput:
    """The family's answers; empty strings: not answered."""

    answered_how: str = ""
    trusts_coordinator: str = ""
    help_fits_together: str = ""
    comment: str = ""

    @property
    def is_empty(self) -> bool:
        """No answer and no comment: the family was not asked (how it would have answered is no answer)."""
        return not (self.trusts_coordinator or self.help_fits_together or self.comment.strip())


def family_voice_errors(voice: FamilyVoiceInput, *, with_family: bool, required: bool) -> dict[str, list[str]]:
    """Nothing to say about an empty voice unless one is `required` (entered later); else every answer."""
    if voice.is_empty and not required:
        return {}
    errors: dict[str, list[str]] = {}
    for name, missing in MISSING.items():
        value = getattr(voice, name)
        if not value:
            errors[name] = [missing]
        elif value not in CHOICES[name]:
            errors[name] = [NOT_A_CHOICE]
    if voice.answered_how == AnsweredHow.WITH_COORDINATOR and not with_family:
        errors["answered_how"] = [NOT_THERE]
    if len(voice.comment) > COMMENT_LIMIT:
        errors["comment"] = [f"Wat het gezin nog zegt is te lang (ten hoogste {COMMENT_LIMIT} tekens)."]
    return errors


def has_voice(evaluation: Evaluation) -> bool:
    try:
        evaluation.family_voice  # noqa: B018 (the reverse one-to-one: there or not)
    except ObjectDoesNotExist:
        return False
    return True


def family_voice_write(*, actor: User, evaluation: Evaluation, voice: FamilyVoiceInput) -> FamilyVoice:
    """After family_voice_errors found nothing; inside the caller's transaction, after its policy check."""
    row = FamilyVoice(
        family=evaluation.family,
        evaluation=evaluation,
        answered_how=voice.answered_how,
        trusts_coordinator=voice.trusts_coordinator,
        help_fits_together=voice.help_fits_together,
        comment=voice.comment.strip(),
        recorded_by=actor,
    )
    row.full_clean()
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError as twice:  # entered at the same moment by someone else
        raise ValidationError({"__all__": [ALREADY]}) from twice
    audit.record(actor=actor, action="family_voice.record", family=evaluation.family, obj=row)
    return row


@transaction.atomic
def family_voice_record(*, actor: User, evaluation: Evaluation, voice: FamilyVoiceInput) -> FamilyVoice:
    """The family's answers to an evaluation held before, e.g. on paper: entered later by who may edit the family."""
    policy.ensure(actor, Permission.EDIT, evaluation.family)
    if has_voice(evaluation):
        raise ValidationError({"__all__": [ALREADY]})
    errors = family_voice_errors(voice, with_family=evaluation.with_family, required=True)
    if errors:
        raise ValidationError(errors)
    return family_voice_write(actor=actor, evaluation=evaluation, voice=voice)
