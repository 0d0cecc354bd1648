"""Forms for the trajectory pages. Dutch labels; the rules live in the services and trajectory.rules."""

from typing import Any, cast

from django import forms
from django.db import models

from gezinsregie.accounts.models import User
from gezinsregie.assessment.models import Answer, AnsweredHow, FamilyVoice
from gezinsregie.casework import workflow
from gezinsregie.casework.models import Family, MeasureDecision, MeasureKind, NetworkPerson
from gezinsregie.common import widgets
from gezinsregie.frameworks.models import LifeDomain
from gezinsregie.plans.models import Goal
from gezinsregie.trajectory.models import EvaluationKind, GoalResult
from gezinsregie.trajectory.services.voices import COMMENT_LIMIT, FamilyVoiceInput

DATE = forms.DateInput(attrs={"type": "date", "class": "utrecht-textbox"}, format="%Y-%m-%d")
TEXT = forms.TextInput(attrs={"class": "utrecht-textbox"})
AREA = forms.Textarea(attrs={"class": "utrecht-textarea", "rows": 3})
SELECT = forms.Select(attrs={"class": "utrecht-select"})
NUMBER = forms.NumberInput(attrs={"class": "utrecht-textbox", "min": 0})
HANDOVER_ROWS = 3


class EvaluationForm(forms.Form):
    kind = forms.ChoiceField(label="Soort evaluatie", choices=EvaluationKind.choices, widget=widgets.radios())
    held_on = forms.DateField(label="Gehouden op", widget=DATE)
    with_family = forms.BooleanField(label="Het gezin was bij de evaluatie", required=False)
    family_view = forms.CharField(
        label="Wat het gezin zelf zegt",
        help_text="In de woorden van het gezin. Verplicht als het gezin erbij was.",
        required=False,
        widget=AREA,
    )
    notes = forms.CharField(label="Bevindingen van de regisseur", required=False, widget=AREA)

    def __init__(self, *args: Any, goals: list[Goal], domains: list[LifeDomain], scale: list[int], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.goals, self.domains = goals, domains
        for goal in goals:
            self.fields[f"goal_{goal.pk}"] = forms.ChoiceField(
                label=f"Doel: {goal.description}",
                choices=[("", "— niet beoordeeld —"), *GoalResult.choices],
                required=False,
                widget=SELECT,
            )
            self.fields[f"goal_{goal.pk}_note"] = forms.CharField(label="Toelichting", required=False, widget=TEXT)
        for domain in domains:
            self.fields[f"score_{domain.pk}"] = forms.TypedChoiceField(
                label=f"Zelfredzaamheid {domain.name}",
                choices=[("", "— niet gescoord —"), *[(v, str(v)) for v in scale]],
                coerce=int,
                empty_value=None,
                required=False,
                widget=SELECT,
            )

    def goal_fields(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[f"goal_{g.pk}"], self[f"goal_{g.pk}_note"]) for g in self.goals]

    def score_fields(self) -> list[forms.BoundField]:
        return [self[f"score_{d.pk}"] for d in self.domains]


def _question(name: str) -> str:
    return str(cast(models.Field, FamilyVoice._meta.get_field(name)).verbose_name)


class FamilyVoiceForm(forms.Form):
    """The family's two questions (issue 13 §3), in plain Dutch (B1): at the evaluation, or entered later."""

    why = (
        "We vragen dit bij elke evaluatie. Zo horen we wat u van de hulp vindt. U mag ook ‘wil ik niet zeggen’ kiezen."
    )
    use_required_attribute = False
    trusts_coordinator = forms.ChoiceField(
        label=_question("trusts_coordinator"), choices=Answer.choices, required=False, widget=widgets.radios()
    )
    help_fits_together = forms.ChoiceField(
        label=_question("help_fits_together"), choices=Answer.choices, required=False, widget=widgets.radios()
    )
    comment = forms.CharField(label=_question("comment"), required=False, max_length=COMMENT_LIMIT, widget=AREA)
    answered_how = forms.ChoiceField(
        label="Hoe heeft het gezin de vragen beantwoord?",
        choices=AnsweredHow.choices,
        required=False,
        widget=widgets.radios(),
    )

    def voice(self) -> FamilyVoiceInput:
        return FamilyVoiceInput(**{name: self.cleaned_data.get(name) or "" for name in self.fields})


class ExtensionForm(forms.Form):
    days = forms.IntegerField(label="Verlengen met (dagen)", min_value=1, max_value=365, widget=NUMBER)
    reason = forms.CharField(label="Reden van de verlenging", widget=AREA)


