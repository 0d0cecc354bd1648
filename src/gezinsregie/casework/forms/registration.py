"""Aanmelding and the first steps: registration with its members, triage, consent, the coordinator."""

from typing import Any

from django import forms
from django.db.models import Count, Q
from django.forms import formset_factory
from django.utils.translation import ngettext

from gezinsregie.accounts.models import Role, User
from gezinsregie.casework import bsn, rules, workflow
from gezinsregie.casework.forms.base import AREA, CHECKS, DATE, SELECT, TEXT, Form
from gezinsregie.casework.models import (
    Family,
    FamilyStatus,
    MemberRelation,
    ReferralSource,
    Urgency,
)
from gezinsregie.casework.services import coordinators_for
from gezinsregie.common import uploads, widgets
from gezinsregie.common.limits import MAX_TEXT, SaneDate
from gezinsregie.frameworks.models import LifeDomain
from gezinsregie.organisations.models import Approach, Organisation


class RegistrationForm(Form):
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
        # The wijk from the municipality's list (issue 14 §3), stored by name; free text only where the
        # municipality has no list yet.
        wijken = list(approach.municipality.neighbourhoods.filter(active=True).values_list("name", flat=True))
        if wijken:
            self.fields["neighbourhood"] = forms.ChoiceField(
                label="Wijk",
                choices=[("", "Kies een wijk"), *((name, name) for name in wijken)],
                required=False,
                widget=SELECT,
                help_text="Staat de wijk er niet bij? Laat dit leeg en noem de wijk bij de reden.",
            )


# The "Klopt dit?" confirmation of a member whose data is unlikely (rules.member_notes, a warning).
CONFIRM = "klopt"


class MemberForm(Form):
    first_name = forms.CharField(label="Voornaam", max_length=80, widget=TEXT)
    last_name = forms.CharField(label="Achternaam", max_length=120, widget=TEXT)
    birth_date = forms.DateField(label="Geboortedatum", widget=DATE, validators=[SaneDate(future=False)])
    relation = forms.ChoiceField(
        label="Rol in het gezin", choices=MemberRelation.choices, initial=MemberRelation.CHILD, widget=SELECT
    )
    bsn = forms.CharField(
        label="Burgerservicenummer",
        help_text="9 cijfers. Alleen vastgelegd waar de aanpak daar een wettelijke grondslag voor heeft.",
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"class": "utrecht-textbox", "inputmode": "numeric", "autocomplete": "off"}),
    )

    def __init__(self, *args: Any, bsn_allowed: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not bsn_allowed:  # issue 12 §12: no legal basis, no field
            del self.fields["bsn"]
        if self.is_bound and self.add_prefix(CONFIRM) in self.data:  # asked before: keep asking until confirmed
            self.ask_confirmation()

    def ask_confirmation(self) -> None:
        """Show the "Klopt dit?" checkbox: a warning on this member that the registrant may confirm."""
        self.fields[CONFIRM] = forms.BooleanField(
            label="Klopt dit? Ja, ik heb de gegevens van dit gezinslid gecontroleerd", required=False
        )

    @property
    def confirmed(self) -> bool:
        return bool(getattr(self, "cleaned_data", {}).get(CONFIRM))

    def member(self) -> rules.MemberInput:
        data = {k: v for k, v in self.cleaned_data.items() if k != CONFIRM}
        return rules.MemberInput(**data)

    def clean_bsn(self) -> str:
        typed: str = self.cleaned_data.get("bsn", "")
        if problem := bsn.problem(typed):
            raise forms.ValidationError(problem)
        return bsn.normalise(typed) if typed.strip() else ""


MemberFormSet = formset_factory(
    MemberForm, extra=0, min_num=1, validate_min=True, max_num=rules.MAX_MEMBERS, validate_max=True
)


class TriageForm(Form):
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


class ConsentForm(Form):
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
        label="Scan van de verklaring (pdf of afbeelding)", required=False, validators=[uploads.check_scan]
    )

    def __init__(self, *args: Any, family: Family, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisations"].queryset = family.approach.partners.all()  # type: ignore[attr-defined]


class WithdrawConsentForm(Form):
    withdrawn_on = forms.DateField(label="Ingetrokken op", widget=DATE, validators=[SaneDate()])
    reason = forms.CharField(label="Reden", required=False, widget=AREA, max_length=MAX_TEXT)


def caseload_label(name: str, organisation: object, caseload: int) -> str:
    """ "Jan Jansen (GGZ Zeldenbroek, 12 gezinnen)": who the process manager assigns, and how much they carry."""
    families = ngettext("%(n)d gezin", "%(n)d gezinnen", caseload) % {"n": caseload}
    return f"{name} ({organisation}, {families})"


class CoordinatorForm(Form):
    coordinator = forms.ModelChoiceField(
        label="Regisseur", queryset=User.objects.none(), widget=SELECT, empty_label="Kies een regisseur"
    )
    assigned_on = forms.DateField(label="Met ingang van", widget=DATE)
    reason = forms.CharField(label="Reden van de overdracht", widget=AREA, required=False)

    def __init__(self, *args: Any, family: Family, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # the caseload: families each coordinator steers now, in any approach (closed ones no longer count)
        ongoing = ~Q(coordinated_families__status__in=workflow.CASEWORK_OVER)
        self.fields["coordinator"].queryset = (  # type: ignore[attr-defined]
            coordinators_for(family.approach)
            .annotate(caseload=Count("coordinated_families", filter=ongoing, distinct=True))
            .order_by("first_name", "last_name")
        )
        self.fields["coordinator"].label_from_instance = lambda u: caseload_label(  # type: ignore[attr-defined]
            str(u), u.memberships.first().organisation, u.caseload
        )
        if family.coordinator_id:  # a handover: say why (the first assignment needs no reason)
            self.fields["reason"].required = True
            self.fields["reason"].label = "Reden van de overdracht: waarom een andere regisseur"
        else:
            self.fields["reason"].label = "Toelichting"


class CaseloadFilterForm(Form):
    q = forms.CharField(label="Zoek op kenmerk of naam", required=False, widget=TEXT)
    status = forms.ChoiceField(label="Status", required=False, widget=SELECT)
    attention = forms.BooleanField(label="Alleen gezinnen die aandacht vragen", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", "Alle statussen"), *FamilyStatus.choices]  # type: ignore[attr-defined]
