"""A progress bar for long command-line runs: drawn on a terminal only, so pipes and --json stay clean."""

import sys
import time
from collections.abc import Iterable, Iterator, Sized
from typing import IO, TypeVar

T = TypeVar("T")
WIDTH = 30


def progress(items: Iterable[T], *, label: str, stream: IO[str] | None = None, total: int | None = None) -> Iterator[T]:
    out = stream if stream is not None else sys.stderr
    if total is None and isinstance(items, Sized):
        total = len(items)
    if not out.isatty() or not total:
        yield from items
        return
    start = time.monotonic()
    for done, item in enumerate(items, start=1):
        yield item
        filled = int(WIDTH * done / total)
        elapsed = time.monotonic() - start
        out.write(f"\r{label} [{'#' * filled}{'.' * (WIDTH - filled)}] {done}/{total} ({elapsed:.0f} s)")
        out.flush()
    out.write("\n")
