from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from gezinsregie.frameworks import services


class Command(BaseCommand):
    help = "Laadt toetsingskaders en sets leefgebieden (idempotent). Zonder paden: de meegeleverde bestanden."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="*", type=Path, help="YAML-bestanden met een toetsingskader")
        parser.add_argument("--replace", action="store_true", help="werk een gewijzigd kader met dezelfde sleutel bij")

    def handle(self, *args: Any, paths: list[Path], replace: bool, **options: Any) -> None:
        try:
            for path in paths or services.DEFAULT_FRAMEWORK_FILES:
                result = services.framework_load(path=path, replace=replace)
                state = "nieuw geladen" if result.created else ("bijgewerkt" if result.changed else "ongewijzigd")
                self.stdout.write(f"{result.framework.key}: {result.indicator_count} indicatoren, {state}")
            for domain_set in services.life_domain_sets_load():
                self.stdout.write(f"leefgebieden {domain_set.key}: {domain_set.domains.count()} leefgebieden")
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
