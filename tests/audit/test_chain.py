"""The hash chain (gezinsregie.audit.chain and manage.py verify_access_log): every entry is placed, timed and
hashed by the database; a changed, removed or smuggled-in row is found and named; an intact chain passes."""

import itertools
import threading
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, connections

from gezinsregie.accounts.models import Role
from gezinsregie.audit import chain, services
from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.audit.verification import link_of, verify_chain
from tests.audit.tampering import TABLE, triggers_off
from tests.clock import FROZEN_NOW
from tests.factories import UserFactory

# --- the chain as pure functions ---


def test_the_canonical_form_names_every_field_with_its_length_and_null_apart_from_empty():
    assert chain.canonical([1, None, "", "a|b", datetime(1970, 1, 1, 0, 0, 1, 5, tzinfo=UTC)]) == (
        "1:1|-|0:|3:a|b|7:1000005"
    )


def test_the_length_prefix_keeps_shifted_separators_apart():
    assert chain.entry_hash(["a|1:b", "c"]) != chain.entry_hash(["a", "1:b|c"])


def _links(n: int) -> list[chain.Link]:
    links, prev = [], chain.GENESIS
    for seq in range(1, n + 1):
        values = [None] * len(chain.FIELDS)
        values[chain.FIELDS.index("id")] = seq * 10
        values[chain.FIELDS.index("seq")] = seq
        values[chain.FIELDS.index("at")] = datetime(2025, 1, 1, tzinfo=UTC) + timedelta(seconds=seq)
        values[chain.FIELDS.index("username")] = f"gebruiker-{seq}"
        values[chain.FIELDS.index("prev_hash")] = prev
        prev = chain.entry_hash(values)
        links.append(chain.Link(values=tuple(values), entry_hash=prev))
    return links


def _check(links: list[chain.Link]) -> chain.Break | None:
    check = chain.ChainCheck()
    return next((broken for link in links if (broken := check.feed(link)) is not None), None)


def test_an_intact_chain_has_no_break():
    assert _check(_links(5)) is None


def test_a_changed_field_breaks_its_own_link():
    links = _links(5)
    values = list(links[2].values)
    values[chain.FIELDS.index("username")] = "iemand-anders"
    links[2] = chain.Link(values=tuple(values), entry_hash=links[2].entry_hash)

    broken = _check(links)

    assert broken is not None
    assert (broken.seq, broken.id) == (3, 30)
    assert "gewijzigd" in broken.reason


def test_a_removed_link_is_named_at_the_entry_after_the_gap():
    links = _links(5)
    del links[1]

    broken = _check(links)

    assert broken is not None
    assert (broken.seq, broken.id) == (3, 30)
    assert "de regel met volgnummer 2 ontbreekt" in broken.reason


def test_a_rehashed_entry_does_not_fit_the_next_link():
    """Whoever changes an entry and recomputes its hash breaks the link of the entry after it."""
    links = _links(4)
    values = list(links[1].values)
    values[chain.FIELDS.index("username")] = "iemand-anders"
    links[1] = chain.Link(values=tuple(values), entry_hash=chain.entry_hash(values))

    broken = _check(links)

    assert broken is not None
    assert broken.seq == 3
    assert "keten verbroken" in broken.reason


# --- the database seals every entry ---


@pytest.fixture
def logged(world) -> list[AccessLogEntry]:
    coordinator = world.user(Role.COORDINATOR)
    services.record(actor=coordinator, action="family.view", family=world.family("coordinated"))
    services.record_many(actor=coordinator, action="family.list", families=world.families.values())
    services.record(actor=UserFactory(), action="configuration.change")
    return list(AccessLogEntry.objects.order_by("seq"))


def test_the_database_places_and_hashes_every_entry_in_one_chain(logged):
    assert [e.seq for e in logged] == list(range(1, len(logged) + 1))
    assert logged[0].prev_hash == chain.GENESIS
    for before, after in itertools.pairwise(logged):
        assert after.prev_hash == before.entry_hash
    assert all(chain.entry_hash(link_of(e).values) == e.entry_hash for e in logged)


def test_the_time_of_an_entry_is_the_databases_not_the_callers(world):
    """A caller that passes a back-dated time (here the ORM directly) does not get it stored."""
    back_dated = datetime(2001, 1, 1, tzinfo=UTC)
    entry = AccessLogEntry(at=back_dated, username="x", user_display="x", action="family.view", channel="cli")
    entry.save()

    stored = AccessLogEntry.objects.get(pk=entry.pk).at
    with connection.cursor() as cursor:
        cursor.execute("SELECT clock_timestamp()")
        (database_now,) = cursor.fetchone()
    assert stored != back_dated
    assert timedelta(0) <= database_now - stored < timedelta(minutes=1)
    assert entry.at == stored  # the row as stored comes back to the caller


