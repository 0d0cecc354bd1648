"""Storing a published report text (factsheet, case-level annex, follow-up document) as published inspections.

The parser (reports.parsing) turns text into rows and reading.py reads it against the framework; this module
creates what is missing around the inspection (municipality, approach, organisations) and hands the rows to
inspections.services.inspection_import_published, the one write path of an inspection: it stores the findings,
LET OP notes and improvement points and resolves the earlier points now met, exactly as a publication in the
app does. All in one transaction: an error stores nothing. A document of which a part could not be read (text the
parser could not place, an indicator of its level without a finding) is refused whole, naming those parts (issue
12 §10); a dry run returns them. The import acts as the system account for report imports.
"""

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from gezinsregie.accounts.models import User
from gezinsregie.accounts.system import SystemPurpose, system_actor
from gezinsregie.frameworks.models import Framework, Indicator, LifeDomainSet
from gezinsregie.inspections import services
from gezinsregie.inspections.models import Inspection, InspectionLevel, Judgement, RespondentKind
from gezinsregie.organisations.models import Approach, Municipality, Organisation, OrganisationKind
from gezinsregie.reports.importing.narrative import Dated, publication_date, store_narrative
from gezinsregie.reports.importing.reading import (
    ImportRefused,
    framework_for,
    framework_spec,
    label_year,
    parse,
    parse_follow_up_rows,
    refuse_unread,
    section_names,
    unread_follow_up_parts,
    unread_parts,
    year_of,
)
from gezinsregie.reports.parsing import FollowUpRow, ParsedFinding, ParsedReport
from gezinsregie.reports.parsing.narrative import ParsedNarrative, parse_narrative
from gezinsregie.reports.progress import progress

INSPECTORATE = "Samenwerkend Toezicht Jeugd"
DEFAULT_DOMAIN_SET = "stj-2013"
# The text of a ✓ a follow-up document implies (Verbeterpunten Zwolle 2015: "niet opnieuw getoetst")
CARRIED_MET = "Voldeed in {year}; volgens het opvolgdocument niet opnieuw getoetst."


@dataclass(frozen=True)
class ImportResult:
    parsed: ParsedReport
    inspection: Inspection | None  # None on --dry-run
    findings: int
    narrative: ParsedNarrative = field(default_factory=ParsedNarrative)  # the date, texts and characteristics
    notices: list[str] = field(default_factory=list)  # narrative parts not stored, and why
    unread: list[str] = field(default_factory=list)  # parts that could not be read (only a dry run gets this far)


def report_import(
    *,
    text: str,
    municipality: str | None,
    approach: str | None,
    year: int | None,
    dry_run: bool = False,
    source: str = "",
) -> ImportResult:
    framework = framework_for(approach, municipality)
    parsed = parse(text, framework=framework)
    narrative = parse_narrative(text)
    unread = unread_parts(parsed, framework_spec(framework))
    if dry_run:
        findings = sum(len(r.findings) for r in parsed.rows)
        return ImportResult(parsed=parsed, inspection=None, findings=findings, narrative=narrative, unread=unread)
    refuse_unread(unread)  # a document read in part is not stored at all
    approach_name = (approach or parsed.approach or "").strip()
    municipality_name = (municipality or "").strip()
    if not approach_name:
        raise ImportRefused("De naam van de aanpak staat niet in de tekst: geef --approach.")
    if not municipality_name:
        raise ImportRefused("Geef de gemeente met --municipality.")
    with transaction.atomic():
        year = year_of(text, year, source)
        return _store(parsed, narrative, framework, municipality_name, approach_name, year, source)


def _store(
    parsed: ParsedReport,
    narrative: ParsedNarrative,
    framework: Framework,
    municipality_name: str,
    approach_name: str,
    year: int,
    source: str,
) -> ImportResult:
    municipality, approach = _approach(municipality_name, approach_name, framework)
    level = InspectionLevel.POLICY if parsed.level == "policy" else InspectionLevel.CASE
    title = f"{'Factsheet' if level == InspectionLevel.POLICY else 'Nota van bevindingen'} {approach_name} {year}"
    table = _Indicators(framework)
    rows = progress(parsed.rows, label="Bevindingen opslaan")  # drawn on a terminal only
    dated = publication_date(narrative, year)
    imported = _import(
        approach=approach,
        framework=framework,
        level=level,
        year=year,
        title=title,
        source=source,
        respondents=_respondents(approach, municipality, parsed.respondents),
        rows=(table.row(row.indicators, row.findings, number) for number, row in enumerate(rows, start=1)),
        dated=dated,
        description=narrative.description,
    )
    notices = store_narrative(actor=_actor(), inspection=imported.inspection, narrative=narrative, dated=dated)
    return ImportResult(parsed, imported.inspection, imported.findings, narrative, notices)


def _actor() -> User:
    return system_actor(SystemPurpose.IMPORT_REPORTS)


def _import(
    *,
    approach: Approach,
    framework: Framework,
    level: str,
    year: int,
    title: str,
    source: str,
    rows: Iterable[services.ImportedRow],
    dated: Dated,
    respondents: Sequence[services.ImportedRespondent] = (),
    description: str = "",
) -> services.ImportedInspection:
    """Published on the document's own date (its dateline), else on the last day of its year (workflow)."""
    inspectorate, _ = Organisation.objects.get_or_create(
        name=INSPECTORATE, defaults={"kind": OrganisationKind.INSPECTORATE}
    )
    try:
        return services.inspection_import_published(
            actor=_actor(),
            approach=approach,
            framework=framework,
            organisation=inspectorate,
            level=level,
            year=year,
            title=title,
            published_on=dated.on,
            respondents=respondents,
            rows=rows,
            source=source,
            description=description,
        )
    except ValidationError as error:
        raise ImportRefused(" ".join(error.messages)) from error


