"""`{% submission_token %}`: the hidden token of a create form (gezinsregie.common.idempotency)."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from gezinsregie.common import idempotency

register = template.Library()


@register.simple_tag
def submission_token() -> SafeString:
    return format_html('<input type="hidden" name="{}" value="{}">', idempotency.FIELD, idempotency.issue())
