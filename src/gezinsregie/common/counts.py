"""A labelled count: one bar of a chart, one row of a table of numbers. Never a person.

Counts shown to someone who may not see the families behind them (a policy officer, an inspector; issue 12 §5)
are disclosed with statistical protection, as CBS publishes small areas:

- a count from 1 to the threshold (default 5) is not shown: "minder dan 5" (0 is shown: nobody is in it);
- every other count is rounded to a multiple of five, totals separately — so a difference between two views, or
  between a total and the sum of its shown rows, moves in steps of five and cannot be read as one family;
- a share is computed from the rounded counts, and only over a rounded total of at least the threshold.

Who may see the families themselves (a process manager for the approach he runs) gets the exact numbers.
"""

from dataclasses import dataclass, replace

BASE = 5


@dataclass(frozen=True)
class CountRow:
    label: str
    value: int
    shown: str = ""  # the count in words where it is not the plain number ("minder dan 5")

    @property
    def text(self) -> str:
        return self.shown or str(self.value)


def rounded(value: int) -> int:
    """To the nearest multiple of five, halves up: 12 → 10, 13 → 15."""
    return (value + BASE // 2) // BASE * BASE


def disclosed(value: int, *, threshold: int) -> tuple[int, str]:
    """The count as a protected view shows it: (value for a bar, words)."""
    if value <= 0:
        return 0, "0"
    if value < threshold:
        return 0, f"minder dan {threshold}"
    shown = max(rounded(value), BASE)
    return shown, str(shown)


def disclosed_rows(rows: list[CountRow], *, threshold: int) -> list[CountRow]:
    protected = []
    for row in rows:
        value, words = disclosed(row.value, threshold=threshold)
        protected.append(replace(row, value=value, shown=words))
    return protected


def disclosed_share(part: int, whole: int, *, threshold: int) -> float | None:
    """A percentage from the rounded counts; None where the rounded whole is under the threshold."""
    if whole < threshold:
        return None
    rounded_whole = max(rounded(whole), BASE)
    rounded_part = 0 if part < threshold else max(rounded(part), BASE)
    return round(100 * min(rounded_part, rounded_whole) / rounded_whole, 1)


def count_words(value: int, *, threshold: int) -> str:
    """The count in the words of a protected view: '0', 'minder dan 5', '15'."""
    return disclosed(value, threshold=threshold)[1]


def protected_percent(part: int, whole: int, *, threshold: int) -> int | None:
    """A whole percentage from the rounded counts, as `disclosed_share`; None where there are too few."""
    share = disclosed_share(part, whole, threshold=threshold)
    return None if share is None else round(share)


def share_words(part: int, whole: int, *, threshold: int, noun: str = "gezinnen") -> str:
    """'15 van de 25 gezinnen (60%, afgerond)' from the rounded counts, or why no share is given."""
    share = protected_percent(part, whole, threshold=threshold)
    if share is None:
        return f"te weinig {noun} voor een percentage ({count_words(whole, threshold=threshold)})"
    part_words, whole_words = count_words(part, threshold=threshold), count_words(whole, threshold=threshold)
    return f"{part_words} van de {whole_words} {noun} ({share}%, afgerond)"
