"""Seeds the demo world: the entirely fictional municipality Zeldenbroek. Deterministic (fixed seed),
dates relative to today so norms and deadlines mean something, and idempotent (a second run adds nothing).
"""

import random
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone

from gezinsregie.accounts.models import Membership, Role, User
from gezinsregie.casework.models import (
    Family,
)
from gezinsregie.casework.references import family_reference_resync
from gezinsregie.demo.logins import DEMO_LOGINS, DEMO_PASSWORD
from gezinsregie.demo.seed.case_meetings import demo_case_meetings
from gezinsregie.demo.seed.daily import demo_daily_use
from gezinsregie.demo.seed.families import _coordinator_for, _demo_family
from gezinsregie.demo.seed.inspections import demo_inspections
from gezinsregie.demo.seed.names import (
    MUNICIPALITY,
    NEIGHBOURHOODS,
    PARTNERS,
    STATES,
)
from gezinsregie.demo.seed.network import demo_network
from gezinsregie.demo.seed.policy_facts import demo_policy_facts
from gezinsregie.demo.seed.privacy import demo_privacy, demo_unusual_reads
from gezinsregie.demo.seed.rebuttal import demo_rebuttal
from gezinsregie.demo.seed.trajectory import demo_trajectory
from gezinsregie.demo.seed.voices import demo_voices
from gezinsregie.frameworks.models import Framework, LifeDomainSet
from gezinsregie.organisations.models import (
    Approach,
    Municipality,
    Neighbourhood,
    Organisation,
    OrganisationKind,
    PartnerType,
    PriorityAgreement,
)


@dataclass
class DemoWorld:
    municipality: Municipality
    approaches: list[Approach]
    families: int
    created: bool


def _user(username: str, first: str, last: str, *, staff: bool = False) -> User:
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"first_name": first, "last_name": last, "email": f"{username}@zeldenbroek.example"},
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.is_staff = user.is_superuser = staff
        user.save()
    return user


def _member(user: User, organisation: Organisation, role: str, approach: Approach | None = None) -> None:
    Membership.objects.get_or_create(user=user, organisation=organisation, role=role, approach=approach)


