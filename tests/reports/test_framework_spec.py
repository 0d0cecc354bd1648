"""The framework_spec as plain values, from the YAML file."""

from pathlib import Path

import pytest

from gezinsregie.reports.parsing import (
    FrameworkSpec,
    FrameworkSpecError,
    framework_spec_from_dict,
    framework_spec_from_yaml,
)


def test_the_stj_framework_has_both_levels_with_30_and_33_indicators(framework_spec: FrameworkSpec) -> None:
    assert framework_spec.key == "stj-ggsr-2013"
    policy, case = framework_spec.level("policy"), framework_spec.level("case")
    assert policy is not None and case is not None
    assert [theme.key for theme in policy.themes] == ["B1", "B2", "B3", "B4", "B5"]
    assert [theme.name for theme in case.themes] == [
        "Toeleiding",
        "Gezin centraal",
        "De aanpak",
        "Samenwerking",
        "Continu",
    ]
    assert sum(len(c.indicators) for _, c in policy.criteria()) == 30
    assert sum(len(c.indicators) for _, c in case.criteria()) == 33
    keys = framework_spec.indicator_keys()
    assert len(keys) == len(set(keys)) == 63
    b3c = next(c for _, c in policy.criteria() if c.key == "B3.c")
    assert b3c.name == "Samenhangend"
    assert b3c.indicators[0].key == "B3.c.1"
    assert b3c.indicators[0].text.endswith("werken met een gezamenlijk plan per gezin")


def test_a_framework_can_be_built_from_a_plain_mapping() -> None:
    spec = framework_spec_from_dict(
        {
            "framework": {"key": "k", "name": "Kader"},
            "levels": [
                {
                    "key": "policy",
                    "name": "Beleid",
                    "themes": [
                        {
                            "key": "B1",
                            "name": "Toeleiding",
                            "criteria": [
                                {"key": "B1.a", "name": "In beeld", "indicators": [{"key": "B1.a.1", "text": "T"}]}
                            ],
                        }
                    ],
                }
            ],
        }
    )
    assert spec.indicator_keys() == ["B1.a.1"]
    assert spec.levels[0].themes[0].slug == ""


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"framework": {"key": "k", "name": "n"}},
        {"framework": {"key": "k", "name": "n"}, "levels": "geen lijst"},
        {"framework": {"key": "k", "name": "n"}, "levels": [{"key": "policy", "name": "B", "themes": [{"key": "B1"}]}]},
        {"framework": {"key": "k", "name": "n"}, "levels": [{"key": None, "name": "B", "themes": []}]},
    ],
)
def test_a_malformed_framework_is_refused_with_a_dutch_message(data: dict[str, object]) -> None:
    with pytest.raises(FrameworkSpecError, match="Ongeldig toetsingskader"):
        framework_spec_from_dict(data)


def test_unreadable_framework_files_are_refused(tmp_path: Path) -> None:
    broken = tmp_path / "kapot.yaml"
    broken.write_text("levels: [\n", encoding="utf-8")
    with pytest.raises(FrameworkSpecError, match="geen geldige YAML"):
        framework_spec_from_yaml(broken)
    listing = tmp_path / "lijst.yaml"
    listing.write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(FrameworkSpecError, match="geen toetsingskader"):
        framework_spec_from_yaml(listing)
    with pytest.raises(FrameworkSpecError, match="kan niet worden gelezen"):
        framework_spec_from_yaml(tmp_path / "bestaat-niet.yaml")
