"""The aggregate report's charts as the 21-municipality report draws them (SVG contexts, no JavaScript).

- Per theme one bar per indicator over the approaches ASSESSED on it: voldoet and verbeterpunt side by side, in
  proportion of those approaches (figure 4: "Sluit aan bij behoefte gezin 82%", 23 of 28), and under each bar in
  words how many of how many, with the not-assessed approaches beside it.
- Per characteristic (figures 3, 6 and 8) the shared bar chart of common.charts: per answer the approaches, as a
  share of those with an answer recorded; how many have none is said beside it.
"""

from typing import Any

from django.utils.translation import gettext, ngettext

from gezinsregie.common.charts import bar_chart
from gezinsregie.common.counts import CountRow
from gezinsregie.inspections.models import JUDGEMENT_SYMBOLS, Judgement
from gezinsregie.reports.aggregate.characteristics import CharacteristicCount
from gezinsregie.reports.aggregate.rules import IMPROVEMENT, JUDGEMENTS, MET, NOT_ASSESSED, whole_percent
from gezinsregie.reports.aggregate.selectors import IndicatorCount, ThemeCounts

ROW_HEIGHT = 68  # px per indicator: a label line, a bar and a line in words
LABEL_LENGTH = 90  # characters of an indicator's text in the chart; the table has all of it
TEXT_IN_BAR_FROM = 9.0  # percent: narrower segments carry no text inside (the line under the bar and table do)
DRAWN = (MET, IMPROVEMENT)  # the parts of a bar; not assessed is left out of the denominator and said beside it

JUDGEMENT_LABELS = {j: Judgement(j).label for j in JUDGEMENTS}
JUDGEMENT_SIGNS = {j: JUDGEMENT_SYMBOLS[Judgement(j)] for j in JUDGEMENTS}


def shorten(text: str, length: int = LABEL_LENGTH) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def of_phrase(part: int, whole: int) -> str:
    """ "23 van 28 aanpakken (82%)", as the report writes it."""
    return ngettext(
        "%(part)s van %(whole)s aanpak (%(percent)s%%)", "%(part)s van %(whole)s aanpakken (%(percent)s%%)", whole
    ) % {"part": part, "whole": whole, "percent": whole_percent(part, whole)}


def indicator_words(indicator: IndicatorCount) -> str:
    """The line under a bar: "voldoet bij 23 van 28 aanpakken (82%); 2 niet getoetst"."""
    if not indicator.assessed:
        if not indicator.not_assessed:
            return gettext("geen aanpakken")
        return ngettext(
            "niet getoetst bij de enige aanpak", "niet getoetst bij alle %(n)s aanpakken", indicator.not_assessed
        ) % {"n": indicator.not_assessed}
    words = gettext("voldoet bij %(of)s") % {"of": of_phrase(indicator.counts[MET], indicator.assessed)}
    if indicator.not_assessed:
        words += "; " + ngettext("%(n)s niet getoetst", "%(n)s niet getoetst", indicator.not_assessed) % {
            "n": indicator.not_assessed
        }
    return words


def _segments(indicator: IndicatorCount) -> list[dict[str, Any]]:
    x, segments = 0.0, []
    for judgement in DRAWN:
        count = indicator.counts[judgement]
        width = round(100 * count / indicator.assessed, 2) if indicator.assessed else 0.0
        segments.append(
            {
                "judgement": judgement,
                "label": JUDGEMENT_LABELS[judgement],
                "sign": JUDGEMENT_SIGNS[judgement],
                "count": count,
                "share": whole_percent(count, indicator.assessed),
                "x": round(x, 2),
                "width": width,
                "middle": round(x + width / 2, 2),
                "text_inside": width >= TEXT_IN_BAR_FROM,
            }
        )
        x += width
    return segments


def stacked_chart(*, chart_id: str, theme: ThemeCounts, approaches: int) -> dict[str, Any]:
    """Per indicator one bar of 100% of the assessed approaches: met, improvement (the report's figures)."""
    rows = []
    for index, indicator in enumerate(theme.indicators):
        rows.append(
            {
                "key": indicator.key,
                "text": shorten(indicator.text),
                "y": index * ROW_HEIGHT,
                "segments": _segments(indicator),
                "assessed": indicator.assessed,
                "not_assessed": indicator.not_assessed,
                "words": indicator_words(indicator),
            }
        )
    title = gettext("%(theme)s: oordelen per indicator over %(n)s aanpakken") % {"theme": theme.label, "n": approaches}
    return {
        "id": chart_id,
        "title": title,
        "height": len(rows) * ROW_HEIGHT,
        "rows": rows,
        "legend": [{"judgement": j, "label": JUDGEMENT_LABELS[j], "sign": JUDGEMENT_SIGNS[j]} for j in DRAWN],
        "not_assessed": {"label": JUDGEMENT_LABELS[NOT_ASSESSED], "sign": JUDGEMENT_SIGNS[NOT_ASSESSED]},
    }


def characteristic_chart(*, chart_id: str, characteristic: CharacteristicCount) -> dict[str, Any]:
    """A bar per answer, each its share of the approaches with an answer (figures 3, 6 and 8)."""
    chart = bar_chart(
        chart_id=chart_id,
        title=gettext("Figuur %(figure)s: %(question)s")
        % {"figure": characteristic.figure, "question": characteristic.question},
        rows=[CountRow(str(answer.label).capitalize(), answer.count) for answer in characteristic.answers],
        unit=gettext("aanpakken"),
        total=characteristic.answered,
    )
    chart["answered"] = characteristic.answered
    chart["unknown"] = characteristic.unknown
    return chart
