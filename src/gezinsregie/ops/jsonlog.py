"""Structured logs: one JSON object per line on stdout, for the web server, the worker and the scheduler alike.

Fields: time (UTC, ISO 8601), level, logger, message, and for an exception its traceback. Gunicorn's access log
adds method, path (without query string), status, duration_ms; never the query string or a body, where personal
data could be.
"""

import json
import logging
from datetime import UTC, datetime
from typing import Any

ACCESS_FIELDS = {"m": "method", "U": "path", "s": "status", "M": "duration_ms", "h": "remote"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
        }
        if record.name == "gunicorn.access" and isinstance(record.args, dict):
            entry["message"] = "request"
            for atom, field in ACCESS_FIELDS.items():
                value = record.args.get(atom)
                if value not in (None, "-"):
                    entry[field] = int(value) if field in {"status", "duration_ms"} and str(value).isdigit() else value
        else:
            entry["message"] = record.getMessage()
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def json_logging(level: str) -> dict[str, Any]:
    """A LOGGING dict (dictConfig) that writes JSON lines to stdout."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "gezinsregie.ops.jsonlog.JsonFormatter"}},
        "handlers": {"stdout": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "json"}},
        "root": {"handlers": ["stdout"], "level": level},
        "loggers": {
            **{name: {"level": "WARNING"} for name in ("weasyprint", "fontTools", "axes")},
            # the worker's own loggers add a handler of their own when they have none: give them ours
            "django_tasks": {"handlers": ["stdout"], "level": level, "propagate": False},
            "django_tasks_db": {"handlers": ["stdout"], "level": level, "propagate": False},
            "gunicorn.error": {"handlers": ["stdout"], "level": level, "propagate": False},
            "gunicorn.access": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        },
    }
