"""Storing a published report text (factsheet or case-level annex) as a published inspection.

The parser (reports.parsing) turns text into rows; this module matches them to the framework in the database,
creates what is missing (municipality, approach, organisations) and stores findings, LET OP notes and
improvement points in one transaction: an error stores nothing. Rows that could not be matched are returned
(and printed by the command), never silently dropped.
"""

import re
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from gezinsregie.accounts.models import User
from gezinsregie.frameworks.models import Framework, Indicator, LifeDomainSet
from gezinsregie.inspections.models import (
    AttentionNote,
    Finding,
    ImprovementPoint,
    Inspection,
    InspectionLevel,
    InspectionStatus,
    PointStatus,
    Respondent,
    RespondentKind,
)
from gezinsregie.organisations.models import Approach, Municipality, Organisation, OrganisationKind
from gezinsregie.reports.parsing import (
    FollowUpRow,
    FrameworkSpec,
    ParsedFinding,
    ParsedReport,
    ReportParseError,
    framework_spec_from_dict,
    parse_follow_up,
)
from gezinsregie.reports.parsing import parse_report as parse_text
from gezinsregie.reports.progress import progress

INSPECTORATE = "Samenwerkend Toezicht Jeugd"
IMPORT_USER = "import-rapporten"  # the imports are done by this system account, not by a person
DEFAULT_FRAMEWORK = "stj-ggsr-2013"
DEFAULT_DOMAIN_SET = "stj-2013"
YEAR = re.compile(r"\b(20\d\d)\b")


class ImportRefused(Exception):
    """The report can not be imported as asked; the message says why, in Dutch. Nothing was stored."""


@dataclass(frozen=True)
class ImportResult:
    parsed: ParsedReport
    inspection: Inspection | None  # None on --dry-run
    findings: int


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


def _framework(approach_name: str | None, municipality_name: str | None) -> Framework:
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


def _year(text: str, year: int | None, source: str) -> int:
    """--year, else the year in the file name (factsheet-oosterhout-...-2013.txt), else the first in the text."""
    if year is None:
        found = YEAR.search(source.rsplit("/", 1)[-1]) or YEAR.search(text)
        if found is None:
            raise ImportRefused("Het jaar van het onderzoek staat niet in de tekst: geef --year.")
        year = int(found.group(1))
    if not 2000 <= year <= timezone.localdate().year + 1:
        raise ImportRefused(f"Jaar {year} is niet mogelijk.")
    return year


def _import_user() -> User:
    user, created = User.objects.get_or_create(
        username=IMPORT_USER, defaults={"first_name": "Import", "last_name": "rapporten", "is_active": False}
    )
    if created:
        user.set_unusable_password()
        user.save()
    return user


def report_import(
    *,
    text: str,
    municipality: str | None,
    approach: str | None,
    year: int | None,
    dry_run: bool = False,
    source: str = "",
) -> ImportResult:
    framework = _framework(approach, municipality)
    parsed = parse(text, framework=framework)
    if dry_run:
        return ImportResult(parsed=parsed, inspection=None, findings=sum(len(r.findings) for r in parsed.rows))
    approach_name = (approach or parsed.approach or "").strip()
    municipality_name = (municipality or "").strip()
    if not approach_name:
        raise ImportRefused("De naam van de aanpak staat niet in de tekst: geef --approach.")
    if not municipality_name:
        raise ImportRefused("Geef de gemeente met --municipality.")
    with transaction.atomic():
        return _store(parsed, framework, municipality_name, approach_name, _year(text, year, source), source)


def _store(
    parsed: ParsedReport, framework: Framework, municipality_name: str, approach_name: str, year: int, source: str
) -> ImportResult:
    user = _import_user()
    municipality, approach = _approach(municipality_name, approach_name, framework)
    level = InspectionLevel.POLICY if parsed.level == "policy" else InspectionLevel.CASE
    title = f"{'Factsheet' if level == InspectionLevel.POLICY else 'Nota van bevindingen'} {approach_name} {year}"
    inspection = _published_inspection(approach, framework, level, year, title, user, source)
    _respondents(inspection, municipality, parsed.respondents, user, timezone.localdate())
    table = _Table(framework)
    stored = 0
    rows = progress(parsed.rows, label="Bevindingen opslaan")  # drawn on a terminal only
    for row_number, row in enumerate(rows, start=1):
        stored += len(table.add_row(inspection, row.indicators, row.findings, row_number, user))
    return ImportResult(parsed=parsed, inspection=inspection, findings=stored)


def _published_inspection(
    approach: Approach, framework: Framework, level: str, year: int, title: str, user: User, source: str
) -> Inspection:
    if Inspection.objects.filter(approach=approach, level=level, year=year).exists():
        raise ImportRefused(
            f"Er is al een onderzoek op {InspectionLevel(level).label} van {year} voor {approach}: het rapport is "
            "niet opnieuw geïmporteerd."
        )
    inspectorate, _ = Organisation.objects.get_or_create(
        name=INSPECTORATE, defaults={"kind": OrganisationKind.INSPECTORATE}
    )
    return Inspection.objects.create(
        approach=approach,
        framework=framework,
        level=level,
        year=year,
        title=title,
        status=InspectionStatus.PUBLISHED,
        organisation=inspectorate,
        created_by=user,
        published_at=timezone.now(),
        source=source[:200],
    )


