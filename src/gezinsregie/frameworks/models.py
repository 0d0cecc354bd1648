"""The assessment framework (toetsingskader) and life-domain sets, both loaded from data files.

Framework → Level → Theme → Criterion → Indicator, keeping the published keys (B3.c.1, C2.a.4, ...).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Framework(models.Model):
    key = models.SlugField(_("sleutel"), max_length=60, unique=True)
    name = models.CharField(_("naam"), max_length=200)
    owner = models.CharField(_("eigenaar"), max_length=120, blank=True)
    ggsr_definition = models.TextField(_("definitie GGSR"), blank=True)
    ggsr_minimum_domains = models.PositiveSmallIntegerField(_("minimum aantal leefgebieden"), default=4)
    content_hash = models.CharField(max_length=64, editable=False)
    loaded_at = models.DateTimeField(_("geladen op"), auto_now=True)

    class Meta:
        verbose_name = _("toetsingskader")
        verbose_name_plural = _("toetsingskaders")
        ordering = ["key"]

    def __str__(self) -> str:
        return self.name


class Level(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="levels")
    key = models.SlugField(_("sleutel"), max_length=20)  # "policy" | "case"
    name = models.CharField(_("naam"), max_length=80)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("niveau")
        verbose_name_plural = _("niveaus")
        ordering = ["framework", "order"]
        constraints = [models.UniqueConstraint(fields=["framework", "key"], name="unique_level_key")]

    def __str__(self) -> str:
        return self.name


class Theme(models.Model):
    level = models.ForeignKey(Level, on_delete=models.CASCADE, related_name="themes")
    key = models.CharField(_("sleutel"), max_length=10)
    slug = models.SlugField(max_length=40)
    name = models.CharField(_("naam"), max_length=120)
    description = models.TextField(_("omschrijving"), blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        ordering = ["level", "order"]
        constraints = [models.UniqueConstraint(fields=["level", "key"], name="unique_theme_key")]

    def __str__(self) -> str:
        return f"{self.key} {self.name}"


class Criterion(models.Model):
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="criteria")
    key = models.CharField(_("sleutel"), max_length=12)
    name = models.CharField(_("naam"), max_length=200)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("criterium")
        verbose_name_plural = _("criteria")
        ordering = ["theme", "order"]
        constraints = [models.UniqueConstraint(fields=["theme", "key"], name="unique_criterion_key")]

    def __str__(self) -> str:
        return f"{self.key} {self.name}"


class Indicator(models.Model):
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="indicators")
    key = models.CharField(_("sleutel"), max_length=16)
    text = models.TextField(_("tekst"))
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicatoren")
        ordering = ["criterion", "order"]
        constraints = [models.UniqueConstraint(fields=["criterion", "key"], name="unique_indicator_key")]

    def __str__(self) -> str:
        return f"{self.key} {self.text}"


class LifeDomainSet(models.Model):
    """A set of life domains (leefgebieden) with a self-sufficiency scale; an approach chooses one."""

    key = models.SlugField(_("sleutel"), max_length=40, unique=True)
    name = models.CharField(_("naam"), max_length=120)
    source = models.CharField(_("bron"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("set leefgebieden")
        verbose_name_plural = _("sets leefgebieden")
        ordering = ["key"]

    def __str__(self) -> str:
        return self.name


class LifeDomain(models.Model):
    domain_set = models.ForeignKey(LifeDomainSet, on_delete=models.CASCADE, related_name="domains")
    key = models.SlugField(_("sleutel"), max_length=40)
    name = models.CharField(_("naam"), max_length=120)
    order = models.PositiveSmallIntegerField(default=0)
    # toetsingskader C1.a.1 counts the seven life domains of the STJ definition (gezin, wonen, werk, inkomen,
    # gezondheid, onderwijs, veiligheid), not an approach's own 8 or 13: each domain names the STJ one it falls
    # under; several may fall under one (geestelijke and lichamelijke gezondheid), some under none.
    stj_domain = models.SlugField(
        _("leefgebied volgens de STJ-definitie"),
        max_length=40,
        blank=True,
        help_text=_("Het leefgebied uit de definitie GGSR waaronder dit leefgebied valt; leeg: geen."),
    )

    class Meta:
        verbose_name = _("leefgebied")
        verbose_name_plural = _("leefgebieden")
        ordering = ["domain_set", "order"]
        constraints = [models.UniqueConstraint(fields=["domain_set", "key"], name="unique_domain_key")]

    def __str__(self) -> str:
        return self.name


class ScaleLevel(models.Model):
    """One step of a set's self-sufficiency scale, e.g. ZRM 1 = acute problematiek … 5 = volledig."""

    domain_set = models.ForeignKey(LifeDomainSet, on_delete=models.CASCADE, related_name="scale")
    value = models.PositiveSmallIntegerField(_("waarde"))
    label = models.CharField(_("omschrijving"), max_length=80)

    class Meta:
        verbose_name = _("schaalwaarde")
        verbose_name_plural = _("schaalwaarden")
        ordering = ["domain_set", "value"]
        constraints = [models.UniqueConstraint(fields=["domain_set", "value"], name="unique_scale_value")]

    def __str__(self) -> str:
        return f"{self.value} {self.label}"
