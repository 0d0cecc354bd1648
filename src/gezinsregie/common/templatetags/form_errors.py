"""The error summary at the top of a form (NL Design System): every error at once, each a link to its field.

Issue 14 §3: all validation errors are shown together, above the form, with links (anchors to the field ids);
the error itself stays beside its field; the summary takes the focus when the page opens (common/forms.js).
"""

from dataclasses import dataclass
from typing import Any

from django import template
from django.forms import BaseForm, BaseFormSet

register = template.Library()
INCOMPLETE = "Dit formulier is onvolledig verstuurd. Open het formulier opnieuw en vul het nog eens in."


@dataclass(frozen=True)
class Entry:
    text: str
    anchor: str  # the id of the field to jump to; "" for an error of the form as a whole


def form_entries(form: BaseForm, *, name: str = "") -> list[Entry]:
    """The errors of one form in the order of its fields; `name` says which of several (e.g. "Gezinslid 2")."""
    lead = f"{name}: " if name else ""
    entries = [Entry(f"{lead}{error}", "") for error in form.non_field_errors()]
    if any(field.errors for field in form.hidden_fields()):  # a token or a version the user never typed
        entries.append(Entry(f"{lead}{INCOMPLETE}", ""))
    for field in form.visible_fields():
        anchor = field.id_for_label or field.auto_id or ""
        entries += [Entry(f"{lead}{field.label}: {error}", str(anchor)) for error in field.errors]
    return entries


def summary_entries(*items: Any, formset_label: str = "") -> list[Entry]:
    """Entries for forms and formsets, in the order given; a formset's forms are named "<label> <n>"."""
    entries: list[Entry] = []
    for item in items:
        if isinstance(item, BaseFormSet):
            entries += [Entry(str(error), "") for error in item.non_form_errors()]
            for number, form in enumerate(item.forms, start=1):
                entries += form_entries(form, name=f"{formset_label} {number}".strip())
        elif isinstance(item, BaseForm) and item.is_bound:
            entries += form_entries(item)
    return entries


@register.inclusion_tag("common/_error_summary.html")
def error_summary(*items: Any, formset_label: str = "", title: str = "") -> dict[str, Any]:
    """{% error_summary form %} or {% error_summary form members formset_label="Gezinslid" %}."""
    entries = summary_entries(*items, formset_label=formset_label)
    prefix = next((item.prefix for item in items if getattr(item, "prefix", None)), "")
    # one id per summary, should a page show two forms with errors
    heading_id = f"foutoverzicht-{prefix}" if prefix else "foutoverzicht"
    return {"entries": entries, "count": len(entries), "title": title, "heading_id": heading_id}
