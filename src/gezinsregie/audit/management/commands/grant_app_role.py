"""manage.py grant_app_role <role>: give the application's PostgreSQL role exactly what it needs, no more.

Run as the owner role (the one that ran the migrations), after every `migrate`:

- every table: SELECT, INSERT, UPDATE, DELETE (no TRUNCATE, REFERENCES or TRIGGER); every sequence: USAGE, SELECT;
- the access log: SELECT and INSERT only; its anchors: SELECT only; django_migrations: SELECT only;
- nothing else: the role owns nothing, so it can neither ALTER, DROP nor replace a table, trigger or function, and
  cannot migrate. A superuser role is refused: it would pass every check.

The exact statements are printed with --sql (for a DBA who prefers to run them by hand; docs/deployment.md).
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction

from gezinsregie.audit.models import AccessLogAnchor, AccessLogEntry

READ_ONLY = ("django_migrations", AccessLogAnchor._meta.db_table)
APPEND_ONLY = (AccessLogEntry._meta.db_table,)


def grant_statements(role: str) -> list[str]:
    quote = connection.ops.quote_name
    who = quote(role)
    statements = [
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {who}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {who}",
        f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM {who}",
        f"GRANT USAGE ON SCHEMA public TO {who}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {who}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {who}",
    ]
    for table in READ_ONLY:
        statements.append(f"REVOKE INSERT, UPDATE, DELETE ON {quote(table)} FROM {who}")
    for table in APPEND_ONLY:
        statements.append(f"REVOKE UPDATE, DELETE ON {quote(table)} FROM {who}")
    return statements


class Command(BaseCommand):
    help = (
        "Geeft de applicatierol van PostgreSQL precies de rechten die de app nodig heeft "
        "(het toegangslog: alleen lezen en toevoegen)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("role", help="naam van de databaserol waarmee de applicatie verbindt")
        parser.add_argument("--sql", action="store_true", help="toon alleen de SQL, voer niets uit")

    def handle(self, *args: Any, role: str, sql: bool, **options: Any) -> None:
        if connection.vendor != "postgresql":
            raise CommandError("Alleen voor PostgreSQL: SQLite (de demo) kent geen rollen.")
        statements = grant_statements(role)
        if sql:
            self.stdout.write(";\n".join(statements) + ";")
            return
        with connection.cursor() as cursor:
            cursor.execute("SELECT rolsuper, current_user = rolname FROM pg_roles WHERE rolname = %s", [role])
            found = cursor.fetchone()
        if found is None:
            raise CommandError(f"Rol {role} bestaat niet: maak haar eerst aan (CREATE ROLE {role} LOGIN PASSWORD ...).")
        superuser, is_me = found
        if superuser or is_me:
            raise CommandError(
                f"Rol {role} is superuser of de eigenaar zelf: de applicatie moet een eigen, beperkte rol hebben."
            )
        with transaction.atomic(), connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
        self.stdout.write(self.style.SUCCESS(f"Rechten van {role} gezet: het toegangslog alleen lezen en aanvullen."))
