from typing import Any

from django.apps import AppConfig
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.signals import connection_created


def register_sqlite_hash(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    """SQLite has no sha256: the access log's trigger calls this Python function (migration 0004)."""
    if connection.vendor == "sqlite":
        from gezinsregie.audit.chain import FIELDS, sqlite_entry_hash

        connection.connection.create_function(
            "gezinsregie_log_hash", len(FIELDS), sqlite_entry_hash, deterministic=True
        )


class AuditConfig(AppConfig):
    name = "gezinsregie.audit"
    verbose_name = "Toegangslog"

    def ready(self) -> None:
        connection_created.connect(register_sqlite_hash, dispatch_uid="audit.register_sqlite_hash")
        from gezinsregie.audit import receivers  # noqa: F401  (login, logout and failed logins are logged)
