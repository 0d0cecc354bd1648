"""Turning numbers into the context the chart templates draw (SVG, no JavaScript)."""

from collections.abc import Sequence
from typing import Any

from gezinsregie.common.counts import CountRow


def bar_chart(
    *, chart_id: str, title: str, rows: Sequence[CountRow], unit: str = "", total: int | None = None
) -> dict[str, Any]:
    """Bars in proportion to the largest row; with `total`, each bar is its share of that total (a distribution,
    e.g. answers of 30 approaches) and the chart says the percentage beside the number."""
    largest = total if total is not None else max((row.value for row in rows), default=0)
    return {
        "id": chart_id,
        "title": title,
        "unit": unit,
        "total": total,
        "rows": [
            {
                "label": row.label,
                "value": row.value,
                "text": row.text,
                "percent": round(100 * row.value / largest, 1) if largest else 0,
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
