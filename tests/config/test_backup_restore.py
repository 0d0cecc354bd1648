"""Issue 12 §13: the documented PostgreSQL backup and restore (docs/backup.md), done as an operator would — pg_dump
in the custom format, pg_restore into an empty database — gives the same rows (counts and checksums per table) and
an access log whose hash chain still verifies (manage.py verify_access_log against the restored database)."""

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator

import psycopg
import pytest
from django.db import connection
from psycopg import sql

from gezinsregie.accounts.models import Role
from gezinsregie.audit import services as audit
from gezinsregie.audit.models import AccessLogEntry
from tests.paths import REPOSITORY
from tests.worlds.authorisation import build_world

pytestmark = [
    pytest.mark.django_db(transaction=True),  # pg_dump reads what is committed, over its own connection
    pytest.mark.skipif(shutil.which("pg_dump") is None, reason="pg_dump is part of bin/test's PostgreSQL"),
]


def libpq_env(database: str) -> dict[str, str]:
    s = connection.settings_dict
    return {
        **os.environ,
        "PGHOST": s["HOST"] or "localhost",
        "PGPORT": str(s["PORT"] or 5432),
        "PGUSER": s["USER"],
        "PGPASSWORD": s["PASSWORD"] or "",
        "PGDATABASE": database,
    }


def conninfo(database: str) -> str:
    env = libpq_env(database)
    return psycopg.conninfo.make_conninfo(
        host=env["PGHOST"], port=env["PGPORT"], user=env["PGUSER"], password=env["PGPASSWORD"], dbname=database
    )


@pytest.fixture
def restored() -> Iterator[str]:
    name = f"{connection.settings_dict['NAME']}_restored"
    with psycopg.connect(conninfo("postgres"), autocommit=True) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    yield name
    with psycopg.connect(conninfo("postgres"), autocommit=True) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def fingerprint(database: str) -> dict[str, tuple[int, str]]:
    """Per table of the application: its row count and an md5 over all its rows in primary-key order."""
    found = {}
    with psycopg.connect(conninfo(database)) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            ).fetchall()
        ]
        for table in tables:
            query = sql.SQL("SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM {} t")
            count, digest = conn.execute(query.format(sql.Identifier(table))).fetchone()  # type: ignore[misc]
            found[table] = (count, digest)
    assert "casework_family" in found, "the application's tables are in the public schema"
    return found


def test_a_dump_restored_into_an_empty_database_holds_the_same_rows_and_a_verifiable_log(restored, tmp_path) -> None:
    world = build_world()
    for family in world.families.values():  # reads of personal data, each a link in the chain
        audit.record(actor=world.user(Role.COORDINATOR), action="family.view", obj=family)
    assert AccessLogEntry.objects.count() >= 10
    source = connection.settings_dict["NAME"]
    dump = tmp_path / "gezinsregie.dump"

    # docs/backup.md, "Backup" and "Terugzetten"
    subprocess.run(["pg_dump", "--format=custom", f"--file={dump}"], env=libpq_env(source), check=True)
    subprocess.run(
        ["pg_restore", "--no-owner", "--exit-on-error", f"--dbname={restored}", str(dump)],
        env=libpq_env(restored),
        check=True,
    )

    before, after = fingerprint(source), fingerprint(restored)
    assert after == before
    assert before["casework_family"][0] == len(world.families) and before["audit_accesslogentry"][0] >= 10

    s = connection.settings_dict
    url = f"postgres://{s['USER']}:{s['PASSWORD'] or ''}@{s['HOST'] or 'localhost'}:{s['PORT'] or 5432}/{restored}"
    verified = subprocess.run(
        [sys.executable, "manage.py", "verify_access_log"],
        cwd=REPOSITORY,
        env={**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "gezinsregie.conf.test"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert verified.returncode == 0, verified.stderr
    assert "Toegangslog intact" in verified.stdout


def test_a_restored_log_with_a_changed_row_does_not_verify(restored, tmp_path) -> None:
    """The verification after a restore is not a formality: a dump edited on the way fails it."""
    world = build_world()
    audit.record(actor=world.user(Role.COORDINATOR), action="family.view", obj=world.family("coordinated"))
    source = connection.settings_dict["NAME"]
    dump = tmp_path / "gezinsregie.sql"
    subprocess.run(["pg_dump", "--format=plain", f"--file={dump}"], env=libpq_env(source), check=True)
    text = dump.read_text(encoding="utf-8")
    assert "family.view" in text
    dump.write_text(text.replace("family.view", "family.vieW", 1), encoding="utf-8")
    subprocess.run(
        ["psql", "--quiet", "--set=ON_ERROR_STOP=1", f"--file={dump}"],
        env=libpq_env(restored),
        check=True,
        capture_output=True,
    )
    s = connection.settings_dict
    url = f"postgres://{s['USER']}:{s['PASSWORD'] or ''}@{s['HOST'] or 'localhost'}:{s['PORT'] or 5432}/{restored}"
    verified = subprocess.run(
        [sys.executable, "manage.py", "verify_access_log"],
        cwd=REPOSITORY,
        env={**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "gezinsregie.conf.test"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert verified.returncode != 0
    assert "NIET intact" in verified.stderr
