"""Forms for the plan. They collect and check input; the services decide and write.

Every edit form carries the plan version it was based on in a hidden `version` field.
"""

from datetime import date
from typing import Any

from django import forms

from gezinsregie.accounts.models import User
from gezinsregie.casework.models import Family, Member, Problem
from gezinsregie.casework.selectors import network as network_selectors
from gezinsregie.common import widgets
from gezinsregie.common.limits import PLANNED_AHEAD, SaneDate
from gezinsregie.plans import selectors
from gezinsregie.plans.models import Action, ActionStatus, GoalStatus, OwnerKind, Plan, Term
from gezinsregie.plans.services import Owner

WIDGET_CLASSES: dict[type[forms.Widget], str] = {
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.DateInput: "utrecht-textbox utrecht-textbox--html-input",
    forms.NumberInput: "utrecht-textbox utrecht-textbox--html-input",
    forms.TextInput: "utrecht-textbox utrecht-textbox--html-input",
}
DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d-%m-%y"]


def date_field(label: str, *, required: bool = True, help_text: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        validators=[SaneDate(ahead=PLANNED_AHEAD)],  # 1900 to five years ahead (issue 12 §10)
        error_messages={
            "required": "Vul een datum in.",
            "invalid": "Dit is geen bestaande datum. Gebruik dag-maand-jaar, bijvoorbeeld 31-1-2025.",
        },
    )


