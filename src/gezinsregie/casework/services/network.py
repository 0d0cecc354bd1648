"""The family's social network: who is around it, supportive or straining, and their role in the plan.

toetsingskader C2.c.1 (mapped) and C2.c.2 (who can play a role); Maastricht 2014 §4.3. How to reach a network
person is recorded only where the family's consent allows it (Consent.covers_network_contacts): without that,
a person with a phone number or e-mail is refused and nothing is written.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.audit import services as audit
from gezinsregie.casework.models import Family, Member, NetworkInfluence, NetworkPerson, NetworkTie
from gezinsregie.casework.selectors.network import contacts_allowed

Permission = policy.Permission
NOTE_LIMIT = 2000
PHONE = re.compile(r"^\+?[0-9 ()-]{6,20}$")
NOT_COVERED = (
    "De toestemmingsverklaring van het gezin staat niet toe dat contactgegevens van het netwerk worden "
    "vastgelegd. Laat telefoon en e-mail leeg, of leg eerst een toestemming vast die dit toestaat."
)


@dataclass(frozen=True)
class NetworkInput:
    """What the coordinator records about one person around the family."""

    name: str
    tie: str
    influence: str
    relation: str = ""
    members: Sequence[Member] = field(default_factory=tuple)
    phone: str = ""
    email: str = ""
    role_in_plan: bool = False
    eyes_and_ears: bool = False
    note: str = ""


def _validate(family: Family, data: NetworkInput) -> None:
    errors: dict[str, list[str]] = {}
    if not data.name.strip():
        errors["name"] = ["Vul de naam in van de persoon uit het netwerk."]
    if data.tie not in NetworkTie.values:
        errors["tie"] = ["Kies de soort relatie: familie, vriend, buren, school, ..."]
    if data.influence not in NetworkInfluence.values:
        errors["influence"] = ["Kies of deze persoon het gezin steunt, wisselend is of het gezin belast."]
    if any(m.family_id != family.pk for m in data.members):
        errors["members"] = ["Kies alleen gezinsleden van dit gezin."]
    phone, email = data.phone.strip(), data.email.strip()
    if phone and not PHONE.match(phone):
        errors["phone"] = ["Dit is geen telefoonnummer: gebruik cijfers, eventueel met +, spaties of streepjes."]
    if (phone or email) and not contacts_allowed(family):
        for name, value in (("phone", phone), ("email", email)):
            if value:
                errors[name] = [NOT_COVERED]
    if data.eyes_and_ears and data.influence == NetworkInfluence.STRAINING:
        errors["eyes_and_ears"] = ["Iemand die het gezin belast, is geen ogen en oren na de afsluiting."]
    if len(data.note) > NOTE_LIMIT:
        errors["note"] = [f"Houd de toelichting kort: ten hoogste {NOTE_LIMIT} tekens."]
    if errors:
        raise ValidationError(errors)


def _fill(person: NetworkPerson, data: NetworkInput) -> None:
    person.name, person.tie, person.influence = data.name.strip(), data.tie, data.influence
    person.relation, person.note = data.relation.strip(), data.note.strip()
    person.phone, person.email = data.phone.strip(), data.email.strip()
    person.role_in_plan, person.eyes_and_ears = data.role_in_plan, data.eyes_and_ears


def _log(actor: User, action: str, family: Family, person: NetworkPerson) -> None:
    audit.record(
        actor=actor,
        action=action,
        family=family,
        obj=person,
        membership=policy.granting_membership(actor, Permission.EDIT, family),
    )


@transaction.atomic
def network_person_add(*, actor: User, family: Family, data: NetworkInput) -> NetworkPerson:
    policy.ensure(actor, Permission.EDIT, family)
    _validate(family, data)
    person = NetworkPerson(family=family, recorded_on=timezone.localdate(), recorded_by=actor)
    _fill(person, data)
    person.full_clean()
    person.save()
    person.members.set(data.members)
    _log(actor, "network.add", family, person)
    return person


@transaction.atomic
def network_person_change(*, actor: User, person: NetworkPerson, data: NetworkInput) -> NetworkPerson:
    """Change what is known of a person. Contact details kept after the consent stopped covering them cannot be
    saved again: leave them empty to keep the rest."""
    family = person.family
    policy.ensure(actor, Permission.EDIT, family)
    _validate(family, data)
    _fill(person, data)
    person.full_clean()
    person.save()
    person.members.set(data.members)
    _log(actor, "network.change", family, person)
    return person


@transaction.atomic
def network_person_remove(*, actor: User, person: NetworkPerson) -> None:
    family = person.family
    policy.ensure(actor, Permission.EDIT, family)
    _log(actor, "network.remove", family, person)
    person.delete()
