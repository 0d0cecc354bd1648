"""python manage.py aggregate_report --level policy|case [--year YYYY] [--json]: the command-line contract."""

import io
import json
import os
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from gezinsregie.organisations.models import Approach, Municipality
from gezinsregie.reports.aggregate.rules import IMPROVEMENT, MET
from tests.paths import MANAGE
from tests.reports.aggregation_world import World, build_world, publish_scenario


@pytest.fixture
def world(db: None) -> World:
    w = build_world()
    publish_scenario(w)
    return w


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("aggregate_report", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_json_is_exactly_the_contract(world: World) -> None:
    out, _ = run("--level", "policy", "--json")

    data = json.loads(out)
    assert data == world.expected(
        2,
        B1_a_1={MET: 2},
        B1_a_2={MET: 1},
        B3_a_1={IMPROVEMENT: 1},
        B3_a_2={IMPROVEMENT: 1},
        B3_a_3={IMPROVEMENT: 1},
    )
    assert list(data) == ["approaches", "indicators", "characteristics"]  # keys are only ever added
    assert list(data["indicators"]) == world.keys["policy"]  # in framework order
    for count in data["indicators"].values():
        assert list(count) == ["met", "improvement", "not_assessed", "assessed", "percent_met", "percent_improvement"]
        assert count["met"] + count["improvement"] + count["not_assessed"] == data["approaches"]
        assert count["assessed"] == count["met"] + count["improvement"]
    # the report's denominator: B1.a.2 is met by Elders and not assessed by Testdam: 1 of 1, 100%
    assert data["indicators"]["B1.a.2"] == {
        "met": 1, "improvement": 0, "not_assessed": 1, "assessed": 1, "percent_met": 100.0, "percent_improvement": 0.0,
    }  # fmt: skip
    assert data["indicators"]["B5.c.1"]["percent_met"] is None  # assessed by nobody: no percentage, not 0%
    assert out.startswith(
        '{"approaches": 2, "indicators": {"B1.a.1": {"met": 2, "improvement": 0, "not_assessed": 0, "assessed": 2,'
    )


def test_json_with_a_year_counts_the_inspections_of_that_year(world: World) -> None:
    out, _ = run("--level", "policy", "--year", "2013", "--json")

    assert json.loads(out) == world.expected(
        2,
        B1_a_1={IMPROVEMENT: 1, MET: 1},
        B1_a_2={MET: 1},
        B3_a_1={MET: 1},
        B3_a_2={IMPROVEMENT: 1},
        B3_a_3={MET: 1},
    )
    assert json.loads(run("--level", "policy", "--year", "2016", "--json")[0]) == world.expected(0)  # a draft


def test_json_at_case_level(world: World) -> None:
    inspection = world.inspection(world.elders, 2014, level="case")
    world.finding(inspection, ["C1.a.1"], IMPROVEMENT)
    world.finding(inspection, ["C1.a.2"], MET, case_review=world.family_review(inspection))  # per family

    out, _ = run("--level=case", "--json")
    assert json.loads(out) == world.expected(1, level="case", C1_a_1={IMPROVEMENT: 1})


def test_without_json_a_readable_dutch_table(world: World) -> None:
    out, _ = run("--level", "policy")

    assert "Overzicht beleidsniveau: 2 aanpakken in 2 gemeenten" in out
    assert "per aanpak het laatste gepubliceerde onderzoek" in out
    assert "Voldoet" in out and "Verbeterpunt" in out and "Niet getoetst" in out
    assert "B1 Toeleiding" in out
    line = next(line for line in out.splitlines() if line.startswith("B1.a.2 "))
    assert "1 van 1 (100%)" in line and " 1  " in line  # of the assessed approaches; one not assessed beside it
    line = next(line for line in out.splitlines() if line.startswith("B5.c.1 "))
    assert "–" in line and " 2  " in line  # nobody assessed it: no percentage
    assert "Kenmerken van de aanpakken" in out and "niet vastgelegd: 2" in out
    assert "Ilse" not in out and "Inspecteur" not in out


def test_the_municipality_and_framework_options_narrow_it_down(world: World) -> None:
    out, _ = run("--level", "policy", "--municipality", "elders", "--framework", world.framework.key, "--json")
    assert json.loads(out) == world.expected(1, B1_a_1={MET: 1}, B1_a_2={MET: 1})


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "Geef het niveau op: --level policy"),
        (("--level", "beleid"), "Onbekend niveau 'beleid'"),
        (("--level", "policy", "--year", "13"), "Ongeldig jaar '13'"),
        (("--level", "policy", "--year", "twee"), "Ongeldig jaar 'twee'"),
        (("--level", "policy", "--municipality", "Nergenshuizen"), "Gemeente 'Nergenshuizen' bestaat niet"),
        (("--level", "policy", "--framework", "geen-kader"), "Toetsingskader 'geen-kader' bestaat niet"),
        (("--level", "policy", "--per-gemeente"), "onbekende argumenten: --per-gemeente"),
        (("--level",), "bij --level ontbreekt een waarde"),
    ],
)
def test_bad_arguments_are_refused_in_dutch(world: World, args: tuple[str, ...], message: str) -> None:
    with pytest.raises(CommandError, match=message):
        run(*args)


def test_bad_arguments_from_the_command_line_exit_non_zero_with_a_dutch_message(db: None) -> None:
    env = {**os.environ, "PYTHONPATH": str(MANAGE.parent / "src")}
    for args, code, message in (
        (["--level", "beleid"], 1, "Onbekend niveau 'beleid'"),
        (["--level", "policy", "--per-gemeente"], 2, "Fout: onbekende argumenten: --per-gemeente"),
    ):
        done = subprocess.run(
            [sys.executable, str(MANAGE), "aggregate_report", *args], capture_output=True, text=True, env=env
        )
        assert done.returncode == code, done.stderr
        assert message in done.stderr
        assert done.stdout == ""


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_progress_bar_on_a_terminal_only_when_reading_many_approaches(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    for number in range(20):
        place = Municipality.objects.create(name=f"Gemeente {number:02}")
        approach = Approach.objects.create(
            municipality=place, name=f"Aanpak {number:02}", life_domain_set=world.testdam.life_domain_set,
            framework=world.framework,
        )  # fmt: skip
        world.finding(world.inspection(approach, 2014), ["B1.a.1"], MET)
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)

    out, _ = run("--level", "policy", "--json")

    assert json.loads(out)["approaches"] == 22  # stdout is clean JSON
    assert "Aanpakken lezen [" in terminal.getvalue() and "22/22" in terminal.getvalue()


def test_no_progress_bar_when_not_a_terminal_or_few_approaches(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    run("--level", "policy", "--json")  # two approaches: too quick for a bar
    assert terminal.getvalue() == ""
