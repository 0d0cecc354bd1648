"""The published result (factsheet / Bijlage 1): per theme a table criterion | indicators | finding."""

from dataclasses import dataclass

from gezinsregie.frameworks.models import Criterion, Indicator, Theme
from gezinsregie.inspections.models import (
    Finding,
    Inspection,
)
from gezinsregie.inspections.selectors.judging import judging_tree
from gezinsregie.inspections.selectors.standing import StandingJudgement, standing_by_indicator


@dataclass
class ResultRow:
    criterion: Criterion
    criterion_first: bool
    indicators: list[Indicator]
    finding: Finding | None  # None: not judged (yet)
    # Where this inspection did not judge the row's indicator, or judged it "–": what stands from an earlier
    # inspection, e.g. "✓ (2013, niet opnieuw getoetst)". None: nothing earlier stands.
    carried: StandingJudgement | None = None


@dataclass
class ResultTheme:
    theme: Theme
    rows: list[ResultRow]


def result_tables(inspection: Inspection) -> list[ResultTheme]:
    """Per theme a table: criterion, the indicators a finding covers, the finding (✓ / X / – with LET OP); an
    indicator without a finding shows the judgement carried forward from an earlier inspection, if any."""
    standing = standing_by_indicator(inspection)
    tables: list[ResultTheme] = []
    for block in judging_tree(inspection):
        rows: list[ResultRow] = []
        for criterion_block in block.criteria:
            first = True
            for row in criterion_block.rows:
                if row.finding is not None and not row.first_of_finding:
                    continue
                covered = [i for i in row.finding.indicators.all()] if row.finding is not None else [row.indicator]
                carried = standing.get(row.indicator.pk) if len(covered) == 1 else None
                if carried is not None and not carried.carried:
                    carried = None
                rows.append(ResultRow(criterion_block.criterion, first, covered, row.finding, carried))
                first = False
        tables.append(ResultTheme(block.theme, rows))
    return tables
