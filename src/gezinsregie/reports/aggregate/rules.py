"""Counting judgements over many approaches (the 21-municipality report, figures 2–10). Pure functions.

The unit of a published table is the ROW: one or more indicators, one or more findings. How a row's findings
become one judgement per indicator (issue: aggregate_report contract):
- one finding: its judgement for each of the row's indicators;
- as many findings as indicators: mapped in order;
- otherwise: improvement for all when any finding is an improvement point; else met when any is met;
  else not assessed.
An indicator an approach's inspection does not judge at all counts as not assessed, so per indicator the
three counts add up to the number of approaches.

Percentages as the report computes them: of the approaches ASSESSED on the indicator, the not-assessed ones left
out and named beside it ("Bij 23 van in totaal 28 aanpakken (82%) wordt gewerkt vanuit de behoefte van het
gezin": 30 approaches, 2 not assessed), in whole percents rounded half up (29 of 30: 97%). The same rule counts
the approaches' characteristics (figures 3, 6 and 8): of the approaches for which the answer is recorded.
`percentages` (of all approaches, not-assessed included) stays for the exports' existing columns.
"""

from collections.abc import Iterable, Mapping, Sequence
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


# --- the report's denominator -------------------------------------------------------------------------------------


def assessed(count: Mapping[str, int]) -> int:
    """The approaches judged on the indicator: met or improvement point, not "niet getoetst"."""
    return count[MET] + count[IMPROVEMENT]


def share(part: int, whole: int) -> float | None:
    """`part` of `whole` in percent with one decimal; None when there is nothing to divide by."""
    return round(100 * part / whole, 1) if whole else None


def whole_percent(part: int, whole: int) -> int | None:
    """As the report prints it: a whole percent, halves rounded up (23 of 28: 82; 29 of 30: 97; 1 of 8: 13)."""
    return (200 * part + whole) // (2 * whole) if whole else None


def of_assessed(count: Mapping[str, int]) -> dict[str, float | None]:
    """Met and improvement as a share of the assessed approaches (one decimal; None when none was assessed)."""
    whole = assessed(count)
    return {MET: share(count[MET], whole), IMPROVEMENT: share(count[IMPROVEMENT], whole)}


# --- characteristics of the approaches (figures 3, 6 and 8) -----------------------------------------------------


@dataclass(frozen=True)
class Tally:
    """One characteristic over the approaches: per answer how many, of those with an answer recorded."""

    counts: dict[str, int]  # per answer value, in the order of the answers
    unknown: int  # approaches without a recorded answer: left out of the percentages, shown beside them

    @property
    def answered(self) -> int:
        return sum(self.counts.values())

    def share(self, answer: str) -> float | None:
        return share(self.counts[answer], self.answered)

    def whole_percent(self, answer: str) -> int | None:
        return whole_percent(self.counts[answer], self.answered)


def tally(values: Iterable[str], answers: Sequence[str]) -> Tally:
    """Count each approach's answer ("" or an unknown value: not recorded)."""
    counts = dict.fromkeys(answers, 0)
    unknown = 0
    for value in values:
        if value in counts:
            counts[value] += 1
        else:
            unknown += 1
    return Tally(counts, unknown)
