"""Form helpers shared by the apps' views."""

from collections.abc import Callable, Mapping
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.forms import Form


def apply_errors(form: Form, error: ValidationError, field_map: Mapping[str, str] | None = None) -> None:
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


def submit(form: Form, write: Callable[[dict[str, Any]], object], field_map: Mapping[str, str] | None = None) -> bool:
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
