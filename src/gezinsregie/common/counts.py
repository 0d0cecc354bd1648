"""A labelled count: one bar of a chart, one row of a table of numbers. Never a person."""

from dataclasses import dataclass


@dataclass(frozen=True)
class CountRow:
    label: str
    value: int
