"""Form helpers shared by the apps' views."""

from collections.abc import Callable, Mapping
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.forms import BaseForm


def apply_errors(form: BaseForm, error: ValidationError, field_map: Mapping[str, str] | None = None) -> None:
    """Show a service's ValidationError on the form, keeping everything the user typed.

    A service names its errors by model field; `field_map` says which form field shows a model field's error
    when the names differ (e.g. owner_user → owner). Errors for a field the form doesn't have go to the top of
    the form, so none is lost.
    """
    if not hasattr(error, "error_dict"):
        for message in error.messages:
            form.add_error(None, message)
        return
    names = field_map or {}
    for key, messages in error.message_dict.items():
        target = names.get(key, key)
        form.add_error(target if target in form.fields and key != NON_FIELD_ERRORS else None, messages)


def submit(
    form: BaseForm, write: Callable[[dict[str, Any]], object], field_map: Mapping[str, str] | None = None
) -> bool:
    """Validate `form` and hand its data to the service call `write`; True when it was written.

    A service's ValidationError lands on the form (apply_errors), so the page shows it with everything typed.
    """
    if not form.is_valid():
        return False
    try:
        write(form.cleaned_data)
    except ValidationError as error:
        apply_errors(form, error, field_map)
        return False
    return True


# What Django shows as the empty choice of a select; a Dutch user reads it as a broken field (issue 14 §3).
DJANGO_EMPTY_LABEL = "---------"
EMPTY_LABEL = "Kies …"


class Form(forms.Form):
    """The base of every form: no "---------" as the empty choice of a select, but "Kies …" (or the field's own
    meaningful empty label, e.g. "Het hele gezin", which is kept)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            without_dashes(field)


def without_dashes(field: forms.Field) -> None:
    """Replace Django's "---------" empty choice of one field by "Kies …"."""
    if isinstance(field, forms.ModelChoiceField):
        if field.empty_label == DJANGO_EMPTY_LABEL:
            field.empty_label = EMPTY_LABEL
    elif isinstance(field, forms.ChoiceField):
        choices: list[Any] = list(field.choices)  # type: ignore[arg-type]  # a list here, never a callable
        if any(label == DJANGO_EMPTY_LABEL for _value, label in choices):
            field.choices = [(v, EMPTY_LABEL if label == DJANGO_EMPTY_LABEL else label) for v, label in choices]
