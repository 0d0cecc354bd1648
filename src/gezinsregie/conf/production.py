"""Production: refuses to start when it would be unsafe. See docs/configuration.md."""

from typing import Any

from gezinsregie.conf.base import *  # noqa: F403
from gezinsregie.conf.base import INSECURE_DEFAULT_SECRET_KEY, MIDDLEWARE, SECRET_KEY, require
from gezinsregie.conf.env import env, env_bool, secret_key_is_strong
from gezinsregie.ops.jsonlog import json_logging

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

# --- Production start (issue 11; docs/deployment.md) --------------------------------------------------------------
# Static files: collectstatic (bin/serve) writes them with a content hash in the name and compressed beside them;
# WhiteNoise serves them from every web process with a far-future Cache-Control, no separate web server needed.
MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]
# Uploads (scans of consent forms, agreements) go through Django's storage API: the local disk (MEDIA_ROOT) on one
# machine, an S3-compatible object store (MinIO, a cloud's) for several (docs/scaling.md).
_uploads: dict[str, Any]
if env("STORAGE_BACKEND", "filesystem") == "s3":
    require(bool(env("S3_BUCKET", "")), "STORAGE_BACKEND=s3 zonder S3_BUCKET: zet de bucket.")
    _uploads = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("S3_BUCKET", ""),
            "endpoint_url": env("S3_ENDPOINT_URL", "") or None,
            "region_name": env("S3_REGION", "") or None,
            "access_key": env("S3_ACCESS_KEY_ID", ""),
            "secret_key": env("S3_SECRET_ACCESS_KEY", ""),
            "default_acl": None,
            "querystring_auth": True,  # links expire; the bucket is never public
            "file_overwrite": False,
        },
    }
else:
    _uploads = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": _uploads,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Nothing kept in one process: sessions in the database (Django's default engine, said here), the cache too
# (`manage.py createcachetable`, run by bin/serve), so any web node answers any request.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "gezinsregie_cache"}}
# The load balancer's health checks arrive over plain HTTP on the node itself: no redirect to HTTPS for them.
SECURE_REDIRECT_EXEMPT = [r"^gezond/$", r"^gereed/$"]
# One JSON object per line on stdout (gezinsregie.ops.jsonlog), for whatever collects the logs.
LOGGING = json_logging(env("LOG_LEVEL", "INFO"))
