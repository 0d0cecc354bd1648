from typing import Any

from django import template

from gezinsregie.plans import rules

register = template.Library()


@register.filter
def shown(item: Any, key: str) -> str:
    """A value from a plan snapshot as people read it: {{ row.new|shown:"due_on" }} → 3-2-2025."""
    return rules.shown(item, key)
