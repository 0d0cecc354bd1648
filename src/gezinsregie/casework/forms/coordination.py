"""Coordination: care requests, escalation, binding decisions and the social network."""

from typing import Any

from django import forms

from gezinsregie.casework.forms.base import AREA, CHECKS, DATE, RADIOS, SELECT, TEXT, Form
from gezinsregie.casework.models import (
    CarePriority,
    DecisionKind,
    Family,
    Member,
    NetworkInfluence,
    NetworkTie,
    Stagnation,
)
from gezinsregie.common import widgets
from gezinsregie.organisations.models import Organisation

# --- care requests -------------------------------------------------------------------------------------------


class CareRequestForm(Form):
    provider = forms.ModelChoiceField(
        label="Zorgaanbieder", queryset=Organisation.objects.none(), widget=SELECT, empty_label="— kies —"
    )
    care_type = forms.CharField(label="Soort zorg", max_length=160, widget=TEXT)
    requested_on = forms.DateField(label="Aangevraagd op", widget=DATE)
    priority = forms.ChoiceField(label="Gevraagde urgentie", choices=CarePriority.choices, widget=SELECT)
    started_on = forms.DateField(
        label="Zorg gestart op", required=False, widget=DATE, help_text="Leeg laten zolang het gezin wacht."
    )

    def __init__(self, *args: Any, family: Family, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["provider"].queryset = family.approach.partners.order_by("name")  # type: ignore[attr-defined]


class CareStartForm(Form):
    started_on = forms.DateField(label="Zorg gestart op", widget=DATE)


class CareWithdrawForm(Form):
    withdrawn_on = forms.DateField(label="Ingetrokken op", widget=DATE)
    reason = forms.CharField(label="Reden", widget=AREA, max_length=2000)


# --- escalation ----------------------------------------------------------------------------------------------


class EscalationForm(Form):
    stagnation = forms.ChoiceField(label="Wat stagneert", choices=Stagnation.choices, widget=SELECT)
    organisation = forms.ModelChoiceField(
        label="Betreft organisatie", queryset=Organisation.objects.none(), widget=SELECT, empty_label="— kies —"
    )
    description = forms.CharField(label="Toelichting", widget=AREA, max_length=4000)
    opened_on = forms.DateField(label="Datum", widget=DATE)

    def __init__(self, *args: Any, family: Family, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = family.approach.partners.order_by("name")  # type: ignore[attr-defined]


class RaiseForm(Form):
    note = forms.CharField(label="Waarom opschalen", widget=AREA, max_length=2000)


class CloseEscalationForm(Form):
    closed_on = forms.DateField(label="Gesloten op", widget=DATE)
    outcome = forms.CharField(label="Uitkomst", widget=AREA, max_length=4000)


# --- doorzettingsmacht ---------------------------------------------------------------------------------------


class DecisionForm(Form):
    organisation = forms.ModelChoiceField(
        label="Bindt organisatie", queryset=Organisation.objects.none(), widget=SELECT, empty_label="— kies —"
    )
    kind = forms.ChoiceField(label="Besluit", choices=DecisionKind.choices, widget=SELECT)
    reason = forms.CharField(label="Motivering", widget=AREA, max_length=4000)
    decided_on = forms.DateField(label="Besloten op", widget=DATE)

    def __init__(self, *args: Any, family: Family, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = family.approach.partners.order_by("name")  # type: ignore[attr-defined]


class DecisionAnswerForm(Form):
    use_required_attribute = False
    acknowledge = forms.TypedChoiceField(
        label="Uw organisatie",
        choices=[("ja", "bevestigt het besluit"), ("nee", "weigert het besluit")],
        coerce=lambda v: v == "ja",
        widget=widgets.radios(),
    )
    reason = forms.CharField(label="Reden (bij weigeren)", required=False, widget=AREA, max_length=4000)


# --- social network ------------------------------------------------------------------------------------------


class NetworkPersonForm(Form):
    name = forms.CharField(label="Naam", max_length=160, widget=TEXT)
    tie = forms.ChoiceField(label="Soort relatie", choices=[("", "— kies —"), *NetworkTie.choices], widget=SELECT)
    relation = forms.CharField(label="Relatie (bijv. oma van moederskant)", max_length=160, required=False, widget=TEXT)
    members = forms.ModelMultipleChoiceField(
        label="Hoort bij (niemand: het hele gezin)", queryset=Member.objects.none(), required=False, widget=CHECKS
    )
    influence = forms.ChoiceField(label="Invloed op het gezin", choices=NetworkInfluence.choices, widget=RADIOS)
    phone = forms.CharField(label="Telefoon", max_length=40, required=False, widget=TEXT)
    email = forms.EmailField(label="E-mail", required=False, widget=TEXT)
    role_in_plan = forms.BooleanField(label="Heeft een rol in het plan (bijvoorbeeld een actie)", required=False)
    eyes_and_ears = forms.BooleanField(label="Ogen en oren na de afsluiting", required=False)
    note = forms.CharField(label="Toelichting", required=False, widget=AREA, max_length=2000)
    use_required_attribute = False

    def __init__(self, *args: Any, family: Family, contacts_allowed: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = family.members.all()  # type: ignore[attr-defined]
        if not contacts_allowed:
            for name in ("phone", "email"):
                self.fields[name].help_text = "Alleen als de toestemmingsverklaring dit toestaat; nu niet."
