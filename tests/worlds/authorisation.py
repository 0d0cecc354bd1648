"""The authorisation scenario the policy, access-log and API tests share (fixtures `world`, `module_world`).

Two municipalities, each with one approach.

- Municipality A runs `approach`; its partners are the coordinator's and the professional's organisations.
  One user per role is connected to it (world.users[Role.X]); families in it cover every way a person can
  (not) be connected to a family: coordinated, awaiting triage, referred, involved with or without a
  consent that names the professional's organisation, mandated for the inspectorate, ...
- Municipality B runs `other_approach` with its own coordinator, professional and inspectorate: its
  families are connected to people, but to none of world.users.
"""

import itertools
from dataclasses import dataclass

from gezinsregie.accounts.models import Role, User
from gezinsregie.casework.models import Family, FamilyStatus
from gezinsregie.organisations.models import Approach, Municipality, Organisation, OrganisationKind
from tests.builder import Builder

_serial = itertools.count(1)  # readable, unique usernames: "process-manager-12"


@dataclass
class World:
    municipality: Municipality
    other_municipality: Municipality
    approach: Approach
    other_approach: Approach
    municipal_org: Organisation
    other_municipal_org: Organisation
    coordinator_org: Organisation  # partner of `approach`
    professional_org: Organisation  # partner of `approach`
    other_partner: Organisation  # partner of `other_approach` only
    inspectorate: Organisation
    other_inspectorate: Organisation
    users: dict[str, User]  # one user per role, all connected to `approach` / municipality A
    others: dict[str, User]  # people connected to families, but not one of `users`
    families: dict[str, Family]

    def user(self, role: str) -> User:
        return self.users[role]

    def family(self, name: str) -> Family:
        return self.families[name]


def build_world() -> World:
    b = Builder()
    municipality, other_municipality = b.municipality(), b.municipality()
    municipal_org = b.organisation(kind=OrganisationKind.MUNICIPALITY, municipality=municipality)
    other_municipal_org = b.organisation(kind=OrganisationKind.MUNICIPALITY, municipality=other_municipality)
    coordinator_org, professional_org, other_partner = b.organisation(), b.organisation(), b.organisation()
    inspectorate = b.organisation(kind=OrganisationKind.INSPECTORATE)
    other_inspectorate = b.organisation(kind=OrganisationKind.INSPECTORATE)
    approach = b.approach(municipality, partners=[coordinator_org, professional_org])
    other_approach = b.approach(other_municipality, partners=[other_partner])

    def member(role: str, organisation: Organisation, approach: Approach | None = None) -> User:
        return b.person(role, organisation, f"{role.replace('_', '-')}-{next(_serial)}", approach=approach)

    users = {
        Role.COORDINATOR: member(Role.COORDINATOR, coordinator_org),
        Role.PROCESS_MANAGER: member(Role.PROCESS_MANAGER, municipal_org, approach),
        Role.PROFESSIONAL: member(Role.PROFESSIONAL, professional_org),
        Role.INTAKE: member(Role.INTAKE, municipal_org, approach),
        Role.POLICY_OFFICER: member(Role.POLICY_OFFICER, municipal_org),
        Role.INSPECTOR: member(Role.INSPECTOR, inspectorate),
        Role.PRIVACY_OFFICER: member(Role.PRIVACY_OFFICER, municipal_org),
        Role.ADMINISTRATOR: member(Role.ADMINISTRATOR, municipal_org),
    }
    others = {
        "colleague": member(Role.PROFESSIONAL, professional_org),  # same organisation as the professional
        "other_coordinator": member(Role.COORDINATOR, other_partner),
        "other_professional": member(Role.PROFESSIONAL, other_partner),
        "other_inspector": member(Role.INSPECTOR, other_inspectorate),
    }
    professional = users[Role.PROFESSIONAL]

    def family(status: str = FamilyStatus.ACTIVE, **kwargs: object) -> Family:
        return b.family(kwargs.pop("approach", approach), status=status, **kwargs)  # type: ignore[arg-type]

    def involved(f: Family, *, ended_on: object = None, user: User = professional) -> None:
        b.involvement(f, user, professional_org, ended_on=ended_on)

    families: dict[str, Family] = {}
    families["coordinated"] = family(coordinator=users[Role.COORDINATOR])

    families["triage"] = family(FamilyStatus.REGISTERED)
    b.referral(families["triage"], referred_by=others["other_coordinator"])

    families["referred"] = family(FamilyStatus.TRIAGE)
    b.referral(families["referred"], referred_by=professional, organisation=professional_org)

    families["consented"] = family()
    involved(families["consented"])
    b.consent(families["consented"], [coordinator_org, professional_org])

    families["consent_other_org"] = family()
    involved(families["consent_other_org"])
    b.consent(families["consent_other_org"], [coordinator_org, other_partner])

    families["consent_withdrawn"] = family()
    involved(families["consent_withdrawn"])
    b.consent(families["consent_withdrawn"], [professional_org], signed_on=b.ago(30), withdrawn_on=b.ago(1))

    families["consent_future"] = family()
    involved(families["consent_future"])
    b.consent(families["consent_future"], [professional_org], signed_on=b.ahead(1))

    families["involvement_ended"] = family()
    involved(families["involvement_ended"], ended_on=b.ago(1))
    b.consent(families["involvement_ended"], [professional_org])

    families["colleague"] = family()  # the professional's colleague works with it, within the consent
    involved(families["colleague"], user=others["colleague"])
    b.consent(families["colleague"], [professional_org])

    families["mandated"] = family()
    b.mandate(families["mandated"], inspectorate)

    families["mandate_expired"] = family()
    b.mandate(families["mandate_expired"], inspectorate, granted_on=b.ago(100), expires_on=b.ago(1))

    families["mandate_withdrawn"] = family()
    b.mandate(families["mandate_withdrawn"], inspectorate, withdrawn_on=b.ago(1))

    families["watching"] = family()  # closed with aftercare: the professional keeps a finger on the pulse
    b.consent(families["watching"], [professional_org])
    b.aftercare(families["watching"], professional)

    families["watch_ended"] = family()  # the aftercare the professional kept has ended
    b.consent(families["watch_ended"], [professional_org])
    b.aftercare(families["watch_ended"], professional, ended_on=b.ago(1))

    # Municipality B: connected to people, but to none of `users`.
    families["other"] = family(approach=other_approach, coordinator=others["other_coordinator"])
    b.involvement(families["other"], others["other_professional"], other_partner)
    b.consent(families["other"], [other_partner, professional_org])
    b.mandate(families["other"], other_inspectorate)

    families["other_triage"] = family(FamilyStatus.REGISTERED, approach=other_approach)
    b.referral(families["other_triage"], referred_by=others["other_professional"], organisation=other_partner)

    return World(
        municipality=municipality,
        other_municipality=other_municipality,
        approach=approach,
        other_approach=other_approach,
        municipal_org=municipal_org,
        other_municipal_org=other_municipal_org,
        coordinator_org=coordinator_org,
        professional_org=professional_org,
        other_partner=other_partner,
        inspectorate=inspectorate,
        other_inspectorate=other_inspectorate,
        users=users,
        others=others,
        families=families,
    )
