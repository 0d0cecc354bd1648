"""The production start (issue 11 §1), for real: bin/serve against a fresh PostgreSQL database on a free port —
configuration checked, migrations applied, static files collected with hashed names, gunicorn, the worker and the
scheduler running; /gereed/ says ready once the worker beat; a user signs in over HTTP; the hashed CSS loads with a
far-future cache; the logs are JSON lines; SIGTERM stops all of it. And it refuses to start without its settings."""

import http.client
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import psycopg
import pytest

from tests.paths import REPOSITORY

pytestmark = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="needs the test PostgreSQL (bin/test)"
)
START_TIMEOUT = 240  # migrations of a fresh database on a busy two-core machine
PASSWORD = "een-lang-wachtwoord-voor-de-test"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def production_env(database_url: str, tmp_path: Path, port: int) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG", "LC_ALL", "TMPDIR"}}
    return keep | {
        "PYTHON": sys.executable,
        "DJANGO_SETTINGS_MODULE": "gezinsregie.conf.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": database_url,
        "ALLOWED_HOSTS": "127.0.0.1",
        "EMAIL_HOST": "127.0.0.1",
        "DEFAULT_FROM_EMAIL": "gezinsregie@zeldenbroek.example.nl",
        "SITE_URL": "https://gezinsregie.zeldenbroek.example.nl",
        "PORT": str(port),
        "WEB_WORKERS": "2",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "CSRF_TRUSTED_ORIGINS": "https://127.0.0.1",
    }


@pytest.fixture
def database_url() -> Iterator[str]:
    """A database of its own on the test PostgreSQL (not pytest's: bin/serve migrates it from scratch)."""
    base = urlsplit(os.environ["DATABASE_URL"])
    name = f"serve_{uuid.uuid4().hex[:12]}"
    admin = urlunsplit(base._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield urlunsplit(base._replace(path=f"/{name}"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Http:
    """Plain HTTP to 127.0.0.1 as if through the TLS proxy (X-Forwarded-Proto), cookies kept by hand: the
    production cookies are Secure and __Host-, which a cookie jar would not send over plain HTTP."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: str | None = None, headers: dict[str, str] | None = None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        sent = {"Host": "127.0.0.1", "X-Forwarded-Proto": "https", **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        conn.request(method, path, body=body, headers=sent)
        response = conn.getresponse()
        content = response.read()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        conn.close()
        return response, content


def wait_for(check, what: str, process: subprocess.Popen, log: Path, timeout: float = START_TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, f"bin/serve stopped ({process.returncode}) before {what}:\n{log.read_text()}"
        try:
            result = check()
        except OSError:
            result = None
        if result:
            return result
        time.sleep(1)
    raise AssertionError(f"no {what} within {timeout} s:\n{log.read_text()[-5000:]}")


def create_user(env: dict[str, str]) -> None:
    code = (
        "from gezinsregie.accounts.models import User; "
        f"User.objects.create_user(username='beheerder', password='{PASSWORD}', email='b@example.nl')"
    )
    subprocess.run([sys.executable, "manage.py", "shell", "-c", code], cwd=REPOSITORY, env=env, check=True, timeout=120)


def test_bin_serve_runs_the_app_for_real(database_url: str, tmp_path: Path) -> None:
    port = free_port()
    env = production_env(database_url, tmp_path, port)
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            ["bin/serve"], cwd=REPOSITORY, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    client = Http(port)
    try:
        alive = wait_for(lambda: client.request("GET", "/gezond/")[0].status == 200, "/gezond/", process, log)
        assert alive

        def ready():
            response, content = client.request("GET", "/gereed/")
            return json.loads(content) if response.status == 200 else None

        readiness = wait_for(ready, "ready with a worker heartbeat", process, log, timeout=240)  # slow machines
        assert readiness["status"] == "gereed"
        assert {name: c["ok"] for name, c in readiness["controles"].items()} == {
            "database": True,
            "migraties": True,
            "worker": True,
        }

        create_user(env)
        response, content = client.request("GET", "/inloggen/")
        assert response.status == 200 and response.getheader("Server", "").startswith("gunicorn")
        page = content.decode()
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert csrf and "__Host-csrftoken" in client.cookies
        response, _ = client.request(
            "POST",
            "/inloggen/",
            body=urlencode({"username": "beheerder", "password": PASSWORD, "csrfmiddlewaretoken": csrf.group(1)}),
            headers={"Content-Type": "application/x-www-form-urlencoded", "Referer": "https://127.0.0.1/inloggen/"},
        )
        assert response.status == 302, "the sign-in was refused"
        assert "inloggen" not in response.getheader("Location", "")
        assert "__Host-sessionid" in client.cookies
        response, _ = client.request("GET", "/")
        assert response.status in {200, 302}
        assert "inloggen" not in (response.getheader("Location") or "")  # signed in: no way back to the login page

        stylesheet = re.search(r'href="(/static/gezinsregie/app\.[0-9a-f]{12}\.css)"', page)
        assert stylesheet, "app.css is not linked under its hashed name"
        response, _ = client.request("GET", stylesheet.group(1), headers={"Accept-Encoding": "gzip"})
        assert response.status == 200 and response.getheader("Content-Type", "").startswith("text/css")
        assert "max-age=315360000" in response.getheader("Cache-Control", "")  # hashed: cached for good
        assert response.getheader("Content-Encoding") == "gzip"  # compressed at collectstatic
        assert client.request("GET", "/static/gezinsregie/app.css")[0].status == 200  # the plain name as well

        response, content = client.request("GET", "/bestaat-niet/")
        assert response.status == 404 and "Deze pagina bestaat niet" in content.decode()
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            raise
    assert process.returncode == 0, log.read_text()[-3000:]
    lines = [line for line in log.read_text().splitlines() if line.startswith("{")]
    entries = [json.loads(line) for line in lines]
    loggers = {e["logger"] for e in entries}
    assert {"bin.serve", "gunicorn.error", "gunicorn.access", "django_tasks"} <= loggers
    requests = [e for e in entries if e["logger"] == "gunicorn.access"]
    assert {"method": "GET", "path": "/gereed/", "status": 200} in [
        {k: e.get(k) for k in ("method", "path", "status")} for e in requests
    ]
    assert not [line for line in log.read_text().splitlines() if line.strip() and not line.startswith("{")], (
        "every line on stdout is JSON"
    )


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("DATABASE_URL", "DATABASE_URL ontbreekt"),
        ("ALLOWED_HOSTS", "ALLOWED_HOSTS ontbreekt"),
        ("EMAIL_HOST", "EMAIL_HOST ontbreekt"),
        ("SECRET_KEY", "SECRET_KEY ontbreekt"),
    ],
)
def test_bin_serve_refuses_to_start_without_what_it_needs(missing: str, message: str, tmp_path: Path) -> None:
    env = production_env(os.environ["DATABASE_URL"], tmp_path, free_port())
    del env[missing]
    result = subprocess.run(
        ["bin/serve", "web"], cwd=REPOSITORY, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode != 0
    assert message in result.stdout + result.stderr
    assert "Listening at" not in result.stdout  # never got as far as the web server
