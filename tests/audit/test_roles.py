"""The database roles: the application's role may only INSERT and SELECT the access log (manage.py
grant_app_role); nobody truncates it, not even the owner; its migrations cannot be reversed."""

import uuid
from collections.abc import Iterator
from io import StringIO
from pathlib import Path

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.db.migrations.exceptions import IrreversibleError

from gezinsregie.accounts.models import Role
from gezinsregie.audit import services
from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.audit.verification import verify_chain
from tests.factories import UserFactory

LOG = "audit_accesslogentry"
ANCHORS = "audit_accessloganchor"


def connect_as(role: str | None) -> psycopg.Connection:
    """A connection of its own, without the test settings' options (so without the test-only flush switch)."""
    settings = connection.settings_dict
    return psycopg.connect(
        host=settings["HOST"] or None,
        port=settings["PORT"] or None,
        dbname=settings["NAME"],
        user=role or settings["USER"],
        autocommit=True,
    )


@pytest.fixture
def app_role(transactional_db: None) -> Iterator[str]:
    """A login role like production's application role, granted by the command, dropped afterwards."""
    role = f"gezinsregie_app_{uuid.uuid4().hex[:10]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE ROLE "{role}" LOGIN')
    try:
        call_command("grant_app_role", role, stdout=StringIO())
        yield role
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP OWNED BY "{role}"')
            cursor.execute(f'DROP ROLE "{role}"')


@pytest.fixture
def app(app_role: str) -> Iterator[psycopg.Connection]:
    services.record(actor=UserFactory(), action="family.view")  # something to try to change
    with connect_as(app_role) as conn:
        yield conn


@pytest.mark.parametrize(
    "statement",
    [
        pytest.param(f"TRUNCATE {LOG}", id="truncate"),
        pytest.param(f"UPDATE {LOG} SET username = 'iemand-anders'", id="update"),
        pytest.param(f"DELETE FROM {LOG}", id="delete"),
        pytest.param(f"ALTER TABLE {LOG} DISABLE TRIGGER ALL", id="disable-trigger"),
        pytest.param(f"DROP TRIGGER audit_access_log_append_only ON {LOG}", id="drop-trigger"),
        pytest.param(f"ALTER TABLE {LOG} DROP COLUMN entry_hash", id="alter-table"),
        pytest.param(f"DROP TABLE {LOG}", id="drop-table"),
        pytest.param(
            "CREATE OR REPLACE FUNCTION audit_access_log_append_only() RETURNS trigger "
            "AS $$ BEGIN RETURN OLD; END $$ LANGUAGE plpgsql",
            id="replace-trigger-function",
        ),
        pytest.param(
            f"INSERT INTO {ANCHORS} (last_seq, last_hash, last_at, removed, retention_years) "
            "SELECT seq, entry_hash, at, 1, 5 FROM audit_accesslogentry LIMIT 1",
            id="insert-anchor",
        ),
        pytest.param(f"TRUNCATE {ANCHORS}", id="truncate-anchors"),
        pytest.param("DELETE FROM django_migrations WHERE app = 'audit'", id="forget-migrations"),
        pytest.param("CREATE TABLE evil (id int)", id="create-table"),
    ],
)
def test_the_application_role_cannot_rewrite_the_log(app, statement):
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        app.execute(statement)

    assert AccessLogEntry.objects.count() == 1
    assert verify_chain().intact


def test_the_application_role_may_insert_and_read_the_log_and_keeps_the_chain(app):
    app.execute(
        f"INSERT INTO {LOG} (username, user_display, action, channel, organisation, role, on_behalf_of, "
        "family_reference, object_type, object_id, path, prev_hash, entry_hash, at) "
        "VALUES ('app', 'App', 'family.view', 'web', '', '', '', '', '', '', '', '', '', '2001-01-01')"
    )
    rows = app.execute(f"SELECT seq, username, at > now() - interval '1 hour' FROM {LOG} ORDER BY seq").fetchall()

    assert [(seq, name) for seq, name, _ in rows] == [(1, AccessLogEntry.objects.get(seq=1).username), (2, "app")]
    assert rows[1][2] is True  # timed by the database, not the 2001 it asked for
    assert verify_chain().intact


def test_the_application_role_does_normal_work_on_other_tables(app):
    user = UserFactory()
    app.execute("UPDATE accounts_user SET first_name = 'Anders' WHERE id = %s", [user.pk])
    app.execute("DELETE FROM django_session")
    app.execute("SELECT count(*) FROM casework_family").fetchone()
    # a registration takes the next family reference from the sequence (issue 11 §8)
    first, second = (app.execute("SELECT nextval('casework_family_reference')").fetchone()[0] for _ in range(2))
    assert second == first + 1

    user.refresh_from_db()
    assert user.first_name == "Anders"


def test_grant_app_role_refuses_a_superuser_and_shows_its_sql(db):
    with pytest.raises(CommandError, match="superuser"):
        call_command("grant_app_role", connection.settings_dict["USER"], stdout=StringIO())
    out = StringIO()
    call_command("grant_app_role", "gezinsregie_app", sql=True, stdout=out)
    assert f'REVOKE UPDATE, DELETE ON "{LOG}" FROM "gezinsregie_app";' in out.getvalue()
    assert f'REVOKE INSERT, UPDATE, DELETE ON "{ANCHORS}" FROM "gezinsregie_app";' in out.getvalue()


# --- what the owner cannot do either ---


@pytest.mark.parametrize("table", [LOG, ANCHORS])
def test_a_statement_level_trigger_refuses_truncate_even_to_the_owner(transactional_db, table):
    services.record(actor=UserFactory(), action="family.view")
    with connect_as(None) as owner, pytest.raises(psycopg.errors.RaiseException, match="TRUNCATE geweigerd"):
        owner.execute(f"TRUNCATE {table}")

    assert AccessLogEntry.objects.count() == 1


def test_the_test_flush_switch_is_only_in_the_test_settings():
    """The test settings' connection may flush (Django's TransactionTestCase truncates every table); production's
    settings never set the switch (tests/config checks the production settings as a whole)."""
    from gezinsregie.conf import base

    assert "gezinsregie.test_flush" in connection.settings_dict["OPTIONS"]["options"]
    assert "options" not in base.DATABASES["default"].get("OPTIONS", {})
    conf = Path(base.__file__).parent
    assert [p.name for p in conf.glob("*.py") if "test_flush" in p.read_text(encoding="utf-8")] == ["test.py"]


def test_the_audit_migrations_cannot_be_reversed(db):
    with pytest.raises(IrreversibleError):
        call_command("migrate", "audit", "0003", stdout=StringIO(), verbosity=0)


def test_the_owner_cannot_delete_what_no_anchor_covers(world):
    services.record(actor=world.user(Role.COORDINATOR), action="family.view")
    with pytest.raises(DatabaseError, match="DELETE geweigerd"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {LOG}")
    assert AccessLogEntry.objects.count() == 1
