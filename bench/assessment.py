"""How long the self-assessment takes for an approach with many families (issue 13 §11).

    DATABASE_URL=postgres://... .venv/bin/python bench/assessment.py --families 50000 --skip-live

Builds synthetic families (problems, plans, goals) with bulk_create inside a transaction on the configured
database (SQLite by default, or DATABASE_URL), and measures, then rolls everything back:

- the live computation of the dashboard and of the twelve-month trend (skip with --skip-live: minutes at 50,000);
- the stored recomputation (`assessment_recompute`, chunked) against one hand-written SQL query that gives the
  same C1.a.3 numbers over the same data (ratio), and the peak memory of the process during it (VmHWM);
- the first background run that backfills the twelve month-end snapshots of the trend;
- the dashboard request through Django's test client, reading the stored results, against the login page (ratio).

Numbers, not assertions: the tests bound the query count. docs/benchmarks.md has the results.
"""

import argparse
import contextlib
import os
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gezinsregie.conf.dev")

import django

django.setup()

from django.conf import settings  # noqa: E402

settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]  # the test client's host

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from gezinsregie.accounts.models import Membership, Role, User  # noqa: E402
from gezinsregie.accounts.system import SystemPurpose, system_actor  # noqa: E402
from gezinsregie.assessment import selectors, services  # noqa: E402
from gezinsregie.assessment.models import AssessmentSnapshot, DirtyFamily  # noqa: E402
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


def measure(label: str, work) -> float:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        work()
        elapsed = time.perf_counter() - start
    print(f"{label:<48} {elapsed * 1000:9.0f} ms  {len(queries):5d} queries", flush=True)
    return elapsed


def median_of(label: str, work, runs: int = 5) -> float:  # type: ignore[no-untyped-def]
    work()  # warm up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    elapsed = statistics.median(times)
    print(f"{label:<48} {elapsed * 1000:9.1f} ms  (mediaan van {runs})", flush=True)
    return elapsed


# toetsingskader C1.a.3 by hand: each family in the episode today falls in (the last registered by today, or
# its own dates without episode rows), started by today; met when it started within the approach's norm.
C1A3_SQL = """
WITH current AS (
    SELECT COALESCE(e.registered_on, f.registered_on) AS registered_on,
           CASE WHEN e.id IS NULL THEN f.started_on ELSE e.started_on END AS started_on,
           a.start_norm_days AS norm
    FROM {family} f
    JOIN {approach} a ON a.id = f.approach_id
    LEFT JOIN LATERAL (
        SELECT id, registered_on, started_on FROM {episode} e
        WHERE e.family_id = f.id AND e.registered_on <= %(today)s
        ORDER BY e.number DESC LIMIT 1
    ) e ON true
    WHERE f.approach_id = %(approach)s
)
SELECT count(*) FILTER (WHERE started_on - registered_on <= norm),
       count(*) FILTER (WHERE started_on - registered_on > norm)
FROM current WHERE started_on IS NOT NULL AND started_on <= %(today)s
"""


def peak_rss_reset() -> None:
    """Reset the process's peak resident size (Linux: VmHWM), so the next reading is the peak since now."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def rss_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def hand_written_c1a3(approach: Approach) -> tuple[int, int]:
    from gezinsregie.casework.models import Episode

    sql = C1A3_SQL.format(
        family=Family._meta.db_table, approach=Approach._meta.db_table, episode=Episode._meta.db_table
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, {"today": timezone.localdate(), "approach": approach.pk})
        met, not_met = cursor.fetchone()
    return met, not_met


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--families", type=int, default=1000)
    parser.add_argument("--chunk-size", type=int, default=services.CHUNK_SIZE)
    parser.add_argument("--skip-live", action="store_true", help="skip the live computation (minutes at 50,000)")
    args = parser.parse_args()
    try:
        with transaction.atomic():
            start = time.perf_counter()
            actor, approach = build(args.families)
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")  # planner statistics, as autovacuum keeps them in a live database
            print(f"{args.families} gezinnen, database {connection.vendor}, "
                  f"opgebouwd in {time.perf_counter() - start:.0f} s, {os.cpu_count()} cores", flush=True)  # fmt: skip
            if not args.skip_live:
                measure(
                    "live: zelfevaluatie (vandaag)", lambda: selectors.assessment_of(actor=actor, approach=approach)
                )
                measure(
                    "live: verloop C3.a.3 over 12 maanden",
                    lambda: selectors.trend_of(actor=actor, approach=approach, key="C3.a.3"),
                )
            system = system_actor(SystemPurpose.BACKGROUND_TASKS)
            rss_before = rss_mb("VmRSS")
            peak_rss_reset()
            recompute = measure(
                f"herberekening (chunks van {args.chunk_size})",
                lambda: services.assessment_recompute(actor=system, approach=approach, chunk_size=args.chunk_size),
            )
            print(f"{'  geheugen: RSS voor / piek / na':<48} {rss_before:6.0f} / {rss_mb('VmHWM'):4.0f} / "
                  f"{rss_mb('VmRSS'):4.0f} MB", flush=True)  # fmt: skip
            again = measure(
                "herberekening, tweede keer (antwoorden gelijk)",
                lambda: services.assessment_recompute(actor=system, approach=approach, chunk_size=args.chunk_size),
            )
            sql = median_of("handgeschreven SQL C1.a.3", lambda: hand_written_c1a3(approach), runs=3)
            stored = AssessmentSnapshot.objects.get(approach=approach, day=timezone.localdate(), open_only=False,
                                                    key="C1.a.3")  # fmt: skip
            by_hand = hand_written_c1a3(approach)
            same = by_hand == (stored.met, stored.not_met)
            print(f"{'  zelfde getallen (voldoet, voldoet niet)':<48} {by_hand} {'ja' if same else 'NEE'}")
            print(
                f"{'  verhouding herberekening / SQL (eerste, tweede)':<48} {recompute / sql:9.1f}x {again / sql:.1f}x"
            )
            measure("eerste achtergrondrun: 12 maandeinden", lambda: services.assessment_refresh(actor=system))
            changed = list(Family.objects.filter(approach=approach).values_list("pk", flat=True)[:10])
            DirtyFamily.objects.bulk_create(DirtyFamily(family_id=pk, since=timezone.now()) for pk in changed)
            incremental = measure(
                "achtergrondrun na 10 gewijzigde gezinnen", lambda: services.assessment_refresh(actor=system)
            )
            print(f"{'  verhouding bijwerken / SQL':<48} {incremental / sql:9.1f}x")
            client = Client()
            client.force_login(actor)
            login_url, own_url = reverse("login"), reverse("notifications:index")
            dashboard_url = reverse("assessment:dashboard", args=[approach.pk])
            assert client.get(dashboard_url).status_code == 200
            executed = []
            with connection.execute_wrapper(lambda execute, sql, *a: executed.append(sql) or execute(sql, *a)):
                client.get(dashboard_url)
            trivial = median_of("triviale pagina (inloggen, anoniem)", lambda: Client().get(login_url))
            own = median_of("eenvoudige pagina ingelogd (meldingen)", lambda: client.get(own_url))
            dashboard = median_of(f"dashboard uit opgeslagen uitkomsten ({len(executed)} queries)",
                                  lambda: client.get(dashboard_url))  # fmt: skip
            print(f"{'  verhouding dashboard / inlogpagina':<48} {dashboard / trivial:9.1f}x")
            print(f"{'  verhouding dashboard / meldingen (ingelogd)':<48} {dashboard / own:9.1f}x")
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    main()
