"""The characteristics of the approaches that count in the aggregate report, as the 21-municipality report charts
them: figure 3 (how the coordinator works), figure 6 (the family plan leads the professionals) and figure 8
(problems with the availability of care). Read from each counted inspection's typering (reports.models
.ApproachProfile); counted by aggregate.rules.tally: per answer of the approaches with an answer recorded, the
others beside it. Numbers only.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from gezinsregie.inspections.models import Inspection
from gezinsregie.reports.aggregate.rules import tally
from gezinsregie.reports.models import CHARACTERISTICS, ApproachProfile, question

CHUNK = 1000  # inspections per query


@dataclass(frozen=True)
class AnswerCount:
    value: str
    label: str
    count: int
    share: float | None  # of the approaches with an answer, one decimal
    whole_percent: int | None  # as the report prints it


@dataclass(frozen=True)
class CharacteristicCount:
    key: str  # the ApproachProfile field
    question: str
    figure: int  # of the 21-municipality report
    answers: tuple[AnswerCount, ...]
    answered: int
    unknown: int  # approaches without a recorded answer

    def as_dict(self) -> dict[str, object]:
        return {
            "answered": self.answered,
            "unknown": self.unknown,
            "counts": {a.value: a.count for a in self.answers},
            "percent": {a.value: a.share for a in self.answers},
        }


def characteristics_of(inspections: Sequence[Inspection]) -> tuple[CharacteristicCount, ...]:
    """Per characteristic the answers of the given inspections; one query per CHUNK inspections."""
    names = [name for name, _, _ in CHARACTERISTICS]
    answers: dict[int, tuple[str, ...]] = {}
    ids = [inspection.pk for inspection in inspections]
    for start in range(0, len(ids), CHUNK):
        rows = ApproachProfile.objects.filter(inspection_id__in=ids[start : start + CHUNK]).values_list(
            "inspection_id", *names
        )
        answers.update({row[0]: tuple(row[1:]) for row in rows})
    found = []
    for index, (name, choices, figure) in enumerate(CHARACTERISTICS):
        counted = tally((answers.get(pk, ("",) * len(names))[index] for pk in ids), choices.values)
        found.append(
            CharacteristicCount(
                key=name,
                question=question(name),
                figure=figure,
                answers=tuple(
                    AnswerCount(
                        value, str(label), counted.counts[value], counted.share(value), counted.whole_percent(value)
                    )
                    for value, label in choices.choices
                ),
                answered=counted.answered,
                unknown=counted.unknown,
            )
        )
    return tuple(found)
