"""The social network of the demo families (issue 10 §1): grandmothers, neighbours, teachers, an uncle who strains.

Deterministic by family number. Most started families have a mapped network with someone who supports them; some
have none mapped yet (C2.c.1 finds them); a few have only people who strain or waver, so the plan proposes
building a network and the caseload flags it. At least one of those is the demo coordinator's ('regisseur'),
active, with a plan. Where the family's consent allows it (even numbers), contact details are recorded.
"""

from collections.abc import Iterable
from datetime import date, timedelta

from gezinsregie.casework import workflow
from gezinsregie.casework.models import Family, FamilyStatus, Member, MemberRelation, NetworkInfluence, NetworkTie
from gezinsregie.casework.selectors.network import has_network_goal
from gezinsregie.plans.models import OwnerKind

S, M, X = NetworkInfluence.SUPPORTIVE, NetworkInfluence.MIXED, NetworkInfluence.STRAINING
PLAN_NAMES = {  # the network persons the demo plans name as action owners (demo/seed/casework.py)
    "Oma Truus": (NetworkTie.FAMILY, "oma van moederskant"),
    "Buurvrouw Ans": (NetworkTie.NEIGHBOUR, "buurvrouw, woont ernaast"),
}
POOL = [  # name, tie, relation, influence, for a child, note
    ("Juf Petra", NetworkTie.SCHOOL, "leerkracht groep 6", S, True, "Merkt het als het thuis niet goed gaat."),
    (
        "Oom Karel",
        NetworkTie.FAMILY,
        "oom van vaderskant",
        X,
        False,
        "Leent geld van het gezin en zet moeder onder druk.",
    ),
    ("Trainer Jamal", NetworkTie.CLUB, "voetbaltrainer", S, True, "Haalt de oudste op voor de training."),
    ("Vriendin Mirjam", NetworkTie.FRIEND, "vriendin van moeder", M, False, "Helpt, maar drinkt samen met moeder."),
    ("Dominee Hanna", NetworkTie.FAITH, "kerkgemeenschap", S, False, "Het gezin komt eens per maand bij de maaltijd."),
    ("Collega Bert", NetworkTie.WORK, "oud-collega van vader", M, False, ""),
]
LONELY = [POOL[1], POOL[3]]  # nobody who supports: only an uncle who strains and a friend who wavers


def demo_network(*, families: Iterable[Family], today: date) -> int:
    """Network persons for the demo families; returns how many families have a network."""
    mapped, lonely_for_regisseur = 0, False
    for family in sorted(families, key=lambda f: f.reference):
        number = int(family.reference.split("-")[1])
        if family.started_on is None or number % 5 == 4:  # not started, or the network is not mapped yet
            continue
        plan_names = _network_owners(family)
        lonely = number % 8 == 0
        ours = family.coordinator is not None and family.coordinator.username == "regisseur"
        candidate = ours and family.status == FamilyStatus.ACTIVE and plan_names is not None
        if not lonely_for_regisseur and candidate and not has_network_goal(family):
            lonely = True  # the proposal and the caseload flag must show for the demo coordinator
        lonely_for_regisseur = lonely_for_regisseur or (lonely and candidate)
        _seed(family, number, sorted(plan_names or ()), lonely=lonely, today=today)
        mapped += 1
    return mapped


def _network_owners(family: Family) -> set[str] | None:
    """The names of network persons who own an action in the plan; None without a plan."""
    plan = getattr(family, "plan", None)
    if plan is None:
        return None
    names = set()
    for goal in plan.goals.all():
        names |= {a.owner_name for a in goal.actions.all() if a.owner_kind == OwnerKind.NETWORK}
    return names


def _seed(family: Family, number: int, plan_names: list[str], *, lonely: bool, today: date) -> None:
    members = list(family.members.all())
    children = [m for m in members if m.relation == MemberRelation.CHILD]
    contacts = number % 2 == 0  # the consent of these families allows the network's contact details
    if contacts:
        family.consents.update(covers_network_contacts=True)
    recorded_on = min((family.started_on or today) + timedelta(days=14), today)
    recorder = family.coordinator or family.process_manager
    if recorder is None:
        return
    closed = family.status in workflow.LEFT
    chosen = LONELY if lonely else [POOL[(number + i) % len(POOL)] for i in range(1 + number % 3)]
    rows = [(n, *PLAN_NAMES.get(n, (NetworkTie.OTHER, "")), M if lonely else S, False, "") for n in plan_names]
    rows += [row for row in chosen if row[0] not in plan_names]
    for index, (name, tie, relation, influence, for_child, note) in enumerate(rows):
        with_role = name in plan_names
        person = family.network.create(
            name=name,
            tie=tie,
            relation=relation,
            influence=influence,
            phone=f"06 5550 {number:02d}{index:02d}" if contacts and influence != X else "",
            role_in_plan=with_role,
            eyes_and_ears=closed and influence == S and index == 0,
            note=note,
            recorded_on=recorded_on,
            recorded_by=recorder,
        )
        towards: list[Member] = children[:1] if for_child and children else []
        person.members.set(towards)
