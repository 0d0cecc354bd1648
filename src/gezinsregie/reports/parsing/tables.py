"""Finding the tables in report text: headings, header rows, table rows and their cells.

Tables come tab-separated (factsheet, Bijlage 1) or as Markdown pipe tables (follow-up); both become lists of
cells. A table starts at a header row ("Criteria<TAB>Indicatoren<TAB>Bevindingen", "| Indicator | 2013 | 2014 |")
and runs over the following rows, across blank lines, until a line of ordinary text. Such a line directly
after a row (no blank line between) continues that row's last cell. A line with only a theme name
("Toeleiding", "Gezin Centraal", "Aanpak<TAB><TAB>", "| Continu | | |") is a heading for the tables below it.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from gezinsregie.reports.parsing.findings import looks_like_findings, split_merged_cell
from gezinsregie.reports.parsing.normalize import normalize

_SEPARATOR_CELL = re.compile(r"^\s*:?-+:?\s*$")


@dataclass(frozen=True)
class Header:
    """Column positions of a table: criterion (optional), indicator, and one or more findings columns."""

    indicator: int
    findings: tuple[int, ...]
    criterion: int | None = None
    labels: tuple[str, ...] = ()  # the findings columns' header texts, e.g. ("2013", "2014")

    @property
    def width(self) -> int:
        return max(self.indicator, *self.findings, -1 if self.criterion is None else self.criterion) + 1


@dataclass
class RawRow:
    lineno: int
    table: int
    section: int
    heading: str | None
    criterion: str
    indicator: str
    cells: list[str] = field(default_factory=list)  # findings cells, in header order
    labels: tuple[str, ...] = ()  # the findings columns' header texts


@dataclass
class Scan:
    rows: list[RawRow]
    tables: int


def cells_of(line: str) -> list[str] | None:
    """Cells of a tabular line (tabs or Markdown pipes); [] for a Markdown separator; None for plain text."""
    stripped = line.strip()
    if stripped.startswith("|") and stripped.count("|") >= 2:
        inner = stripped[1:-1] if stripped.endswith("|") else stripped[1:]
        cells = [cell.strip() for cell in inner.split("|")]
        if all(_SEPARATOR_CELL.match(cell) or not cell for cell in cells):
            return []
        return cells
    if "\t" in line:
        return [cell.strip() for cell in line.rstrip("\r\n").split("\t")]
    return None


REPORT_COLUMNS = Header(indicator=1, findings=(2,), criterion=0, labels=("Bevindingen",))


def report_header(cells: list[str]) -> Header | None:
    """ "Criteria | Indicatoren | Bevindingen" (the criterion column is optional)."""
    names = [normalize(cell) for cell in cells]
    indicator = next((i for i, name in enumerate(names) if name.startswith("indicator")), None)
    findings = next((i for i, name in enumerate(names) if name.startswith("bevinding")), None)
    if indicator is None or findings is None or findings <= indicator:
        return None
    criterion = next((i for i, name in enumerate(names) if name.startswith("criteri")), None)
    return Header(indicator=indicator, findings=(findings,), criterion=criterion, labels=(cells[findings],))


def follow_up_header(cells: list[str]) -> Header | None:
    """ "Indicator | 2013 | 2014": the two columns after the indicator are the earlier and the later finding."""
    names = [normalize(cell) for cell in cells]
    indicator = next((i for i, name in enumerate(names) if name.startswith("indicator")), None)
    if indicator is None or len(cells) < indicator + 3:
        return None
    earlier, later = names[indicator + 1], names[indicator + 2]
    if not earlier or not later or earlier.startswith("bevinding") or later.startswith("bevinding"):
        return None
    criterion = next((i for i, name in enumerate(names[:indicator]) if name.startswith("criteri")), None)
    return Header(
        indicator=indicator,
        findings=(indicator + 1, indicator + 2),
        criterion=criterion,
        labels=(cells[indicator + 1], cells[indicator + 2]),
    )


def _fit(cells: list[str], header: Header) -> list[str]:
    """Cells padded or joined to the header's width, guessing where a tab went missing."""
    width = header.width
    if len(cells) > width:
        cells = [*cells[: width - 1], " ".join(cell for cell in cells[width - 1 :] if cell)]
    if len(cells) < width:
        first_findings = header.findings[0]
        if (
            header.criterion is not None
            and header.criterion < header.indicator
            and len(cells) >= 2
            and looks_like_findings(cells[1])
        ):
            cells = ["", *cells]  # "indicator<TAB>✓ finding": the criterion cell is the missing one
        if len(cells) <= first_findings and cells:
            indicator, findings = split_merged_cell(cells[-1])
            cells = [*cells[:-1], indicator, findings] if findings else cells
        cells = cells + [""] * (width - len(cells))
    return cells


def _fits_implicitly(cells: list[str], header: Header) -> bool:
    return (
        len(cells) == header.width and bool(cells[header.indicator]) and looks_like_findings(cells[header.findings[0]])
    )


def scan(
    text: str,
    *,
    header_of: Callable[[list[str]], Header | None],
    is_heading: Callable[[str], bool],
    is_section: Callable[[str], bool] = lambda line: False,
    implicit_header: Header | None = None,
) -> Scan:
    """Raw table rows in document order.

    implicit_header: once a document has shown a header row, a later table whose header row went missing is
    still read when its first line has exactly that many cells and a findings cell where the header puts one.
    """
    rows: list[RawRow] = []
    heading: str | None = None
    header: Header | None = None
    last_row: RawRow | None = None
    tables = 0
    section = 0
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            last_row = None
            continue
        cells = cells_of(line)
        if cells == []:
            continue  # Markdown separator row
        if cells is not None and len(cells) >= 2:
            found = header_of(cells)
            if found is not None:
                header, last_row = found, None
                tables += 1
                continue
            if not any(cells[1:]) and is_heading(cells[0]):
                heading, last_row = cells[0], None
                continue
            if header is None and tables and implicit_header is not None and _fits_implicitly(cells, implicit_header):
                header, last_row = implicit_header, None
                tables += 1
            if header is None or not any(cells):
                continue
            cells = _fit(cells, header)
            last_row = RawRow(
                lineno=lineno,
                table=tables,
                section=section,
                heading=heading,
                criterion=cells[header.criterion] if header.criterion is not None else "",
                indicator=cells[header.indicator],
                cells=[cells[index] for index in header.findings],
                labels=header.labels,
            )
            rows.append(last_row)
            continue
        plain = line.strip() if cells is None else cells[0]
        if is_section(plain):
            section += 1
            header = last_row = None
        elif is_heading(plain):
            heading = plain
            header = last_row = None
        elif header is not None and last_row is not None:
            last_row.cells[-1] = f"{last_row.cells[-1]}\n{plain}" if last_row.cells[-1] else plain
        else:
            header = last_row = None
    return Scan(rows=rows, tables=tables)
