"""The family's social network (sociaal netwerk): who is around it, supportive or straining, and their role."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gezinsregie.casework.models.family import Family, Member


class NetworkTie(models.TextChoices):
    FAMILY = "family", _("familie")
    FRIEND = "friend", _("vriend of vriendin")
    NEIGHBOUR = "neighbour", _("buren")
    SCHOOL = "school", _("school of leerkracht")
    FAITH = "faith", _("kerk, moskee of geloofsgemeenschap")
    CLUB = "club", _("sportclub of vereniging")
    WORK = "work", _("werk")
    OTHER = "other", _("anders")


class NetworkInfluence(models.TextChoices):
    SUPPORTIVE = "supportive", _("steunend")
    MIXED = "mixed", _("wisselend")
    STRAINING = "straining", _("belastend")


class NetworkPerson(models.Model):
    """One person around the family. Contact details only where the consent covers them (toetsingskader C2.c.1,
    C2.c.2: the network is mapped and it is known who can play a role)."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="network")
    name = models.CharField(_("naam"), max_length=160)
    tie = models.CharField(_("soort relatie"), max_length=12, choices=NetworkTie.choices)
    relation = models.CharField(
        _("relatie"), max_length=160, blank=True, help_text=_("Bijvoorbeeld: oma van moederskant, buurvrouw.")
    )
    members = models.ManyToManyField(
        Member,
        verbose_name=_("relatie met gezinsleden"),
        blank=True,
        related_name="network",
        help_text=_("Leeg laten als de persoon bij het hele gezin hoort."),
    )
    influence = models.CharField(_("invloed"), max_length=12, choices=NetworkInfluence.choices)
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    role_in_plan = models.BooleanField(_("heeft een rol in het plan"), default=False)
    eyes_and_ears = models.BooleanField(_("ogen en oren na afsluiting"), default=False)
    note = models.TextField(_("toelichting"), blank=True)
    recorded_on = models.DateField(_("vastgelegd op"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("persoon uit het netwerk")
        verbose_name_plural = _("sociaal netwerk")
        ordering = ["family", "name", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def has_contact_details(self) -> bool:
        return bool(self.phone or self.email)
