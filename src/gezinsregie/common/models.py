"""What the floor stores itself: the tokens of sent forms (common.idempotency)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SubmissionToken(models.Model):
    """A create form that was sent: its token, by whom, and where what it created can be seen.

    Holds no personal data itself: a token, a user and a URL within the application."""

    token = models.UUIDField(_("token"), unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    path = models.CharField(_("formulier"), max_length=300)
    result_url = models.CharField(_("resultaat"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("verstuurd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("verstuurd formulier")
        verbose_name_plural = _("verstuurde formulieren")

    def __str__(self) -> str:
        return f"{self.path} ({self.created_at:%Y-%m-%d %H:%M})"