class ClosureForm(forms.Form):
    closed_on = forms.DateField(label="Afgesloten op", widget=DATE)
    reason = forms.ChoiceField(label="Reden van afsluiten", widget=widgets.radios())
    note = forms.CharField(label="Toelichting", required=False, widget=AREA)
    no_further_care = forms.BooleanField(label="Er is geen verdere zorg of ondersteuning nodig", required=False)
    with_aftercare = forms.TypedChoiceField(
        label="Nazorg",
        choices=[("1", "Ja: iemand houdt de vinger aan de pols"), ("0", "Nee: ik zie met een reden af van nazorg")],
        coerce=lambda v: v == "1",
        initial="1",
        widget=widgets.radios(),
    )
    watcher = forms.ModelChoiceField(
        label="Professional die de vinger aan de pols houdt",
        queryset=User.objects.none(),
        required=False,
        widget=SELECT,
    )
    watcher_network = forms.TypedChoiceField(
        label="Of: iemand uit het netwerk", required=False, coerce=int, empty_value=None, widget=SELECT
    )
    signals = forms.CharField(label="Signalen die het gezin terugbrengen", required=False, widget=AREA)
    whom_to_call = forms.CharField(label="Wie bellen bij een signaal", required=False, widget=TEXT)
    first_on = forms.DateField(
        label="Eerste nazorgcontact op", required=False, widget=DATE, help_text="Vanaf vandaag; daarna het schema."
    )
    monthly = forms.IntegerField(label="Aantal maandelijkse contacten", min_value=0, max_value=24, widget=NUMBER)
    quarterly = forms.IntegerField(label="Daarna contacten per kwartaal", min_value=0, max_value=8, widget=NUMBER)
    waiver_reason = forms.CharField(label="Reden om af te zien van nazorg", required=False, widget=AREA)

    def __init__(self, *args: Any, family: Family, watchers: list[User], network: list[NetworkPerson], **kwargs: Any):
        super().__init__(*args, **kwargs)
        reasons = workflow.closure_reasons_of(family.approach.closure_reasons)
        self.fields["reason"].choices = [(r.value, r.label) for r in reasons]  # type: ignore[attr-defined]
        self.fields["watcher"].queryset = User.objects.filter(pk__in=[u.pk for u in watchers])  # type: ignore[attr-defined]
        self.network = {p.pk: p for p in network}
        self.fields["watcher_network"].choices = [  # type: ignore[attr-defined]
            ("", "— niemand uit het netwerk —"),
            *((p.pk, f"{p.name} ({p.relation or p.get_tie_display()})") for p in network),
        ]
        for row in range(1, HANDOVER_ROWS + 1):
            self.fields[f"need_{row}"] = forms.CharField(
                label=f"Overdracht {row}: wat is nog nodig", required=False, widget=TEXT
            )
            self.fields[f"provider_{row}"] = forms.CharField(
                label=f"Overdracht {row}: wie biedt het", required=False, widget=TEXT
            )
            self.fields[f"agreed_{row}"] = forms.CharField(
                label=f"Overdracht {row}: wat is afgesproken", required=False, widget=TEXT
            )
        handover = [f"{n}_{r}" for r in range(1, HANDOVER_ROWS + 1) for n in ("need", "provider", "agreed")]
        self.order_fields(["closed_on", "reason", "note", *handover, "no_further_care"])

    def clean_watcher_network(self) -> NetworkPerson | None:
        chosen = self.cleaned_data.get("watcher_network")
        return self.network.get(chosen) if chosen is not None else None

    def handover_rows(self) -> list[tuple[forms.BoundField, forms.BoundField, forms.BoundField]]:
        return [(self[f"need_{r}"], self[f"provider_{r}"], self[f"agreed_{r}"]) for r in range(1, HANDOVER_ROWS + 1)]

    def handover_values(self) -> list[tuple[str, str, str]]:
        """The rows the user filled in at all (an empty row is no handover)."""
        rows = []
        for r in range(1, HANDOVER_ROWS + 1):
            need, provider, agreed = (
                self.cleaned_data.get(f"{n}_{r}", "").strip() for n in ("need", "provider", "agreed")
            )
            if need or provider or agreed:
                rows.append((need, provider, agreed))
        return rows


class CheckInForm(forms.Form):
    held_on = forms.DateField(label="Gehouden op", widget=DATE)
    reached = forms.TypedChoiceField(
        label="Gezin bereikt",
        choices=[("1", "Ja"), ("0", "Nee, niet bereikt")],
        coerce=lambda v: v == "1",
        widget=widgets.radios(),
    )
    how_it_goes = forms.CharField(label="Hoe gaat het", required=False, widget=AREA)
    signal = forms.BooleanField(label="Er is een signaal: het gezin heeft de aanpak weer nodig", required=False)
    signal_description = forms.CharField(label="Het signaal", required=False, widget=AREA)


class AftercareEndForm(forms.Form):
    ended_on = forms.DateField(label="Nazorg beëindigd op", widget=DATE)
    end_reason = forms.ChoiceField(
        label="Reden",
        choices=[c for c in workflow.AftercareEndReason.choices if c[0] != workflow.AftercareEndReason.RETURNED],
        widget=SELECT,
    )
    end_note = forms.CharField(label="Toelichting", required=False, widget=AREA)


class SignalForm(forms.Form):
    reference = forms.CharField(label="Kenmerk van het gezin", max_length=20, widget=TEXT)
    family_name = forms.CharField(label="Gezinsnaam", max_length=120, widget=TEXT)
    description = forms.CharField(label="Wat is er aan de hand?", widget=AREA)


class MeasureForm(forms.Form):
    kind = forms.ChoiceField(label="Maatregel", choices=MeasureKind.choices, widget=SELECT)
    description = forms.CharField(label="Toelichting", required=False, widget=AREA)
    considered_on = forms.DateField(label="Overwogen op", widget=DATE)
    decision = forms.ChoiceField(label="Besluit", choices=MeasureDecision.choices, widget=SELECT)
    decided_on = forms.DateField(label="Besloten op", required=False, widget=DATE)
    decided_by = forms.CharField(label="Besloten door", required=False, widget=TEXT)
    reason = forms.CharField(label="Motivering", required=False, widget=AREA)
    outcome = forms.CharField(label="Uitkomst", required=False, widget=AREA)


class ExitDecisionForm(forms.Form):
    decided_on = forms.DateField(label="Besloten op", widget=DATE)
    reason = forms.CharField(label="Motivering", widget=AREA)
    measures = forms.MultipleChoiceField(
        label="Overwogen maatregelen van drang en dwang", required=False, widget=widgets.checkboxes()
    )

    def __init__(self, *args: Any, measures: list[Any], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["measures"].choices = [(m.pk, str(m)) for m in measures]  # type: ignore[attr-defined]
