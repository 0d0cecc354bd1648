"""python manage.py aggregate_report --level policy|case [--year YYYY] [--json]

A stable contract (see README). With --json it prints
    {"approaches": N,
     "indicators": {"B3.c.1": {"met": n, "improvement": n, "not_assessed": n,
                               "assessed": m, "percent_met": p, "percent_improvement": p}, ...},
     "characteristics": {"coordination": {"answered": m, "unknown": k, "counts": {...}, "percent": {...}}, ...}}
over the latest published inspection of each approach: per indicator the three counts add up to N; "assessed"
is met + improvement and the percentages are of it, as the 21-municipality report counts ("23 van 28 aanpakken
(82%)"; null when none was assessed). Keys are only ever added. Without --json a readable Dutch table with the
same denominator. Bad arguments: a Dutch message and a non-zero exit code.
Extra, optional: --municipality NAME and --framework KEY narrow it down further.
"""

import json
import re
import sys
from collections.abc import Iterable, Iterator
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gezinsregie.frameworks.models import Framework
from gezinsregie.inspections.models import InspectionLevel
from gezinsregie.organisations.models import Municipality
from gezinsregie.reports.aggregate import rules
from gezinsregie.reports.aggregate import selectors as aggregation
from gezinsregie.reports.aggregate.rules import IMPROVEMENT, MET, NOT_ASSESSED, Row
from gezinsregie.reports.progress import progress

PROGRESS_FROM = 20  # approaches: below this the reading is too quick for a progress bar
YEAR = re.compile(r"^\d{4}$")
TEXT_WIDTH = 60

# argparse speaks English; what it may say about our options, in Dutch
PARSER_MESSAGES = [
    (re.compile(r"unrecognized arguments: (.*)"), "onbekende argumenten: {0}"),
    (re.compile(r"argument (\S+): expected one argument"), "bij {0} ontbreekt een waarde"),
]


def dutch(message: str) -> str:
    for pattern, text in PARSER_MESSAGES:
        found = pattern.search(message)
        if found:
            return text.format(*found.groups())
    return f"ongeldige argumenten ({message})"


class DutchParser(CommandParser):
    def error(self, message: str) -> NoReturn:
        text = f"{dutch(message)}. Gebruik: manage.py aggregate_report --level policy|case [--year JJJJ] [--json]"
        if self.called_from_command_line:
            self.print_usage(sys.stderr)
            self.exit(2, f"Fout: {text}\n")
        raise CommandError(text)


