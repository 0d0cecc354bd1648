"""Turning numbers into the context the chart templates draw (SVG, no JavaScript)."""

from collections.abc import Sequence
from typing import Any

from gezinsregie.common.counts import CountRow, disclosed_share


def _share(row: CountRow, whole: int, threshold: int | None) -> float | None:
    """The row's share of the whole, in percent; None where it cannot be said (nothing in the whole, or a count
    hidden by the small-number protection: "minder dan 5" is no 0%)."""
    if whole <= 0:
        return None
    if threshold is None:
        return round(100 * row.value / whole, 1)
    if row.shown and not row.shown.isdigit():
        return None
    return disclosed_share(row.value, whole, threshold=threshold)


def bar_chart(
    *,
    chart_id: str,
    title: str,
    rows: Sequence[CountRow],
    unit: str = "",
    total: int | None = None,
    threshold: int | None = None,
) -> dict[str, Any]:
    """Bars in proportion to the largest row, each with its share of the total beside the number.

    Two numbers per row, on purpose: `percent` is the bar's width (of the largest row, so that the longest bar
    fills the width; with `total`, of that total), `share` is what the chart *says*: the row's part of the whole,
    the total given or else the sum of the rows, so that the shares add up to 100 (issue 14 §6: "30%" of the
    families, not "60% of the largest bar"). With `threshold` the rows are protected counts
    (common.counts.disclosed_rows) and the share is computed from them as disclosed_share does."""
    largest = total if total is not None else max((row.value for row in rows), default=0)
    whole = total if total is not None else sum(row.value for row in rows)
    return {
        "id": chart_id,
        "title": title,
        "unit": unit,
        "total": total,
        "whole": whole,
        "rows": [
            {
                "label": row.label,
                "value": row.value,
                "text": row.text,
                "percent": round(100 * row.value / largest, 1) if largest else 0,
                "share": _share(row, whole, threshold),
            }
            for row in rows
        ],
    }


LINE_WIDTH, LINE_HEIGHT, LEFT, BOTTOM, TOP = 640, 220, 40, 30, 10


def percentage_line_chart(*, chart_id: str, title: str, points: Sequence[tuple[str, float | None]]) -> dict[str, Any]:
    """A line of percentages (0–100) over labelled points; points without a value leave a gap."""
    plot_width, plot_height = LINE_WIDTH - LEFT - 10, LINE_HEIGHT - BOTTOM - TOP
    step = plot_width / max(len(points) - 1, 1)
    placed = []
    for index, (label, value) in enumerate(points):
        x = round(LEFT + index * step, 1)
        y = None if value is None else round(TOP + plot_height * (1 - value / 100), 1)
        placed.append({"label": label, "value": value, "x": x, "y": y})
    segments: list[list[dict[str, Any]]] = [[]]
    for point in placed:
        if point["y"] is None:
            segments.append([])
        else:
            segments[-1].append(point)
    polylines = [" ".join(f"{p['x']},{p['y']}" for p in seg) for seg in segments if len(seg) > 1]
    gridlines = [{"value": v, "y": round(TOP + plot_height * (1 - v / 100), 1)} for v in (0, 25, 50, 75, 100)]
    return {
        "id": chart_id,
        "title": title,
        "width": LINE_WIDTH,
        "height": LINE_HEIGHT,
        "left": LEFT,
        "right": LINE_WIDTH - 10,
        "label_y": LINE_HEIGHT - 8,
        "points": placed,
        "polylines": polylines,
        "gridlines": gridlines,
    }