class _Table:
    """Stores the findings of published table rows against the framework's indicators."""

    def __init__(self, framework: Framework) -> None:
        in_framework_order = Indicator.objects.filter(criterion__theme__level__framework=framework).order_by(
            "criterion__theme__level__order", "criterion__theme__order", "criterion__order", "order"
        )
        self.indicators = {i.key: i for i in in_framework_order}
        self.order = {key: position for position, key in enumerate(self.indicators)}

    def add_row(
        self, inspection: Inspection, keys: list[str], findings: list[ParsedFinding], row: int, user: User
    ) -> list[Finding]:
        indicators = [self.indicators[key] for key in keys if key in self.indicators]
        if not indicators:
            return []
        stored = []
        for finding in findings:
            record = Finding.objects.create(
                inspection=inspection,
                judgement=finding.judgement,
                text=finding.text,
                order=min(self.order[i.key] for i in indicators),
                row=row,
                updated_by=user,
            )
            record.indicators.set(indicators)
            for position, note in enumerate(finding.notes):
                AttentionNote.objects.create(finding=record, text=note, order=position)
            if finding.judgement == "improvement":
                ImprovementPoint.objects.create(finding=record, due_on=_due(inspection.year))
            stored.append(record)
        return stored


def _approach(municipality_name: str, approach_name: str, framework: Framework) -> tuple[Municipality, Approach]:
    municipality, _ = Municipality.objects.get_or_create(name=municipality_name)
    approach = Approach.objects.filter(municipality=municipality, name=approach_name).first()
    if approach is None:
        domain_set = LifeDomainSet.objects.filter(key=DEFAULT_DOMAIN_SET).first() or LifeDomainSet.objects.first()
        if domain_set is None:
            raise ImportRefused("Er zijn geen leefgebieden geladen. Draai eerst: manage.py load_frameworks")
        approach = Approach.objects.create(
            municipality=municipality, name=approach_name, framework=framework, life_domain_set=domain_set
        )
    return municipality, approach


def _respondents(inspection: Inspection, municipality: Municipality, names: list[str], user: User, today: date) -> None:
    own, _ = Organisation.objects.get_or_create(
        name=f"Gemeente {municipality.name}",
        defaults={"kind": OrganisationKind.MUNICIPALITY, "municipality": municipality},
    )
    Respondent.objects.create(
        inspection=inspection, organisation=own, kind=RespondentKind.MUNICIPALITY, invited_on=today, invited_by=user
    )
    for name in dict.fromkeys(n.strip() for n in names if n.strip()):
        partner, _ = Organisation.objects.get_or_create(name=name[:160], defaults={"kind": OrganisationKind.PARTNER})
        inspection.approach.partners.add(partner)
        Respondent.objects.create(
            inspection=inspection, organisation=partner, kind=RespondentKind.PARTNER, invited_on=today, invited_by=user
        )


def _due(year: int) -> date:
    return date(year + 1, 12, 31)  # the municipality reports back within the next year (Maastricht §1.5)


# --- follow-up documents (the Zwolle format: per improvement point the earlier and the later finding) ---------

FOLLOW_UP = re.compile(r"Uitkomsten verbeterpunten", re.IGNORECASE)
APPROACHES_LINE = re.compile(r"^Aanpak(?:ken)?:\s*(.+)$", re.MULTILINE)


def is_follow_up(text: str) -> bool:
    return bool(FOLLOW_UP.search(text))


@dataclass(frozen=True)
class FollowUpResult:
    rows: list[FollowUpRow]
    approaches: list[str]  # per section of the document
    inspections: list[Inspection]  # empty on --dry-run
    resolved: int


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


def follow_up_import(
    *, text: str, municipality: str | None, approach: str | None, dry_run: bool = False, source: str = ""
) -> FollowUpResult:
    framework = _framework(approach, municipality)
    try:
        rows = parse_follow_up(text, framework_spec(framework))
    except ReportParseError as error:
        raise ImportRefused(str(error)) from error
    sections = sorted({row.section for row in rows})
    names = section_names(text, len(sections), approach)
    if dry_run:
        return FollowUpResult(rows=rows, approaches=names, inspections=[], resolved=0)
    if not (municipality or "").strip():
        raise ImportRefused("Geef de gemeente met --municipality.")
    with transaction.atomic():
        inspections, resolved = [], 0
        for section, name in zip(sections, names, strict=True):
            section_rows = [row for row in rows if row.section == section]
            stored, count = _store_follow_up(section_rows, framework, municipality or "", name, source)
            inspections.extend(stored)
            resolved += count
        return FollowUpResult(rows=rows, approaches=names, inspections=inspections, resolved=resolved)


def _label_year(label: str) -> int:
    found = YEAR.search(label)
    if found is None:
        raise ImportRefused(f"Kolom '{label}' noemt geen jaartal.")
    return int(found.group(1))


def _store_follow_up(
    rows: list[FollowUpRow], framework: Framework, municipality_name: str, approach_name: str, source: str
) -> tuple[list[Inspection], int]:
    """The earlier and the later year as two published inspections; an earlier X met later is resolved."""
    user = _import_user()
    _, approach = _approach(municipality_name.strip(), approach_name, framework)
    earlier_year, later_year = _label_year(rows[0].earlier_label), _label_year(rows[0].later_label)
    level = InspectionLevel.POLICY
    earlier = _published_inspection(
        approach, framework, level, earlier_year, f"Verbeterpunten {approach_name} {earlier_year}", user, source
    )
    later = _published_inspection(
        approach, framework, level, later_year, f"Opvolging verbeterpunten {approach_name} {later_year}", user, source
    )
    table = _Table(framework)
    resolved = 0
    for row_number, row in enumerate(progress(rows, label="Opvolging opslaan"), start=1):
        before = table.add_row(earlier, row.indicators, row.earlier, row_number, user)
        after = table.add_row(later, row.indicators, row.later, row_number, user)
        if after and all(f.judgement == "met" for f in after):
            resolved += ImprovementPoint.objects.filter(finding__in=before).update(
                status=PointStatus.RESOLVED, resolved_on=date(later_year, 12, 31), resolved_by=after[0]
            )
    return [earlier, later], resolved
