"""Production: refuses to start when it would be unsafe. See docs/configuration.md."""

from gezinsregie.conf.base import *  # noqa: F403
from gezinsregie.conf.base import INSECURE_DEFAULT_SECRET_KEY, SECRET_KEY, require
from gezinsregie.conf.env import env_bool, secret_key_is_strong

DEBUG = env_bool("DEBUG", default=False)
DEMO_MODE = False

require(not DEBUG, "DEBUG staat aan: in productie nooit. Zet DEBUG=false.")
require(
    SECRET_KEY != INSECURE_DEFAULT_SECRET_KEY and secret_key_is_strong(SECRET_KEY),
    "SECRET_KEY ontbreekt of is de onveilige standaardwaarde: zet een willekeurig gemaakte geheime sleutel van "
    "minstens 50 tekens, waarvan minstens 16 verschillende.",
)

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
# __Host-: only over HTTPS, only for this host, path / (ASVS 3.4.4)
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
# Every person with a role signs in with a second factor; not switchable here (issue 12 §1).
TWO_FACTOR_REQUIRED = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}
