"""Personal API tokens: how an integration signs in to the API now that it accepts no passwords (issue 12 §1).

The secret is shown once, when it is made (accounts.services.api_token_create); only its SHA-256 digest is stored.
A token is 32 random bytes, not a password a person chose: a fast digest is enough to make a stolen table useless,
and it lets a request find its token with one indexed lookup.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("gebruiker"), on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(
        _("naam"), max_length=100, help_text=_("Waarvoor de sleutel is, bijvoorbeeld de koppeling.")
    )
    prefix = models.CharField(_("begin van de sleutel"), max_length=16, editable=False)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangemaakt door"),
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
    )
    last_used_at = models.DateTimeField(_("laatst gebruikt"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("API-sleutel")
        verbose_name_plural = _("API-sleutels")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
