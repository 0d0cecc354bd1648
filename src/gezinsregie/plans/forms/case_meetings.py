"""Forms of the case meeting over many families (zorgnetwerkoverleg): planning one, and one family's part.

The view passes the querysets: the families from policy.family_list, the chairs and the possible case managers from
the selectors and casework. The services decide and write.
"""

from datetime import date
from typing import Any

from django import forms
from django.db.models import QuerySet

from gezinsregie.accounts.models import User
from gezinsregie.casework.models import Family
from gezinsregie.common import widgets
from gezinsregie.plans.forms import WIDGET_CLASSES, MeetingForm, PlanForm, date_field
from gezinsregie.plans.models import Plan

TIME_FORMATS = ["%H:%M", "%H.%M", "%H:%M:%S"]


def time_field(label: str) -> forms.TimeField:
    return forms.TimeField(
        label=label,
        input_formats=TIME_FORMATS,
        widget=forms.TimeInput(
            attrs={"type": "time", "class": "utrecht-textbox utrecht-textbox--html-input"}, format="%H:%M"
        ),
        error_messages={
            "required": "Vul een tijd in, bijvoorbeeld 09:30.",
            "invalid": "Dit is geen tijd. Gebruik uren en minuten, bijvoorbeeld 09:30.",
        },
    )


def _style(field: forms.Field) -> None:
    css = WIDGET_CLASSES.get(type(field.widget))
    if css:
        field.widget.attrs.setdefault("class", css)


class FamilyChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.reference} — {obj.name} ({obj.get_status_display()})"


class CaseMeetingForm(PlanForm):
    """When and where, who chairs, and the families on the agenda."""

    held_on = date_field("Datum")
    starts_at = time_field("Begintijd")
    ends_at = time_field("Eindtijd")
    location = forms.CharField(
        label="Plaats",
        max_length=200,
        help_text="Bijvoorbeeld: stadhuis, vergaderzaal 2. Deze plaats komt ook in de agenda-uitnodiging (.ics).",
        error_messages={"required": "Vul de plaats in, bijvoorbeeld: stadhuis, vergaderzaal 2."},
    )
    chair = forms.ModelChoiceField(
        label="Voorzitter",
        queryset=User.objects.none(),
        empty_label="— kies —",
        help_text="Een procesmanager van de aanpak, namens de gemeente.",
        error_messages={"required": "Kies de voorzitter.", "invalid_choice": "Kies een voorzitter uit de lijst."},
    )
    recurrence = forms.CharField(
        label="Herhaling", required=False, max_length=100, help_text="Bijvoorbeeld: maandelijks, elke eerste dinsdag."
    )
    families = FamilyChoiceField(
        label="Gezinnen op de agenda",
        queryset=None,  # the families the view got from policy.family_list, set when the form is made
        widget=widgets.checkboxes(),
        help_text="Wie het overleg later bekijkt, ziet alleen de gezinnen waar hij of zij inzage in heeft.",
        error_messages={
            "required": "Zet ten minste één gezin op de agenda.",
            "invalid_choice": "Een van de gekozen gezinnen hoort niet bij deze aanpak.",
        },
    )

    def __init__(self, *args: Any, chairs: QuerySet[User], families: QuerySet[Family], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["version"]
        self.fields["chair"].queryset = chairs  # type: ignore[attr-defined]
        self.fields["families"].queryset = families  # type: ignore[attr-defined]


class CaseMeetingPartForm(MeetingForm):
    """One family's part: the round table without its own date and chair (those of the case meeting), and, for
    whoever may assign coordinators, the case manager appointed in the meeting."""

    def __init__(
        self,
        *args: Any,
        family: Family,
        plan: Plan | None,
        today: date,
        coordinators: QuerySet[User] | None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, family=family, plan=plan, today=today, **kwargs)
        del self.fields["held_on"], self.fields["chair"]
        if plan is None:  # nothing to agree on yet: the agreements become actions of a plan
            self.fields["version"].required = False
            for name in [n for n in self.fields if n.startswith("agreement_")]:
                del self.fields[name]
        if coordinators is not None:
            self.fields["coordinator"] = forms.ModelChoiceField(
                label="Regisseur aanwijzen",
                queryset=coordinators,
                required=False,
                empty_label="— geen nieuwe regisseur —",
                help_text="De casemanager die het overleg voor dit gezin aanwijst; de overdracht komt in de "
                "geschiedenis van de regie.",
                error_messages={"invalid_choice": "Kies een regisseur uit de lijst."},
            )
            self.fields["coordinator_note"] = forms.CharField(
                label="Toelichting bij de aanwijzing", required=False, max_length=500
            )
            for name in ("coordinator", "coordinator_note"):
                _style(self.fields[name])