class PlanForm(forms.Form):
    """NL Design System classes on every widget; invalid fields get aria-invalid and point at their error."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            for widget_type, css in WIDGET_CLASSES.items():
                if type(field.widget) is widget_type:
                    field.widget.attrs.setdefault("class", css)
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"{self[name].auto_id}-uitleg"

    def add_error(self, field: str | None, error: Any) -> None:
        super().add_error(field, error)
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["aria-invalid"] = "true"
                described = [f"{self[name].auto_id}-fout"]
                if self.fields[name].help_text:
                    described.append(f"{self[name].auto_id}-uitleg")
                attrs["aria-describedby"] = " ".join(described)
                if "--invalid" not in attrs.get("class", "") and "class" in attrs:
                    base = attrs["class"].split()[0]
                    attrs["class"] += f" {base}--invalid"


def stamp_field() -> forms.CharField:
    """The state of the goal or action the edit form was opened on (services.stamp_of): a second tab cannot
    silently overwrite the first."""
    return forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)


class ProblemChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return problem_label(obj)


class GoalForm(PlanForm):
    problem = ProblemChoiceField(
        label="Probleem",
        queryset=Problem.objects.none(),
        empty_label="— kies het probleem —",
        help_text="Elk doel hoort bij een probleem uit de probleemanalyse.",
        error_messages={"required": "Kies het probleem waar dit doel bij hoort."},
    )
    description = forms.CharField(
        label="Doel",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text="Schrijf het doel in gewone woorden: het gezin leest dit in de samenvatting.",
        error_messages={"required": "Beschrijf het doel."},
    )
    priority = forms.IntegerField(
        label="Prioriteit",
        min_value=1,
        max_value=99,
        help_text="1 = eerst. Doelen met dezelfde prioriteit staan bij elkaar.",
        error_messages={
            "required": "Geef een prioriteit (1 = eerst).",
            "min_value": "De prioriteit is 1 of hoger (1 = eerst).",
            "max_value": "De prioriteit is hoogstens 99.",
            "invalid": "Vul een heel getal in, bijvoorbeeld 1.",
        },
    )
    term = forms.ChoiceField(label="Termijn", choices=Term.choices, initial=Term.SHORT)
    status = forms.ChoiceField(label="Status", choices=GoalStatus.choices, initial=GoalStatus.OPEN)

    FIELD_MAP = {"problem": "problem", "description": "description", "priority": "priority", "term": "term"}
    FIELD_MAP |= {"status": "status"}

    def __init__(self, *args: Any, family: Family, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["problem"].queryset = selectors.problems_of(family)  # type: ignore[attr-defined]
        if editing:
            self.fields["stamp"] = stamp_field()
        else:
            del self.fields["status"]


def problem_label(problem: Problem) -> str:
    who = str(problem.member) if problem.member else "hele gezin"
    text = " ".join(problem.description.split())
    return f"{problem.domain.name} — {who}: {text[:90]}{'…' if len(text) > 90 else ''}"


class ActionForm(PlanForm):
    description = forms.CharField(
        label="Wat gaat er gebeuren?",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": "Beschrijf wat er gaat gebeuren."},
    )
    owner = forms.ChoiceField(
        label="Wie doet het?",
        help_text="Een gezinslid, een betrokken professional van een organisatie uit de toestemmingsverklaring, "
        "of iemand uit het netwerk van het gezin.",
        error_messages={
            "required": "Kies wie deze actie doet.",
            "invalid_choice": "Kies iemand uit de lijst.",
        },
    )
    owner_name = forms.CharField(
        label="Naam (alleen voor iemand uit het netwerk)",
        required=False,
        max_length=160,
        help_text="Bijvoorbeeld: oma Truus, buurman Ahmed, juf Petra.",
    )
    due_on = date_field("Klaar op")
    status = forms.ChoiceField(label="Status", choices=ActionStatus.choices, initial=ActionStatus.OPEN)
    done_on = date_field("Gedaan op", required=False, help_text="Leeg laten bij ‘gedaan’ betekent: vandaag.")

    FIELD_MAP = {
        "description": "description",
        "owner_kind": "owner",
        "owner_member": "owner",
        "owner_user": "owner",
        "owner_organisation": "owner",
        "owner_name": "owner_name",
        "due_on": "due_on",
        "status": "status",
        "done_on": "done_on",
    }

    def __init__(self, *args: Any, family: Family, today: date, action: Action | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if action is not None:
            self.fields["stamp"] = stamp_field()
        self.owners: dict[str, Owner] = {}
        members = [(owner_key(Owner(OwnerKind.MEMBER, member=m)), m) for m in family.members.all()]
        self.owners |= {key: Owner(OwnerKind.MEMBER, member=m) for key, m in members}
        consented = selectors.consented_organisation_ids(family, today=today)
        professionals = []
        for p in selectors.professionals_of(family):
            if p.organisation.pk in consented:
                owner = Owner(OwnerKind.PROFESSIONAL, user=p.user, organisation=p.organisation)
                self.owners[owner_key(owner)] = owner
                professionals.append((owner_key(owner), str(p)))
        self.owners["network"] = Owner(OwnerKind.NETWORK)
        network = [(f"network:{p.pk}", p) for p in network_selectors.network_of(family)]  # the mapped network
        self.owners |= {key: Owner(OwnerKind.NETWORK, name=p.name) for key, p in network}
        choices: list[tuple[str, Any]] = [("", "— kies wie het doet —")]
        if action is not None and owner_key(Owner.of(action)) not in self.owners:
            # The current owner, no longer within the consent: shown, so the service can say why it is refused.
            current = Owner.of(action)
            self.owners[owner_key(current)] = current
            choices.append(
                (
                    "Huidige eigenaar",
                    [(owner_key(current), f"{action.owner_display} — niet meer binnen de toestemming")],
                )
            )
        choices += [
            ("Gezinsleden", [(key, f"{m} ({m.get_relation_display()})") for key, m in members]),
            ("Professionals (binnen de toestemming)", professionals),
            (
                "Netwerk",
                [
                    *((k, f"{p.name} ({p.get_tie_display()})") for k, p in network),
                    ("network", "Iemand uit het netwerk (vul hieronder de naam in)"),
                ],
            ),
        ]
        self.fields["owner"].choices = choices  # type: ignore[attr-defined]
        if action is None:
            del self.fields["status"]
            del self.fields["done_on"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        key = cleaned.get("owner")
        if key:
            owner = self.owners[key]
            if owner.kind == OwnerKind.NETWORK:
                name = owner.name or cleaned.get("owner_name", "").strip()  # a mapped person, or the name typed
                if not name:
                    self.add_error("owner_name", "Vul de naam in van de persoon uit het netwerk.")
                owner = Owner(OwnerKind.NETWORK, name=name)
            cleaned["owner_obj"] = owner
        return cleaned


def owner_key(owner: Owner) -> str:
    if owner.kind == OwnerKind.MEMBER and owner.member is not None:
        return f"member:{owner.member.pk}"
    if owner.kind == OwnerKind.PROFESSIONAL and owner.user is not None and owner.organisation is not None:
        return f"professional:{owner.user.pk}:{owner.organisation.pk}"
    return "network"


class ApprovalForm(PlanForm):
    goals_set_with_family = forms.BooleanField(
        label="De doelen zijn samen met het gezin bepaald",
        required=False,
        help_text="Toetsingskader C2.a.2: de doelen zijn met het gezin bepaald.",
    )
    approved_by_family_on = date_field(
        "Het gezin heeft ingestemd met het plan op",
        required=False,
        help_text="Leeg laten als het gezin (nog) niet heeft ingestemd.",
    )

    FIELD_MAP = {"goals_set_with_family": "goals_set_with_family", "approved_by_family_on": "approved_by_family_on"}


class ProgressForm(forms.Form):
    """What the owner of an action reports: done (with a note), or not possible (with the reason)."""

    use_required_attribute = False
    done = forms.TypedChoiceField(
        label="De actie",
        choices=[("ja", "is gedaan"), ("nee", "kan niet")],
        coerce=lambda v: v == "ja",
        widget=widgets.radios(),
        error_messages={"required": "Kies of de actie gedaan is of niet kan."},
    )
    note = forms.CharField(
        label="Toelichting",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"class": "utrecht-textarea", "rows": 3}),
        help_text="Bij ‘kan niet’: waarom niet? De regisseur leest het.",
    )


# --- round tables ------------------------------------------------------------------------------------------------

AGREEMENT_ROWS = 3


class MeetingForm(PlanForm):
    """The round table: who, when, the minutes, and up to three agreements that become actions in the plan."""

    held_on = date_field("Gehouden op")
    chair = forms.ModelChoiceField(label="Voorzitter", queryset=User.objects.none(), empty_label="— kies —")
    attendees = forms.ModelMultipleChoiceField(
        label="Aanwezige professionals (ontvangen het verslag)",
        queryset=User.objects.none(),
        required=False,
        widget=widgets.checkboxes(),
    )
    members = forms.ModelMultipleChoiceField(
        label="Gezinsleden (voor een deel van het overleg)",
        queryset=Member.objects.none(),
        required=False,
        widget=widgets.checkboxes(),
    )
    network = forms.CharField(label="Aanwezigen uit het netwerk", required=False, max_length=300)
    minutes = forms.CharField(label="Verslag", widget=forms.Textarea(attrs={"rows": 8}), max_length=20_000)

    def __init__(self, *args: Any, family: Family, plan: Plan | None, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        people = User.objects.filter(pk__in=[p.user.pk for p in selectors.professionals_of(family)]).order_by(
            "last_name", "first_name"
        )
        self.fields["chair"].queryset = people  # type: ignore[attr-defined]
        self.fields["attendees"].queryset = people  # type: ignore[attr-defined]
        self.fields["members"].queryset = family.members.all()  # type: ignore[attr-defined]
        owners = ActionForm(family=family, today=today)
        self.owners = owners.owners
        plan_goals = list(plan.goals.order_by("priority")) if plan is not None else []  # no plan: no agreements
        goals = [("", "— geen afspraak —")] + [(str(g.pk), g.description[:80]) for g in plan_goals]
        self.goals = {str(g.pk): g for g in plan_goals}
        for n in range(1, AGREEMENT_ROWS + 1):
            self.fields[f"agreement_{n}_goal"] = forms.ChoiceField(
                label=f"Afspraak {n}: bij doel", choices=goals, required=False
            )
            self.fields[f"agreement_{n}_description"] = forms.CharField(
                label=f"Afspraak {n}: wat", required=False, max_length=2000
            )
            owner_choices = owners.fields["owner"].choices  # type: ignore[attr-defined]
            self.fields[f"agreement_{n}_owner"] = forms.ChoiceField(
                label=f"Afspraak {n}: wie", choices=owner_choices, required=False
            )
            self.fields[f"agreement_{n}_owner_name"] = forms.CharField(
                label=f"Afspraak {n}: naam (netwerk)", required=False, max_length=160
            )
            self.fields[f"agreement_{n}_due_on"] = date_field(f"Afspraak {n}: klaar op", required=False)
        for name, field in self.fields.items():  # PlanForm styled the fields it knew; these came after
            css = WIDGET_CLASSES.get(type(field.widget))
            if name.startswith("agreement_") and css:
                field.widget.attrs.setdefault("class", css)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        rows = []
        for n in range(1, AGREEMENT_ROWS + 1):
            goal, text = cleaned.get(f"agreement_{n}_goal"), (cleaned.get(f"agreement_{n}_description") or "").strip()
            owner_key_, due_on = cleaned.get(f"agreement_{n}_owner"), cleaned.get(f"agreement_{n}_due_on")
            if not (goal or text or owner_key_ or due_on):
                continue  # an empty row: no agreement
            if not text:
                self.add_error(f"agreement_{n}_description", "Wat is er afgesproken?")
            if not owner_key_:
                self.add_error(f"agreement_{n}_owner", "Wie doet het?")
            if due_on is None:
                self.add_error(f"agreement_{n}_due_on", "Wanneer is het klaar?")
            if text and owner_key_ and due_on is not None:
                owner = self.owners[owner_key_]
                if owner.kind == OwnerKind.NETWORK:
                    typed = (cleaned.get(f"agreement_{n}_owner_name") or "").strip()
                    owner = Owner(OwnerKind.NETWORK, name=owner.name or typed)  # a mapped person, or the name typed
                rows.append((self.goals.get(goal or ""), text, owner, due_on))
        cleaned["agreement_rows"] = rows
        return cleaned
