"""Turning counts into the context the bar-chart template draws."""

from collections.abc import Sequence
from typing import Any

from gezinsregie.casework.selectors import CountRow


def bar_chart(*, chart_id: str, title: str, rows: Sequence[CountRow], unit: str = "") -> dict[str, Any]:
    largest = max((row.value for row in rows), default=0)
    return {
        "id": chart_id,
        "title": title,
        "unit": unit,
        "rows": [
            {
                "label": row.label,
                "value": row.value,
                "percent": round(100 * row.value / largest, 1) if largest else 0,
            }
            for row in rows
        ],
    }
