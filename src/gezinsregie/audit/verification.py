"""Checking the whole chain of the access log, in chunks, from the retention's anchor on (manage.py
verify_access_log; the retention checks it before it cuts)."""

from collections.abc import Callable
from dataclasses import dataclass

from gezinsregie.audit import selectors
from gezinsregie.audit.chain import FIELDS, GENESIS, Break, ChainCheck, Link
from gezinsregie.audit.models import AccessLogEntry


def link_of(entry: AccessLogEntry) -> Link:
    values = []
    for name in FIELDS:
        value = getattr(entry, name)
        values.append(str(value) if name == "family_id" and value is not None else value)
    return Link(values=tuple(values), entry_hash=entry.entry_hash)


@dataclass(frozen=True)
class Verdict:
    checked: int
    head_seq: int
    head_hash: str
    anchored_at_seq: int  # 0: the chain starts at its very beginning
    broken: Break | None

    @property
    def intact(self) -> bool:
        return self.broken is None


def verify_chain(*, chunk: int = 5000, progress: Callable[[int], None] | None = None) -> Verdict:
    """Walk the chain in order of `seq`, `chunk` rows at a time, and name the first broken link."""
    anchor = selectors.latest_anchor()
    after_seq, after_hash = (anchor.last_seq, anchor.last_hash) if anchor else (0, GENESIS)
    check = ChainCheck(after_seq=after_seq, after_hash=after_hash)
    broken: Break | None = None
    unsealed = selectors.unsealed_entries().order_by("id").first()
    if unsealed is not None:
        broken = check.feed(link_of(unsealed))
    else:
        for rows in selectors.chain_links(after_seq=after_seq, chunk=chunk):
            for entry in rows:
                broken = check.feed(link_of(entry))
                if broken is not None:
                    break
            if broken is not None:
                break
            if progress is not None:
                progress(check.checked)
    return Verdict(
        checked=check.checked,
        head_seq=check.last_seq,
        head_hash=check.last_hash,
        anchored_at_seq=after_seq,
        broken=broken,
    )
