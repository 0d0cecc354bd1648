"""Demo families: members, referral, triage, consent, coordinator and (by number) their casework."""

import random
from datetime import date, timedelta

from django.urls import reverse

from gezinsregie.accounts.models import User
from gezinsregie.casework import rules, workflow
from gezinsregie.casework.models import (
    BindingDecision,
    CarePriority,
    CareRequest,
    Circle,
    Consent,
    Contact,
    ContactKind,
    CoordinatorAssignment,
    DecisionKind,
    Escalation,
    EscalationMove,
    Family,
    FamilyStatus,
    InspectionMandate,
    Involvement,
    Member,
    MemberRelation,
    Referral,
    ReferralSource,
    Stagnation,
    Urgency,
)
from gezinsregie.casework.workflow import InvolvementStatus
from gezinsregie.demo.seed.casework import _demo_analysis, _demo_plan
from gezinsregie.demo.seed.names import (
    CHILD_NAMES,
    NEIGHBOURHOODS,
    PARENT_NAMES,
    REASONS,
    SURNAMES,
)
from gezinsregie.notifications.models import Notification
from gezinsregie.organisations.models import (
    Approach,
    Organisation,
)


def _demo_bsn(n: int) -> str:
    """A fictitious BSN that passes the 11-proef (issue 12 §12), from the 999… range nobody is issued in the demo."""
    for base in range(99_900_000 + n * 10, 99_900_000 + n * 10 + 10):
        digits = str(base)
        check = sum(w * int(d) for w, d in zip((9, 8, 7, 6, 5, 4, 3, 2), digits, strict=True)) % 11
        if check < 10:
            return digits + str(check)
    raise AssertionError("unreachable: one of ten consecutive bases has a check digit")


def _coordinator_for(number: int, status: FamilyStatus, regisseur: User, others: list[User]) -> User | None:
    if status not in workflow.STARTED:
        return None
    if status == FamilyStatus.ACTIVE and number in (15, 22):
        return None  # "niemand heeft de regie": the flag the process manager must see
    return regisseur if number % 2 == 0 else others[number % len(others)]


