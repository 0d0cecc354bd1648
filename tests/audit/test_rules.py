"""The unusual patterns (gezinsregie.audit.rules): pure, on plain reads."""

import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from gezinsregie.audit import rules

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NOON = datetime(2025, 6, 11, 10, 0, tzinfo=UTC)  # 12:00 in Amsterdam (summer time)


def read(
    user: int = 1,
    *,
    family: uuid.UUID | None = None,
    at: datetime = NOON,
    mine: bool = False,
    action: str = "family.view",
) -> rules.Read:
    family = family or uuid.uuid4()
    return rules.Read(
        user_id=user,
        username=f"gebruiker-{user}",
        family_id=family,
        family_reference=f"GR-{str(family)[:4]}",
        action=action,
        at=at,
        in_caseload=mine,
    )


def test_more_families_outside_the_caseload_than_the_threshold_is_unusual():
    reads = [read(at=NOON + timedelta(minutes=i)) for i in range(rules.OUTSIDE_CASELOAD_THRESHOLD + 1)]

    [pattern] = rules.outside_caseload(reads)

    assert (pattern.kind, pattern.user_id, pattern.count) == ("outside_caseload", 1, 6)
    assert (pattern.first, pattern.last) == (NOON, NOON + timedelta(minutes=5))
    assert pattern.description == "las 6 gezinnen buiten de eigen caseload"


def test_up_to_the_threshold_is_not_and_the_own_caseload_never_counts():
    outside = [read() for _ in range(rules.OUTSIDE_CASELOAD_THRESHOLD)]
    own = [read(mine=True) for _ in range(50)]

    assert rules.outside_caseload(outside + own) == []


def test_the_same_family_read_often_counts_once():
    family = uuid.uuid4()

    assert rules.outside_caseload([read(family=family) for _ in range(20)]) == []


def test_reading_the_log_and_refusals_are_not_browsing():
    reads = [read(action="family.view_log") for _ in range(10)] + [read(action="denied.view") for _ in range(10)]
    reads += [read(action="log.export_pdf") for _ in range(10)]

    assert rules.outside_caseload(reads) == []
    assert rules.at_night([read(at=NOON.replace(hour=1), action="family.view_log")], zone=AMSTERDAM) == []


def test_patterns_are_per_user():
    reads = [read(user=1) for _ in range(6)] + [read(user=2) for _ in range(3)]

    assert [p.user_id for p in rules.outside_caseload(reads)] == [1]


def test_reads_at_night_are_counted_in_local_time():
    night = datetime(2025, 6, 11, 20, 30, tzinfo=UTC)  # 22:30 in Amsterdam
    early = datetime(2025, 6, 12, 3, 59, tzinfo=UTC)  # 05:59
    morning = datetime(2025, 6, 12, 4, 0, tzinfo=UTC)  # 06:00: day again
    evening = datetime(2025, 6, 11, 19, 59, tzinfo=UTC)  # 21:59

    [pattern] = rules.at_night([read(at=t, mine=True) for t in (night, early, morning, evening)], zone=AMSTERDAM)

    assert (pattern.kind, pattern.count, pattern.first, pattern.last) == ("night", 2, night, early)
    assert "tussen 22:00 en 06:00" in pattern.description


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)))
def test_night_is_exactly_from_ten_to_six_local(at):
    local = at.astimezone(AMSTERDAM)
    assert rules.is_night(at, AMSTERDAM) == (local.hour >= 22 or local.hour < 6)


@given(st.lists(st.tuples(st.integers(1, 3), st.integers(0, 9), st.booleans()), max_size=60))
def test_outside_caseload_counts_distinct_families_outside_it(spec):
    families = [uuid.UUID(int=i + 1) for i in range(10)]
    reads = [read(user=u, family=families[f], mine=mine) for u, f, mine in spec]

    found = {p.user_id: p.count for p in rules.outside_caseload(reads)}

    for user in (1, 2, 3):
        outside = {f for u, f, mine in spec if u == user and not mine}
        assert found.get(user) == (len(outside) if len(outside) > rules.OUTSIDE_CASELOAD_THRESHOLD else None)
