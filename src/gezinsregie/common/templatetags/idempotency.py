"""`{% submission_token %}`: the token of a create form (gezinsregie.common.idempotency)."""

from django import template
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import SafeString

from gezinsregie.common import idempotency

register = template.Library()


@register.simple_tag
def submission_token() -> SafeString:
    """A text field kept out of sight, filled by common/idempotency.js from `data-gr-token`.

    Not type="hidden" with the value in it: going Back, a browser fetches the form again (no-store) with a fresh
    value, and restores only the fields whose value was changed after the page loaded. A value set by the script
    counts as changed, so the first sending's token comes back with the rest of the form."""
    return format_html(
        '<input type="text" name="{}" value="" data-gr-token="{}" hidden aria-hidden="true" tabindex="-1" '
        'autocomplete="on"><script src="{}" defer></script>',
        idempotency.FIELD,
        idempotency.issue(),
        static("common/idempotency.js"),
    )
