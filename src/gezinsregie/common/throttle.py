"""A count per key per hour in the cache (the database cache in production, so every web node counts together): the
limits on aanmeldingen (issue 12 §6) and on requests for a new password (issue 12 §1)."""

import hashlib
import time

from django.core.cache import cache

HOUR = 3600


def within_hourly_limit(key: str, limit: int) -> bool:
    """Count one more for `key` in the current hour; False once `limit` are reached."""
    # hashed: a key may hold an e-mail address, and the cache table is no place to keep one
    bucket = f"limit:{hashlib.sha256(key.encode()).hexdigest()}:{int(time.time() // HOUR)}"
    cache.add(bucket, 0, timeout=HOUR)
    try:
        return cache.incr(bucket) <= limit
    except ValueError:  # expired between add and incr: the first of a new hour
        cache.add(bucket, 1, timeout=HOUR)
        return True
