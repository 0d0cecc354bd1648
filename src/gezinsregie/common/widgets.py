"""Form widgets with NL Design System markup, shared by every app."""

from django import forms


class RadioSelect(forms.RadioSelect):
    """Django puts the input's class on the wrapper too, which draws one big broken radio: this template doesn't."""

    template_name = "common/widgets/choices.html"


class CheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    template_name = "common/widgets/choices.html"


def radios() -> RadioSelect:
    return RadioSelect(attrs={"class": "utrecht-radio-button utrecht-radio-button--html-input"})


def checkboxes() -> CheckboxSelectMultiple:
    return CheckboxSelectMultiple(attrs={"class": "utrecht-checkbox utrecht-checkbox--html-input"})
