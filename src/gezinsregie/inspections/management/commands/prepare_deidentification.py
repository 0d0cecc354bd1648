"""Build deduce's lookup cache once, at installation (bin/setup, the deployment), not in a web request."""

from typing import Any

from django.core.management.base import BaseCommand

from gezinsregie.inspections.pseudonymise import library


class Command(BaseCommand):
    help = (
        "Bouwt de opzoeklijsten van deduce (de-identificatie van vrije tekst voor de inspecteur) en laadt ze één keer; "
        "de eerste keer duurt dat enkele minuten."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--rebuild", action="store_true", help="Ook bouwen als er al een geldige cache is.")

    def handle(self, *args: Any, **options: Any) -> None:
        seconds = library.warm(rebuild=options["rebuild"])
        self.stdout.write(f"deduce geladen in {seconds:.1f} s.")
