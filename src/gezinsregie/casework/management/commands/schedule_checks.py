"""manage.py schedule_checks: the scheduler. Enqueues run_checks every --every minutes for the db_worker.

Run it as its own process beside the web server and `manage.py db_worker` (docs/configuration.md). Because the
checks catch up and never act twice, a missed or doubled tick does no harm.
"""

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from gezinsregie.casework.tasks import run_checks


class Command(BaseCommand):
    help = "Zet de periodieke controles in de wachtrij, elke --every minuten (standaard 15)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--every", type=int, default=15, help="minuten tussen twee controles")
        parser.add_argument("--once", action="store_true", help="één keer in de wachtrij zetten en stoppen")

    def handle(self, *args: Any, every: int, once: bool, **options: Any) -> None:
        while True:
            result = run_checks.enqueue()
            self.stdout.write(f"Controles in de wachtrij gezet ({result.id}).")
            if once:
                return
            time.sleep(max(every, 1) * 60)
