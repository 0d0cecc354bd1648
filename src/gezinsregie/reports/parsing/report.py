"""parse_report: a factsheet (policy level) or a Bijlage 1 (case level) as structured findings.

The level is not taken from the document's words but from the framework: every table row is matched against
each level, and the level whose indicators explain the rows best wins (policy and case level share theme
names, criterion names and even some indicator wording).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from gezinsregie.reports.parsing.errors import ReportParseError
from gezinsregie.reports.parsing.findings import ParsedFinding, parse_findings
from gezinsregie.reports.parsing.framework import FrameworkSpec
from gezinsregie.reports.parsing.matching import LevelIndex, RowMatch, level_indexes
from gezinsregie.reports.parsing.metadata import ensure_text, find_approach, find_respondents
from gezinsregie.reports.parsing.tables import REPORT_COLUMNS, RawRow, report_header, scan

EXCERPT_LENGTH = 300


@dataclass
class Row:
    theme: str  # "B1"
    criterion: str  # "B1.a"
    indicators: list[str]  # ["B1.a.1", ...]
    findings: list[ParsedFinding] = field(default_factory=list)
    line: int = 0  # line in the source text, for messages; not part of as_dict()

    def as_dict(self) -> dict[str, object]:
        return {
            "theme": self.theme,
            "criterion": self.criterion,
            "indicators": list(self.indicators),
            "findings": [finding.as_dict() for finding in self.findings],
        }


@dataclass
class ParsedReport:
    level: str  # "policy" | "case"
    approach: str | None
    respondents: list[str]
    rows: list[Row]
    unmatched: list[str]

    def as_dict(self) -> dict[str, object]:
        return {
            "level": self.level,
            "approach": self.approach,
            "respondents": list(self.respondents),
            "rows": [row.as_dict() for row in self.rows],
            "unmatched": list(self.unmatched),
        }


def excerpt(text: str, length: int = EXCERPT_LENGTH) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= length else f"{flat[: length - 1]}…"


def is_heading_for(indexes: list[LevelIndex]) -> Callable[[str], bool]:
    cache: dict[str, bool] = {}

    def is_heading(line: str) -> bool:
        if line not in cache:
            cache[line] = any(index.theme_for_heading(line) for index in indexes)
        return cache[line]

    return is_heading


def require_indicators(framework: FrameworkSpec) -> list[LevelIndex]:
    indexes = level_indexes(framework)
    if not any(indicator for index in indexes for criterion in index.criteria for indicator in criterion.indicators):
        raise ReportParseError(f"Het toetsingskader '{framework.name}' bevat geen indicatoren.")
    return indexes


@dataclass
class _Item:
    """One table row on its way to the result: its findings and, per level, its match."""

    raw: RawRow
    findings: list[ParsedFinding]
    orphans: list[str]


@dataclass
class _LevelResult:
    index: LevelIndex
    matches: list[RowMatch | None]  # None: a row with only a criterion name
    contexts: list[str | None]  # the criterion each row was read in (named or continued)
    score: float

    @property
    def matched(self) -> int:
        return sum(1 for match in self.matches if match is not None and match.indicators)


def _merge_continuations(rows: list[RawRow]) -> list[RawRow]:
    """A row with findings but no indicator continues the findings of the row above it."""
    merged: list[RawRow] = []
    for row in rows:
        has_findings = any(cell.strip() for cell in row.cells)
        if not row.indicator.strip():
            previous = merged[-1] if merged and merged[-1].table == row.table else None
            if has_findings and previous is not None and not row.criterion.strip():
                previous.cells = [
                    f"{old}\n{new}" if old and new else old or new
                    for old, new in zip(previous.cells, row.cells, strict=False)
                ]
                continue
            if not has_findings and not row.criterion.strip():
                continue
        merged.append(row)
    return merged


def _match_level(index: LevelIndex, items: list[_Item]) -> _LevelResult:
    matches: list[RowMatch | None] = []
    contexts: list[str | None] = []
    headings: dict[str | None, str | None] = {None: None}
    previous: str | None = None
    score = 0.0
    for item in items:
        raw = item.raw
        if raw.heading not in headings:
            headings[raw.heading] = index.theme_for_heading(raw.heading or "")
        theme_key = headings[raw.heading]
        context = index.criterion_for_name(raw.criterion, theme_key) if raw.criterion.strip() else previous
        contexts.append(context)
        if not raw.indicator.strip():
            matches.append(None)
            previous = context
            continue
        match = index.match_row(raw.indicator, theme_key=theme_key, criterion_key=context)
        matches.append(match)
        score += match.score
        previous = match.criterion or context
    return _LevelResult(index=index, matches=matches, contexts=contexts, score=score)


def choose_level(results: list[_LevelResult]) -> _LevelResult | None:
    """The level that explains the rows best; None when no row matches any level."""
    candidates = [result for result in results if result.matched]
    if not candidates:
        return None
    return max(candidates, key=lambda result: (result.score, result.matched))


def _parse_report(text: object, framework: FrameworkSpec) -> ParsedReport:
    text = ensure_text(text, what="Het rapport")
    indexes = require_indicators(framework)
    found = scan(text, header_of=report_header, is_heading=is_heading_for(indexes), implicit_header=REPORT_COLUMNS)
    if not found.tables:
        raise ReportParseError(
            "Geen tabel met bevindingen gevonden: de kopregel 'Criteria – Indicatoren – Bevindingen' ontbreekt."
        )
    raws = _merge_continuations(found.rows)
    if not raws:
        raise ReportParseError("De tabel met bevindingen bevat geen rijen.")
    items = []
    for raw in raws:
        findings, orphans = parse_findings(raw.cells[0] if raw.cells else "")
        items.append(_Item(raw=raw, findings=findings, orphans=orphans))
    chosen = choose_level([_match_level(index, items) for index in indexes])
    if chosen is None:
        raise ReportParseError(
            f"Geen enkele indicator in de tabel komt overeen met het toetsingskader '{framework.name}'."
        )
    rows: list[Row] = []
    unmatched: list[str] = []
    for item, match, context in zip(items, chosen.matches, chosen.contexts, strict=True):
        raw = item.raw
        where = f"regel {raw.lineno}"
        if match is None:
            if item.findings or item.orphans:
                unmatched.append(f"{where}: bevinding zonder indicator: '{excerpt(raw.cells[0])}'")
            elif context is None:
                unmatched.append(f"{where}: criterium niet herkend: '{excerpt(raw.criterion)}'")
            continue
        if not match.indicators or match.theme is None or match.criterion is None:
            findings_text = f" — bevinding: '{excerpt(raw.cells[0])}'" if raw.cells and raw.cells[0].strip() else ""
            unmatched.append(f"{where}: indicator niet herkend: '{excerpt(raw.indicator)}'{findings_text}")
            continue
        rows.append(
            Row(
                theme=match.theme,
                criterion=match.criterion,
                indicators=list(match.indicators),
                findings=item.findings,
                line=raw.lineno,
            )
        )
        keys = ", ".join(match.indicators)
        unmatched.extend(f"{where}: tekst niet herkend naast {keys}: '{part}'" for part in match.unmatched)
        unmatched.extend(
            f"{where}: bevinding zonder oordeel (✓/X/–) bij {keys}: '{excerpt(orphan)}'" for orphan in item.orphans
        )
    return ParsedReport(
        level=chosen.index.key,
        approach=find_approach(text),
        respondents=find_respondents(text),
        rows=rows,
        unmatched=unmatched,
    )


def parse_report(text: str, framework: FrameworkSpec) -> ParsedReport:
    """Parse a factsheet or Bijlage 1 into rows of indicator keys with findings.

    Raises ReportParseError (Dutch message) for input that cannot be read as such a report, and for nothing
    else: an unexpected failure inside the parser is reported the same way rather than as a crash.
    """
    try:
        return _parse_report(text, framework)
    except ReportParseError:
        raise
    except Exception as error:  # the contract: ReportParseError or a result, whatever the input
        raise ReportParseError(
            f"Het rapport kon niet worden gelezen (interne fout: {type(error).__name__})."
        ) from error