def _demo_family(
    *,
    rng: random.Random,
    today: date,
    number: int,
    status: FamilyStatus,
    approach: Approach,
    coordinator: User | None,
    process_manager: User,
    referrer: User,
    professional: User,
    ggz: Organisation,
    partners: list[Organisation],
    inspectorate: Organisation,
    recorder: User,
) -> Family:
    surname = SURNAMES[number - 1]
    registered_on = today - timedelta(days=_age_in_days(rng, status))
    started_on = None
    if status in workflow.STARTED:
        started_on = registered_on + timedelta(days=rng.choice([5, 12, 20, 28, 45, 60]))
    family = Family.objects.create(
        reference=f"GR-{number:04d}",
        approach=approach,
        name=f"Gezin {surname}",
        address=f"{rng.choice(['Lindelaan', 'Molenstraat', 'Havenweg', 'Kerkpad'])} {rng.randint(1, 180)}",
        neighbourhood=rng.choice(NEIGHBOURHOODS),
        status=status,
        registered_on=registered_on,
        started_on=started_on,
        closed_on=today - timedelta(days=rng.randint(10, 90)) if status == FamilyStatus.CLOSED else None,
        coordinator=coordinator,
        process_manager=process_manager if started_on else None,
    )
    parent_age = rng.randint(28, 46)
    parent_birth = date(today.year - parent_age, rng.randint(1, 12), rng.randint(1, 28))
    for parent in range(rng.choice([1, 2])):
        Member.objects.create(
            family=family,
            first_name=PARENT_NAMES[(number + parent) % len(PARENT_NAMES)],
            last_name=surname,
            birth_date=parent_birth - timedelta(days=400 * parent),
            relation=MemberRelation.PARENT,
            bsn=_demo_bsn(number * 2 + parent) if approach.bsn_allowed else "",
        )
    for child in range(rng.randint(1, 4)):
        Member.objects.create(
            family=family,
            first_name=CHILD_NAMES[(number * 3 + child) % len(CHILD_NAMES)],
            last_name=surname,
            # children between 0 and 17, born when the parent was at least 18
            birth_date=today - timedelta(days=365 * rng.randint(0, min(17, parent_age - 19)) + 40 * child + 30),
            relation=MemberRelation.CHILD,
        )
    referral = Referral.objects.create(
        family=family,
        referred_on=registered_on,
        referred_by=referrer,
        organisation=referrer.active_memberships()[0].organisation,
        source=ReferralSource.POLICE if number % 2 else ReferralSource.PARTNER,
        reason=REASONS[number % len(REASONS)],
        urgency=rng.choice([Urgency.NORMAL, Urgency.NORMAL, Urgency.HIGH]),
    )
    referral.domains.set(rng.sample(list(approach.life_domain_set.domains.all()), k=rng.randint(3, 6)))
    if started_on is None:
        return family
    # Consent names the organisations that may share; GGZ is left out of every fifth family on purpose.
    named = rng.sample(partners, k=4)
    if number % 5 and ggz not in named:
        named.append(ggz)
    if number % 5 == 0 and ggz in named:
        named.remove(ggz)
    consent = Consent.objects.create(
        family=family,
        informed_of_rights=True,
        signed_on=started_on,
        signed_by=f"{PARENT_NAMES[number % 10]} {surname}",
        recorded_by=recorder,
    )
    consent.organisations.set(named)
    if number % 3 == 0 or number % 5 == 0:
        Involvement.objects.create(
            family=family,
            user=professional,
            organisation=ggz,
            started_on=started_on,
            circle=Circle.INNER if number % 2 else Circle.OUTER,
        )
    _demo_analysis(rng=rng, family=family, recorder=coordinator or recorder, number=number)
    if number % 7 != 1:  # a few active families have no plan yet: the caseload must flag them
        _demo_plan(rng=rng, today=today, family=family, author=coordinator or recorder, number=number)
    invited = not (number % 3 == 0 or number % 5 == 0) and number % 7 == 2
    if invited and status == FamilyStatus.ACTIVE and coordinator is not None and ggz in named:
        _demo_invitation(family=family, professional=professional, ggz=ggz, coordinator=coordinator, today=today)
    if status == FamilyStatus.ACTIVE and coordinator is not None and number % 4 == 2:
        _demo_escalation(rng=rng, family=family, partners=partners, coordinator=coordinator, today=today, number=number)
    if status == FamilyStatus.ACTIVE and approach.grants_binding_authority and coordinator and number % 6 in (1, 4):
        BindingDecision.objects.create(
            family=family,
            organisation=ggz,
            kind=DecisionKind.PRIORITY,
            reason="Moeder wacht te lang op een intake; de GGZ geeft dit gezin voorrang.",
            decided_on=today - timedelta(days=2),
            decided_by=coordinator,
            answer_by=today + timedelta(days=3),
            acknowledged_on=today - timedelta(days=1) if number % 6 == 1 else None,
            acknowledged_by=professional if number % 6 == 1 else None,
        )
    if status == FamilyStatus.ACTIVE and number % 2 == 0:
        _demo_care(rng=rng, family=family, partners=partners, recorder=coordinator or recorder, today=today)
    if coordinator is not None:
        _demo_contacts(rng=rng, family=family, coordinator=coordinator, started_on=started_on, today=today)
        CoordinatorAssignment.objects.create(
            family=family,
            coordinator=coordinator,
            previous=None,
            assigned_on=started_on,
            reason="Eerste regisseur na opname in de aanpak.",
            assigned_by=recorder,
        )
    if status == FamilyStatus.ACTIVE and approach.name.startswith("Integrale") and number % 4 == 1:
        InspectionMandate.objects.create(
            family=family,
            organisation=inspectorate,
            granted_on=today - timedelta(days=20),
            expires_on=today + timedelta(days=180),
            recorded_by=recorder,
        )
    return family


CONTACT_NOTES = {
    ContactKind.HOME_VISIT: "Huisbezoek: plan doorgenomen, moeder wil de schulden eerst aanpakken.",
    ContactKind.PHONE: "Telefonisch afgesproken wie de post van de schuldeisers opent.",
    ContactKind.OFFICE: "Op kantoor samen de aanvraag bijzondere bijstand ingevuld.",
    ContactKind.NO_ANSWER: "",
}


