"""The main forms fuzzed through the test client with hypothesis (issue 12 §10): registration, consent and problem
analysis. Whatever is typed — any text (control characters, NUL, very long), any date string, any number of member
rows — the answer is a page or a redirect, never a 500; a refused form writes nothing; errors are in Dutch."""

from typing import Any

import pytest
from django.core.cache import cache
from django.db.models import Count
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gezinsregie.accounts.models import Role
from gezinsregie.casework.models import Consent, Family, Member, PendingReferral, Problem, Referral

pytestmark = pytest.mark.django_db
fuzz = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))

texts = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=50),
    st.builds(lambda c, n: c * n, st.sampled_from(["x", "é", "\x00", "✓", " "]), st.integers(0, 12_000)),
)
dates = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.sampled_from(["0001-01-01", "9999-12-31", "1899-12-31", "31-02-2024", "gisteren", "", "2024-13-01"]),
    st.text(max_size=20),
)
ENGLISH = ("This field", "Enter a valid", "Ensure this value", "is required")


def saved() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (Family, Member, Referral, PendingReferral, Consent, Problem))


def check(response: Any, before: tuple[int, ...]) -> None:
    assert response.status_code in {200, 302}
    if response.status_code == 200:
        page = response.content.decode()
        assert saved() == before  # refused: nothing half-written
        assert not any(english in page for english in ENGLISH)


@fuzz
@given(name=texts, reason=texts, referred_on=dates, birth=dates, rows=st.integers(0, 40), first=texts)
def test_the_registration_form(world, login, name, reason, referred_on, birth, rows, first):
    cache.clear()  # the hourly limit on registrations would stop the fuzzing
    client = login(world.user(Role.PROCESS_MANAGER))
    data = {
        "approach": world.approach.pk,
        "family_name": name,
        "reason": reason,
        "source": "school",
        "urgency": "normal",
        "referred_on": referred_on,
        "domains": list(world.approach.life_domain_set.domains.values_list("pk", flat=True)[:1]),
        "lid-TOTAL_FORMS": str(rows),
        "lid-INITIAL_FORMS": "0",
        "lid-MIN_NUM_FORMS": "1",
        "lid-MAX_NUM_FORMS": "30",
    }
    for i in range(rows):
        data |= {f"lid-{i}-first_name": first, f"lid-{i}-last_name": "Zwartbroek", f"lid-{i}-birth_date": birth}
        data[f"lid-{i}-relation"] = "child"
    before = saved()

    check(client.post(reverse("casework:register"), data), before)
    assert all(count <= 30 for count in Family.objects.annotate(n=Count("members")).values_list("n", flat=True))


@fuzz
@given(signed_on=dates, signed_by=texts)
def test_the_consent_form(world, login, signed_on, signed_by):
    family = world.family("coordinated")
    client = login(world.user(Role.COORDINATOR))
    data = {
        "informed_of_rights": "on",
        "signed_on": signed_on,
        "signed_by": signed_by,
        "organisations": [family.approach.partners.first().pk],
        "bevestig_verlies": "1",
    }
    before = saved()

    check(client.post(reverse("casework:consent", args=[family.pk]), data), before)


@fuzz
@given(description=texts, identified_on=dates, severity=st.sampled_from(["1", "3", "0", "x", "99999999999999999999"]))
def test_the_problem_analysis_form(world, login, description, identified_on, severity):
    family = world.family("coordinated")
    client = login(world.user(Role.COORDINATOR))
    data = {
        "probleem": "1",
        "domain": family.approach.life_domain_set.domains.first().pk,
        "description": description,
        "severity": severity,
        "identified_on": identified_on,
        "own_strength": "not_examined",
    }
    before = saved()

    check(client.post(reverse("casework:analysis", args=[family.pk]), data), before)