def test_a_caller_cannot_choose_the_place_or_hash_either(world):
    entry = AccessLogEntry(username="x", user_display="x", action="x", channel="cli", prev_hash="f" * 64)
    entry.entry_hash = "e" * 64
    entry.seq = 999
    entry.save()

    stored = AccessLogEntry.objects.get(pk=entry.pk)
    assert (stored.seq, stored.prev_hash) == (1, chain.GENESIS)
    assert stored.entry_hash == chain.entry_hash(link_of(stored).values)


# --- manage.py verify_access_log ---


def verify(**options: object) -> str:
    out = StringIO()
    call_command("verify_access_log", stdout=out, **options)
    return out.getvalue()


def test_an_intact_chain_passes_and_prints_its_head(logged):
    output = verify(chunk=2)

    head = logged[-1]
    assert f"Toegangslog intact: {len(logged)} regels vanaf het begin" in output
    assert f"Kop: {head.seq}:{head.entry_hash}" in output
    assert "... 2 regels gecontroleerd" in output  # progress per chunk, the chunks of 2


def test_an_empty_log_is_intact(db):
    assert "Toegangslog intact: 0 regels" in verify()


def test_a_row_changed_around_the_trigger_is_found(logged):
    victim = logged[2]
    with triggers_off() as cursor:
        cursor.execute(f"UPDATE {TABLE} SET username = 'iemand-anders' WHERE id = %s", [victim.pk])

    with pytest.raises(CommandError) as refused:
        verify(chunk=2)

    message = str(refused.value)
    assert f"regel id={victim.pk} (volgnummer {victim.seq}, " in message
    assert "regel gewijzigd" in message
    assert f"{victim.seq - 1} regels in orde" in message


def test_a_row_changed_with_a_recomputed_hash_is_found_at_the_next_link(logged):
    victim, after = logged[1], logged[2]
    with triggers_off() as cursor:
        cursor.execute(f"UPDATE {TABLE} SET username = 'iemand-anders' WHERE id = %s", [victim.pk])
        cursor.execute(f"UPDATE {TABLE} SET entry_hash = audit_access_log_hash({TABLE}.*) WHERE id = %s", [victim.pk])

    with pytest.raises(CommandError, match=f"regel id={after.pk} .*keten verbroken"):
        verify()


def test_a_deleted_row_is_found(logged):
    victim, after = logged[3], logged[4]
    with triggers_off() as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE id = %s", [victim.pk])

    with pytest.raises(CommandError) as refused:
        verify()

    assert f"regel id={after.pk} (volgnummer {after.seq}" in str(refused.value)
    assert f"de regel met volgnummer {victim.seq} ontbreekt (verwijderd)" in str(refused.value)


def test_a_row_smuggled_in_around_the_trigger_is_found(logged):
    with triggers_off() as cursor:
        cursor.execute(
            f"INSERT INTO {TABLE} (at, username, user_display, action, channel, prev_hash, entry_hash, "
            "organisation, role, on_behalf_of, family_reference, object_type, object_id, path) "
            "VALUES (now(), 'x', 'x', 'family.view', 'web', '', '', '', '', '', '', '', '', '') RETURNING id"
        )
        (smuggled,) = cursor.fetchone()

    with pytest.raises(CommandError, match=f"regel id={smuggled} .*zonder plaats in de keten"):
        verify()


def test_a_remembered_head_catches_a_cut_tail(logged):
    head = logged[-1]
    remembered = f"{head.seq}:{head.entry_hash}"
    assert "intact" in verify(head=remembered)
    with triggers_off() as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE id = %s", [head.pk])

    assert verify_chain().intact  # what the chain alone cannot see ...
    with pytest.raises(CommandError, match="genoteerde kop"):
        verify(head=remembered)  # ... the head written down elsewhere can


# --- parallel requests keep one chain ---


@pytest.mark.django_db(transaction=True)
def test_parallel_writers_keep_one_unbroken_chain():
    user = UserFactory()
    barrier = threading.Barrier(6)
    errors: list[BaseException] = []

    def write() -> None:
        try:
            barrier.wait()
            for _ in range(10):
                services.record(actor=user, action="family.view")
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    verdict = verify_chain(chunk=7)
    assert verdict.intact, verdict.broken
    assert (verdict.checked, verdict.head_seq) == (60, 60)
    times = list(AccessLogEntry.objects.order_by("seq").values_list("at", flat=True))
    assert times == sorted(times)  # the chain's order is the order of time


def test_the_frozen_clock_does_not_reach_the_database(logged):
    """Python's clock is frozen in these tests; the log's is not (so no test can fake a log entry's time)."""
    assert logged[0].at.date() != FROZEN_NOW.date()
