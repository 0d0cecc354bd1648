"""The Dutch de-identification library, deduce (LGPL-3.0-or-later; docs/pseudonymisation.md), loaded lazily and
once per process.

Building deduce's lookup structures takes a few seconds (about 9 s on the test machine, from the cache its
first run writes into the package: `manage.py prepare_deidentification` builds that cache at deployment, which
takes minutes once). Nothing here is imported at startup: the first pseudonymised page a process shows pays
the load, every later one a few milliseconds per text. Everything runs offline: the word and name lists ship
in the wheel.
"""

import functools
import logging
import threading
import time
from importlib import resources
from typing import Any

from gezinsregie.inspections.pseudonymise.text import Found

logger = logging.getLogger(__name__)
_lock = threading.Lock()
_instance: Any = None


def _load(*, rebuild: bool = False) -> Any:
    global _instance  # one instance per process, built on first use
    with _lock:
        if _instance is None or rebuild:
            started = time.perf_counter()
            import deduce  # lazy: seconds to build

            # deduce trusts its cache while no source list is newer than the time it saved it; a cache saved under a
            # travelled clock (the tests) would look stale for ever. Build it with the real clock: `warm`.
            _instance = deduce.Deduce(build_lookup_structs=rebuild)
            logger.info("deduce loaded in %.1f s", time.perf_counter() - started)
    return _instance


def detect(text: str) -> list[Found]:
    """What deduce finds in `text`: persons, places, institutions, dates, ages, phone numbers, e-mail, BSN."""
    result = _load().deidentify(text)
    return [Found(a.start_char, a.end_char, a.tag) for a in result.annotations]


def warm(*, rebuild: bool = False) -> float:
    """Load deduce now (building its cache if it has none, or if `rebuild`); the seconds it took."""
    started = time.perf_counter()
    _load(rebuild=rebuild)
    return time.perf_counter() - started


def _items(*parts: str) -> set[str]:
    folder = resources.files("deduce").joinpath("data", "lookup", "src", *parts)
    text = folder.joinpath("items.txt").read_text(encoding="utf-8")
    return {line.strip().casefold() for line in text.splitlines() if line.strip()}


@functools.cache
def common_words() -> frozenset[str]:
    """Words that may be shown capitalised: deduce's common words, stop words and medical terms (read from its
    lists, without loading deduce itself: a tenth of a second)."""
    words = _items("whitelist", "lst_common_word") | _items("whitelist", "lst_stop_word")
    words |= _items("whitelist", "lst_medical_term")
    return frozenset(words)


@functools.cache
def person_names() -> frozenset[str]:
    """deduce's first names and surnames: hidden even at the start of a sentence."""
    return frozenset(_items("names", "lst_first_name") | _items("names", "lst_surname"))
