"""The aggregate report's charts as the 21-municipality report draws them (SVG contexts, no JavaScript).

- Per theme one bar per indicator over the approaches ASSESSED on it: voldoet and verbeterpunt side by side, in
  proportion of those approaches (figure 4: "Sluit aan bij behoefte gezin 82%", 23 of 28), and under each bar in
  words how many of how many, with the not-assessed approaches beside it.
- Per characteristic (figures 3, 6 and 8) the shared bar chart of common.charts: per answer the approaches, as a
  share of those with an answer recorded; how many have none is said beside it.
"""

import textwrap
from typing import Any

from django.utils.translation import gettext, ngettext

from gezinsregie.common.charts import bar_chart
from gezinsregie.common.counts import CountRow
from gezinsregie.inspections.models import JUDGEMENT_SYMBOLS, Judgement
from gezinsregie.reports.aggregate.characteristics import CharacteristicCount
from gezinsregie.reports.aggregate.rules import IMPROVEMENT, JUDGEMENTS, MET, NOT_ASSESSED, whole_percent
from gezinsregie.reports.aggregate.selectors import IndicatorCount, ThemeCounts

ROW_HEIGHT = 68  # px per indicator with a one-line label: a label line, a bar and a line in words
LABEL_LINE = 15  # px per further line of the label
# An SVG text does not wrap: a long label ran off the page in the PDF (issue 14 §2). The label is wrapped here into
# lines that fit the narrowest chart (a phone, an A4 page), in full: nothing is cut off.
LABEL_LINE_CHARS = 56
TEXT_IN_BAR_FROM = 9.0  # percent: narrower segments carry no text inside (the line under the bar and table do)
DRAWN = (MET, IMPROVEMENT)  # the parts of a bar; not assessed is left out of the denominator and said beside it

JUDGEMENT_LABELS = {j: Judgement(j).label for j in JUDGEMENTS}
JUDGEMENT_SIGNS = {j: JUDGEMENT_SYMBOLS[Judgement(j)] for j in JUDGEMENTS}


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


def label_lines(key: str, text: str, width: int = LABEL_LINE_CHARS) -> list[str]:
    """The key and the indicator's whole text in lines of at most `width` characters (the key on the first)."""
    lines = textwrap.wrap(f"{key} {text}", width=width, break_long_words=True, break_on_hyphens=False)
    return lines or [key]


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
    rows, y = [], 0
    for indicator in theme.indicators:
        lines = label_lines(indicator.key, indicator.text)
        extra = LABEL_LINE * (len(lines) - 1)  # the bar and the words move down under a longer label
        rows.append(
            {
                "key": indicator.key,
                "text": indicator.text,
                "first_line": lines[0].removeprefix(indicator.key).lstrip(),
                "more_lines": lines[1:],
                "y": y,
                "height": ROW_HEIGHT + extra,
                "bar_y": 22 + extra,
                "value_y": 38 + extra,
                "words_y": 60 + extra,
                "segments": _segments(indicator),
                "assessed": indicator.assessed,
                "not_assessed": indicator.not_assessed,
                "words": indicator_words(indicator),
            }
        )
        y += ROW_HEIGHT + extra
    title = ngettext(
        "%(theme)s: oordelen per indicator over %(n)s aanpak",
        "%(theme)s: oordelen per indicator over %(n)s aanpakken",
        approaches,
    ) % {"theme": theme.label, "n": approaches}
    return {
        "id": chart_id,
        "title": title,
        "height": y,
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
