"""The access log on SQLite (the demo): the same chain and refusals as on PostgreSQL, in a SQLite database of its
own (a subprocess with the demo settings: the suite itself runs on PostgreSQL)."""

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.paths import PACKAGE

ROOT = PACKAGE.parents[1]


def manage(database: Path, *args: str) -> str:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "gezinsregie.conf.dev",
        "DATABASE_URL": f"sqlite:///{database}",
        "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'src'}",
    }
    done = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


@pytest.fixture(scope="module")
def seen(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    database = tmp_path_factory.mktemp("sqlite") / "demo.sqlite3"
    manage(database, "migrate", "-v0")
    output = manage(database, "shell", "-v0", "-c", "from tests.audit.sqlite_scenario import main; main()")
    return json.loads(output.strip().splitlines()[-1])


def test_sqlite_chains_and_times_every_entry(seen):
    assert seen["intact"] is True
    assert seen["checked"] == 5
    assert seen["seqs"] == [1, 2, 3, 4, 5]
    assert seen["back_dated_year"] != 2001


def test_sqlite_refuses_insert_or_replace_of_an_existing_row(seen):
    assert "herschrijven geweigerd" in seen["replace"]
    assert "herschrijven geweigerd" in seen["replace_seq"]
    assert seen["username_after_replace"] == "sqlite-proef"


@pytest.mark.parametrize("attempt", ["update", "delete", "upsert"])
def test_sqlite_refuses_rewrites(seen, attempt):
    assert "alleen aan te vullen" in seen[attempt]
    assert seen["intact_after_attempts"] is True


def test_sqlite_verification_finds_a_row_changed_with_the_triggers_dropped(seen):
    assert seen["broken_id"] == seen["first_id"]
