"""The instant database tests run on (the autouse fixture `frozen_clock` in tests/conftest.py travels there).

A Wednesday in the middle of a month, 10:00 in Amsterdam: away from month, year and daylight-saving edges.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

FROZEN_NOW = datetime(2025, 11, 12, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
