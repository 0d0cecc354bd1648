"""Counting judgements over many approaches (the 21-municipality report, figures 2–10). Pure functions.

The unit of a published table is the ROW: one or more indicators, one or more findings. How a row's findings
become one judgement per indicator (issue: aggregate_report contract):
- one finding: its judgement for each of the row's indicators;
- as many findings as indicators: mapped in order;
- otherwise: improvement for all when any finding is an improvement point; else met when any is met;
  else not assessed.
An indicator an approach's inspection does not judge at all counts as not assessed, so per indicator the
three counts add up to the number of approaches.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

MET, IMPROVEMENT, NOT_ASSESSED = "met", "improvement", "not_assessed"
JUDGEMENTS = (MET, IMPROVEMENT, NOT_ASSESSED)


@dataclass(frozen=True)
class Row:
    indicators: tuple[str, ...]
    judgements: tuple[str, ...]  # one per finding, in document order


def row_judgements(row: Row) -> dict[str, str]:
    if not row.judgements:
        return {key: NOT_ASSESSED for key in row.indicators}
    if len(row.judgements) == 1:
        return {key: row.judgements[0] for key in row.indicators}
    if len(row.judgements) == len(row.indicators):
        return dict(zip(row.indicators, row.judgements, strict=True))
    if IMPROVEMENT in row.judgements:
        return {key: IMPROVEMENT for key in row.indicators}
    overall = MET if MET in row.judgements else NOT_ASSESSED
    return {key: overall for key in row.indicators}


def approach_judgements(rows: Iterable[Row]) -> dict[str, str]:
    """One judgement per indicator for one inspection; a later row about the same indicator wins."""
    judged: dict[str, str] = {}
    for row in rows:
        judged.update(row_judgements(row))
    return judged


def aggregate(inspections: Sequence[Iterable[Row]], indicator_keys: Sequence[str]) -> dict[str, object]:
    """{"approaches": N, "indicators": {key: {"met": n, "improvement": n, "not_assessed": n}}}."""
    counts = {key: dict.fromkeys(JUDGEMENTS, 0) for key in indicator_keys}
    for rows in inspections:
        judged = approach_judgements(rows)
        for key in indicator_keys:
            counts[key][judged.get(key, NOT_ASSESSED)] += 1
    return {"approaches": len(inspections), "indicators": counts}


def percentages(count: dict[str, int]) -> dict[str, float]:
    total = sum(count.values())
    return {j: round(100 * count[j] / total, 1) if total else 0.0 for j in JUDGEMENTS}
