"""Reads of the family's social network: the map and the table, and what the plan and the caseload ask of it.

Each reads the network of a family the caller got through policy.access_family: the network follows its family.
toetsingskader C2.c.1-C2.c.3; Maastricht 2014 §4.3 and §6.2 ("geen volgende stap zonder netwerk").
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone

from gezinsregie.casework import network_map, rules
from gezinsregie.casework.models import Family, Member, NetworkInfluence, NetworkPerson
from gezinsregie.plans.models import GoalStatus


def contacts_allowed(family: Family, *, today: date | None = None) -> bool:
    """A consent in force that lets the network's contact details be recorded (and shown)."""
    return family.consents.filter(
        signed_on__lte=today or timezone.localdate(), withdrawn_on__isnull=True, covers_network_contacts=True
    ).exists()


def network_of(family: Family) -> list[NetworkPerson]:
    return list(family.network.prefetch_related("members").order_by("name", "pk"))


def network_person_of(family: Family, person_id: str) -> NetworkPerson | None:
    return family.network.filter(pk=person_id).first() if person_id.isdigit() else None


def has_network_goal(family: Family) -> bool:
    """The plan has a goal (not dropped) on building the network (casework.rules.builds_network)."""
    try:
        plan = family.plan
    except ObjectDoesNotExist:
        return False
    goals = plan.goals.exclude(status=GoalStatus.DROPPED).values_list("problem__domain__key", "description")
    return any(rules.builds_network(domain_key=key, description=text) for key, text in goals)


@dataclass(frozen=True)
class NetworkStatus:
    """What the plan page and the summary ask: is anyone there to support the family, and is building it a goal."""

    persons: int
    supportive: int
    network_goal: bool

    @property
    def lacks_supportive(self) -> bool:
        return self.supportive == 0

    @property
    def proposes_goal(self) -> bool:
        """ "Stel een doel: een steunend netwerk opbouwen" (C2.c.3), until the plan has one."""
        return self.lacks_supportive and not self.network_goal


def status_of(family: Family) -> NetworkStatus:
    influences = list(family.network.values_list("influence", flat=True))
    return NetworkStatus(
        persons=len(influences),
        supportive=influences.count(NetworkInfluence.SUPPORTIVE),
        network_goal=has_network_goal(family),
    )


@dataclass(frozen=True)
class NetworkRow:
    person: NetworkPerson
    members: list[Member]  # empty: the whole family
    show_contacts: bool  # phone and e-mail only while a consent covers them

    @property
    def roles(self) -> list[str]:
        roles = ["actiehouder in het plan"] if self.person.role_in_plan else []
        return roles + (["ogen en oren na afsluiting"] if self.person.eyes_and_ears else [])


@dataclass(frozen=True)
class NetworkOverview:
    rows: list[NetworkRow]
    layout: network_map.Layout
    status: NetworkStatus
    contacts_allowed: bool

    def count(self, influence: str) -> int:
        return sum(1 for row in self.rows if row.person.influence == influence)

    @property
    def counts(self) -> list[tuple[str, str, int]]:
        """(value, label, how many) per influence, for the legend."""
        return [(value, str(label), self.count(value)) for value, label in NetworkInfluence.choices]


def _description(row: NetworkRow) -> str:
    person = row.person
    tie = person.get_tie_display() + (f" ({person.relation})" if person.relation else "")
    towards = ", ".join(m.first_name for m in row.members) or "het hele gezin"
    parts = [person.name, tie, f"bij {towards}", person.get_influence_display(), *row.roles]
    return ", ".join(str(p) for p in parts)


def overview(family: Family) -> NetworkOverview:
    """The map and the table of the family's network: members in the centre, the persons around them."""
    persons = network_of(family)
    members = list(family.members.all())
    allowed = contacts_allowed(family)
    rows = [NetworkRow(p, list(p.members.all()), allowed) for p in persons]
    layout = network_map.layout(
        [network_map.MapMember(m.pk, m.first_name) for m in members],
        [
            network_map.MapPerson(
                row.person.pk,
                row.person.name,
                row.person.influence,
                tuple(m.pk for m in row.members),
                description=_description(row),
            )
            for row in rows
        ],
    )
    supportive = sum(1 for p in persons if p.influence == NetworkInfluence.SUPPORTIVE)
    status = NetworkStatus(persons=len(persons), supportive=supportive, network_goal=has_network_goal(family))
    return NetworkOverview(rows=rows, layout=layout, status=status, contacts_allowed=allowed)