class Command(BaseCommand):
    help = (
        "Telt per indicator voldoet / verbeterpunt / niet getoetst over het laatste gepubliceerde "
        "toezichtonderzoek van elke aanpak (het overzicht van de 21-gemeentenrapportage)."
    )

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.__class__ = DutchParser  # the same parser, with Dutch errors (Django offers no parser_class)
        return parser

    def add_arguments(self, parser: CommandParser) -> None:
        # Checked in handle(), not by argparse: so that every message is Dutch.
        parser.add_argument("--level", help="policy (beleidsniveau) of case (casusniveau); verplicht")
        parser.add_argument("--year", help="alleen onderzoeken van dit jaar (JJJJ)")
        parser.add_argument("--json", action="store_true", help="het resultaat als JSON (stabiel contract)")
        parser.add_argument("--municipality", help="alleen de aanpakken van deze gemeente (naam)")
        parser.add_argument("--framework", help="sleutel van het toetsingskader (standaard: dat van het laatste)")

    def handle(self, *args: Any, **options: Any) -> None:
        f = self.filter_from(options)
        report = aggregation.aggregate_report(f, track=self.track)
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False))
        else:
            self.write_table(report)

    def filter_from(self, options: dict[str, Any]) -> aggregation.AggregateFilter:
        level = options.get("level")
        if not level:
            raise CommandError("Geef het niveau op: --level policy (beleidsniveau) of --level case (casusniveau).")
        if level not in InspectionLevel.values:
            raise CommandError(f"Onbekend niveau '{level}': kies --level policy of --level case.")
        year = options.get("year")
        if year is not None and not YEAR.match(str(year)):
            raise CommandError(f"Ongeldig jaar '{year}': geef een jaartal van vier cijfers, bijvoorbeeld 2013.")
        municipality_id = None
        if options.get("municipality"):
            municipality = Municipality.objects.filter(name__iexact=options["municipality"].strip()).first()
            if municipality is None:
                raise CommandError(f"Gemeente '{options['municipality']}' bestaat niet.")
            municipality_id = municipality.pk
        framework_id = None
        if options.get("framework"):
            framework = Framework.objects.filter(key=options["framework"]).first()
            if framework is None:
                raise CommandError(f"Toetsingskader '{options['framework']}' bestaat niet.")
            framework_id = framework.pk
        return aggregation.AggregateFilter(
            level=level,
            year=int(year) if year is not None else None,
            municipality_id=municipality_id,
            framework_id=framework_id,
        )

    @staticmethod
    def track(rows: Iterator[list[Row]], total: int) -> Iterable[list[Row]]:
        """A progress bar while reading many approaches, drawn on a terminal only (stdout stays clean)."""
        if total < PROGRESS_FROM:
            return rows
        return progress(rows, label="Aanpakken lezen", total=total)

    def write_table(self, report: aggregation.AggregateReport) -> None:
        level = dict(InspectionLevel.choices)[report.level]
        scope = f"onderzoeken van {report.year}" if report.year else "per aanpak het laatste gepubliceerde onderzoek"
        where = f", gemeente {report.municipality.name}" if report.municipality else ""
        framework = report.framework.name if report.framework else "geen toetsingskader geladen"
        self.stdout.write(f"Overzicht {level}: {report.approaches} aanpakken in {report.municipalities} gemeenten")
        self.stdout.write(f"({scope}{where}; {framework})")
        if not report.approaches:
            self.stdout.write("Geen gepubliceerde toezichtonderzoeken voor deze keuze: alle aantallen zijn 0.")
        self.stdout.write(
            "Percentages van de aanpakken die op de indicator zijn getoetst; niet getoetst telt niet mee."
        )
        header = f"{'Indicator':<10} {'Voldoet':>16} {'Verbeterpunt':>16} {'Niet getoetst':>13}  Tekst"
        for theme in report.themes:
            self.stdout.write("")
            self.stdout.write(theme.label)
            self.stdout.write(header)
            for indicator in theme.indicators:
                met, improvement = (self.cell(indicator.counts[j], indicator.assessed) for j in (MET, IMPROVEMENT))
                text = indicator.text if len(indicator.text) <= TEXT_WIDTH else indicator.text[: TEXT_WIDTH - 1] + "…"
                line = f"{indicator.key:<10} {met:>16} {improvement:>16} {indicator.counts[NOT_ASSESSED]:>13}  {text}"
                self.stdout.write(line)
        self.write_characteristics(report)

    def write_characteristics(self, report: aggregation.AggregateReport) -> None:
        self.stdout.write("")
        self.stdout.write("Kenmerken van de aanpakken (percentages van de aanpakken met een antwoord)")
        for characteristic in report.characteristics:
            answers = "; ".join(
                f"{a.label}: {self.cell(a.count, characteristic.answered)}" for a in characteristic.answers
            )
            self.stdout.write(f"Figuur {characteristic.figure} {characteristic.question}")
            self.stdout.write(f"  {answers}; niet vastgelegd: {characteristic.unknown}")

    @staticmethod
    def cell(count: int, of: int) -> str:
        """ "23 van 28 (82%)"; "–" when nothing was assessed."""
        percent = rules.whole_percent(count, of)
        return "–" if percent is None else f"{count} van {of} ({percent}%)"
