"""Gunicorn's settings for bin/serve (`gunicorn -c src/gezinsregie/conf/gunicorn.py`). Everything from the
environment (docs/deployment.md): PORT, BIND, WEB_WORKERS (or gunicorn's own WEB_CONCURRENCY), WEB_THREADS,
WEB_TIMEOUT, LOG_LEVEL."""

import os

from gezinsregie.ops.jsonlog import json_logging

wsgi_app = "gezinsregie.wsgi:application"
bind = os.environ.get("BIND") or f"0.0.0.0:{os.environ.get('PORT', '8000')}"
# Each worker is a process with its own connection pool (2–4 PostgreSQL connections, conf/base.py).
workers = int(os.environ.get("WEB_WORKERS") or os.environ.get("WEB_CONCURRENCY") or 2)
threads = int(os.environ.get("WEB_THREADS", "1"))
timeout = int(os.environ.get("WEB_TIMEOUT", "60"))  # PDF reports of a whole inspection take a while
graceful_timeout = 30
keepalive = 5
max_requests = 2000  # a worker is replaced now and then: a slow leak never grows for weeks
max_requests_jitter = 200
# No preload: the master never opens a database connection a forked worker would share.
preload_app = False
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
logconfig_dict = json_logging(os.environ.get("LOG_LEVEL", "INFO").upper())
# The proxy in front sets X-Forwarded-Proto; gunicorn passes it on to Django (SECURE_PROXY_SSL_HEADER).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
control_socket_disable = True
