from django import forms

from gezinsregie.audit import wording


class LogSearchForm(forms.Form):
    """The privacy officer's search: by user, family, action and period; every field optional."""

    gebruiker = forms.CharField(label="Gebruiker (gebruikersnaam of id)", required=False, max_length=150)
    kenmerk = forms.CharField(label="Kenmerk van het gezin", required=False, max_length=20)
    handeling = forms.ChoiceField(label="Handeling", required=False, choices=wording.search_choices)
    van = forms.DateField(label="Van", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    tot = forms.DateField(label="Tot en met", required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean_kenmerk(self) -> str:
        return str(self.cleaned_data["kenmerk"]).strip().upper()

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("van") and data.get("tot") and data["van"] > data["tot"]:
            self.add_error("tot", "De periode klopt niet: 'van' ligt na 'tot en met'.")
        return data

    def only_reference(self) -> bool:
        data = self.cleaned_data
        return bool(data["kenmerk"]) and not any(data[f] for f in ("gebruiker", "handeling", "van", "tot"))

    def is_empty(self) -> bool:
        return not any(self.cleaned_data[f] for f in self.fields)


class PeriodForm(forms.Form):
    van = forms.DateField(label="Van", required=True, widget=forms.DateInput(attrs={"type": "date"}))
    tot = forms.DateField(label="Tot en met", required=True, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("van") and data.get("tot") and data["van"] > data["tot"]:
            self.add_error("tot", "De periode klopt niet: 'van' ligt na 'tot en met'.")
        return data
