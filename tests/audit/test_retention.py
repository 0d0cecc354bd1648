"""The retention of the access log itself (manage.py prune_access_log): only entries older than the retention go,
from the start of the chain; the chain is anchored where it is cut and still verifies; the database refuses an
anchor, and so a removal, of anything younger than five years."""

from datetime import datetime, timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from gezinsregie.audit import services
from gezinsregie.audit.models import AccessLogAnchor, AccessLogEntry, AppendOnlyError
from gezinsregie.audit.retention import RetentionError, access_log_prune, years_before
from gezinsregie.audit.verification import verify_chain
from tests.audit.tampering import triggers_off, write_valid_entries
from tests.factories import UserFactory


def database_now() -> datetime:
    with connection.cursor() as cursor:
        cursor.execute("SELECT now()")
        (now,) = cursor.fetchone()
    return now


@pytest.fixture
def log(db) -> dict[str, list[int]]:
    """Entries from 25, 22 and 21 years ago, one from 19 years ago, and today's."""
    now = database_now()
    old = write_valid_entries([years_before(now, 25), years_before(now, 22), years_before(now, 21)])
    kept = write_valid_entries([years_before(now, 19)])
    user = UserFactory()
    today = [services.record(actor=user, action="family.view").pk for _ in range(2)]
    assert verify_chain().intact
    return {"old": old, "kept": kept + today}


def test_the_retention_removes_only_what_is_older_and_anchors_the_chain(log):
    last_removed = AccessLogEntry.objects.get(pk=log["old"][-1])

    anchor = access_log_prune(retention_years=20)

    assert anchor is not None
    assert (anchor.last_seq, anchor.last_hash, anchor.removed) == (last_removed.seq, last_removed.entry_hash, 3)
    assert sorted(AccessLogEntry.objects.values_list("pk", flat=True)) == sorted(log["kept"])
    verdict = verify_chain()
    assert verdict.intact
    assert (verdict.anchored_at_seq, verdict.checked) == (3, 3)


def test_the_chain_goes_on_after_the_cut_and_a_second_run_removes_nothing(log):
    access_log_prune(retention_years=20)
    services.record(actor=UserFactory(), action="family.view")

    assert access_log_prune(retention_years=20) is None
    verdict = verify_chain()
    assert verdict.intact
    assert (verdict.checked, verdict.head_seq) == (4, 7)


def test_a_longer_retention_keeps_more(log):
    anchor = access_log_prune(retention_years=24)

    assert anchor is not None and anchor.removed == 1
    assert AccessLogEntry.objects.count() == 5


def test_only_the_start_of_the_chain_is_cut(db):
    """An old entry behind a younger one stays: the chain is cut once, before the first entry to keep."""
    now = database_now()
    write_valid_entries([years_before(now, 30), years_before(now, 10), years_before(now, 28)])

    anchor = access_log_prune(retention_years=20)

    assert anchor is not None and (anchor.removed, anchor.last_seq) == (1, 1)
    assert AccessLogEntry.objects.count() == 2


def test_the_retention_goes_by_the_databases_clock_not_pythons(log):
    """Python's clock (frozen in the tests, or a wrong one in production) cannot make today's entries expire."""
    with time_machine.travel(database_now() + timedelta(days=365 * 40), tick=False):
        access_log_prune(retention_years=20)

    assert sorted(AccessLogEntry.objects.values_list("pk", flat=True)) == sorted(log["kept"])


@pytest.mark.parametrize("years", [0, 4])
def test_a_retention_shorter_than_five_years_is_refused(log, years):
    with pytest.raises(RetentionError, match="minimaal 5"):
        access_log_prune(retention_years=years)
    assert AccessLogEntry.objects.count() == 6


def test_a_broken_chain_is_not_cut(log):
    with triggers_off() as cursor:
        cursor.execute("UPDATE audit_accesslogentry SET action = 'x' WHERE id = %s", [log["old"][0]])

    with pytest.raises(RetentionError, match="verbroken"):
        access_log_prune(retention_years=20)
    assert AccessLogEntry.objects.count() == 6
    assert not AccessLogAnchor.objects.exists()


def test_the_database_refuses_an_anchor_younger_than_five_years(db):
    entry = services.record(actor=UserFactory(), action="family.view")
    entry.refresh_from_db()
    anchor = AccessLogAnchor(
        last_seq=entry.seq, last_hash=entry.entry_hash, last_at=entry.at, removed=1, retention_years=5
    )
    with pytest.raises(DatabaseError, match="Ankerpunt geweigerd"), transaction.atomic():
        anchor.save()
    with pytest.raises(DatabaseError, match="DELETE geweigerd"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_accesslogentry WHERE id = %s", [entry.pk])


def test_an_anchor_cannot_be_changed_or_removed(log):
    anchor = access_log_prune(retention_years=20)
    assert anchor is not None
    with pytest.raises(AppendOnlyError):
        anchor.delete()
    with pytest.raises(DatabaseError, match="alleen aan te vullen"), transaction.atomic(), connection.cursor() as c:
        c.execute("UPDATE audit_accessloganchor SET last_seq = 0")


def test_the_command_uses_the_setting_and_says_what_it_did(log, settings):
    settings.ACCESS_LOG_RETENTION_YEARS = 20
    out = StringIO()

    call_command("prune_access_log", stdout=out)

    assert "3 regels ouder dan 20 jaar verwijderd; de keten begint nu na volgnummer 3" in out.getvalue()
    assert "intact: 3 regels vanaf ankerpunt na volgnummer 3" in _verify()


def test_the_command_refuses_too_short_a_retention(log):
    with pytest.raises(CommandError, match="minimaal 5"):
        call_command("prune_access_log", years=3, stdout=StringIO())


def _verify() -> str:
    out = StringIO()
    call_command("verify_access_log", stdout=out)
    return out.getvalue()
