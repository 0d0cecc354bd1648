"""The contact journal: every contact with the family, also the failed ones (toetsingskader C3.b.1, outreach)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gezinsregie.casework.models.family import Family, Member
from gezinsregie.common.formatting import long_date


class ContactKind(models.TextChoices):
    HOME_VISIT = "home_visit", _("huisbezoek")
    PHONE = "phone", _("telefonisch")
    OFFICE = "office", _("op kantoor")
    ELSEWHERE = "elsewhere", _("elders (school, buurthuis, ...)")
    NO_ANSWER = "no_answer", _("niet thuis / geen gehoor")


class Contact(models.Model):
    """A contactmoment: who had contact with the family, how and when, and a short note."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="contacts")
    kind = models.CharField(_("soort contact"), max_length=15, choices=ContactKind.choices)
    happened_on = models.DateField(_("datum"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("door"), on_delete=models.PROTECT)
    members = models.ManyToManyField(Member, verbose_name=_("met"), blank=True)
    note = models.TextField(_("korte notitie"), blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("contactmoment")
        verbose_name_plural = _("contactmomenten")
        ordering = ["-happened_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.family} ({long_date(self.happened_on)})"

    @property
    def reached(self) -> bool:
        return self.kind != ContactKind.NO_ANSWER
