"""Involvement of professionals and the contact journal."""

from typing import Any

from django import forms

from gezinsregie.casework.forms.base import AREA, CHECKS, DATE, SELECT, Form
from gezinsregie.casework.models import (
    Circle,
    ContactKind,
    EndReason,
    Family,
    Member,
    Problem,
)
from gezinsregie.casework.services import professionals_of
from gezinsregie.common import widgets
from gezinsregie.organisations.models import Organisation
from gezinsregie.plans.selectors import consented_organisation_ids

# --- involvement ---------------------------------------------------------------------------------------------


class ProblemChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.domain}: {obj.member or 'hele gezin'}: {obj.description[:60]}"


class InvolvementForm(Form):
    use_required_attribute = False
    professional = forms.ChoiceField(
        label="Professional",
        widget=SELECT,
        help_text="Alleen professionals van organisaties die in de toestemmingsverklaring van het gezin staan.",
        error_messages={"required": "Kies de professional die u wilt uitnodigen."},
    )
    circle = forms.ChoiceField(label="Rol", choices=Circle.choices, initial=Circle.INNER, widget=widgets.radios())
    problems = ProblemChoices(label="Voor de problemen", queryset=Problem.objects.none(), required=False, widget=CHECKS)
    started_on = forms.DateField(label="Betrokken vanaf", widget=DATE)

    def __init__(self, *args: Any, family: Family, today: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        consented = consented_organisation_ids(family, today=today)
        partners = family.approach.partners.filter(pk__in=consented).order_by("name")
        self.people: dict[str, tuple[Any, Organisation]] = {
            f"{user.pk}:{organisation.pk}": (user, organisation)
            for organisation in partners
            for user in professionals_of(organisation)
        }
        self.fields["professional"].choices = [("", "— kies —")] + [  # type: ignore[attr-defined]
            (key, f"{user} ({organisation})") for key, (user, organisation) in self.people.items()
        ]
        self.fields["problems"].queryset = family.problems.select_related("domain", "member")  # type: ignore[attr-defined]

    def chosen(self) -> tuple[Any, Organisation]:
        return self.people[self.cleaned_data["professional"]]


class EndInvolvementForm(Form):
    ended_on = forms.DateField(label="Betrokken tot en met", widget=DATE)
    reason = forms.ChoiceField(label="Reden", choices=[("", "— kies —"), *EndReason.choices], widget=SELECT)
    note = forms.CharField(label="Toelichting", required=False, widget=AREA, max_length=2000)


class RespondForm(Form):
    use_required_attribute = False
    accept = forms.TypedChoiceField(
        label="Uw antwoord",
        choices=[("ja", "Ik word betrokken bij dit gezin"), ("nee", "Ik kan niet betrokken worden")],
        coerce=lambda v: v == "ja",
        widget=widgets.radios(),
        error_messages={"required": "Kies of u betrokken wordt."},
    )
    reason = forms.CharField(
        label="Reden (als u niet betrokken kunt worden)", required=False, widget=AREA, max_length=2000
    )


# --- contact journal -----------------------------------------------------------------------------------------


class ContactForm(Form):
    kind = forms.ChoiceField(label="Soort contact", choices=ContactKind.choices, widget=SELECT)
    happened_on = forms.DateField(label="Datum", widget=DATE)
    members = forms.ModelMultipleChoiceField(
        label="Met wie", queryset=Member.objects.none(), required=False, widget=CHECKS
    )
    note = forms.CharField(
        label="Korte notitie",
        required=False,
        widget=AREA,
        max_length=2000,
        help_text="Wat is er besproken of afgesproken? Bij ‘niet thuis’ mag dit leeg blijven.",
    )

    def __init__(self, *args: Any, family: Family, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = family.members.all()  # type: ignore[attr-defined]