def _demo_contacts(*, rng: random.Random, family: Family, coordinator: User, started_on: date, today: date) -> None:
    """The coordinator's contact journal: mostly home visits (outreach), now and then nobody at the door."""
    span = max((today - started_on).days, 1)
    for _ in range(rng.randint(2, 5)):
        kind = rng.choice([ContactKind.HOME_VISIT, ContactKind.HOME_VISIT, ContactKind.PHONE, ContactKind.NO_ANSWER])
        Contact.objects.create(
            family=family,
            kind=kind,
            happened_on=started_on + timedelta(days=rng.randint(0, min(span, 120))),
            by=coordinator,
            note=CONTACT_NOTES[kind],
        )


CARE = [
    ("GGZ Zeldenbroek", "Intake volwassenen-GGZ voor moeder"),
    ("Schuldhulpverlening", "Schuldhulptraject"),
]


def _demo_care(
    *, rng: random.Random, family: Family, partners: list[Organisation], recorder: User, today: date
) -> None:
    """Care requests in every state: started within the term, started late, still waiting (some too long)."""
    by_name = {p.name: p for p in partners}
    for name, care_type in CARE:
        provider = next((p for n, p in by_name.items() if n.startswith(name)), None)
        if provider is None:
            continue
        requested_on = max(today - timedelta(days=rng.randint(5, 70)), family.registered_on)
        started_on = None
        if rng.random() < 0.5:
            started_on = min(requested_on + timedelta(days=rng.randint(7, 50)), today)
        CareRequest.objects.create(
            family=family,
            provider=provider,
            care_type=care_type,
            requested_on=requested_on,
            priority=CarePriority.URGENT if rng.random() < 0.3 else CarePriority.NORMAL,
            started_on=started_on,
            requested_by=recorder,
        )


def _demo_escalation(
    *, rng: random.Random, family: Family, partners: list[Organisation], coordinator: User, today: date, number: int
) -> None:
    """Escalations in every state: just opened, climbed by its deadlines (as the check would), closed."""
    provider = next(p for p in partners if p.name.startswith("GGZ"))
    opened_on = max(today - timedelta(days=rng.choice([2, 12, 30])), family.registered_on)
    escalation = Escalation.objects.create(
        family=family,
        stagnation=Stagnation.WAITING_LIST if number % 8 == 2 else Stagnation.DISAGREEMENT,
        organisation=provider,
        description="De intake bij de GGZ laat op zich wachten; moeder raakt het vertrouwen kwijt.",
        opened_on=opened_on,
        opened_by=coordinator,
        step=0,
        step_since=opened_on,
    )
    EscalationMove.objects.create(escalation=escalation, step=0, moved_on=opened_on, by=coordinator, note="Geopend")
    for step, since in rules.climb(step=0, since=opened_on, today=today, ladder=rules.DEFAULT_LADDER):
        EscalationMove.objects.create(escalation=escalation, step=step, moved_on=since, automatic=True)
        escalation.step, escalation.step_since = step, since
    if number % 8 == 6:
        escalation.closed_on, escalation.outcome = today, "Intake gepland; de GGZ geeft dit gezin voorrang."
    escalation.save()


def _demo_invitation(*, family: Family, professional: User, ggz: Organisation, coordinator: User, today: date) -> None:
    """An open invitation for the demo professional: she answers it on her start page."""
    invitation = Involvement.objects.create(
        family=family,
        user=professional,
        organisation=ggz,
        status=InvolvementStatus.PROPOSED,
        proposed_by=coordinator,
        started_on=today,
    )
    invitation.problems.set(family.problems.all()[:2])
    Notification.objects.create(
        user=professional,
        family=family,
        key=f"involvement:{invitation.pk}:proposed",
        message=f"U bent uitgenodigd om betrokken te worden bij gezin {family.reference} ({ggz}).",
        url=reverse("casework:invitation", kwargs={"involvement_id": invitation.pk}),
    )


def _age_in_days(rng: random.Random, status: FamilyStatus) -> int:
    return {
        FamilyStatus.REGISTERED: rng.randint(2, 40),
        FamilyStatus.TRIAGE: rng.randint(10, 50),
        FamilyStatus.DECLINED: rng.randint(60, 200),
        FamilyStatus.ACTIVE: rng.randint(60, 500),
        FamilyStatus.AFTERCARE: rng.randint(400, 700),
        FamilyStatus.CLOSED: rng.randint(500, 900),
    }[status]
