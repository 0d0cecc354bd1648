"""Deployment checks (`manage.py check --deploy`, the first thing bin/serve does): production refuses to start
without its database, its host names, its mail server and its address. Each missing thing is named at once, in
Dutch, so the IT department fixes all of them in one go. SECRET_KEY and DEBUG are refused earlier, on import of
the production settings (conf/production.py)."""

import os
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.checks import Error, Tags, register

SMTP = "django.core.mail.backends.smtp.EmailBackend"


def production_errors(
    environ: Mapping[str, str], *, engine: str, allowed_hosts: list[str], email_backend: str
) -> list[Error]:
    errors = []

    def missing(variable: str, hint: str, code: int) -> None:
        errors.append(Error(f"{variable} ontbreekt.", hint=hint, id=f"ops.E{code:03d}"))

    if not environ.get("DATABASE_URL"):
        missing("DATABASE_URL", "Zet de PostgreSQL-database, bijvoorbeeld postgres://gebruiker:ww@host:5432/db.", 1)
    elif engine != "django.db.backends.postgresql":
        errors.append(
            Error("DATABASE_URL is geen PostgreSQL-database.", hint="Productie draait op PostgreSQL.", id="ops.E002")
        )
    if not environ.get("ALLOWED_HOSTS"):
        missing("ALLOWED_HOSTS", "Zet de hostnamen waarop de app bereikbaar is, komma-gescheiden.", 3)
    elif "*" in allowed_hosts:
        errors.append(Error("ALLOWED_HOSTS bevat '*'.", hint="Noem de hostnamen zelf.", id="ops.E004"))
    if email_backend == SMTP and not environ.get("EMAIL_HOST"):
        missing(
            "EMAIL_HOST",
            "Zet de SMTP-server voor meldingen en wachtwoordherstel (EMAIL_PORT, EMAIL_USE_TLS, "
            "EMAIL_HOST_USER, EMAIL_HOST_PASSWORD erbij waar nodig).",
            5,
        )
    if not environ.get("DEFAULT_FROM_EMAIL"):
        missing("DEFAULT_FROM_EMAIL", "Zet het afzenderadres van de e-mails.", 6)
    if not environ.get("SITE_URL"):
        missing(
            "SITE_URL",
            "Zet het adres van de app voor links in e-mails, bijvoorbeeld https://gezinsregie.gemeente.nl.",
            7,
        )
    return errors


@register(Tags.security, deploy=True)
def production_configuration(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    if settings.DEMO_MODE or settings.DEBUG:
        return []  # the demo and the tests run without these; production settings never have DEMO_MODE
    return production_errors(
        os.environ,
        engine=settings.DATABASES["default"]["ENGINE"],
        allowed_hosts=settings.ALLOWED_HOSTS,
        email_backend=settings.EMAIL_BACKEND,
    )
