"""The API fuzzed from its own OpenAPI schema with schemathesis (issue 12 §10): whatever is sent — valid, invalid,
odd types, huge or nested values, any header — no answer is a 500, every answer is JSON, and a refused aanmelding
writes nothing. A bounded number of examples per operation keeps it in the normal suite.

The schema is generated in-process by drf-spectacular (the same as /api/schema/) and the calls go to the WSGI
application directly, so nothing leaves the machine.
"""

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from gezinsregie.accounts import services as account_services
from gezinsregie.accounts.models import Role
from gezinsregie.casework.models import Family, Member, PendingReferral, Referral

pytestmark = pytest.mark.django_db

schema = schemathesis.openapi.from_dict(SchemaGenerator().get_schema(request=None, public=True))
schema.app = get_wsgi_application()


@pytest.fixture(autouse=True)
def same_connection() -> Iterator[None]:
    """As Django's test client does: the request keeps the test's database connection (and its transaction)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def token(world: Any) -> str:
    user = world.user(Role.PROCESS_MANAGER)  # may register and see families: the widest API user
    _token, secret = account_services.api_token_create(actor=user, user=user, name="fuzz")
    return secret


def written() -> tuple[int, int, int, int]:
    return Family.objects.count(), Member.objects.count(), Referral.objects.count(), PendingReferral.objects.count()


@schema.parametrize()
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_no_input_makes_the_api_fail(case: Any, token: str) -> None:
    cache.clear()  # the registration throttle would answer 429 to most examples and hide the validation
    before = written()

    response = case.call(headers={"Authorization": f"Token {token}"})

    case.validate_response(response, checks=[not_a_server_error])
    headers = {name.lower(): values for name, values in response.headers.items()}
    assert headers.get("content-type", [""])[0].split(";")[0] in {
        "application/json",
        "application/vnd.oai.openapi",
        "application/vnd.oai.openapi+json",
    }
    if case.method == "POST" and response.status_code != 201:
        assert written() == before  # refused: nothing half-written
