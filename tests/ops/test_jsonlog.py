"""Structured logs (issue 11 §1): one JSON object per line; the access log without query strings."""

import json
import logging

from gezinsregie.ops.jsonlog import JsonFormatter


def record(name: str, msg: str, args: object = None, exc_info: object = None) -> logging.LogRecord:
    return logging.LogRecord(name, logging.INFO, __file__, 1, msg, args, exc_info)  # type: ignore[arg-type]


def test_an_application_message_is_one_json_line() -> None:
    line = JsonFormatter().format(record("gezinsregie.scheduler", "Controles in de wachtrij gezet (%s).", ("abc",)))
    entry = json.loads(line)
    assert "\n" not in line
    assert entry["level"] == "INFO" and entry["logger"] == "gezinsregie.scheduler"
    assert entry["message"] == "Controles in de wachtrij gezet (abc)."
    assert entry["time"].endswith("+00:00")


def test_an_access_line_has_fields_and_no_query_string() -> None:
    atoms = {"m": "GET", "U": "/gezinnen/", "q": "naam=Jansen", "s": "200", "M": "12", "h": "10.0.0.1"}
    entry = json.loads(JsonFormatter().format(record("gunicorn.access", "%(h)s %(r)s", atoms)))
    assert entry == entry | {"method": "GET", "path": "/gezinnen/", "status": 200, "duration_ms": 12}
    assert "Jansen" not in json.dumps(entry)


def test_an_exception_keeps_its_traceback() -> None:
    try:
        raise ValueError("kapot")
    except ValueError:
        import sys

        entry = json.loads(JsonFormatter().format(record("x", "mislukt", exc_info=sys.exc_info())))
    assert "ValueError: kapot" in entry["exception"]
