"""The partners' two questions (issue 13 §3), asked at a round table of each attending professional and of the
professional who commits to the plan. Every field is optional here: the service says what an answer still needs."""

from typing import Any, cast

from django import forms
from django.db import models

from gezinsregie.accounts.models import User
from gezinsregie.assessment.models import Answer, PartnerVoice
from gezinsregie.common import widgets
from gezinsregie.plans.selectors import Professional
from gezinsregie.plans.services.voices import COMMENT_LIMIT, PartnerVoiceInput

COMMITMENT_PREFIX = "partner"


def question(name: str) -> str:
    """The question as the model words it (its verbose name)."""
    return str(cast(models.Field, PartnerVoice._meta.get_field(name)).verbose_name)


class PartnerVoiceForm(forms.Form):
    use_required_attribute = False
    recognises_coordinator = forms.ChoiceField(
        label=question("recognises_coordinator"), choices=Answer.choices, required=False, widget=widgets.radios()
    )
    information_sufficient = forms.ChoiceField(
        label=question("information_sufficient"), choices=Answer.choices, required=False, widget=widgets.radios()
    )
    comment = forms.CharField(
        label="Toelichting",
        required=False,
        max_length=COMMENT_LIMIT,
        widget=forms.Textarea(attrs={"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 2}),
    )

    def voice(self) -> PartnerVoiceInput:
        data = self.cleaned_data
        return PartnerVoiceInput(
            recognises_coordinator=data.get("recognises_coordinator") or "",
            information_sufficient=data.get("information_sufficient") or "",
            comment=data.get("comment") or "",
        )


class MeetingVoices:
    """One PartnerVoiceForm per professional asked at the round table (plans.selectors.asked_at_a_meeting)."""

    def __init__(self, data: Any, professionals: list[Professional]) -> None:
        self.rows = [(p, PartnerVoiceForm(data, prefix=f"stem-{p.user.pk}")) for p in professionals]

    def is_valid(self) -> bool:
        return all([form.is_valid() for _, form in self.rows])  # every form, so each shows its own errors

    def voices(self) -> dict[User, PartnerVoiceInput]:
        return {p.user: form.voice() for p, form in self.rows}
