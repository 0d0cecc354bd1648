"""manage.py prune_access_log: the retention of the access log itself (run as the database owner role)."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from gezinsregie.audit.retention import RetentionError, access_log_prune


class Command(BaseCommand):
    help = (
        "Verwijdert regels van het toegangslog die ouder zijn dan de bewaartermijn (ACCESS_LOG_RETENTION_YEARS) en "
        "legt het ankerpunt van de keten vast. Draai dit met de eigenaarsrol van de database."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--years", type=int, default=None, help="bewaartermijn in jaren (standaard: instelling)")

    def handle(self, *args: Any, **options: Any) -> None:
        years = options["years"] or settings.ACCESS_LOG_RETENTION_YEARS
        try:
            anchor = access_log_prune(retention_years=years)
        except RetentionError as refused:
            raise CommandError(str(refused)) from refused
        if anchor is None:
            self.stdout.write(f"Niets ouder dan {years} jaar: het toegangslog blijft zoals het is.")
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"{anchor.removed} regels ouder dan {years} jaar verwijderd; de keten begint nu na volgnummer "
                f"{anchor.last_seq} (hash {anchor.last_hash})."
            )
        )
