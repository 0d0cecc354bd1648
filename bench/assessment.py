"""How long the live self-assessment takes for an approach with many families.

    .venv/bin/python bench/assessment.py --families 2000

Builds synthetic families (problems, plans, actions) inside a transaction on the configured database
(SQLite by default, or DATABASE_URL), times the dashboard computation and the twelve-month trend, counts
the queries, and rolls everything back. Numbers, not assertions: the tests bound the query count.
"""

import argparse
import os
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gezinsregie.conf.dev")

import django

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from gezinsregie.accounts.models import Membership, Role, User  # noqa: E402
from gezinsregie.assessment import selectors  # noqa: E402
from gezinsregie.casework.models import Family, FamilyStatus, Member, Problem  # noqa: E402
from gezinsregie.frameworks import services as framework_services  # noqa: E402
from gezinsregie.frameworks.models import LifeDomainSet  # noqa: E402
from gezinsregie.organisations.models import Approach, Municipality, Organisation, OrganisationKind  # noqa: E402
from gezinsregie.plans.models import Goal, Plan  # noqa: E402


class Rollback(Exception):
    pass


def build(n: int) -> tuple[User, Approach]:
    framework = framework_services.framework_load(path=framework_services.DEFAULT_FRAMEWORK_FILES[0]).framework
    framework_services.life_domain_sets_load()
    municipality = Municipality.objects.create(name="Benchmarkstad")
    organisation = Organisation.objects.create(
        name="Benchmark gemeente", kind=OrganisationKind.MUNICIPALITY, municipality=municipality
    )
    domains = LifeDomainSet.objects.get(key="stj-2013")
    approach = Approach.objects.create(
        municipality=municipality, name="Benchmarkaanpak", life_domain_set=domains, framework=framework
    )
    actor = User.objects.create(username="bench-pm")
    Membership.objects.create(user=actor, organisation=organisation, role=Role.PROCESS_MANAGER, approach=approach)
    today = timezone.localdate()
    families = Family.objects.bulk_create(
        Family(
            reference=f"BENCH-{i:06d}",
            approach=approach,
            name=f"Gezin {i}",
            status=FamilyStatus.ACTIVE,
            registered_on=today - timedelta(days=400 - i % 300),
            started_on=today - timedelta(days=380 - i % 300),
        )
        for i in range(n)
    )
    Member.objects.bulk_create(
        Member(family=f, first_name="A", last_name=str(i), birth_date=today - timedelta(days=12000), relation="parent")
        for i, f in enumerate(families)
    )
    domain_list = list(domains.domains.all())
    problems = Problem.objects.bulk_create(
        Problem(
            family=f, domain=domain_list[(i + k) % len(domain_list)], description="x", severity=2, chronic=True,
            identified_on=today - timedelta(days=300), recorded_by=actor,
        )
        for i, f in enumerate(families)
        for k in range(4)
    )  # fmt: skip
    plans = Plan.objects.bulk_create(Plan(family=f, created_by=actor) for f in families[::2])
    by_family = {p.family_id: p for p in plans}
    Goal.objects.bulk_create(
        Goal(plan=by_family[p.family_id], problem=p, description="doel", priority=1)
        for p in problems
        if p.family_id in by_family
    )
    return actor, approach


def measure(label: str, work) -> None:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        work()
        elapsed = time.perf_counter() - start
    print(f"{label:<40} {elapsed * 1000:8.0f} ms  {len(queries):4d} queries")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--families", type=int, default=1000)
    args = parser.parse_args()
    try:
        with transaction.atomic():
            actor, approach = build(args.families)
            print(f"{args.families} gezinnen, database {connection.vendor}")
            measure("zelfevaluatie (vandaag)", lambda: selectors.assessment_of(actor=actor, approach=approach))
            measure(
                "verloop C3.a.3 over 12 maanden",
                lambda: selectors.trend_of(actor=actor, approach=approach, key="C3.a.3"),
            )
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    main()
