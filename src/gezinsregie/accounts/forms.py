from typing import Any
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib.auth.forms import PasswordChangeForm, PasswordResetForm, SetPasswordForm

TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        help_text="De zescijferige code uit uw authenticator-app, of een van uw herstelcodes.",
        max_length=20,
        strip=True,
        error_messages={"required": "Vul de code in."},
        widget=forms.TextInput(
            attrs={
                "class": TEXTBOX,
                "autocomplete": "one-time-code",
                "autocapitalize": "none",
                "spellcheck": "false",
            }
        ),
    )


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label="Naam van de sleutel",
        max_length=100,
        strip=True,
        error_messages={"required": "Geef de sleutel een naam, bijvoorbeeld de koppeling waarvoor hij is."},
        widget=forms.TextInput(attrs={"class": TEXTBOX}),
    )


class _Styled:
    """NL Design System classes on Django's own authentication forms."""

    fields: dict[str, forms.Field]

    def _style(self) -> None:
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", TEXTBOX)


class PasswordResetRequestForm(_Styled, PasswordResetForm):
    """Django's reset form, with the links in the e-mail to settings.SITE_URL, never to the request's Host header.

    Django's form already answers the same for an unknown address (it sends nothing and says nothing)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._style()

    def save(self, *args: Any, **kwargs: Any) -> None:
        site = urlsplit(settings.SITE_URL)
        kwargs |= {"domain_override": site.netloc, "use_https": site.scheme == "https"}
        super().save(*args, **kwargs)


class NewPasswordForm(_Styled, SetPasswordForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._style()


class ChangePasswordForm(_Styled, PasswordChangeForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._style()
