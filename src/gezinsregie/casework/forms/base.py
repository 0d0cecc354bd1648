"""The widgets every casework form uses, with NL Design System classes, and the common base form."""

from django import forms

from gezinsregie.common import widgets
from gezinsregie.common.forms import Form

DATE = forms.DateInput(attrs={"type": "date", "class": "utrecht-textbox"}, format="%Y-%m-%d")
TEXT = forms.TextInput(attrs={"class": "utrecht-textbox"})
AREA = forms.Textarea(attrs={"class": "utrecht-textarea", "rows": 4})
SELECT = forms.Select(attrs={"class": "utrecht-select"})
CHECKS = widgets.checkboxes()
RADIOS = widgets.radios()

__all__ = ["AREA", "CHECKS", "DATE", "RADIOS", "SELECT", "TEXT", "Form"]
