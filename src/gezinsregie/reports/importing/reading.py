"""Reading a published report text before anything is stored: the file, the framework it is read against,
the parse, the year, and the approaches of a follow-up document. Refusals are ImportRefused, in Dutch."""

import re
from collections.abc import Sequence

from django.utils import timezone

from gezinsregie.frameworks.models import Framework
from gezinsregie.organisations.models import Approach
from gezinsregie.reports.parsing import (
    FollowUpRow,
    FrameworkSpec,
    ParsedReport,
    ReportParseError,
    framework_spec_from_dict,
    parse_follow_up,
)
from gezinsregie.reports.parsing import parse_report as parse_text

DEFAULT_FRAMEWORK = "stj-ggsr-2013"
YEAR = re.compile(r"\b(20\d\d)\b")
FOLLOW_UP = re.compile(r"Uitkomsten verbeterpunten", re.IGNORECASE)
APPROACHES_LINE = re.compile(r"^Aanpak(?:ken)?:\s*(.+)$", re.MULTILINE)


class ImportRefused(Exception):
    """The report can not be imported as asked; the message says why, in Dutch. Nothing was stored. `unread`: every
    part that could not be read, when that is why."""

    def __init__(self, message: str, unread: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.unread = list(unread)


# How many unread parts a refusal names; the command prints them all.
NAMED_UNREAD = 5


def unread_parts(parsed: ParsedReport, spec: FrameworkSpec) -> list[str]:
    """What of a report could not be read (issue 12 §10: a corrupted report imported half its findings with exit 0):
    the text the parser could not place, and every indicator of the report's level without a finding. A published
    factsheet or nota judges every indicator of its level (– for not assessed), so a missing one was lost."""
    level = spec.level(parsed.level)
    judged = {key for row in parsed.rows if row.findings for key in row.indicators}
    wanted = [i.key for _, c in level.criteria() for i in c.indicators] if level else []
    missing = [key for key in wanted if key not in judged]
    return [*parsed.unmatched, *(f"geen bevinding gelezen bij indicator {key}" for key in missing)]


def unread_follow_up_parts(rows: list[FollowUpRow]) -> list[str]:
    return [part for row in rows for part in row.unmatched]


def refuse_unread(unread: list[str]) -> None:
    """Refuse an import of which a part could not be read, naming the first parts (the command prints all)."""
    if not unread:
        return
    named = "; ".join(unread[:NAMED_UNREAD])
    more = f" (en nog {len(unread) - NAMED_UNREAD})" if len(unread) > NAMED_UNREAD else ""
    raise ImportRefused(
        f"Een deel van het document kon niet worden gelezen, daarom is niets opgeslagen. Niet gelezen: {named}{more}. "
        "Herstel de tekst en importeer opnieuw; --dry-run toont alles wat is gelezen.",
        unread,
    )


def read_text(path: str) -> str:
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as error:
        raise ImportRefused(f"Bestand {path} kan niet worden gelezen: {error.strerror}.") from error
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportRefused(f"Bestand {path} is geen tekst in UTF-8.") from error


def framework_spec(framework: Framework) -> FrameworkSpec:
    """The framework as the parser wants it, built from the database (which may hold several versions)."""
    levels = []
    for level in framework.levels.prefetch_related("themes__criteria__indicators"):
        themes = [
            {
                "key": theme.key,
                "name": theme.name,
                "slug": theme.slug,
                "criteria": [
                    {
                        "key": criterion.key,
                        "name": criterion.name,
                        "indicators": [{"key": i.key, "text": i.text} for i in criterion.indicators.all()],
                    }
                    for criterion in theme.criteria.all()
                ],
            }
            for theme in level.themes.all()
        ]
        levels.append({"key": level.key, "name": level.name, "themes": themes})
    return framework_spec_from_dict({"framework": {"key": framework.key, "name": framework.name}, "levels": levels})


def framework_for(approach_name: str | None, municipality_name: str | None) -> Framework:
    """The framework of the approach when it exists; else the default (the STJ framework of 2013)."""
    existing = Approach.objects.filter(name=approach_name, municipality__name=municipality_name).first()
    if existing is not None:
        return existing.framework
    framework = Framework.objects.filter(key=DEFAULT_FRAMEWORK).first() or Framework.objects.order_by("key").first()
    if framework is None:
        raise ImportRefused("Er is geen toetsingskader geladen. Draai eerst: manage.py load_frameworks")
    return framework


def parse(text: str, *, framework: Framework) -> ParsedReport:
    try:
        return parse_text(text, framework_spec(framework))
    except ReportParseError as error:
        raise ImportRefused(str(error)) from error


def parse_follow_up_rows(text: str, *, framework: Framework) -> list[FollowUpRow]:
    try:
        return parse_follow_up(text, framework_spec(framework))
    except ReportParseError as error:
        raise ImportRefused(str(error)) from error


def year_of(text: str, year: int | None, source: str) -> int:
    """--year, else the year in the file name (factsheet-oosterhout-...-2013.txt), else the first in the text."""
    if year is None:
        found = YEAR.search(source.rsplit("/", 1)[-1]) or YEAR.search(text)
        if found is None:
            raise ImportRefused("Het jaar van het onderzoek staat niet in de tekst: geef --year.")
        year = int(found.group(1))
    if not 2000 <= year <= timezone.localdate().year + 1:
        raise ImportRefused(f"Jaar {year} is niet mogelijk.")
    return year


def label_year(label: str) -> int:
    """The year a column of a follow-up document names ("2013")."""
    found = YEAR.search(label)
    if found is None:
        raise ImportRefused(f"Kolom '{label}' noemt geen jaartal.")
    return int(found.group(1))


# --- follow-up documents (Verbeterpunten Zwolle 2015: per improvement point the earlier and the later finding) ---


def is_follow_up(text: str) -> bool:
    return bool(FOLLOW_UP.search(text))


def section_names(text: str, sections: int, approach: str | None) -> list[str]:
    """ "Aanpak: Bijzondere Doelgroepen en Bemoeizorg Jeugd" with two sections → the two approaches."""
    if approach and sections == 1:
        return [approach]
    line = APPROACHES_LINE.search(text)
    names = [n.strip() for n in re.split(r",| en ", line.group(1)) if n.strip()] if line else []
    if len(names) != sections:
        raise ImportRefused(
            f"Het document bespreekt {sections} aanpak(ken), maar de namen zijn niet te lezen uit de regel "
            "'Aanpak: …'. Importeer één aanpak met --approach."
        )
    return names
