"""The inspector's forms for a report: the typering of the approach and a subsection of the nota."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gezinsregie.common import widgets
from gezinsregie.frameworks.models import Theme
from gezinsregie.inspections.models import Inspection
from gezinsregie.reports.models import CHARACTERISTICS, Chapter, hint, question

NOT_RECORDED = ("", _("Niet vastgelegd"))
TEXT = forms.TextInput(attrs={"class": "utrecht-textbox"})
NUMBER = forms.NumberInput(attrs={"class": "utrecht-textbox utrecht-textbox--numeric", "inputmode": "numeric"})
AREA = forms.Textarea(attrs={"class": "utrecht-textarea", "rows": 10})
SHORT_AREA = forms.Textarea(attrs={"class": "utrecht-textarea", "rows": 5})


class ApproachProfileForm(forms.Form):
    """Figures 3, 6 and 8 of the 21-municipality report, one question each; "niet vastgelegd" is an answer too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, choices, figure in CHARACTERISTICS:
            self.fields[name] = forms.ChoiceField(
                label=question(name),
                choices=[NOT_RECORDED, *choices.choices],
                required=False,
                widget=widgets.radios(),
                help_text=_("%(hint)s (Figuur %(figure)s van de rapportage over 21 gemeenten.)")
                % {"hint": hint(name), "figure": figure},
            )


class ReportSectionForm(forms.Form):
    chapter = forms.ChoiceField(
        label=_("Hoofdstuk"),
        choices=Chapter.choices,
        initial=Chapter.GOES_WELL,
        widget=forms.Select(attrs={"class": "utrecht-select"}),
    )
    title = forms.CharField(
        label=_("Titel van de paragraaf"),
        max_length=200,
        required=False,
        widget=TEXT,
        help_text=_(
            "Bijvoorbeeld ‘Gezinnen worden niet losgelaten’. Zonder titel: de inleidende tekst van het hoofdstuk."
        ),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Thema’s van het toetsingskader"),
        queryset=Theme.objects.none(),
        required=False,
        widget=widgets.checkboxes(),
        help_text=_("Waar de gehanteerde criteria en normen staan."),
    )
    text = forms.CharField(label=_("Tekst"), required=False, widget=AREA)
    conclusion = forms.CharField(
        label=_("Conclusie"),
        required=False,
        widget=SHORT_AREA,
        help_text=_("De korte conclusie waarmee de paragraaf eindigt."),
    )
    order = forms.IntegerField(
        label=_("Volgorde binnen het hoofdstuk"),
        required=False,
        min_value=0,
        max_value=999,
        widget=NUMBER,
        help_text=_("Leeg: achteraan."),
    )

    def __init__(self, *args: Any, inspection: Inspection, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        themes: Any = self.fields["themes"]
        themes.queryset = Theme.objects.filter(
            level__framework_id=inspection.framework_id, level__key=inspection.level
        ).order_by("order")
        themes.label_from_instance = lambda theme: theme.name
