from typing import Any

from django import forms

from gezinsregie.casework.models import Family
from gezinsregie.privacy.services import BSN_FIELD, FAMILY_FIELDS, MEMBER_FIELDS, REASON_NEEDED

TEXT = forms.TextInput(attrs={"class": "utrecht-textbox"})
TEXTAREA = forms.Textarea(attrs={"class": "utrecht-textarea", "rows": 3})
SELECT = forms.Select(attrs={"class": "utrecht-select"})


class RectifyForm(forms.Form):
    what = forms.ChoiceField(
        label="Wat corrigeert u?", widget=SELECT, error_messages={"required": "Kies wat u wilt corrigeren."}
    )
    value = forms.CharField(
        label="Juiste waarde",
        max_length=300,
        required=False,  # a BSN is removed by leaving it empty; every other value is asked by the service
        widget=TEXT,
        help_text="Een datum als jaar-maand-dag: 2012-03-14. Een burgerservicenummer leeg laten verwijdert het.",
    )
    reason = forms.CharField(
        label="Reden van de correctie",
        max_length=2000,
        widget=TEXTAREA,
        error_messages={"required": REASON_NEEDED},
    )

    def __init__(self, *args: Any, family: Family, may_view_bsn: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(f"gezin:{name}", f"Gezin: {label}") for name, label in FAMILY_FIELDS.items()]
        fields = MEMBER_FIELDS | (BSN_FIELD if may_view_bsn and family.approach.bsn_allowed else {})
        for member in family.members.order_by("birth_date", "pk"):
            choices += [
                (f"lid:{member.pk}:{name}", f"{member.first_name} {member.last_name}: {label}")
                for name, label in fields.items()
            ]
        self.fields["what"].choices = [("", "Kies een gegeven"), *choices]  # type: ignore[attr-defined]
