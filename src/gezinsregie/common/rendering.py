"""The project's form renderer: Django's TemplatesSetting (our widget templates override Django's), with a bound
field that points aria-describedby at the hint and the error as our templates write them.

Django 5.2 ties a field to `<id>_helptext` and `<id>_error`; common/_form_fields.html (and the pages that follow it)
write the hint as `<id>-hint` and the error as `<id>-fout`, the ids the error summary and the tests rely on. Without
this, a screen reader announced neither the hint nor the error of a text field (issue 14 §3, WCAG 3.3.1)."""

from django.forms import BoundField
from django.forms.renderers import TemplatesSetting


class DescribedBoundField(BoundField):
    @property
    def aria_describedby(self) -> str | None:
        if self.field.widget.attrs.get("aria-describedby"):
            return None  # a form that set its own (plans.forms.PlanForm) keeps it
        if not self.auto_id or self.is_hidden:
            return ""
        described = [f"{self.auto_id}-hint"] if self.help_text else []
        if self.errors:
            described.append(f"{self.auto_id}-fout")
        return " ".join(described)


class FormRenderer(TemplatesSetting):
    bound_field_class = DescribedBoundField
