"""Demo and development mode: SQLite unless DATABASE_URL says otherwise, demo logins allowed."""

from gezinsregie.conf.base import *  # noqa: F403
from gezinsregie.conf.env import env, env_bool

DEBUG = env_bool("DEBUG", default=True)
DEMO_MODE = True
# The demo logins sign in with their password only, unless TWO_FACTOR_REQUIRED=true (docs/authentication.md).
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", default=False)
# The demo prints e-mails to the console instead of sending them.
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# The demo's fictional municipality in its own (fictional) look: web/static/gezinsregie/themes/zeldenbroek/.
THEME = env("THEME", "zeldenbroek")
THEME_ORGANISATION_NAME = env("THEME_ORGANISATION_NAME", "Gemeente Zeldenbroek")
