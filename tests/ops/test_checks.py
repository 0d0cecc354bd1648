"""The production checks behind bin/serve (issue 11 §1): every missing setting named at once, in Dutch."""

from gezinsregie.ops.checks import SMTP, production_errors

COMPLETE = {
    "DATABASE_URL": "postgres://app@db/gezinsregie",
    "ALLOWED_HOSTS": "gezinsregie.example.nl",
    "EMAIL_HOST": "smtp.example.nl",
    "DEFAULT_FROM_EMAIL": "gezinsregie@example.nl",
    "SITE_URL": "https://gezinsregie.example.nl",
}
POSTGRES = "django.db.backends.postgresql"


def ids(environ: dict[str, str], *, engine=POSTGRES, hosts=("gezinsregie.example.nl",), mail=SMTP) -> list[str]:
    return [e.id for e in production_errors(environ, engine=engine, allowed_hosts=list(hosts), email_backend=mail)]


def test_a_complete_environment_passes() -> None:
    assert ids(COMPLETE) == []


def test_every_missing_setting_is_named_at_once() -> None:
    errors = production_errors({}, engine=POSTGRES, allowed_hosts=[], email_backend=SMTP)
    assert [e.msg for e in errors] == [
        "DATABASE_URL ontbreekt.",
        "ALLOWED_HOSTS ontbreekt.",
        "EMAIL_HOST ontbreekt.",
        "DEFAULT_FROM_EMAIL ontbreekt.",
        "SITE_URL ontbreekt.",
    ]
    assert all(e.hint for e in errors)


def test_sqlite_and_a_wildcard_host_are_refused() -> None:
    assert ids(COMPLETE, engine="django.db.backends.sqlite3", hosts=["*"]) == ["ops.E002", "ops.E004"]


def test_no_mail_server_is_needed_with_another_mail_backend() -> None:
    without_host = {k: v for k, v in COMPLETE.items() if k != "EMAIL_HOST"}
    assert ids(without_host) == ["ops.E005"]
    assert ids(without_host, mail="django.core.mail.backends.console.EmailBackend") == []
