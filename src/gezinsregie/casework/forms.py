"""Forms for the casework screens. Dutch labels and messages; domain rules live in services and rules."""

from typing import Any

from django import forms
from django.forms import formset_factory

from gezinsregie.accounts.models import Role, User
from gezinsregie.casework import bsn, rules
from gezinsregie.casework.models import (
    CarePriority,
    Circle,
    ContactKind,
    DecisionKind,
    EndReason,
    Family,
    FamilyStatus,
    Member,
    MemberRelation,
    NetworkInfluence,
    NetworkTie,
    OwnStrength,
    Problem,
    ReferralSource,
    Severity,
    Stagnation,
    Urgency,
)
from gezinsregie.casework.services import coordinators_for, professionals_of
from gezinsregie.common import uploads, widgets
from gezinsregie.common.limits import MAX_TEXT, SaneDate
from gezinsregie.frameworks.models import LifeDomain
from gezinsregie.organisations.models import Approach, Organisation
from gezinsregie.plans.selectors import consented_organisation_ids

DATE = forms.DateInput(attrs={"type": "date", "class": "utrecht-textbox"}, format="%Y-%m-%d")
TEXT = forms.TextInput(attrs={"class": "utrecht-textbox"})
AREA = forms.Textarea(attrs={"class": "utrecht-textarea", "rows": 4})
SELECT = forms.Select(attrs={"class": "utrecht-select"})
CHECKS = widgets.checkboxes()


