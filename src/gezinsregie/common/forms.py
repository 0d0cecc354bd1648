"""Form helpers shared by the apps' views."""

from django.core.exceptions import ValidationError
from django.forms import Form


def apply_errors(form: Form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form, keeping everything the user typed.

    Errors for a field the form doesn't have go to the top of the form, so none is lost.
    """
    if hasattr(error, "error_dict"):
        for field, field_errors in error.error_dict.items():
            target = field if field in form.fields else None
            for e in field_errors:
                form.add_error(target, e.messages[0] if hasattr(e, "messages") else str(e))
    else:
        for message in error.messages:
            form.add_error(None, message)