@transaction.atomic
def demo_load() -> DemoWorld:
    if not settings.DEMO_MODE:
        raise ImproperlyConfigured("Demogegevens en demo-logins bestaan alleen in demomodus (DEMO_MODE).")
    existing = Municipality.objects.filter(name=MUNICIPALITY).first()
    if existing is not None:
        return DemoWorld(
            existing,
            list(existing.approaches.all()),
            Family.objects.filter(approach__municipality=existing).count(),
            created=False,
        )

    rng = random.Random(2026)
    today = timezone.localdate()
    framework = Framework.objects.get(key="stj-ggsr-2013")
    municipality = Municipality.objects.create(name=MUNICIPALITY, cbs_code="9999")
    Neighbourhood.objects.bulk_create(Neighbourhood(municipality=municipality, name=name) for name in NEIGHBOURHOODS)
    gemeente = Organisation.objects.create(
        name="Gemeente Zeldenbroek", kind=OrganisationKind.MUNICIPALITY, municipality=municipality
    )
    veiligheidshuis = Organisation.objects.create(
        name="Veiligheidshuis Zeldenbroek", kind=OrganisationKind.MUNICIPALITY, municipality=municipality
    )
    inspectorate = Organisation.objects.get_or_create(
        name="Samenwerkend Toezicht Jeugd", defaults={"kind": OrganisationKind.INSPECTORATE}
    )[0]
    partners = {
        name: Organisation.objects.create(
            name=name,
            kind=OrganisationKind.PARTNER,
            partner_type=PartnerType.objects.get_or_create(name=kind)[0],
        )
        for name, kind in PARTNERS
    }
    integrale = Approach.objects.create(
        municipality=municipality,
        name="Integrale Aanpak Veiligheidshuis",
        description="Persoons- en systeemgerichte aanpak vanuit het Veiligheidshuis: vastpakken en niet meer loslaten.",
        life_domain_set=LifeDomainSet.objects.get(key="maastricht-2014"),
        framework=framework,
        grants_binding_authority=True,  # the Veiligheidshuis approach: the coordinator may decide for partners
        # issue 12 §12: this approach may record a BSN (the demo's families of it carry a fictitious one)
        bsn_allowed=True,
        bsn_legal_basis="Convenant Zorg- en Veiligheidshuis Zeldenbroek; Wabb art. 10 (fictief, voor de demo)",
        triage_criteria="Overlast, criminaliteit of maatschappelijke uitval\n"
        "Complexe problemen op meerdere leefgebieden\nStagnatie in de samenwerking tussen partners",
    )
    gezinsmanagement = Approach.objects.create(
        municipality=municipality,
        name="Gezinsmanagement",
        description="Een gezinsmanager voor gezinnen met meervoudige problemen die de weg naar hulp niet vinden.",
        life_domain_set=LifeDomainSet.objects.get(key="zrm-2017"),
        framework=framework,
        triage_criteria="Problemen op minimaal vier leefgebieden\nZorgen over de ontwikkeling van de kinderen",
    )
    for approach in (integrale, gezinsmanagement):
        approach.partners.set([gemeente, veiligheidshuis, *partners.values()])
    # GGZ promised the Veiligheidshuis families care within three weeks; the others have no agreement.
    PriorityAgreement.objects.create(
        approach=integrale,
        provider=partners["GGZ Zeldenbroek"],
        term_days=21,
        valid_from=today - timedelta(days=700),
        description="Gezinnen van de Integrale Aanpak krijgen binnen drie weken een intake.",
    )

    users = {
        username: _user(username, *_demo_name(username), staff=role == Role.ADMINISTRATOR)
        for username, role, _ in DEMO_LOGINS
    }
    ggz = partners["GGZ Zeldenbroek"]
    _member(users["regisseur"], partners["Maatschappelijk werk De Schakel"], Role.COORDINATOR)
    _member(users["procesmanager"], veiligheidshuis, Role.PROCESS_MANAGER, integrale)
    _member(users["professional"], ggz, Role.PROFESSIONAL)
    _member(users["intake"], veiligheidshuis, Role.INTAKE, integrale)
    _member(users["beleid"], gemeente, Role.POLICY_OFFICER)
    _member(users["inspecteur"], inspectorate, Role.INSPECTOR)
    _member(users["privacy"], gemeente, Role.PRIVACY_OFFICER)
    _member(users["beheer"], gemeente, Role.ADMINISTRATOR)
    other_coordinators = [
        _user("j.dekker", "Joyce", "Dekker"),
        _user("r.ouali", "Rachid", "Ouali"),
    ]
    for coordinator in other_coordinators:
        _member(coordinator, partners["Maatschappelijk werk De Schakel"], Role.COORDINATOR)
    pm_gezinsmanagement = _user("a.verbeek", "Anouk", "Verbeek")
    _member(pm_gezinsmanagement, gemeente, Role.PROCESS_MANAGER, gezinsmanagement)
    police_officer = _user("w.hofman", "Wim", "Hofman")
    _member(police_officer, partners["Politie basisteam Zeldenbroek"], Role.PROFESSIONAL)

    number = 0
    for status, count in STATES:
        for _ in range(count):
            number += 1
            approach = integrale if number % 3 else gezinsmanagement
            _demo_family(
                rng=rng,
                today=today,
                number=number,
                status=status,
                approach=approach,
                coordinator=_coordinator_for(number, status, users["regisseur"], other_coordinators),
                process_manager=users["procesmanager"] if approach == integrale else pm_gezinsmanagement,
                referrer=police_officer if number % 2 else users["professional"],
                professional=users["professional"],
                ggz=ggz,
                partners=list(partners.values()),
                inspectorate=inspectorate,
                recorder=users["procesmanager"],
            )
    demo_trajectory(
        rng=rng, today=today, watcher=users["professional"], manager=users["procesmanager"], manager_approach=integrale
    )
    demo_network(families=Family.objects.filter(approach__municipality=municipality), today=today)
    demo_inspections(
        approach=integrale,
        inspector=users["inspecteur"],
        inspectorate=inspectorate,
        municipality_org=gemeente,
        partners=[ggz, partners["Maatschappelijk werk De Schakel"], partners["Politie basisteam Zeldenbroek"]],
        reporter=users["beleid"],
    )
    demo_case_meetings(approach=integrale, chair=users["procesmanager"], today=today)
    demo_rebuttal(
        approach=gezinsmanagement,
        manager=pm_gezinsmanagement,
        inspector=users["inspecteur"],
        inspectorate=inspectorate,
        officer=users["beleid"],
        spare=users["regisseur"],
    )
    demo_voices(today=today)
    demo_policy_facts(integrale=integrale, gezinsmanagement=gezinsmanagement, officer=users["beleid"], today=today)
    demo_privacy(gezinsmanagement=gezinsmanagement, coordinator=users["regisseur"], today=today)
    demo_unusual_reads(reader=users["procesmanager"])
    demo_daily_use(coordinator=users["regisseur"], referrer=police_officer, approach=integrale, today=today)
    family_reference_resync()  # the seed wrote GR-0001 … itself: registrations in the demo continue after them
    return DemoWorld(municipality, [integrale, gezinsmanagement], number, created=True)


def _demo_name(username: str) -> tuple[str, str]:
    return {
        "regisseur": ("Fleur", "Jansen"),
        "procesmanager": ("Bram", "Willemsen"),
        "professional": ("Iris", "de Vries"),
        "intake": ("Tom", "Kramer"),
        "beleid": ("Marieke", "Claassen"),
        "inspecteur": ("Hans", "Boersma"),
        "privacy": ("Saskia", "Mertens"),
        "beheer": ("Erik", "Lambers"),
    }[username]
