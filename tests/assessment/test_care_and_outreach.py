"""C5.b.3 (care in time) and C3.b.1 (outreach) read from the care requests and the contact journal."""

import uuid
from dataclasses import replace
from datetime import date, timedelta

import pytest
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from gezinsregie.accounts.models import Role
from gezinsregie.assessment import selectors
from gezinsregie.assessment.indicators import OUTREACH_DAYS, FamilyFacts, Outcome, Source, assess, source_of
from gezinsregie.casework import services
from gezinsregie.casework.models import CarePriority, ContactKind

TODAY = date(2026, 11, 22)
BASE = FamilyFacts(
    family_id=uuid.uuid4(),
    registered_on=TODAY - timedelta(days=100),
    started_on=TODAY - timedelta(days=80),
    as_of=TODAY,
    start_norm_days=30,
)


def test_both_come_from_the_data_now() -> None:
    assert source_of("C5.b.3") == Source.DATA and source_of("C3.b.1") == Source.DATA


@given(st.lists(st.tuples(st.integers(0, 200), st.integers(1, 90), st.booleans()), min_size=1, max_size=6))
def test_care_is_in_time_exactly_when_no_request_passed_its_limit(waits: list[tuple[int, int, bool]]) -> None:
    result = assess(replace(BASE, care_waits=tuple(waits)))["C5.b.3"]
    late = any(days > limit for days, limit, _ in waits)
    assert result.outcome == (Outcome.NOT_MET if late else Outcome.MET)


def test_no_care_asked_says_so() -> None:
    result = assess(BASE)["C5.b.3"]
    assert (result.outcome, result.evidence) == (Outcome.UNKNOWN, "Er is (nog) geen zorg aangevraagd.")


def test_a_late_request_is_named_with_the_longest_wait() -> None:
    result = assess(replace(BASE, care_waits=((10, 21, True), (40, 21, False))))["C5.b.3"]
    assert result.evidence == "1 van de 2 zorgvragen over de termijn (1 wachten nog); langste wachttijd 40 dagen."


@pytest.mark.parametrize(
    ("last_outreach", "contacts", "outcome"),
    [
        (TODAY - timedelta(days=10), 3, Outcome.MET),
        (TODAY - timedelta(days=OUTREACH_DAYS), 3, Outcome.MET),
        (TODAY - timedelta(days=OUTREACH_DAYS + 1), 3, Outcome.NOT_MET),
        (None, 4, Outcome.NOT_MET),  # only phone calls and office visits
        (None, 0, Outcome.NOT_MET),  # started 80 days ago... and 100 days without any contact is not outreach
    ],
)
def test_outreach_means_going_to_the_family_recently(last_outreach, contacts, outcome) -> None:
    facts = replace(BASE, last_outreach_on=last_outreach, contacts=contacts)
    if contacts == 0:
        facts = replace(facts, started_on=TODAY - timedelta(days=OUTREACH_DAYS + 10))
    assert assess(facts)["C3.b.1"].outcome == outcome


def test_a_fresh_start_without_contacts_is_not_judged_yet() -> None:
    result = assess(replace(BASE, started_on=TODAY - timedelta(days=5)))["C3.b.1"]
    assert result.outcome == Outcome.UNKNOWN


@pytest.mark.django_db
def test_the_family_assessment_reads_the_journal_and_the_care(world) -> None:
    family = world.family("coordinated")
    coordinator = world.user(Role.COORDINATOR)
    today = timezone.localdate()
    services.contact_record(
        actor=coordinator, family=family, kind=ContactKind.HOME_VISIT, happened_on=today, note="Aan tafel"
    )
    services.care_request_add(
        actor=coordinator,
        family=family,
        provider=world.professional_org,
        care_type="Intake",
        requested_on=max(today - timedelta(days=45), family.registered_on),
        priority=CarePriority.NORMAL,
    )
    results = selectors.family_assessment(actor=coordinator, family=family)
    assert results["C3.b.1"].outcome == Outcome.MET
    waited = (today - max(today - timedelta(days=45), family.registered_on)).days
    assert results["C5.b.3"].outcome == (Outcome.NOT_MET if waited > 30 else Outcome.MET)


# --- C4.a.5: stagnations are escalated and lifted ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("care_waits", "escalations", "outcome"),
    [
        ((), (), Outcome.UNKNOWN),
        (((40, 21, False),), (), Outcome.NOT_MET),  # care stuck, nobody escalated
        (((40, 21, False),), ((TODAY - timedelta(days=10), None),), Outcome.MET),
        (((40, 21, True),), (), Outcome.UNKNOWN),  # late but started: C5.b.3's business, nothing stuck now
        ((), ((TODAY - timedelta(days=46), None),), Outcome.NOT_MET),  # open past the whole ladder (45 days)
        ((), ((TODAY - timedelta(days=80), TODAY - timedelta(days=30)),), Outcome.MET),
    ],
)
def test_stagnations_are_escalated_and_lifted(care_waits, escalations, outcome) -> None:
    facts = replace(BASE, care_waits=care_waits, escalations=escalations, ladder_days=45)
    assert assess(facts)["C4.a.5"].outcome == outcome


@pytest.mark.django_db
def test_the_assessment_reads_escalations(world) -> None:
    family = world.family("coordinated")
    coordinator = world.user(Role.COORDINATOR)
    services.escalation_open(
        actor=coordinator,
        family=family,
        stagnation="waiting_list",
        organisation=world.professional_org,
        description="Wachtlijst",
        opened_on=timezone.localdate(),
    )
    results = selectors.family_assessment(actor=coordinator, family=family)
    assert results["C4.a.5"].outcome == Outcome.MET
    assert source_of("C4.a.5") == Source.DATA
