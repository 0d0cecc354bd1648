"""The intake team's page for a held aanmelding (casework/views/pending.py): one submission per rendered form."""

import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from gezinsregie.casework.models import Family, PendingOutcome
from gezinsregie.common import idempotency
from tests.casework.service_helpers import INTAKE
from tests.casework.test_services_pending import held
from tests.casework.view_helpers import html

pytestmark = pytest.mark.django_db


def token_on(page: str) -> str:
    """The token the form was rendered with (common/idempotency.js copies it into the field)."""
    found = re.search(rf'name="{idempotency.FIELD}" value="" data-gr-token="([0-9a-f]+)"', page)
    assert found, "the form carries a submission token"
    return found.group(1)


def test_registering_as_new_twice_with_one_token_makes_one_family(world, login):
    _, pending = held(world)
    client = login(world.user(INTAKE))
    url = reverse("casework:pending_referral", kwargs={"pending_id": pending.pk})
    data = {"nieuw": "1", idempotency.FIELD: token_on(html(client.get(url)))}

    first = client.post(url, data)
    client.get(first["Location"])  # its message read
    again = client.post(url, data)  # Back, and send again

    assert Family.objects.filter(name="Gezin Zwartbroek").count() == 2  # the known one and the one registered
    pending.refresh_from_db()
    assert pending.outcome == PendingOutcome.REGISTERED
    assert (again.status_code, again["Location"]) == (302, first["Location"])
    assert [str(m) for m in get_messages(again.wsgi_request)] == [idempotency.ALREADY_SENT]


def test_linking_twice_with_one_token_links_once(world, login):
    known, pending = held(world)
    client = login(world.user(INTAKE))
    url = reverse("casework:pending_referral", kwargs={"pending_id": pending.pk})
    data = {"gezin": str(known.pk), idempotency.FIELD: idempotency.issue()}

    first = client.post(url, data)
    again = client.post(url, data)

    assert known.referrals.count() == 1
    assert again["Location"] == first["Location"] == reverse("casework:pending_referrals")
    assert idempotency.ALREADY_SENT in [str(m) for m in get_messages(again.wsgi_request)]
