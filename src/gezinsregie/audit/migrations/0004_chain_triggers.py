"""The database keeps the log: it times, places and hashes every entry, and refuses every rewrite.

PostgreSQL:
- BEFORE INSERT (row): one chain at a time (a transaction-scoped advisory lock, so parallel requests queue), the
  time from clock_timestamp() whatever the caller passed, the next place `seq`, the previous entry's hash (or the
  retention's anchor, or 64 zeros) and the entry's own sha256 (gezinsregie.audit.chain describes the form);
- BEFORE UPDATE OR DELETE (row): refused, except the delete of an entry a retention anchor covers;
- BEFORE TRUNCATE (statement): refused, on the log and on the anchors. Only a connection that sets
  `gezinsregie.test_flush = on` (the test settings do, for Django's flush between transactional tests; production
  never does) may truncate. The application role cannot truncate anyway: it lacks the privilege
  (manage.py grant_app_role);
- anchors: refused unless they name an existing entry, with its hash and time, older than five years.

SQLite (the demo): a BEFORE trigger cannot change a row there, so an AFTER INSERT trigger stamps and seals the
new row (time, place, previous hash, then its hash through the Python function gezinsregie_log_hash registered
on every connection, see apps.py); a sealed row cannot be updated; INSERT OR REPLACE (which deletes without
firing delete triggers) and caller-made chain values are refused before the insert.
Beware: Django rebuilds a SQLite table for many schema changes and the triggers go with it; a later migration
that alters these tables must create the SQLite triggers again (tests/audit/test_sqlite.py would notice).

Existing entries are chained in the order of their time (and id) before the triggers go on.

Irreversible on purpose: the log cannot be migrated back to a state without its protection.
"""

from django.db import migrations

from gezinsregie.audit.chain import FIELDS, GENESIS

PG_FIELDS = {
    "id": "e.id::text",
    "seq": "e.seq::text",
    "at": "((extract(epoch from e.at) * 1000000)::bigint)::text",
    "user_id": "e.user_id::text",
    "family_id": "e.family_id::text",
    "ip_address": "host(e.ip_address)",
}
PG_CANONICAL = ",\n        ".join(f"audit_access_log_field({PG_FIELDS.get(name, f'e.{name}')})" for name in FIELDS)

