"""The test suite: PostgreSQL from DATABASE_URL (bin/test starts a throwaway cluster)."""

from gezinsregie.conf.base import *  # noqa: F403
from gezinsregie.conf.base import DATABASES

DEMO_MODE = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed; never outside tests
TWO_FACTOR_REQUIRED = False  # tests that need it switch it on (tests/accounts, tests/browser/test_two_factor.py)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Django's flush between transactional tests (the browser tests) truncates every table, and the access log refuses
# TRUNCATE (migration audit 0004) unless the connection sets this. Only the test settings do; see docs/security.md.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    _default = DATABASES["default"]
    DATABASES = {
        **DATABASES,
        "default": {**_default, "OPTIONS": {**_default.get("OPTIONS", {}), "options": "-c gezinsregie.test_flush=on"}},
    }
