"""import_report: published report texts into structured inspections (issue: Supervision II, item 3 and 4)."""

import json
import random
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gezinsregie.frameworks.models import Indicator
from gezinsregie.inspections.models import AttentionNote, Finding, ImprovementPoint, Inspection, Respondent
from gezinsregie.reports.importing import ImportRefused, report_import
from tests.paths import DOCUMENTS

SEEDS = DOCUMENTS
FACTSHEET = SEEDS / "factsheet-oosterhout-gezinsmanager-2013.txt"
ANNEX = SEEDS / "nota-van-bevindingen-maastricht-2014.txt"

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command("import_report", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def stored() -> tuple[int, int, int, int]:
    return (
        Inspection.objects.count(),
        Finding.objects.count(),
        AttentionNote.objects.count(),
        ImprovementPoint.objects.count(),
    )


def test_the_oosterhout_factsheet_becomes_a_published_policy_level_inspection(framework):
    run(str(FACTSHEET), "--municipality", "Oosterhout")
    inspection = Inspection.objects.get()
    assert (inspection.level, inspection.year, inspection.status) == ("policy", 2013, "published")
    assert inspection.approach.name == "Gezinsmanager" and inspection.approach.municipality.name == "Oosterhout"
    assert sorted(r.organisation.name for r in Respondent.objects.all()) == [
        "GGD West-Brabant", "Gemeente Oosterhout", "Multivision", "Surplus Welzijn",
    ]  # fmt: skip
    covered = set(Indicator.objects.filter(pk__in=Finding.objects.values("indicators")).values_list("key", flat=True))
    assert covered == set(Indicator.objects.filter(criterion__theme__level__key="policy").values_list("key", flat=True))
    b3a = [f for f in Finding.objects.filter(indicators__key="B3.a.2").order_by("pk")]
    assert [f.judgement for f in b3a] == ["met", "improvement", "met"]  # one row, three findings ✓ ✗ ✓
    assert len({f.row for f in b3a}) == 1
    assert b3a[0].notes.get().text.startswith("Dit beleid is niet specifiek")
    assert ImprovementPoint.objects.count() == Finding.objects.filter(judgement="improvement").count() > 0


def test_the_maastricht_annex_becomes_a_case_level_inspection_with_one_finding_per_indicator(framework):
    output = run(str(ANNEX), "--municipality", "Maastricht")
    assert "casusniveau: 33 rijen" in output
    inspection = Inspection.objects.get()
    assert (inspection.level, inspection.year) == ("case", 2014)
    keys = list(Finding.objects.values_list("indicators__key", flat=True))
    assert sorted(keys) == sorted(
        Indicator.objects.filter(criterion__theme__level__key="case").values_list("key", flat=True)
    )
    assert Finding.objects.get(indicators__key="C2.a.1").judgement == "improvement"


def test_json_prints_the_contract_and_dry_run_stores_nothing(framework):
    result = json.loads(run(str(FACTSHEET), "--dry-run", "--json"))
    assert set(result) == {"level", "approach", "respondents", "rows", "unmatched"}
    assert (result["level"], result["approach"], result["unmatched"]) == ("policy", "Gezinsmanager", [])
    first = result["rows"][0]
    assert first == {
        "theme": "B1",
        "criterion": "B1.a",
        "indicators": ["B1.a.1"],
        "findings": [{"judgement": "met", "text": first["findings"][0]["text"], "notes": []}],
    }
    assert stored() == (0, 0, 0, 0)


def test_unreadable_input_exits_with_a_clear_message_and_stores_nothing(framework, tmp_path):
    for content in (b"", b"\x00\xff\xfe binary", b"Gewoon wat tekst zonder tabel.\n"):
        path = tmp_path / "rapport.txt"
        path.write_bytes(content)
        with pytest.raises(CommandError):
            run(str(path), "--municipality", "Ergens", "--year", "2014")
    with pytest.raises(CommandError, match="kan niet worden gelezen"):
        run(str(tmp_path / "bestaat-niet.txt"))
    assert stored() == (0, 0, 0, 0)


def test_the_same_report_twice_is_refused_without_adding_anything(framework):
    run(str(FACTSHEET), "--municipality", "Oosterhout")
    before = stored()
    with pytest.raises(CommandError, match="niet opnieuw"):
        run(str(FACTSHEET), "--municipality", "Oosterhout")
    assert stored() == before


def _mangle(text: str, seed: int, how: str) -> str:
    lines = text.splitlines()
    rng = random.Random(seed)
    if how == "truncate":
        return text[: rng.randint(0, len(text))]
    if how == "shuffle":
        rng.shuffle(lines)
    elif how == "drop_tabs":
        lines = [line.replace("\t", " ", rng.randint(0, 2)) for line in lines]
    elif how == "symbols":
        lines = [line + rng.choice(["", " ✓", " X", " –", "<p>", "</p>", " LET OP:"]) for line in lines]
    return "\n".join(lines)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    seed=st.integers(min_value=0, max_value=10_000),
    how=st.sampled_from(["truncate", "shuffle", "drop_tabs", "symbols"]),
    source=st.sampled_from([FACTSHEET, ANNEX]),
)
def test_mangled_input_never_crashes_and_never_stores_partial_data(framework, seed, how, source):
    before = stored()
    try:
        result = report_import(
            text=_mangle(source.read_text(), seed, how),
            municipality=f"Gemeente {seed}-{how}",
            approach=f"Aanpak {seed}-{how}-{source.stem}",
            year=2014,
        )
    except ImportRefused:
        assert stored() == before
    else:
        assert result.inspection is not None
        assert Finding.objects.filter(inspection=result.inspection).count() == result.findings


FOLLOW_UP = SEEDS / "verbeterpunten-zwolle-2015.txt"


def test_a_follow_up_document_becomes_the_earlier_and_later_inspection_of_each_approach(framework):
    output = run(str(FOLLOW_UP), "--municipality", "Zwolle")
    assert "2 aanpak(ken): Bijzondere Doelgroepen, Bemoeizorg Jeugd" in output
    for approach in ("Bijzondere Doelgroepen", "Bemoeizorg Jeugd"):
        years = sorted(Inspection.objects.filter(approach__name=approach).values_list("year", flat=True))
        assert years == [2013, 2014]
    earlier = ImprovementPoint.objects.filter(
        finding__inspection__year=2013, finding__inspection__approach__name="Bijzondere Doelgroepen"
    )
    assert earlier.count() == 7
    population = earlier.get(finding__indicators__key="B1.a.2")
    assert population.status == "resolved"  # 2014: ✓ the wijkteams will get a view of the population
    assert earlier.get(finding__indicators__key="B3.b.2").status == "open"  # 2014: still X
    assert earlier.get(finding__indicators__key="B1.a.1").status == "open"  # 2014: – not assessed again


def test_a_follow_up_dry_run_prints_json_and_stores_nothing(framework):
    result = json.loads(run(str(FOLLOW_UP), "--dry-run", "--json"))
    assert result["approaches"] == ["Bijzondere Doelgroepen", "Bemoeizorg Jeugd"]
    assert len(result["follow_up"]) == 13
    assert {(r["earlier_label"], r["later_label"]) for r in result["follow_up"]} == {("2013", "2014")}
    assert stored() == (0, 0, 0, 0)
