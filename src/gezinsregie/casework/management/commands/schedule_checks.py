"""manage.py schedule_checks: the scheduler. Enqueues run_checks every --every minutes for the db_worker, and the
worker's heartbeat (ops.tasks.heartbeat) every minute, which /gereed/ reads (docs/operations.md).

Run it as its own process beside the web server and `manage.py db_worker`, once per installation (bin/serve does).
Because the checks catch up and never act twice, a missed or doubled tick does no harm.
"""

import logging
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from gezinsregie.casework.tasks import run_checks
from gezinsregie.ops.tasks import heartbeat

TICK_SECONDS = 60
logger = logging.getLogger("gezinsregie.scheduler")  # JSON on stdout in production, like every other process


class Command(BaseCommand):
    help = (
        "Zet de periodieke controles in de wachtrij, elke --every minuten (standaard 15), en elke minuut de hartslag."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--every", type=int, default=15, help="minuten tussen twee controles")
        parser.add_argument("--once", action="store_true", help="één keer in de wachtrij zetten en stoppen")

    def handle(self, *args: Any, every: int, once: bool, **options: Any) -> None:
        minute = 0
        while True:
            heartbeat.enqueue()
            if minute % max(every, 1) == 0:
                result = run_checks.enqueue()
                logger.info("Controles in de wachtrij gezet (%s).", result.id)
            if once:
                return
            time.sleep(TICK_SECONDS)
            minute += 1
