"""Settings shared by every mode. Everything that differs per machine comes from the environment.

Each environment variable is documented in docs/configuration.md.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from gezinsregie.conf.env import env, env_bool, env_list

SRC_DIR = Path(__file__).resolve().parents[2]
BASE_DIR = SRC_DIR.parent
PACKAGE_DIR = SRC_DIR / "gezinsregie"

# Used only outside production; conf/production.py refuses to start with it.
INSECURE_DEFAULT_SECRET_KEY = "insecure-demo-key-never-use-in-production"
SECRET_KEY = env("SECRET_KEY", INSECURE_DEFAULT_SECRET_KEY)
DEBUG = env_bool("DEBUG", default=False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# Demo logins (regisseur, procesmanager, ... with password "demo") exist only where this is on.
DEMO_MODE = False

INSTALLED_APPS = [
    "gezinsregie.admin_site.GezinsregieAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "rest_framework",
    "drf_spectacular",
    "django_tasks",
    "django_tasks_db",
    "gezinsregie.common",
    "gezinsregie.accounts",
    "gezinsregie.organisations",
    "gezinsregie.frameworks",
    "gezinsregie.casework",
    "gezinsregie.plans",
    "gezinsregie.trajectory",
    "gezinsregie.inspections",
    "gezinsregie.reports",
    "gezinsregie.assessment",
    "gezinsregie.audit",
    "gezinsregie.privacy",
    "gezinsregie.notifications",
    "gezinsregie.ops",
    "gezinsregie.web",
    "gezinsregie.api",
    "gezinsregie.demo",
    "django.forms",  # after ours: common/templates/django/forms/ overrides a widget template (issue 14 §3)
]
# Widgets render through the project's templates, so that one template can say "Kies …" where Django says
# "---------" on every select of every form, the admin's too.
FORM_RENDERER = "gezinsregie.common.rendering.FormRenderer"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "gezinsregie.common.middleware.RequestSizeLimitMiddleware",  # before anything reads the body (issue 12 §10)
    "gezinsregie.common.middleware.NoStoreMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "gezinsregie.accounts.middleware.SessionTimeoutMiddleware",
    "gezinsregie.accounts.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "gezinsregie.audit.middleware.AccessContextMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a locked-out sign-in into the lockout page
]

ROOT_URLCONF = "gezinsregie.urls"
WSGI_APPLICATION = "gezinsregie.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "web:start"
LOGOUT_REDIRECT_URL = "login"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "gezinsregie.web.context_processors.navigation",
                "gezinsregie.demo.context_processors.demo_logins",
                "gezinsregie.web.theme.theme",
            ],
        },
    },
]

# SQLite when DATABASE_URL is unset: the demo runs without any service.
DATABASES = {
    "default": dj_database_url.parse(env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {"min_size": 2, "max_size": 4}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Signing in (issue 12 §1, ASVS V2/V3; docs/authentication.md) ---------------------------------------------
# Argon2id first: new passwords and every older hash (PBKDF2, ...) upgraded at the next sign-in.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out username/address before any password check
    "django.contrib.auth.backends.ModelBackend",
]
# Lockout (django-axes): after LOGIN_FAILURE_LIMIT failures a username from one address is locked for
# LOGIN_COOLOFF_MINUTES, on the login form, the admin's login and API tokens alike; the admin lifts it in /beheer/.
AXES_FAILURE_LIMIT = int(env("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(env("LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "gezinsregie.accounts.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "gezinsregie.accounts.lockout.client_ip"
AXES_ENABLE_ADMIN = False  # accounts/admin.py registers the locks for the functional admin instead
AXES_VERBOSE = False
# Second factor (django-otp, TOTP + hashed recovery codes): required for every person with a role (all roles can see
# personal data, accounts.models.ROLES_WITH_PERSONAL_DATA). Always on in production; off by default in the demo and
# the tests, where a user who set it up still gives it.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", default=True)
OTP_TOTP_ISSUER = "Gezinsregie"
# A password-reset link works once and for an hour (Django's default is three days).
PASSWORD_RESET_TIMEOUT = 60 * 60
# Optional: sign in through the municipality's own identity provider (OpenID Connect). Existing users only.
OIDC_ENABLED = env_bool("OIDC_ENABLED", default=False)
if OIDC_ENABLED:
    OIDC_PROVIDER_NAME = env("OIDC_PROVIDER_NAME", "uw organisatie")
    OIDC_RP_CLIENT_ID = env("OIDC_RP_CLIENT_ID", "")
    OIDC_RP_CLIENT_SECRET = env("OIDC_RP_CLIENT_SECRET", "")
    OIDC_RP_SIGN_ALGO = env("OIDC_RP_SIGN_ALGO", "RS256")
    OIDC_RP_SCOPES = env("OIDC_RP_SCOPES", "openid email profile")
    OIDC_OP_AUTHORIZATION_ENDPOINT = env("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
    OIDC_OP_TOKEN_ENDPOINT = env("OIDC_OP_TOKEN_ENDPOINT", "")
    OIDC_OP_USER_ENDPOINT = env("OIDC_OP_USER_ENDPOINT", "")
    OIDC_OP_JWKS_ENDPOINT = env("OIDC_OP_JWKS_ENDPOINT", "")
    OIDC_MATCH = env("OIDC_MATCH", "email")  # or "username"
    OIDC_USERNAME_CLAIM = env("OIDC_USERNAME_CLAIM", "preferred_username")
    OIDC_CREATE_USER = False
    OIDC_USE_PKCE = True
    AUTHENTICATION_BACKENDS = [*AUTHENTICATION_BACKENDS, "gezinsregie.accounts.oidc.ExistingUsersBackend"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
NODE_MODULES = BASE_DIR / "node_modules"
# From node_modules only the files the pages load (web.finders.VendorFinder), not whole dist folders.
VENDOR_STATIC = {
    # The NL Design System example theme (EUPL-1.2): neutral tokens, no municipality's brand (issue 11 §6). Each
    # municipality's own look sits on top of it: THEME below.
    "vendor/nlds-voorbeeld/theme.css": NODE_MODULES
    / "@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css",
    "vendor/utrecht-components/index.css": NODE_MODULES / "@utrecht/component-library-css/dist/index.css",
    "vendor/htmx/htmx.min.js": NODE_MODULES / "htmx.org/dist/htmx.min.js",
}
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "gezinsregie.web.finders.VendorFinder",
]
# The municipality's own look (issue 11 §6): a folder under web/static/gezinsregie/themes/ (or STATICFILES_DIRS of
# the installation) with theme.css (design tokens over the example theme) and logo.svg; docs/deployment.md.
THEME = env("THEME", "neutraal")
THEME_ORGANISATION_NAME = env("THEME_ORGANISATION_NAME", "")
# what the inspectorate's people see instead (web/theme.py): the central government's colours, its own name
INSPECTORATE_THEME = env("INSPECTORATE_THEME", "rijk")
INSPECTORATE_NAME = env("INSPECTORATE_NAME", "Samenwerkend Toezicht Jeugd")
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "media/"  # nothing is served from here: every upload is downloaded through a view that asks the policy

# --- Bad input (issue 12 §10; common/uploads.py, common/limits.py, docs/security.md) ---------------------------------
# One uploaded file (a scan, a document) at most UPLOAD_MAX_MB; the other fields of a form, and a JSON body of the
# API, at most DATA_UPLOAD_MAX_MEMORY_SIZE; a request body larger than both together is refused before it is read.
UPLOAD_MAX_SIZE = int(env("UPLOAD_MAX_MB", "10")) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024  # a larger upload is written to a temporary file, not held in memory
REQUEST_BODY_MAX_SIZE = UPLOAD_MAX_SIZE + DATA_UPLOAD_MAX_MEMORY_SIZE

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Sessions end after SESSION_IDLE_TIMEOUT without a request and SESSION_COOKIE_AGE after signing in, however active
# (accounts.middleware.SessionTimeoutMiddleware).
SESSION_COOKIE_AGE = 60 * 60 * int(env("SESSION_ABSOLUTE_HOURS", "8"))  # one working day
SESSION_IDLE_TIMEOUT = 60 * int(env("SESSION_IDLE_MINUTES", "30"))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
    }
}

REST_FRAMEWORK = {
    # No passwords on the API (no Basic auth): a personal API token, or the browser's session (issue 12 §1).
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "gezinsregie.accounts.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    # JSON in and out only, bounded in size and depth; an Accept without JSON is 406, never 500 (issue 12 §10).
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["gezinsregie.api.parsers.BoundedJSONParser"],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "gezinsregie.api.negotiation.JsonOnlyNegotiation",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Gezinsregie API",
    "DESCRIPTION": ("Integraties met Gezinsregie. Elke toegang loopt via het autorisatiebeleid en wordt gelogd."),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],  # deny by default, here too
}

# Mail: notifications (notifications.services.notify) go out through Django's mail backend.
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", default=False)  # implicit TLS (port 465); not together with EMAIL_USE_TLS
EMAIL_TIMEOUT = int(env("EMAIL_TIMEOUT", "10"))  # seconds; a hanging mail server never holds a request or the worker
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "gezinsregie@localhost")
# The address in links of e-mails (the app itself knows no host name outside a request).
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000")

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# --- Operations (issue 11; docs/operations.md, docs/scaling.md) --------------------------------------------------
# /gereed/ is ready only when a worker ran the scheduler's heartbeat task (every minute) this recently, in seconds.
WORKER_HEARTBEAT_MAX_AGE = int(env("WORKER_HEARTBEAT_MAX_AGE", "180"))
# Behind a reverse proxy the peer is the proxy: take the client's address from the X-Forwarded-For entry the proxy
# added (audit.middleware.client_ip), for the access log and the lockout. Only on when every request comes through
# that proxy, otherwise anybody can write any address into the log.
TRUST_X_FORWARDED_FOR = env_bool("TRUST_X_FORWARDED_FOR", default=False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    # WeasyPrint and fontTools narrate every rendering step at INFO, django-axes every sign-in
    "loggers": {name: {"level": "WARNING"} for name in ("weasyprint", "fontTools", "axes")},
}


def require(condition: bool, message: str) -> None:
    if not condition:
        raise ImproperlyConfigured(message)


# How long the access log itself is kept (manage.py prune_access_log, run as the database owner). NEN 7513: at least
# five years; the default follows the Jeugdwet's twenty years for the files the log is about. See docs/security.md.
ACCESS_LOG_RETENTION_YEARS = int(env("ACCESS_LOG_RETENTION_YEARS", "20"))
require(ACCESS_LOG_RETENTION_YEARS >= 5, "ACCESS_LOG_RETENTION_YEARS: minimaal 5 jaar (NEN 7513).")

# How long a family's personal data is kept after its last episode ended (closure, or the end of aftercare), unless
# its approach sets its own (privacy.RetentionPeriod). 20 years: Jeugdwet art. 7.3.8. The periodic check
# `families_erased` then erases it, keeping what the aggregates and the published inspections need (issue 12 §9).
FAMILY_RETENTION_YEARS = int(env("FAMILY_RETENTION_YEARS", "20"))

# Counts shown to whoever may not see the families behind them (population, self-assessment, reports): below this
# number not shown, the others rounded to fives (issue 12 §5; gezinsregie.common.counts).
SMALL_NUMBER_THRESHOLD = int(env("SMALL_NUMBER_THRESHOLD", "5"))
require(SMALL_NUMBER_THRESHOLD >= 3, "SMALL_NUMBER_THRESHOLD: minstens 3 (kleinere aantallen wijzen naar een gezin).")