class _Indicators:
    """The framework's indicators by key: a parsed row's keys become the indicators it judges."""

    def __init__(self, framework: Framework) -> None:
        indicators = Indicator.objects.filter(criterion__theme__level__framework=framework)
        self.by_key = {i.key: i for i in indicators.select_related("criterion__theme__level")}

    def met_before(self, *, listed: set[str], year: int) -> Iterator[services.ImportedRow]:
        """A ✓ for each policy-level indicator a follow-up document does not list as an X of `year`."""
        policy = [i for i in self.by_key.values() if i.criterion.theme.level.key == InspectionLevel.POLICY]
        for indicator in policy:
            if indicator.key not in listed:
                finding = services.ImportedFinding(Judgement.MET, CARRIED_MET.format(year=year))
                yield services.ImportedRow(indicators=[indicator], findings=[finding])

    def row(self, keys: Sequence[str], findings: Sequence[ParsedFinding], number: int) -> services.ImportedRow:
        return services.ImportedRow(
            indicators=[self.by_key[key] for key in keys if key in self.by_key],
            findings=[services.ImportedFinding(f.judgement, f.text, tuple(f.notes)) for f in findings],
            number=number,
        )


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


def _respondents(approach: Approach, municipality: Municipality, names: list[str]) -> list[services.ImportedRespondent]:
    """The municipality and the partners the document names, as organisations (created when new)."""
    today = timezone.localdate()
    own, _ = Organisation.objects.get_or_create(
        name=f"Gemeente {municipality.name}",
        defaults={"kind": OrganisationKind.MUNICIPALITY, "municipality": municipality},
    )
    found = [services.ImportedRespondent(own, RespondentKind.MUNICIPALITY, today)]
    for name in dict.fromkeys(n.strip() for n in names if n.strip()):
        partner, _ = Organisation.objects.get_or_create(name=name[:160], defaults={"kind": OrganisationKind.PARTNER})
        approach.partners.add(partner)
        found.append(services.ImportedRespondent(partner, RespondentKind.PARTNER, today))
    return found


# --- follow-up documents (Verbeterpunten Zwolle 2015: per improvement point the earlier and the later finding) ---


@dataclass(frozen=True)
class FollowUpResult:
    rows: list[FollowUpRow]
    approaches: list[str]  # per section of the document
    inspections: list[Inspection]  # empty on --dry-run
    resolved: int


def follow_up_import(
    *, text: str, municipality: str | None, approach: str | None, dry_run: bool = False, source: str = ""
) -> FollowUpResult:
    framework = framework_for(approach, municipality)
    rows = parse_follow_up_rows(text, framework=framework)
    narrative = parse_narrative(text)
    sections = sorted({row.section for row in rows})
    names = section_names(text, len(sections), approach)
    if dry_run:
        return FollowUpResult(rows=rows, approaches=names, inspections=[], resolved=0)
    refuse_unread(unread_follow_up_parts(rows))  # a document read in part is not stored at all
    if not (municipality or "").strip():
        raise ImportRefused("Geef de gemeente met --municipality.")
    with transaction.atomic():
        inspections, resolved = [], 0
        for section, name in zip(sections, names, strict=True):
            section_rows = [row for row in rows if row.section == section]
            stored, count = _store_follow_up(section_rows, narrative, framework, municipality or "", name, source)
            inspections.extend(stored)
            resolved += count
        return FollowUpResult(rows=rows, approaches=names, inspections=inspections, resolved=resolved)


def _store_follow_up(
    rows: list[FollowUpRow],
    narrative: ParsedNarrative,
    framework: Framework,
    municipality_name: str,
    approach_name: str,
    source: str,
) -> tuple[list[Inspection], int]:
    """The earlier and the later year as two published inspections: publishing the later one resolves each
    earlier X that is met now and keeps each X found again as the same point, as any later publication does. The
    document is the later one's publication (its date, its "Ontwikkeling" text); of the earlier one it gives only
    the year, and the X's it lists. Every other policy-level indicator scored ✓ that year: "de punten waarop de
    aanpak al in 2013 een ✓ scoorde zijn niet opnieuw getoetst". The earlier inspection holds those ✓s, said so
    in their text (CARRIED_MET), and the later one carries them forward (inspections.rules.standing)."""
    _, approach = _approach(municipality_name.strip(), approach_name, framework)
    earlier_year, later_year = label_year(rows[0].earlier_label), label_year(rows[0].later_label)
    table = _Indicators(framework)

    def side(later: bool) -> Iterator[services.ImportedRow]:
        for number, row in enumerate(progress(rows, label="Opvolging opslaan"), start=1):
            yield table.row(row.indicators, row.later if later else row.earlier, number)
        if not later:
            yield from table.met_before(listed={key for row in rows for key in row.indicators}, year=earlier_year)

    def stored(year: int, title: str, later: bool) -> services.ImportedInspection:
        own = narrative if later else ParsedNarrative()
        dated = publication_date(own, year)
        imported = _import(
            approach=approach,
            framework=framework,
            level=InspectionLevel.POLICY,
            year=year,
            title=title,
            source=source,
            rows=side(later),
            dated=dated,
            description=own.description,
        )
        store_narrative(actor=_actor(), inspection=imported.inspection, narrative=own, dated=dated, with_sections=False)
        return imported

    earlier = stored(earlier_year, f"Verbeterpunten {approach_name} {earlier_year}", later=False)
    later = stored(later_year, f"Opvolging verbeterpunten {approach_name} {later_year}", later=True)
    return [earlier.inspection, later.inspection], later.resolved
