"""Loading frameworks and life-domain sets from their data files. Idempotent and versioned:

- loading the same file twice changes nothing;
- a framework with another key (a later version) is loaded beside the existing one;
- a file whose content changed under an existing key is refused unless `replace=True`, because
  judgements refer to its indicators (published keys must stay stable).
"""

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from django.core.exceptions import ValidationError
from django.db import transaction

from gezinsregie.frameworks.models import (
    Criterion,
    Framework,
    Indicator,
    Level,
    LifeDomain,
    LifeDomainSet,
    ScaleLevel,
    Theme,
)
from gezinsregie.organisations.models import PartnerType

DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_FRAMEWORK_FILES = [DATA_DIR / "stj-ggsr-2013.yaml"]
DEFAULT_DOMAIN_SET_FILE = DATA_DIR / "life-domain-sets.yaml"


@dataclass(frozen=True)
class LoadResult:
    framework: Framework
    created: bool
    changed: bool
    indicator_count: int


def _read_yaml(path: Path) -> tuple[dict[str, Any], str]:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ValidationError(f"Bestand {path} kan niet worden gelezen: {error.strerror}.") from error
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as error:
        raise ValidationError(f"Bestand {path} is geen geldige YAML: {error}") from error
    if not isinstance(data, dict):
        raise ValidationError(f"Bestand {path} bevat geen toetsingskader.")
    return data, hashlib.sha256(raw).hexdigest()


def _require(mapping: dict[str, Any], key: str, where: str) -> Any:
    if not isinstance(mapping, dict):
        raise ValidationError(f"{where}: verwacht velden ('sleutel: waarde'), maar vond {mapping!r}.")
    if key not in mapping:
        raise ValidationError(f"{where}: het veld '{key}' ontbreekt.")
    return mapping[key]


@transaction.atomic
def framework_load(*, path: Path, replace: bool = False) -> LoadResult:
    data, content_hash = _read_yaml(path)
    meta = _require(data, "framework", str(path))
    key = _require(meta, "key", "framework")
    existing = Framework.objects.filter(key=key).first()
    if existing is not None and existing.content_hash == content_hash:
        count = Indicator.objects.filter(criterion__theme__level__framework=existing).count()
        return LoadResult(existing, created=False, changed=False, indicator_count=count)
    if existing is not None and not replace:
        raise ValidationError(
            f"Toetsingskader '{key}' is al geladen met andere inhoud. Geef een nieuwe sleutel voor een "
            "nieuwe versie, of gebruik --replace om de bestaande bij te werken."
        )
    framework, created = Framework.objects.update_or_create(
        key=key,
        defaults={
            "name": _require(meta, "name", "framework"),
            "owner": meta.get("owner", ""),
            "ggsr_definition": meta.get("ggsr_definition", ""),
            "ggsr_minimum_domains": meta.get("ggsr_minimum_domains", 4),
            "content_hash": content_hash,
        },
    )
    for name in meta.get("partner_types", []):
        PartnerType.objects.get_or_create(name=name)
    count = 0
    for level_order, level_data in enumerate(_require(data, "levels", str(path))):
        level, _ = Level.objects.update_or_create(
            framework=framework,
            key=_require(level_data, "key", "level"),
            defaults={"name": level_data.get("name", level_data["key"]), "order": level_order},
        )
        for theme_order, theme_data in enumerate(_require(level_data, "themes", level.key)):
            theme, _ = Theme.objects.update_or_create(
                level=level,
                key=_require(theme_data, "key", level.key),
                defaults={
                    "slug": theme_data.get("slug", theme_data["key"].lower()),
                    "name": _require(theme_data, "name", theme_data["key"]),
                    "description": theme_data.get("description", ""),
                    "order": theme_order,
                },
            )
            for criterion_order, criterion_data in enumerate(_require(theme_data, "criteria", theme.key)):
                criterion, _ = Criterion.objects.update_or_create(
                    theme=theme,
                    key=_require(criterion_data, "key", theme.key),
                    defaults={
                        "name": _require(criterion_data, "name", criterion_data["key"]),
                        "order": criterion_order,
                    },
                )
                for indicator_order, indicator_data in enumerate(_require(criterion_data, "indicators", criterion.key)):
                    Indicator.objects.update_or_create(
                        criterion=criterion,
                        key=_require(indicator_data, "key", criterion.key),
                        defaults={
                            "text": _require(indicator_data, "text", indicator_data["key"]),
                            "order": indicator_order,
                        },
                    )
                    count += 1
    return LoadResult(framework, created=created, changed=True, indicator_count=count)


STJ_FRAMEWORK = "stj-ggsr-2013"  # whose seven life domains toetsingskader C1.a.1 counts


@transaction.atomic
def life_domain_sets_load(*, path: Path = DEFAULT_DOMAIN_SET_FILE) -> list[LifeDomainSet]:
    data, _ = _read_yaml(path)
    loaded = []
    for set_data in _require(data, "life_domain_sets", str(path)):
        domain_set, _ = LifeDomainSet.objects.update_or_create(
            key=_require(set_data, "key", "life_domain_sets"),
            defaults={
                "name": _require(set_data, "name", set_data["key"]),
                "source": set_data.get("source", ""),
            },
        )
        domains = set_data.get("domains")
        if domains is None:
            domains = [
                {**domain, "stj": domain["key"]}
                for domain in _framework_domains(_require(set_data, "domains_from_framework", domain_set.key))
            ]
        stj_keys = {d["key"] for d in _framework_domains(STJ_FRAMEWORK)}
        for order, domain in enumerate(domains):
            key = _require(domain, "key", domain_set.key)
            stj = domain.get("stj") or ""
            if stj and stj not in stj_keys:
                raise ValidationError(
                    f"{domain_set.key}, {key}: '{stj}' is geen leefgebied van de STJ-definitie "
                    f"({', '.join(sorted(stj_keys))})."
                )
            LifeDomain.objects.update_or_create(
                domain_set=domain_set,
                key=key,
                defaults={"name": _require(domain, "name", domain_set.key), "order": order, "stj_domain": stj},
            )
        for step in set_data.get("scale", []):
            ScaleLevel.objects.update_or_create(
                domain_set=domain_set,
                value=_require(step, "value", domain_set.key),
                defaults={"label": _require(step, "label", domain_set.key)},
            )
        loaded.append(domain_set)
    return loaded


def _framework_domains(framework_key: str) -> list[dict[str, str]]:
    for path in sorted(DATA_DIR.glob("*.yaml")):
        data, _ = _read_yaml(path)
        meta = data.get("framework") or {}
        if meta.get("key") == framework_key:
            return list(meta.get("life_domains", []))
    raise ValidationError(f"Geen toetsingskader '{framework_key}' gevonden voor de leefgebieden.")
