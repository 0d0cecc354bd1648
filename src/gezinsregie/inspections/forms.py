"""Forms for the inspection screens. Dutch labels and messages; domain rules live in services and rules."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.db.models import QuerySet
from django.forms import BoundField

from gezinsregie.accounts.models import User
from gezinsregie.casework.models import Family
from gezinsregie.common import uploads, widgets
from gezinsregie.frameworks.models import Indicator
from gezinsregie.inspections import rules
from gezinsregie.inspections.models import (
    Answer,
    AnswerValue,
    Decision,
    InspectionLevel,
    InterviewKind,
    Judgement,
    Stance,
)
from gezinsregie.organisations.models import Approach, Organisation

DATE = forms.DateInput(attrs={"type": "date", "class": "utrecht-textbox"}, format="%Y-%m-%d")
TEXT = forms.TextInput(attrs={"class": "utrecht-textbox"})
NUMBER = forms.NumberInput(attrs={"class": "utrecht-textbox utrecht-textbox--numeric"})
AREA = forms.Textarea(attrs={"class": "utrecht-textarea", "rows": 4})
SMALL_AREA = forms.Textarea(attrs={"class": "utrecht-textarea", "rows": 2})
SELECT = forms.Select(attrs={"class": "utrecht-select"})


# Same names as Django's (templates look at field.widget_type); Django's own template puts the input's class on
# the wrapper too, which then looks like one big radio button.
CHECKS = widgets.checkboxes()
RADIOS = widgets.radios()
JUDGEMENT_CHOICES = [
    (Judgement.MET, "✓ voldoet"),
    (Judgement.IMPROVEMENT, "X verbeterpunt"),
    (Judgement.NOT_ASSESSED, "– niet getoetst"),
]


def check_document(document: UploadedFile | None) -> None:
    """The one upload check (common.uploads): by content, within UPLOAD_MAX_SIZE."""
    uploads.check_document(document)


class InspectionForm(forms.Form):
    use_required_attribute = False  # an untouched required radio would show as invalid (red) at once
    approach = forms.ModelChoiceField(label="Aanpak", queryset=Approach.objects.none(), widget=SELECT)
    level = forms.ChoiceField(label="Niveau", choices=InspectionLevel.choices, widget=RADIOS)
    year = forms.IntegerField(label="Jaar", widget=NUMBER)
    title = forms.CharField(
        label="Titel",
        max_length=200,
        required=False,
        widget=TEXT,
        help_text="Leeg laten: de naam van de aanpak met niveau en jaar.",
    )

    def __init__(self, *args: Any, approaches: QuerySet[Approach], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["approach"].queryset = approaches  # type: ignore[attr-defined]


class InviteForm(forms.Form):
    use_required_attribute = False  # an untouched required radio would show as invalid (red) at once
    organisations = forms.ModelMultipleChoiceField(
        label="Organisaties die de vragenlijst invullen", queryset=Organisation.objects.none(), widget=CHECKS
    )

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisations"].queryset = organisations  # type: ignore[attr-defined]


@dataclass
class QuestionRow:
    indicator: Indicator
    value: BoundField
    explanation: BoundField
    document: BoundField
    answer: Answer | None


class QuestionnaireForm(forms.Form):
    """One row per policy-level indicator: ja / nee / deels / weet ik niet, a toelichting and a document."""

    def __init__(self, *args: Any, indicators: Sequence[Indicator], answers: dict[int, Answer], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.indicators, self.answers = list(indicators), answers
        for indicator in self.indicators:
            answer = answers.get(indicator.pk)
            self.fields[f"waarde_{indicator.pk}"] = forms.ChoiceField(
                label=indicator.text,
                choices=AnswerValue.choices,
                required=False,
                widget=RADIOS,
                initial=answer.value if answer else None,
            )
            self.fields[f"toelichting_{indicator.pk}"] = forms.CharField(
                label="Toelichting", required=False, widget=SMALL_AREA, initial=answer.explanation if answer else ""
            )
            self.fields[f"document_{indicator.pk}"] = forms.FileField(
                label="Document", required=False, validators=[check_document]
            )

    def rows(self) -> list[QuestionRow]:
        return [
            QuestionRow(
                indicator=i,
                value=self[f"waarde_{i.pk}"],
                explanation=self[f"toelichting_{i.pk}"],
                document=self[f"document_{i.pk}"],
                answer=self.answers.get(i.pk),
            )
            for i in self.indicators
        ]

    def answer_inputs(self) -> list[tuple[Indicator, str, str, UploadedFile | None]]:
        return [
            (
                i,
                self.cleaned_data.get(f"waarde_{i.pk}") or "",
                self.cleaned_data.get(f"toelichting_{i.pk}") or "",
                self.cleaned_data.get(f"document_{i.pk}"),
            )
            for i in self.indicators
        ]

    def mark_unanswered(self) -> None:
        """After a refused submit: each question without an answer gets its own error, a link in the summary."""
        for indicator, value, _explanation, _document in self.answer_inputs():
            if not value:
                self.add_error(f"waarde_{indicator.pk}", "Kies een antwoord om de vragenlijst in te dienen.")


class FindingForm(forms.Form):
    use_required_attribute = False  # an untouched required radio would show as invalid (red) at once
    indicators = forms.ModelMultipleChoiceField(
        label="Indicatoren waarover deze bevinding gaat", queryset=Indicator.objects.none(), widget=CHECKS
    )
    judgement = forms.ChoiceField(label="Oordeel", choices=JUDGEMENT_CHOICES, widget=RADIOS)
    text = forms.CharField(
        label="Bevinding",
        widget=AREA,
        error_messages={"required": "Licht het oordeel toe: wat heeft de inspectie gezien?"},
        help_text="Wat de inspectie zag. Ook bij – (niet getoetst): waarom niet.",
    )
    notes = forms.CharField(
        label="LET OP",
        required=False,
        widget=AREA,
        help_text="Een aandachtspunt bij het oordeel. Meerdere: laat een witregel tussen de punten.",
    )

    def __init__(self, *args: Any, indicators: QuerySet[Indicator], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["indicators"]
        field.queryset = indicators  # type: ignore[attr-defined]
        field.label_from_instance = lambda i: f"{i.key} {i.text}"  # type: ignore[attr-defined]

    def note_list(self) -> list[str]:
        return rules.attention_notes(self.cleaned_data.get("notes", ""))


class CaseJudgementForm(forms.Form):
    """One family: per case-level indicator a judgement (or none yet) and a short finding."""

    def __init__(self, *args: Any, indicators: Sequence[Indicator], current: dict[int, Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.indicators = list(indicators)
        for indicator in self.indicators:
            finding = current.get(indicator.pk)
            self.fields[f"oordeel_{indicator.pk}"] = forms.ChoiceField(
                label=f"Oordeel {indicator.key}",
                choices=[("", "nog geen oordeel"), *JUDGEMENT_CHOICES],
                required=False,
                widget=SELECT,
                initial=finding.judgement if finding else "",
            )
            self.fields[f"bevinding_{indicator.pk}"] = forms.CharField(
                label=f"Bevinding {indicator.key}",
                required=False,
                widget=SMALL_AREA,
                initial=finding.text if finding else "",
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for i in self.indicators:  # without a judgement the typed finding would be dropped without a word
            if data.get(f"bevinding_{i.pk}", "").strip() and not data.get(f"oordeel_{i.pk}"):
                self.add_error(f"oordeel_{i.pk}", "Kies een oordeel bij deze bevinding, of maak de bevinding leeg.")
        return data

    def rows(self) -> list[tuple[Indicator, BoundField, BoundField]]:
        return [(i, self[f"oordeel_{i.pk}"], self[f"bevinding_{i.pk}"]) for i in self.indicators]

    def judgements(self) -> list[tuple[Indicator, str, str]]:
        return [
            (i, self.cleaned_data.get(f"oordeel_{i.pk}") or "", self.cleaned_data.get(f"bevinding_{i.pk}") or "")
            for i in self.indicators
        ]


class CaseSelectForm(forms.Form):
    use_required_attribute = False  # an untouched required radio would show as invalid (red) at once
    # The families come from selectors.mandated_families, through the policy.
    family: forms.ModelChoiceField[Family] = forms.ModelChoiceField(
        label="Gezin met een geldige machtiging voor de inspectie", queryset=None, widget=RADIOS
    )

    def __init__(self, *args: Any, families: QuerySet[Family], labels: dict[Any, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["family"]
        field.queryset = families  # type: ignore[attr-defined]
        # The opaque label, never the reference (it would tell which family becomes "Gezin A").
        field.label_from_instance = lambda f: f"{labels[f.pk]} ({f.get_status_display()})"  # type: ignore[attr-defined]


class InterviewForm(forms.Form):
    kind = forms.ChoiceField(label="Gesprek met", choices=InterviewKind.choices, widget=SELECT)
    held_on = forms.DateField(label="Gehouden op", widget=DATE)
    interviewee = forms.CharField(
        label="Functie en organisatie",
        max_length=160,
        required=False,
        widget=TEXT,
        help_text="Bijvoorbeeld: schuldhulpverlener, Schuldhulpverlening. Geen namen.",
    )
    summary = forms.CharField(label="Verslag", widget=AREA)


class PlanReviewForm(forms.Form):
    plan_reviewed = forms.BooleanField(label="Het gezinsplan is beoordeeld", required=False)
    plan_review = forms.CharField(label="Beoordeling van het plan", required=False, widget=AREA)


class PointForm(forms.Form):
    owner = forms.ModelChoiceField(
        label="Eigenaar bij de gemeente", queryset=User.objects.none(), required=False, widget=SELECT
    )
    due_on = forms.DateField(label="Uiterlijk klaar", required=False, widget=DATE)

    def __init__(self, *args: Any, owners: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners  # type: ignore[attr-defined]


class ReportForm(forms.Form):
    reported_on = forms.DateField(label="Datum", widget=DATE)
    text = forms.CharField(label="Wat heeft de gemeente gedaan?", widget=AREA)


LONG_AREA = forms.Textarea(attrs={"class": "utrecht-textarea", "rows": 10})


class ReportTextsForm(forms.Form):
    """The narrative of the published reports. A factsheet (policy level) has only the description; the nota van
    bevindingen (case level) has all five."""

    description = forms.CharField(label="Beschrijving van de aanpak", required=False, widget=LONG_AREA)
    goes_well = forms.CharField(label="Wat gaat goed?", required=False, widget=LONG_AREA)
    can_be_better = forms.CharField(label="Wat kan beter?", required=False, widget=LONG_AREA)
    conclusion = forms.CharField(label="Algemene conclusie", required=False, widget=LONG_AREA)
    recommendations = forms.CharField(label="Aanbevelingen", required=False, widget=LONG_AREA)

    CASE_ONLY = ("goes_well", "can_be_better", "conclusion", "recommendations")

    def __init__(self, *args: Any, level: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if level != InspectionLevel.CASE:
            for name in self.CASE_ONLY:
                del self.fields[name]


# --- hoor en wederhoor ---------------------------------------------------------------------------------------------


class ConceptSendForm(forms.Form):
    days = forms.IntegerField(
        label="Termijn voor de gemeente, in dagen",
        widget=NUMBER,
        help_text="Vanaf vandaag. Gebruikelijk is twee weken.",
    )


class ConceptResponseForm(forms.Form):
    use_required_attribute = False
    stance = forms.ChoiceField(
        label="De gemeente is het met deze bevinding",
        choices=Stance.choices,
        widget=RADIOS,
        error_messages={"required": "Kies of de gemeente het eens is met deze bevinding."},
    )
    text = forms.CharField(
        label="Reactie van de gemeente",
        required=False,
        widget=AREA,
        help_text="Nodig als de gemeente het niet eens is: wat klopt er niet, en waaruit blijkt dat?",
    )


class ResponseAnswerForm(forms.Form):
    use_required_attribute = False
    decision = forms.ChoiceField(
        label="Besluit van de inspectie",
        choices=Decision.choices,
        widget=RADIOS,
        error_messages={"required": "Kies of de bevinding blijft of wordt aangepast."},
    )
    answer = forms.CharField(label="Antwoord aan de gemeente", required=False, widget=AREA)
    judgement = forms.ChoiceField(
        label="Oordeel na aanpassing",
        choices=[("", "— ongewijzigd —"), *JUDGEMENT_CHOICES],
        required=False,
        widget=SELECT,
    )
    text = forms.CharField(
        label="Aangepaste bevinding",
        required=False,
        widget=AREA,
        help_text="Alleen als de bevinding wordt aangepast: de nieuwe tekst, zoals die in het rapport komt.",
    )
