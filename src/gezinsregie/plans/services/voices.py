"""The partners' voice, recorded as data (issue 13 §3): at a round table and at a plan commitment an involved
professional answers two short questions for their organisation. Is the coordinator the one who attunes the help to
this family (C4.a.3)? Is the information enough to tackle the family's problems in coherence (C4.c.2)?

Answering is optional; an answer given asks for both (all or nothing). The answers are the family's personal data:
they are written in the transaction of the meeting or the commitment, after its policy check, and logged.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from gezinsregie.accounts.models import User
from gezinsregie.assessment.models import Answer, PartnerVoice
from gezinsregie.casework.models import Family
from gezinsregie.organisations.models import Organisation
from gezinsregie.plans import selectors
from gezinsregie.plans.models import Meeting, PlanCommitment

COMMENT_LIMIT = 2000
MISSING = {
    "recognises_coordinator": "Beantwoord ook of de regisseur voor uw organisatie degene is die de hulp aan dit gezin "
    "afstemt (of kies ‘wil ik niet zeggen’).",
    "information_sufficient": "Beantwoord ook of u genoeg informatie heeft om de problemen van dit gezin in samenhang "
    "aan te pakken (of kies ‘wil ik niet zeggen’).",
}
NOT_A_CHOICE = "Kies een van de antwoorden: ja, een beetje, nee of wil ik niet zeggen."


@dataclass(frozen=True)
class PartnerVoiceInput:
    """A professional's two answers and an optional explanation; empty strings: not answered."""

    recognises_coordinator: str = ""
    information_sufficient: str = ""
    comment: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.recognises_coordinator or self.information_sufficient or self.comment.strip())


def voice_errors(voice: PartnerVoiceInput) -> dict[str, list[str]]:
    """All or nothing: one answer, or an explanation, asks for both answers."""
    if voice.is_empty:
        return {}
    errors: dict[str, list[str]] = {}
    for name, missing in MISSING.items():
        value = getattr(voice, name)
        if not value:
            errors[name] = [missing]
        elif value not in Answer.values:
            errors[name] = [NOT_A_CHOICE]
    if len(voice.comment) > COMMENT_LIMIT:
        errors["comment"] = [f"De toelichting is te lang (ten hoogste {COMMENT_LIMIT} tekens)."]
    return errors


def meeting_voice_errors(
    *, family: Family, attendees: Sequence[User], voices: Mapping[User, PartnerVoiceInput]
) -> list[str]:
    """The answers at a round table: only from an attending professional involved for an organisation, each
    complete. Every message names the professional, so the form can show them together."""
    attending = {u.pk for u in attendees}
    messages: list[str] = []
    for professional, voice in voices.items():
        if voice.is_empty:
            continue
        if professional.pk not in attending:
            messages.append(f"{professional} was niet aanwezig: alleen aanwezige professionals beantwoorden de vragen.")
            continue
        if professional.pk == family.coordinator_id:
            messages.append("De regisseur beantwoordt deze vragen niet over zichzelf.")
            continue
        if selectors.committing_organisation(professional, family) is None:
            messages.append(f"{professional} is niet betrokken bij dit gezin: de vragen zijn voor de netwerkpartners.")
            continue
        for problems in voice_errors(voice).values():
            messages.extend(f"{professional}: {m}" for m in problems)
    return messages


def _write(
    *,
    family: Family,
    organisation: Organisation,
    professional: User,
    voice: PartnerVoiceInput,
    meeting: Meeting | None = None,
    commitment: PlanCommitment | None = None,
) -> PartnerVoice:
    if meeting is not None:
        answered_on = meeting.held_on
    else:
        assert commitment is not None, "a partner's voice is given at a meeting or a commitment"
        answered_on = commitment.confirmed_on
    row = PartnerVoice(
        family=family,
        organisation=organisation,
        answered_by=professional,
        answered_on=answered_on,
        meeting=meeting,
        commitment=commitment,
        recognises_coordinator=voice.recognises_coordinator,
        information_sufficient=voice.information_sufficient,
        comment=voice.comment.strip(),
    )
    row.full_clean()
    row.save()
    return row


def meeting_voices_write(*, meeting: Meeting, voices: Mapping[User, PartnerVoiceInput]) -> list[PartnerVoice]:
    """After meeting_voice_errors found nothing: one row per professional who answered, dated on the meeting."""
    written = []
    for professional, voice in voices.items():
        organisation = selectors.committing_organisation(professional, meeting.family)
        if voice.is_empty or organisation is None:
            continue
        written.append(
            _write(
                family=meeting.family,
                organisation=organisation,
                professional=professional,
                voice=voice,
                meeting=meeting,
            )
        )
    return written


def commitment_voice_write(*, commitment: PlanCommitment, voice: PartnerVoiceInput) -> PartnerVoice:
    """The committing professional's answers, for the organisation it committed for, dated on the commitment."""
    return _write(
        family=commitment.plan.family,
        organisation=commitment.organisation,
        professional=commitment.confirmed_by,
        voice=voice,
        commitment=commitment,
    )