class RegistrationForm(forms.Form):
    family_name = forms.CharField(label="Naam van het gezin", max_length=120, widget=TEXT)
    address = forms.CharField(label="Adres", max_length=200, required=False, widget=TEXT)
    neighbourhood = forms.CharField(label="Wijk", max_length=80, required=False, widget=TEXT)
    source = forms.ChoiceField(label="Bron van de aanmelding", choices=ReferralSource.choices, widget=SELECT)
    reason = forms.CharField(label="Reden van aanmelding", widget=AREA, max_length=MAX_TEXT)
    domains = forms.ModelMultipleChoiceField(
        label="Leefgebieden waarover zorgen zijn", queryset=LifeDomain.objects.none(), widget=CHECKS
    )
    urgency = forms.ChoiceField(label="Urgentie", choices=Urgency.choices, initial=Urgency.NORMAL, widget=SELECT)
    # a future date: the service says so in its own words
    referred_on = forms.DateField(label="Datum van aanmelding", widget=DATE, validators=[SaneDate()])

    def __init__(self, *args: Any, approach: Approach, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["domains"].queryset = approach.life_domain_set.domains.all()  # type: ignore[attr-defined]


class MemberForm(forms.Form):
    first_name = forms.CharField(label="Voornaam", max_length=80, widget=TEXT)
    last_name = forms.CharField(label="Achternaam", max_length=120, widget=TEXT)
    birth_date = forms.DateField(label="Geboortedatum", widget=DATE, validators=[SaneDate(future=False)])
    relation = forms.ChoiceField(
        label="Rol in het gezin", choices=MemberRelation.choices, initial=MemberRelation.CHILD, widget=SELECT
    )
    bsn = forms.CharField(
        label="Burgerservicenummer (optioneel)",
        help_text="9 cijfers. Alleen vastgelegd waar de aanpak daar een wettelijke grondslag voor heeft.",
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"class": "utrecht-textbox", "inputmode": "numeric", "autocomplete": "off"}),
    )

    def __init__(self, *args: Any, bsn_allowed: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not bsn_allowed:  # issue 12 §12: no legal basis, no field
            del self.fields["bsn"]

    def clean_bsn(self) -> str:
        typed: str = self.cleaned_data.get("bsn", "")
        if problem := bsn.problem(typed):
            raise forms.ValidationError(problem)
        return bsn.normalise(typed) if typed.strip() else ""


MemberFormSet = formset_factory(
    MemberForm, extra=0, min_num=1, validate_min=True, max_num=rules.MAX_MEMBERS, validate_max=True
)


class TriageForm(forms.Form):
    use_required_attribute = False  # an untouched required radio would show as invalid (red) at once
    accepted = forms.TypedChoiceField(
        label="Besluit",
        choices=[("ja", "Opnemen in de aanpak"), ("nee", "Niet opnemen")],
        coerce=lambda v: v == "ja",
        widget=widgets.radios(),
    )
    criteria_met = forms.MultipleChoiceField(label="Criteria waaraan het gezin voldoet", required=False, widget=CHECKS)
    reason = forms.CharField(label="Motivering", widget=AREA)
    decided_on = forms.DateField(label="Datum besluit", widget=DATE)
    start_on = forms.DateField(label="Startdatum van de aanpak", required=False, widget=DATE)
    process_manager = forms.ModelChoiceField(
        label="Procesmanager", queryset=User.objects.none(), required=False, widget=SELECT
    )

    def __init__(self, *args: Any, family: Family, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["criteria_met"].choices = [(c, c) for c in family.approach.triage_criteria_list]  # type: ignore[attr-defined]
        self.fields["process_manager"].queryset = User.objects.filter(  # type: ignore[attr-defined]
            memberships__role=Role.PROCESS_MANAGER, memberships__approach=family.approach, memberships__active=True
        ).distinct()


class ConsentForm(forms.Form):
    informed_of_rights = forms.BooleanField(
        label="Het gezin is geïnformeerd over zijn rechten (inzage, correctie, intrekken van toestemming)",
        required=False,
    )
    signed_on = forms.DateField(label="Getekend op", widget=DATE, validators=[SaneDate(future=False)])
    signed_by = forms.CharField(label="Getekend door", max_length=160, widget=TEXT)
    organisations = forms.ModelMultipleChoiceField(
        label="Organisaties die informatie mogen delen", queryset=Organisation.objects.none(), widget=CHECKS
    )
    covers_network_contacts = forms.BooleanField(
        label="Het gezin staat toe dat contactgegevens van het netwerk worden vastgelegd", required=False
    )
    scan = forms.FileField(
        label="Scan van de verklaring (pdf of afbeelding, optioneel)", required=False, validators=[uploads.check_scan]
    )

    def __init__(self, *args: Any, family: Family, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisations"].queryset = family.approach.partners.all()  # type: ignore[attr-defined]


class WithdrawConsentForm(forms.Form):
    withdrawn_on = forms.DateField(label="Ingetrokken op", widget=DATE, validators=[SaneDate()])
    reason = forms.CharField(label="Reden", required=False, widget=AREA, max_length=MAX_TEXT)


class ProblemForm(forms.Form):
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


class ScoresForm(forms.Form):
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


class CoordinatorForm(forms.Form):
    coordinator = forms.ModelChoiceField(label="Regisseur", queryset=User.objects.none(), widget=SELECT)
    assigned_on = forms.DateField(label="Met ingang van", widget=DATE)
    reason = forms.CharField(label="Reden (bij overdracht: waarom)", widget=AREA)

    def __init__(self, *args: Any, family: Family, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["coordinator"].queryset = coordinators_for(family.approach).order_by(  # type: ignore[attr-defined]
            "first_name", "last_name"
        )
        self.fields["coordinator"].label_from_instance = lambda u: f"{u} ({u.memberships.first().organisation})"  # type: ignore[attr-defined]


class CaseloadFilterForm(forms.Form):
    q = forms.CharField(label="Zoek op kenmerk of naam", required=False, widget=TEXT)
    status = forms.ChoiceField(label="Status", required=False, widget=SELECT)
    attention = forms.BooleanField(label="Alleen gezinnen die aandacht vragen", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", "Alle statussen"), *FamilyStatus.choices]  # type: ignore[attr-defined]


# --- involvement ---------------------------------------------------------------------------------------------


class ProblemChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.domain}: {obj.member or 'hele gezin'}: {obj.description[:60]}"


class InvolvementForm(forms.Form):
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


class EndInvolvementForm(forms.Form):
    ended_on = forms.DateField(label="Betrokken tot en met", widget=DATE)
    reason = forms.ChoiceField(label="Reden", choices=[("", "— kies —"), *EndReason.choices], widget=SELECT)
    note = forms.CharField(label="Toelichting", required=False, widget=AREA, max_length=2000)


class RespondForm(forms.Form):
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


class ContactForm(forms.Form):
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


# --- care requests -------------------------------------------------------------------------------------------


class CareRequestForm(forms.Form):
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


class CareStartForm(forms.Form):
    started_on = forms.DateField(label="Zorg gestart op", widget=DATE)


class CareWithdrawForm(forms.Form):
    withdrawn_on = forms.DateField(label="Ingetrokken op", widget=DATE)
    reason = forms.CharField(label="Reden", widget=AREA, max_length=2000)


# --- escalation ----------------------------------------------------------------------------------------------


class EscalationForm(forms.Form):
    stagnation = forms.ChoiceField(label="Wat stagneert", choices=Stagnation.choices, widget=SELECT)
    organisation = forms.ModelChoiceField(
        label="Betreft organisatie", queryset=Organisation.objects.none(), widget=SELECT, empty_label="— kies —"
    )
    description = forms.CharField(label="Toelichting", widget=AREA, max_length=4000)
    opened_on = forms.DateField(label="Datum", widget=DATE)

    def __init__(self, *args: Any, family: Family, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = family.approach.partners.order_by("name")  # type: ignore[attr-defined]


class RaiseForm(forms.Form):
    note = forms.CharField(label="Waarom opschalen", widget=AREA, max_length=2000)


class CloseEscalationForm(forms.Form):
    closed_on = forms.DateField(label="Gesloten op", widget=DATE)
    outcome = forms.CharField(label="Uitkomst", widget=AREA, max_length=4000)


# --- doorzettingsmacht ---------------------------------------------------------------------------------------


class DecisionForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label="Bindt organisatie", queryset=Organisation.objects.none(), widget=SELECT, empty_label="— kies —"
    )
    kind = forms.ChoiceField(label="Besluit", choices=DecisionKind.choices, widget=SELECT)
    reason = forms.CharField(label="Motivering", widget=AREA, max_length=4000)
    decided_on = forms.DateField(label="Besloten op", widget=DATE)

    def __init__(self, *args: Any, family: Family, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = family.approach.partners.order_by("name")  # type: ignore[attr-defined]


class DecisionAnswerForm(forms.Form):
    use_required_attribute = False
    acknowledge = forms.TypedChoiceField(
        label="Uw organisatie",
        choices=[("ja", "bevestigt het besluit"), ("nee", "weigert het besluit")],
        coerce=lambda v: v == "ja",
        widget=widgets.radios(),
    )
    reason = forms.CharField(label="Reden (bij weigeren)", required=False, widget=AREA, max_length=4000)


# --- social network ------------------------------------------------------------------------------------------


RADIOS = widgets.radios()


class NetworkPersonForm(forms.Form):
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