POSTGRES = f"""
CREATE OR REPLACE FUNCTION audit_access_log_field(v text) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN v IS NULL THEN '-' ELSE length(v)::text || ':' || v END $$;

CREATE OR REPLACE FUNCTION audit_access_log_hash(e audit_accesslogentry) RETURNS text
    LANGUAGE sql STABLE AS $$
    SELECT encode(sha256(convert_to(concat_ws('|',
        {PG_CANONICAL}
    ), 'UTF8')), 'hex')
$$;

CREATE OR REPLACE FUNCTION audit_access_log_head(OUT head_seq bigint, OUT head_hash text)
    LANGUAGE plpgsql STABLE AS $$
BEGIN
    SELECT seq, entry_hash INTO head_seq, head_hash FROM audit_accesslogentry
        WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1;
    IF head_seq IS NULL THEN
        SELECT last_seq, last_hash INTO head_seq, head_hash FROM audit_accessloganchor ORDER BY last_seq DESC LIMIT 1;
    END IF;
    head_seq := coalesce(head_seq, 0);
    head_hash := coalesce(head_hash, '{GENESIS}');
END $$;

CREATE OR REPLACE FUNCTION audit_access_log_seal() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    head record;
BEGIN
    PERFORM pg_advisory_xact_lock(7513, 1);  -- one chain: the next insert waits until this one commits
    head := audit_access_log_head();
    NEW.at := clock_timestamp();
    NEW.seq := head.head_seq + 1;
    NEW.prev_hash := head.head_hash;
    NEW.entry_hash := audit_access_log_hash(NEW);
    RETURN NEW;
END $$;

CREATE TRIGGER audit_access_log_seal BEFORE INSERT ON audit_accesslogentry
    FOR EACH ROW EXECUTE FUNCTION audit_access_log_seal();

CREATE OR REPLACE FUNCTION audit_access_log_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'audit_accesslogentry' THEN
        IF OLD.seq <= (SELECT max(last_seq) FROM audit_accessloganchor) THEN
            RETURN OLD;  -- the retention removes what an anchor covers (only the owner role may DELETE at all)
        END IF;
    END IF;
    RAISE EXCEPTION 'Het toegangslog is alleen aan te vullen (%% geweigerd)', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION audit_access_log_no_truncate() RETURNS trigger AS $$
BEGIN
    IF current_setting('gezinsregie.test_flush', true) = 'on' THEN
        RETURN NULL;  -- Django's flush between transactional tests; see conf/test.py
    END IF;
    RAISE EXCEPTION 'Het toegangslog is alleen aan te vullen (TRUNCATE geweigerd)';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_access_log_no_truncate BEFORE TRUNCATE ON audit_accesslogentry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_access_log_no_truncate();

CREATE OR REPLACE FUNCTION audit_access_log_anchor_check() RETURNS trigger AS $$
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM audit_accesslogentry
        WHERE seq = NEW.last_seq AND entry_hash = NEW.last_hash AND at = NEW.last_at
          AND at < clock_timestamp() - interval '5 years'
    ) THEN
        RAISE EXCEPTION 'Ankerpunt geweigerd: het noemt geen bestaande regel ouder dan vijf jaar';
    END IF;
    NEW.at := clock_timestamp();
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_access_log_anchor_check BEFORE INSERT ON audit_accessloganchor
    FOR EACH ROW EXECUTE FUNCTION audit_access_log_anchor_check();
CREATE TRIGGER audit_access_log_anchor_append_only BEFORE UPDATE OR DELETE ON audit_accessloganchor
    FOR EACH ROW EXECUTE FUNCTION audit_access_log_append_only();
CREATE TRIGGER audit_access_log_anchor_no_truncate BEFORE TRUNCATE ON audit_accessloganchor
    FOR EACH STATEMENT EXECUTE FUNCTION audit_access_log_no_truncate();
"""

POSTGRES_BACKFILL = f"""
ALTER TABLE audit_accesslogentry DISABLE TRIGGER audit_access_log_append_only;
DO $$
DECLARE
    e audit_accesslogentry;
    n bigint := 0;
    last_hash text := '{GENESIS}';
BEGIN
    FOR e IN SELECT * FROM audit_accesslogentry ORDER BY at, id LOOP
        n := n + 1;
        e.seq := n;
        e.prev_hash := last_hash;
        e.entry_hash := audit_access_log_hash(e);
        UPDATE audit_accesslogentry SET seq = e.seq, prev_hash = e.prev_hash, entry_hash = e.entry_hash
            WHERE id = e.id;
        last_hash := e.entry_hash;
    END LOOP;
END $$;
ALTER TABLE audit_accesslogentry ENABLE TRIGGER audit_access_log_append_only;
"""

