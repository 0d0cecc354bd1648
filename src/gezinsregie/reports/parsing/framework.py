"""The framework as plain values: levels → themes → criteria → indicators.

Built from the YAML file (`framework_spec_from_yaml`) or from any mapping of the same shape
(`framework_spec_from_dict`); the importer can also build it from the database with the dataclasses directly.
"""

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from gezinsregie.reports.parsing.errors import FrameworkSpecError


@dataclass(frozen=True)
class IndicatorSpec:
    key: str  # e.g. "B3.c.1"
    text: str


@dataclass(frozen=True)
class CriterionSpec:
    key: str  # e.g. "B3.c"
    name: str
    indicators: tuple[IndicatorSpec, ...] = ()


@dataclass(frozen=True)
class ThemeSpec:
    key: str  # e.g. "B3"
    name: str  # e.g. "De aanpak"
    criteria: tuple[CriterionSpec, ...] = ()
    slug: str = ""  # e.g. "aanpak"; optional, used as an extra name for headings


@dataclass(frozen=True)
class LevelSpec:
    key: str  # "policy" | "case"
    name: str
    themes: tuple[ThemeSpec, ...] = ()

    def criteria(self) -> Iterator[tuple[ThemeSpec, CriterionSpec]]:
        for theme in self.themes:
            for criterion in theme.criteria:
                yield theme, criterion


@dataclass(frozen=True)
class FrameworkSpec:
    key: str
    name: str
    levels: tuple[LevelSpec, ...] = ()

    def level(self, key: str) -> LevelSpec | None:
        return next((level for level in self.levels if level.key == key), None)

    def indicator_keys(self) -> list[str]:
        return [
            indicator.key
            for level in self.levels
            for _, criterion in level.criteria()
            for indicator in criterion.indicators
        ]


def _field(mapping: Any, key: str, where: str) -> Any:
    if not isinstance(mapping, Mapping):
        raise FrameworkSpecError(f"Ongeldig toetsingskader: {where} is geen verzameling velden.")
    if key not in mapping:
        raise FrameworkSpecError(f"Ongeldig toetsingskader: {where} mist het veld '{key}'.")
    return mapping[key]


def _text(mapping: Any, key: str, where: str) -> str:
    value = _field(mapping, key, where)
    if not isinstance(value, str | int | float) or isinstance(value, bool) or not str(value).strip():
        raise FrameworkSpecError(f"Ongeldig toetsingskader: '{key}' van {where} is geen tekst.")
    return str(value).strip()


def _items(mapping: Any, key: str, where: str) -> list[Any]:
    value = _field(mapping, key, where)
    if not isinstance(value, list):
        raise FrameworkSpecError(f"Ongeldig toetsingskader: '{key}' van {where} is geen lijst.")
    return value


def framework_spec_from_dict(data: Mapping[str, Any]) -> FrameworkSpec:
    """Build a FrameworkSpec from the structure of `frameworks/data/*.yaml` (``framework`` + ``levels``)."""
    header = _field(data, "framework", "het bestand")
    levels = []
    for level_data in _items(data, "levels", "het bestand"):
        level_key = _text(level_data, "key", "een niveau")
        themes = []
        for theme_data in _items(level_data, "themes", f"niveau {level_key}"):
            theme_key = _text(theme_data, "key", f"een thema van {level_key}")
            criteria = []
            for criterion_data in _items(theme_data, "criteria", f"thema {theme_key}"):
                criterion_key = _text(criterion_data, "key", f"een criterium van {theme_key}")
                indicators = tuple(
                    IndicatorSpec(
                        key=_text(item, "key", f"een indicator van {criterion_key}"),
                        text=_text(item, "text", f"een indicator van {criterion_key}"),
                    )
                    for item in _items(criterion_data, "indicators", f"criterium {criterion_key}")
                )
                criteria.append(
                    CriterionSpec(
                        key=criterion_key,
                        name=_text(criterion_data, "name", f"criterium {criterion_key}"),
                        indicators=indicators,
                    )
                )
            slug = theme_data.get("slug") if isinstance(theme_data, Mapping) else None
            themes.append(
                ThemeSpec(
                    key=theme_key,
                    name=_text(theme_data, "name", f"thema {theme_key}"),
                    criteria=tuple(criteria),
                    slug=str(slug) if isinstance(slug, str) else "",
                )
            )
        levels.append(
            LevelSpec(key=level_key, name=_text(level_data, "name", f"niveau {level_key}"), themes=tuple(themes))
        )
    return FrameworkSpec(
        key=_text(header, "key", "het kader"),
        name=_text(header, "name", "het kader"),
        levels=tuple(levels),
    )


def framework_spec_from_yaml(path: str | Path) -> FrameworkSpec:
    """Read a framework YAML file (PyYAML, safe loader) into a FrameworkSpec."""
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise FrameworkSpecError(f"Toetsingskader {path} kan niet worden gelezen: {error}") from error
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as error:
        raise FrameworkSpecError(f"Toetsingskader {path} is geen geldige YAML: {error}") from error
    if not isinstance(data, Mapping):
        raise FrameworkSpecError(f"Bestand {path} bevat geen toetsingskader.")
    return framework_spec_from_dict(data)
