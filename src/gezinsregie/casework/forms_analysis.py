"""Forms that change the problem analysis afterwards: correct or remove a problem, mark "geen problemen"."""

from typing import Any

from django import forms

from gezinsregie.casework.models import Family, OwnStrength, Severity

SELECT = forms.Select(attrs={"class": "utrecht-select utrecht-select--html-select"})
AREA = forms.Textarea(attrs={"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 3})


class ProblemChangeForm(forms.Form):
    description = forms.CharField(
        label="Omschrijving van het probleem",
        widget=AREA,
        max_length=4000,
        error_messages={"required": "Beschrijf het probleem."},
    )
    severity = forms.TypedChoiceField(label="Ernst", choices=Severity.choices, coerce=int, widget=SELECT)
    chronic = forms.BooleanField(label="Chronisch (langdurig)", required=False)
    own_strength = forms.ChoiceField(
        label="Eigen kracht: wat kan het gezin hier zelf?", choices=OwnStrength.choices, widget=SELECT
    )
    family_participated = forms.BooleanField(label="Het gezin heeft meegedaan aan deze analyse", required=False)


class ProblemRemoveForm(forms.Form):
    reason = forms.CharField(
        label="Waarom gaat dit probleem uit de analyse?",
        widget=AREA,
        max_length=2000,
        error_messages={"required": "Schrijf op waarom het probleem uit de analyse gaat."},
    )


class NoProblemsForm(forms.Form):
    """One member or one life domain of the analysis gap: looked at, no problems."""

    target = forms.ChoiceField(
        label="Geen problemen bij",
        widget=SELECT,
        error_messages={"required": "Kies een gezinslid of een leefgebied.", "invalid_choice": "Kies uit de lijst."},
    )
    note = forms.CharField(label="Toelichting", widget=AREA, max_length=2000, required=False)

    def __init__(self, *args: Any, family: Family, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        members = [(f"member:{m.pk}", str(m)) for m in family.members.all()]
        domains = [(f"domain:{d.pk}", d.name) for d in family.approach.life_domain_set.domains.all()]
        self.fields["target"].choices = [  # type: ignore[attr-defined]
            ("", "— kies —"),
            ("Gezinsleden", members),
            ("Leefgebieden", domains),
        ]
        self.family = family

    def chosen(self) -> tuple[Any, Any]:
        """(member, domain): one of the two."""
        kind, _, pk = self.cleaned_data["target"].partition(":")
        if kind == "member":
            return self.family.members.get(pk=int(pk)), None
        return None, self.family.approach.life_domain_set.domains.get(pk=int(pk))
