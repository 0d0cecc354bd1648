"""parse_follow_up: the improvement-points follow-up (the Zwolle format) as rows of earlier and later finding.

The document repeats "Uitkomsten verbeterpunten" once per approach it covers; each occurrence starts a new
`section` (1, 2, …). Its tables have the columns "Indicator | 2013 | 2014". A row whose finding cells are
empty shares the findings of the row above it (merged cells in the original), so its indicators join that row.
"""

from dataclasses import dataclass, field

from gezinsregie.reports.parsing.errors import ReportParseError
from gezinsregie.reports.parsing.findings import ParsedFinding, parse_findings
from gezinsregie.reports.parsing.framework import FrameworkSpec
from gezinsregie.reports.parsing.matching import LevelIndex, RowMatch
from gezinsregie.reports.parsing.metadata import ensure_text
from gezinsregie.reports.parsing.normalize import normalize
from gezinsregie.reports.parsing.report import excerpt, is_heading_for, require_indicators
from gezinsregie.reports.parsing.tables import RawRow, follow_up_header, scan

SECTION_TITLE = "uitkomsten verbeterpunten"


@dataclass
class FollowUpRow:
    section: int  # 1 for the first "Uitkomsten verbeterpunten" part of the document, 2 for the next, …
    theme: str | None  # "B1"; None when no indicator was recognised
    criterion: str | None
    indicators: list[str]
    earlier: list[ParsedFinding]  # usually one finding
    later: list[ParsedFinding]
    earlier_label: str = ""  # column header, e.g. "2013"
    later_label: str = ""  # e.g. "2014"
    unmatched: list[str] = field(default_factory=list)
    line: int = 0

    def as_dict(self) -> dict[str, object]:
        return {
            "section": self.section,
            "theme": self.theme,
            "criterion": self.criterion,
            "indicators": list(self.indicators),
            "earlier": [finding.as_dict() for finding in self.earlier],
            "later": [finding.as_dict() for finding in self.later],
            "earlier_label": self.earlier_label,
            "later_label": self.later_label,
            "unmatched": list(self.unmatched),
        }


@dataclass
class _Group:
    raw: RawRow
    texts: list[tuple[int, str]]  # (line, indicator text): more than one when findings cells were merged
    cells: list[str]


def _group(rows: list[RawRow]) -> list[_Group]:
    groups: list[_Group] = []
    for raw in rows:
        has_findings = any(cell.strip() for cell in raw.cells)
        previous = groups[-1] if groups and groups[-1].raw.table == raw.table else None
        if raw.indicator.strip():
            if not has_findings and previous is not None:
                previous.texts.append((raw.lineno, raw.indicator))
                continue
            groups.append(_Group(raw=raw, texts=[(raw.lineno, raw.indicator)], cells=list(raw.cells)))
        elif has_findings:
            if previous is not None:
                previous.cells = [
                    f"{old}\n{new}" if old and new else old or new
                    for old, new in zip(previous.cells, raw.cells, strict=False)
                ]
            else:
                groups.append(_Group(raw=raw, texts=[], cells=list(raw.cells)))
    return groups


def _match(index: LevelIndex, groups: list[_Group]) -> tuple[float, int, list[list[RowMatch]]]:
    score, matched = 0.0, 0
    result: list[list[RowMatch]] = []
    previous: str | None = None
    for group in groups:
        theme_key = index.theme_for_heading(group.raw.heading or "")
        if group.raw.criterion.strip():
            previous = index.criterion_for_name(group.raw.criterion, theme_key)
        matches = []
        for _, text in group.texts:
            match = index.match_row(text, theme_key=theme_key, criterion_key=previous)
            matches.append(match)
            score += match.score
            matched += bool(match.indicators)
            previous = match.criterion or previous
        result.append(matches)
    return score, matched, result


def _parse_follow_up(text: object, framework: FrameworkSpec) -> list[FollowUpRow]:
    text = ensure_text(text, what="Het verbeterpuntenoverzicht")
    indexes = require_indicators(framework)
    found = scan(
        text,
        header_of=follow_up_header,
        is_heading=is_heading_for(indexes),
        is_section=lambda line: normalize(line) == SECTION_TITLE,
    )
    if not found.tables:
        raise ReportParseError(
            "Geen tabel met verbeterpunten gevonden: de kopregel 'Indicator – <jaar> – <jaar>' ontbreekt."
        )
    groups = _group(found.rows)
    if not groups:
        raise ReportParseError("De tabellen met verbeterpunten bevatten geen rijen.")
    results = [(index, *_match(index, groups)) for index in indexes]
    candidates = [result for result in results if result[2]]
    if not candidates:
        raise ReportParseError(
            f"Geen enkele indicator in het overzicht komt overeen met het toetsingskader '{framework.name}'."
        )
    _, _, _, matches = max(candidates, key=lambda result: (result[1], result[2]))
    rows = []
    for group, group_matches in zip(groups, matches, strict=True):
        earlier, earlier_orphans = parse_findings(group.cells[0] if group.cells else "")
        later, later_orphans = parse_findings(group.cells[1] if len(group.cells) > 1 else "")
        earlier_label, later_label = (*group.raw.labels, "", "")[:2]
        unmatched: list[str] = []
        keys: list[str] = []
        theme = criterion = None
        for (line, indicator_text), match in zip(group.texts, group_matches, strict=True):
            if not match.indicators:
                unmatched.append(f"regel {line}: indicator niet herkend: '{excerpt(indicator_text)}'")
                continue
            keys.extend(key for key in match.indicators if key not in keys)
            theme, criterion = theme or match.theme, criterion or match.criterion
            unmatched.extend(f"regel {line}: tekst niet herkend: '{part}'" for part in match.unmatched)
        if not group.texts:
            unmatched.append(f"regel {group.raw.lineno}: bevinding zonder indicator")
        for label, orphans in ((earlier_label, earlier_orphans), (later_label, later_orphans)):
            unmatched.extend(
                f"regel {group.raw.lineno}: bevinding {label} zonder oordeel (✓/X/–): '{excerpt(orphan)}'"
                for orphan in orphans
            )
        rows.append(
            FollowUpRow(
                section=max(group.raw.section, 1),
                theme=theme,
                criterion=criterion,
                indicators=keys,
                earlier=earlier,
                later=later,
                earlier_label=earlier_label,
                later_label=later_label,
                unmatched=unmatched,
                line=group.raw.lineno,
            )
        )
    return rows


def parse_follow_up(text: str, framework: FrameworkSpec) -> list[FollowUpRow]:
    """Parse an improvement-points follow-up: per row the indicator keys with the earlier and later finding.

    Raises ReportParseError (Dutch message) for unreadable input, and for nothing else.
    """
    try:
        return _parse_follow_up(text, framework)
    except ReportParseError:
        raise
    except Exception as error:  # the contract: ReportParseError or a result, whatever the input
        raise ReportParseError(
            f"Het verbeterpuntenoverzicht kon niet worden gelezen (interne fout: {type(error).__name__})."
        ) from error
