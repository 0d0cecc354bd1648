"""python manage.py import_report PATH [--municipality NAME] [--approach NAME] [--year YYYY] [--dry-run] [--json]

A stable contract for integrations and batch migration (see README). Exit code 0 on success; non-zero with a
Dutch message on unreadable input, and then nothing is stored. Input of which a part could not be read is refused
whole: every unread part on stderr, the refusal as the error (also after --dry-run, which stores nothing anyway).
"""

import json
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gezinsregie.reports.importing import ImportRefused, follow_up_import, is_follow_up, read_text, report_import
from gezinsregie.reports.parsing.narrative import ParsedNarrative


class Command(BaseCommand):
    help = "Importeert een gepubliceerde factsheet of bijlage met indicatoren als onderzoek van een aanpak."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="tekstbestand met het rapport")
        parser.add_argument("--municipality", help="gemeente (wordt aangemaakt als die nog niet bestaat)")
        parser.add_argument("--approach", help="aanpak (standaard: de naam uit het rapport)")
        parser.add_argument("--year", type=int, help="jaar van het onderzoek (standaard: het eerste jaartal)")
        parser.add_argument("--dry-run", action="store_true", help="alleen lezen en tonen, niets opslaan")
        parser.add_argument("--json", action="store_true", help="het resultaat als JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        text = self._text(options["path"])
        if is_follow_up(text):
            self._follow_up(text, options)
            return
        try:
            result = report_import(
                text=text,
                municipality=options["municipality"],
                approach=options["approach"],
                year=options["year"],
                dry_run=options["dry_run"],
                source=options["path"],
            )
        except ImportRefused as error:
            self._refused(error)
        parsed = result.parsed
        if options["json"]:
            self.stdout.write(json.dumps(parsed.as_dict(), ensure_ascii=False, indent=2))
        else:
            level = "beleidsniveau" if parsed.level == "policy" else "casusniveau"
            self.stdout.write(f"Rapport op {level}: {len(parsed.rows)} rijen, {result.findings} bevindingen.")
            if result.inspection is not None:
                self.stdout.write(f"Opgeslagen als: {result.inspection.title} ({result.inspection.approach}).")
            else:
                self.stdout.write("Proefimport: niets opgeslagen.")
            self._narrative(result.narrative)
        for notice in result.notices:
            self.stderr.write(f"Niet herkend: {notice}")
        if result.unread:  # a dry run: shown above, refused as an import would be
            self._refused(
                ImportRefused(
                    f"Een deel van het document kon niet worden gelezen ({len(result.unread)} "
                    "delen): een import zou niets opslaan.",
                    result.unread,
                )
            )

    def _refused(self, error: ImportRefused) -> NoReturn:
        for part in error.unread:
            self.stderr.write(f"Niet gelezen: {part}")
        raise CommandError(str(error)) from error

    def _narrative(self, narrative: ParsedNarrative) -> None:
        """What the document says besides its tables: its date, its texts, the approach's characteristics."""
        if narrative.published is not None:
            self.stdout.write(f"Publicatiedatum uit het document: {narrative.published.words}.")
        else:
            self.stdout.write("Geen publicatiedatum in het document: gerekend wordt met de laatste dag van het jaar.")
        parts = []
        if narrative.description:
            parts.append("beschrijving")
        if narrative.sections:
            parts.append(f"{len(narrative.sections)} paragrafen")
        if any(narrative.profile.as_dict().values()):
            parts.append("kenmerken van de aanpak")
        if parts:
            self.stdout.write("Ook gelezen: " + ", ".join(parts) + ".")

    def _text(self, path: str) -> str:
        try:
            return read_text(path)
        except ImportRefused as error:
            raise CommandError(str(error)) from error

    def _follow_up(self, text: str, options: dict[str, Any]) -> None:
        """A follow-up document (earlier and later finding per improvement point): one or more approaches."""
        try:
            result = follow_up_import(
                text=text,
                municipality=options["municipality"],
                approach=options["approach"],
                dry_run=options["dry_run"],
                source=options["path"],
            )
        except ImportRefused as error:
            self._refused(error)
        if options["json"]:
            body = {"follow_up": [row.as_dict() for row in result.rows], "approaches": result.approaches}
            self.stdout.write(json.dumps(body, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(
                f"Opvolgingsrapport: {len(result.rows)} verbeterpunten in {len(result.approaches)} aanpak(ken): "
                + ", ".join(result.approaches)
                + "."
            )
            if result.inspections:
                self.stdout.write(
                    f"Opgeslagen: {len(result.inspections)} onderzoeken; {result.resolved} punten opgelost."
                )
            else:
                self.stdout.write("Proefimport: niets opgeslagen.")
        unread = [part for row in result.rows for part in row.unmatched]
        if unread:  # a dry run: shown above, refused as an import would be
            self._refused(
                ImportRefused(
                    f"Een deel van het document kon niet worden gelezen ({len(unread)} delen): "
                    "een import zou niets opslaan.",
                    unread,
                )
            )
