"""Keeps the architecture honest: personal data is reached only through gezinsregie.policy."""

import re
import uuid
from pathlib import Path

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests.paths import PACKAGE

SRC = PACKAGE
PERSONAL_MODELS = ["Family", "Member", "Referral", "Consent", "Involvement", "InspectionMandate", "AccessLogEntry"]
DIRECT_READ = re.compile(r"\b(" + "|".join(PERSONAL_MODELS) + r")\.objects\b")

# Files allowed to touch personal-data managers directly, and why.
ALLOWED = {
    "policy.py": "the one door itself",
    "casework/selectors.py": "population counts: aggregates over approaches the caller was authorised for",
    "audit/services.py": "writes the access log",
    "audit/selectors.py": "reads a family's log after policy.access_family(VIEW_LOG)",
    "demo/seed/world.py": "seeds the fictional demo world",
    "demo/seed/families.py": "seeds the fictional demo world",
    "casework/services/registration.py": "registration numbers new families (the next reference)",
    "assessment/facts.py": "reads the records of exactly the families its caller passes in",
}


def python_sources() -> list[Path]:
    return [p for p in SRC.rglob("*.py") if "migrations" not in p.parts and "tests" not in p.parts]


def test_no_module_reads_personal_data_around_the_policy() -> None:
    offenders = []
    for path in python_sources():
        relative = path.relative_to(SRC).as_posix()
        if relative in ALLOWED:
            continue
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if DIRECT_READ.search(line):
                offenders.append(f"{relative}:{number}: {line.strip()}")
    assert offenders == [], "Lees persoonsgegevens via gezinsregie.policy:\n" + "\n".join(offenders)


def test_the_allowlist_has_no_stale_entries() -> None:
    for relative in ALLOWED:
        assert DIRECT_READ.search((SRC / relative).read_text()), f"{relative} no longer needs an exception"


def _all_paths(resolver: URLResolver, prefix: str = "") -> list[str]:
    paths = []
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            paths.extend(_all_paths(pattern, route))
        elif isinstance(pattern, URLPattern):
            paths.append(route)
    return paths


def _concrete(route: str) -> str:
    route = re.sub(r"<uuid:\w+>", str(uuid.uuid4()), route)
    route = re.sub(r"<(?:\w+:)?\w+>", "x", route)
    route = re.sub(r"\(\?P<\w+>[^)]*\)", "x", route)
    return "/" + route.replace("^", "").replace("$", "").replace("\\.", ".").replace("\\Z", "")


PUBLIC = {"/inloggen/", "/uitloggen/", "/beheer/login/", "/beheer/logout/"}


@pytest.mark.django_db
def test_every_page_and_endpoint_refuses_anonymous_visitors() -> None:
    client = Client()
    checked = 0
    for route in _all_paths(get_resolver()):
        path = _concrete(route)
        if path in PUBLIC or "jsi18n" in path or "(?" in path:
            continue
        response = client.get(path)
        assert response.status_code in {301, 302, 401, 403, 404}, f"{path} answered {response.status_code}"
        if response.status_code == 302:
            assert "login" in response["Location"] or "inloggen" in response["Location"], path
        checked += 1
    assert checked > 10
