"""The social network (issue 10 §1): who is around the family, supportive or straining, and their role; contact
details only within the consent (services/network.py, the goal rule in casework/rules.py)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from gezinsregie.accounts.models import Role
from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.casework import rules
from gezinsregie.casework.models import NetworkInfluence, NetworkPerson, NetworkTie
from gezinsregie.casework.selectors import network as selectors
from gezinsregie.casework.services.network import (
    NOT_COVERED,
    NetworkInput,
    network_person_add,
    network_person_change,
    network_person_remove,
)
from tests.factories import ConsentFactory, GoalFactory, MemberFactory, PlanFactory, ProblemFactory

OMA = NetworkInput(name="Oma Truus", tie=NetworkTie.FAMILY, influence=NetworkInfluence.SUPPORTIVE)


def with_contacts(**changes: object) -> NetworkInput:
    fields = {**OMA.__dict__, "phone": "06 12345678", "email": "truus@example.org", **changes}
    return NetworkInput(**fields)  # type: ignore[arg-type]


def logged(action: str) -> int:
    return AccessLogEntry.objects.filter(action=action).count()


def test_the_coordinator_maps_a_supportive_grandmother_for_one_child(world) -> None:
    family = world.family("coordinated")
    child = MemberFactory(family=family, first_name="Emma")
    data = NetworkInput(
        name="  Oma Truus ",
        tie=NetworkTie.FAMILY,
        influence=NetworkInfluence.SUPPORTIVE,
        relation="oma van moederskant",
        members=[child],
        role_in_plan=True,
        eyes_and_ears=True,
    )
    person = network_person_add(actor=world.user(Role.COORDINATOR), family=family, data=data)
    assert (person.name, list(person.members.all()), person.role_in_plan) == ("Oma Truus", [child], True)
    assert person.recorded_by == world.user(Role.COORDINATOR) and not person.has_contact_details
    entry = AccessLogEntry.objects.get(action="network.add")
    assert (entry.family_id, entry.object_id) == (family.pk, str(person.pk))


@pytest.mark.parametrize("given", [{"phone": "06 12345678", "email": ""}, {"phone": "", "email": "t@example.org"}])
def test_contact_details_without_consent_coverage_are_refused_and_nothing_is_written(world, given) -> None:
    family = world.family("consented")  # a consent in force, but it does not cover the network's contact details
    with pytest.raises(ValidationError) as refused:
        network_person_add(actor=world.user(Role.PROCESS_MANAGER), family=family, data=with_contacts(**given))
    field = "phone" if given["phone"] else "email"
    assert refused.value.message_dict == {field: [NOT_COVERED]}
    assert "toestemmingsverklaring" in NOT_COVERED
    assert not NetworkPerson.objects.exists() and logged("network.add") == 0


def test_a_withdrawn_consent_that_covered_contacts_covers_them_no_longer(world) -> None:
    family = world.family("coordinated")
    ConsentFactory(family=family, covers_network_contacts=True, withdrawn_on=timezone.localdate())
    with pytest.raises(ValidationError, match="toestemmingsverklaring"):
        network_person_add(actor=world.user(Role.COORDINATOR), family=family, data=with_contacts())
    assert not NetworkPerson.objects.exists()


def test_contact_details_are_kept_where_the_consent_covers_them(world) -> None:
    family = world.family("coordinated")
    ConsentFactory(family=family, covers_network_contacts=True)
    person = network_person_add(actor=world.user(Role.COORDINATOR), family=family, data=with_contacts())
    assert (person.phone, person.email) == ("06 12345678", "truus@example.org")


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": "  "}, "name", "Vul de naam in van de persoon uit het netwerk."),
        ({"tie": "cousin"}, "tie", "Kies de soort relatie: familie, vriend, buren, school, ..."),
        ({"influence": ""}, "influence", "Kies of deze persoon het gezin steunt, wisselend is of het gezin belast."),
        (
            {"influence": NetworkInfluence.STRAINING, "eyes_and_ears": True},
            "eyes_and_ears",
            "Iemand die het gezin belast, is geen ogen en oren na de afsluiting.",
        ),
        ({"note": "x" * 2001}, "note", "Houd de toelichting kort: ten hoogste 2000 tekens."),
    ],
)
def test_impossible_network_persons_are_refused_in_dutch(world, changes, field, message) -> None:
    data = NetworkInput(**{**OMA.__dict__, **changes})
    with pytest.raises(ValidationError) as refused:
        network_person_add(actor=world.user(Role.COORDINATOR), family=world.family("coordinated"), data=data)
    assert refused.value.message_dict[field] == [message]
    assert not NetworkPerson.objects.exists()


def test_a_bad_phone_number_is_refused_even_within_the_consent(world) -> None:
    family = world.family("coordinated")
    ConsentFactory(family=family, covers_network_contacts=True)
    with pytest.raises(ValidationError) as refused:
        network_person_add(actor=world.user(Role.COORDINATOR), family=family, data=with_contacts(phone="bel oma"))
    assert list(refused.value.message_dict) == ["phone"]


def test_a_member_of_another_family_is_refused(world) -> None:
    stranger = MemberFactory(family=world.family("consented"))
    data = NetworkInput(**{**OMA.__dict__, "members": [stranger]})
    with pytest.raises(ValidationError, match="Kies alleen gezinsleden van dit gezin"):
        network_person_add(actor=world.user(Role.COORDINATOR), family=world.family("coordinated"), data=data)


@pytest.mark.parametrize("role", [Role.PROFESSIONAL, Role.INTAKE, Role.POLICY_OFFICER, Role.INSPECTOR])
def test_only_who_steers_the_family_maps_its_network(world, role) -> None:
    with pytest.raises(PermissionDenied):
        network_person_add(actor=world.user(role), family=world.family("consented"), data=OMA)
    assert not NetworkPerson.objects.exists() and logged("network.add") == 0


def test_an_outsider_cannot_change_or_remove_a_person(world) -> None:
    family = world.family("coordinated")
    person = network_person_add(actor=world.user(Role.COORDINATOR), family=family, data=OMA)
    outsider = world.others["other_coordinator"]
    with pytest.raises(PermissionDenied):
        network_person_change(actor=outsider, person=person, data=NetworkInput(**{**OMA.__dict__, "name": "X"}))
    with pytest.raises(PermissionDenied):
        network_person_remove(actor=outsider, person=person)
    person.refresh_from_db()
    assert person.name == "Oma Truus"


def test_change_and_remove_are_logged(world) -> None:
    family = world.family("coordinated")
    actor = world.user(Role.COORDINATOR)
    person = network_person_add(actor=actor, family=family, data=OMA)
    straining = NetworkInput(name="Oom Karel", tie=NetworkTie.FAMILY, influence=NetworkInfluence.STRAINING)
    network_person_change(actor=actor, person=person, data=straining)
    person.refresh_from_db()
    assert (person.name, person.influence) == ("Oom Karel", NetworkInfluence.STRAINING)
    network_person_remove(actor=actor, person=person)
    assert not NetworkPerson.objects.exists()
    assert (logged("network.change"), logged("network.remove")) == (1, 1)


def test_a_refused_change_leaves_the_person_as_it_was(world) -> None:
    family = world.family("coordinated")
    person = network_person_add(actor=world.user(Role.COORDINATOR), family=family, data=OMA)
    with pytest.raises(ValidationError):
        network_person_change(actor=world.user(Role.COORDINATOR), person=person, data=with_contacts(name="Truus"))
    person.refresh_from_db()
    assert (person.name, person.phone, logged("network.change")) == ("Oma Truus", "", 0)


# --- what the plan and the caseload ask of the network -----------------------------------------------------


@pytest.mark.parametrize(
    ("domain_key", "description", "builds"),
    [
        ("wonen", "Een steunend netwerk opbouwen: wie kan helpen?", True),
        ("wonen", "Het netwerk van moeder uitbreiden met een maatje", True),
        ("praktisch-functioneren", "De nodige stut en steun rondom dit systeem organiseren", True),
        ("sociaal-netwerk", "Moeder gaat naar de inloop in het buurthuis", True),
        ("wonen", "Het gezin pakt dit zelf op met steun uit het netwerk.", False),
        ("wonen", "Netwerkpartners versterken hun samenwerking", False),
    ],
)
def test_a_goal_builds_the_network_by_its_domain_or_its_words(domain_key, description, builds) -> None:
    assert rules.builds_network(domain_key=domain_key, description=description) is builds


def test_the_status_proposes_a_goal_until_someone_supports_or_the_plan_builds(world) -> None:
    family = world.family("coordinated")
    actor = world.user(Role.COORDINATOR)
    assert selectors.status_of(family).proposes_goal  # nobody mapped: nobody supports
    straining = NetworkInput(name="Oom Karel", tie=NetworkTie.FAMILY, influence=NetworkInfluence.STRAINING)
    network_person_add(actor=actor, family=family, data=straining)
    assert selectors.status_of(family).proposes_goal
    plan = PlanFactory(family=family)
    GoalFactory(plan=plan, problem=ProblemFactory(family=family), description=rules.NETWORK_GOAL_TEXT)
    assert not selectors.status_of(family).proposes_goal
    assert selectors.status_of(family).lacks_supportive
    network_person_add(actor=actor, family=family, data=OMA)
    assert selectors.status_of(family) == selectors.NetworkStatus(persons=2, supportive=1, network_goal=True)
