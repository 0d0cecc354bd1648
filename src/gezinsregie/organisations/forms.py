"""Forms for the approach's own policy facts: Dutch labels and messages; the rules live in services."""

from typing import Any

from django import forms

from gezinsregie.common import widgets
from gezinsregie.common.uploads import check_document
from gezinsregie.organisations.models import AgreementKind, Approach, Organisation

DATE = forms.DateInput(attrs={"type": "date", "class": "utrecht-textbox"}, format="%Y-%m-%d")
TEXT = forms.TextInput(attrs={"class": "utrecht-textbox"})
NUMBER = forms.NumberInput(attrs={"class": "utrecht-textbox utrecht-textbox--numeric"})
AREA = forms.Textarea(attrs={"class": "utrecht-textarea", "rows": 3})


class PopulationEstimateForm(forms.Form):
    families = forms.IntegerField(
        label="Geschat aantal gezinnen",
        min_value=1,
        widget=NUMBER,
        error_messages={"required": "Vul het geschatte aantal gezinnen in.", "invalid": "Vul een heel getal in."},
        help_text="Hoeveel gezinnen in de gemeente voor deze aanpak in aanmerking komen, ook als zij er nog niet zijn.",
    )
    estimated_on = forms.DateField(
        label="Datum van de schatting",
        widget=DATE,
        error_messages={"required": "Vul de datum van de schatting in.", "invalid": "Vul een geldige datum in."},
    )
    source = forms.CharField(
        label="Bron en werkwijze",
        widget=AREA,
        error_messages={"required": "Waar komt de schatting vandaan? Noem de bron of de werkwijze."},
        help_text="Bijvoorbeeld: wijkanalyse met politie, woningcorporatie en JGZ; of de monitor sociaal domein.",
    )


class CooperationAgreementForm(forms.Form):
    use_required_attribute = False  # an untouched required radio would show as invalid (red) at once
    kind = forms.ChoiceField(
        label="Soort afspraak",
        choices=AgreementKind.choices,
        widget=widgets.radios(),
        error_messages={"required": "Kies de soort afspraak."},
    )
    title = forms.CharField(
        label="Titel",
        max_length=200,
        widget=TEXT,
        error_messages={"required": "Geef de afspraak een titel, zoals die op het document staat."},
    )
    parties = forms.ModelMultipleChoiceField(
        label="Partijen",
        queryset=Organisation.objects.none(),
        widget=widgets.checkboxes(),
        error_messages={"required": "Kies de organisaties die de afspraak tekenden."},
        help_text="De organisaties van de aanpak die de afspraak ondertekenden.",
    )
    signed_on = forms.DateField(
        label="Ondertekend op",
        widget=DATE,
        error_messages={"required": "Vul de datum van ondertekening in.", "invalid": "Vul een geldige datum in."},
    )
    valid_until = forms.DateField(
        label="Geldig tot en met (leeg: zonder einddatum)",
        required=False,
        widget=DATE,
        error_messages={"invalid": "Vul een geldige datum in."},
    )
    document = forms.FileField(
        label="Document (optioneel)", required=False, validators=[check_document], help_text="Tot 10 MB."
    )

    def __init__(self, *args: Any, approach: Approach, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["parties"].queryset = approach.partners.order_by("name")  # type: ignore[attr-defined]