SQLITE_HASH_ARGS = ", ".join(FIELDS)
SQLITE_NOW = "strftime('%Y-%m-%d %H:%M:%f', 'now') || '000'"
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS audit_access_log_no_update;",
    "DROP TRIGGER IF EXISTS audit_access_log_no_delete;",
]
SQLITE = [
    """CREATE TRIGGER audit_access_log_no_rewrite BEFORE INSERT ON audit_accesslogentry
       WHEN NEW.id IN (SELECT id FROM audit_accesslogentry) OR NEW.seq IS NOT NULL OR NEW.entry_hash != ''
       BEGIN SELECT RAISE(ABORT, 'Het toegangslog is alleen aan te vullen (herschrijven geweigerd)'); END;""",
    f"""CREATE TRIGGER audit_access_log_seal AFTER INSERT ON audit_accesslogentry
       BEGIN
         UPDATE audit_accesslogentry SET
           at = {SQLITE_NOW},
           seq = coalesce(
             (SELECT max(seq) FROM audit_accesslogentry),
             (SELECT max(last_seq) FROM audit_accessloganchor),
             0) + 1,
           prev_hash = coalesce(
             (SELECT entry_hash FROM audit_accesslogentry WHERE seq = (SELECT max(seq) FROM audit_accesslogentry)),
             (SELECT last_hash FROM audit_accessloganchor ORDER BY last_seq DESC LIMIT 1),
             '{GENESIS}')
         WHERE id = NEW.id;
         UPDATE audit_accesslogentry SET entry_hash = gezinsregie_log_hash({SQLITE_HASH_ARGS}) WHERE id = NEW.id;
       END;""",
    """CREATE TRIGGER audit_access_log_no_update BEFORE UPDATE ON audit_accesslogentry
       WHEN OLD.entry_hash != ''
       BEGIN SELECT RAISE(ABORT, 'Het toegangslog is alleen aan te vullen (UPDATE geweigerd)'); END;""",
    """CREATE TRIGGER audit_access_log_no_delete BEFORE DELETE ON audit_accesslogentry
       WHEN OLD.seq IS NULL OR OLD.seq > coalesce((SELECT max(last_seq) FROM audit_accessloganchor), 0)
       BEGIN SELECT RAISE(ABORT, 'Het toegangslog is alleen aan te vullen (DELETE geweigerd)'); END;""",
    """CREATE TRIGGER audit_access_log_anchor_check BEFORE INSERT ON audit_accessloganchor
       WHEN NOT EXISTS (
         SELECT 1 FROM audit_accesslogentry
         WHERE seq = NEW.last_seq AND entry_hash = NEW.last_hash AND at < datetime('now', '-5 years')
       )
       BEGIN SELECT RAISE(ABORT, 'Ankerpunt geweigerd: het noemt geen bestaande regel ouder dan vijf jaar'); END;""",
    """CREATE TRIGGER audit_access_log_anchor_no_update BEFORE UPDATE ON audit_accessloganchor
       BEGIN SELECT RAISE(ABORT, 'Het toegangslog is alleen aan te vullen (UPDATE geweigerd)'); END;""",
    """CREATE TRIGGER audit_access_log_anchor_no_delete BEFORE DELETE ON audit_accessloganchor
       BEGIN SELECT RAISE(ABORT, 'Het toegangslog is alleen aan te vullen (DELETE geweigerd)'); END;""",
]


def _sqlite_backfill(schema_editor):
    from gezinsregie.audit import chain

    cursor = schema_editor.connection.cursor()
    cursor.execute(f"SELECT {SQLITE_HASH_ARGS} FROM audit_accesslogentry ORDER BY at, id")
    rows = cursor.fetchall()
    last_hash = GENESIS
    for n, row in enumerate(rows, start=1):
        values = list(row)
        values[FIELDS.index("seq")] = n
        values[FIELDS.index("prev_hash")] = last_hash
        last_hash = chain.sqlite_entry_hash(*values)
        cursor.execute(
            "UPDATE audit_accesslogentry SET seq = %s, prev_hash = %s, entry_hash = %s WHERE id = %s",
            [n, values[FIELDS.index("prev_hash")], last_hash, values[0]],
        )


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES)
        schema_editor.execute(POSTGRES_BACKFILL)
    elif vendor == "sqlite":
        # 0003 rebuilt the table (its triggers went with it): chain what is there, then protect it again.
        for statement in SQLITE_DROP:
            schema_editor.execute(statement)
        _sqlite_backfill(schema_editor)
        for statement in SQLITE:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_chain_time_and_anchor")]
    operations = [migrations.RunPython(forwards, reverse_code=None, elidable=False)]
