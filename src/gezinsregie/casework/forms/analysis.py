"""The problem analysis and the self-sufficiency scores (kept here; new analysis forms: casework.forms_analysis)."""

from typing import Any

from django import forms

from gezinsregie.casework.forms.base import AREA, DATE, SELECT, Form
from gezinsregie.casework.models import (
    Family,
    OwnStrength,
    Severity,
)
from gezinsregie.common.limits import MAX_TEXT, SaneDate
from gezinsregie.frameworks.models import LifeDomain


class ProblemForm(Form):
    member: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Gezinslid", queryset=None, required=False, empty_label="Het hele gezin", widget=SELECT
    )
    domain = forms.ModelChoiceField(label="Leefgebied", queryset=LifeDomain.objects.none(), widget=SELECT)
    description = forms.CharField(label="Omschrijving van het probleem", widget=AREA, max_length=MAX_TEXT)
    severity = forms.TypedChoiceField(label="Ernst", choices=Severity.choices, coerce=int, widget=SELECT)
    chronic = forms.BooleanField(label="Chronisch (langdurig)", required=False)
    own_strength = forms.ChoiceField(
        label="Eigen kracht: wat kan het gezin hier zelf?",
        choices=OwnStrength.choices,
        initial=OwnStrength.NOT_EXAMINED,
        widget=SELECT,
        help_text="“Bekeken: kan het niet zelf” is iets anders dan “nog niet bekeken”.",
        required=False,
    )
    family_participated = forms.BooleanField(label="Het gezin heeft meegedaan aan deze analyse", required=False)
    identified_on = forms.DateField(label="Vastgesteld op", widget=DATE, validators=[SaneDate()])

    def clean_own_strength(self) -> str:
        return self.cleaned_data.get("own_strength") or OwnStrength.NOT_EXAMINED

    def __init__(self, *args: Any, family: Family, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = family.members.all()  # type: ignore[attr-defined]
        self.fields["domain"].queryset = family.approach.life_domain_set.domains.all()  # type: ignore[attr-defined]


class ScoresForm(Form):
    scored_on = forms.DateField(label="Gescoord op", widget=DATE)

    def __init__(self, *args: Any, family: Family, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        domain_set = family.approach.life_domain_set
        choices = [("", "niet gescoord")] + [(s.value, f"{s.value} – {s.label}") for s in domain_set.scale.all()]
        self.domains = list(domain_set.domains.all())
        for domain in self.domains:
            self.fields[f"domain_{domain.pk}"] = forms.TypedChoiceField(
                label=domain.name, choices=choices, coerce=int, required=False, empty_value=None, widget=SELECT
            )

    def scores(self) -> dict[LifeDomain, int]:
        return {
            d: self.cleaned_data[f"domain_{d.pk}"]
            for d in self.domains
            if self.cleaned_data.get(f"domain_{d.pk}") is not None
        }

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not self.errors and not self.scores():
            raise forms.ValidationError("Scoor minstens één leefgebied.")
        return cleaned
