"""import_report on a document it cannot read in full (issue 12 §10).

The finding: a corrupted report imported half its findings with exit 0. Now a document of which a part could not be
read is refused whole: exit non-zero, a Dutch message naming what was not read, nothing stored.
"""

import random
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gezinsregie.inspections.models import Finding, ImprovementPoint, Inspection
from gezinsregie.organisations.models import Approach, Municipality
from tests.paths import FACTSHEET, NOTA

pytestmark = pytest.mark.django_db


def stored() -> tuple[int, int, int, int, int]:
    return (
        Inspection.objects.count(),
        Finding.objects.count(),
        ImprovementPoint.objects.count(),
        Approach.objects.count(),
        Municipality.objects.count(),
    )


def run(path: Path, *args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_report", str(path), "--municipality", "Oosterhout", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def lines_of_the_table(text: str) -> tuple[list[str], int]:
    lines = text.splitlines()
    return lines, next(i for i, line in enumerate(lines) if line.startswith("Toeleiding"))


def test_a_report_cut_off_halfway_is_refused_and_nothing_is_stored(framework, tmp_path):
    lines, start = lines_of_the_table(FACTSHEET.read_text())
    half = tmp_path / "factsheet-half-2013.txt"
    half.write_text("\n".join(lines[: start + (len(lines) - start) // 2]))

    with pytest.raises(CommandError) as refused:
        run(half)

    message = str(refused.value)
    assert message.startswith("Een deel van het document kon niet worden gelezen, daarom is niets opgeslagen.")
    assert "Niet gelezen: geen bevinding gelezen bij indicator B" in message and "(en nog " in message
    assert stored() == (0, 0, 0, 0, 0)


def test_a_corrupted_report_names_every_part_it_could_not_read(framework, tmp_path):
    lines, start = lines_of_the_table(FACTSHEET.read_text())
    rng = random.Random(1)
    corrupted = [line if i < start or rng.random() > 0.1 else "#@!" + line[::-1] for i, line in enumerate(lines)]
    path = tmp_path / "factsheet-corrupt-2013.txt"
    path.write_text("\n".join(corrupted))
    err = StringIO()

    with pytest.raises(CommandError, match="Niet gelezen: "):
        call_command("import_report", str(path), "--municipality", "Oosterhout", stdout=StringIO(), stderr=err)

    printed = [line for line in err.getvalue().splitlines() if line.startswith("Niet gelezen: ")]
    assert any("indicator niet herkend" in line for line in printed)
    assert any("geen bevinding gelezen bij indicator" in line for line in printed)
    assert stored() == (0, 0, 0, 0, 0)


def test_a_dry_run_of_a_corrupted_report_shows_what_was_read_and_exits_non_zero(framework, tmp_path):
    text = NOTA.read_text()
    path = tmp_path / "nota-half-2014.txt"
    path.write_text(text[: int(len(text) * 0.85)])

    with pytest.raises(CommandError, match="een import zou niets opslaan"):
        run(path, "--dry-run")
    assert stored() == (0, 0, 0, 0, 0)


def test_the_whole_report_still_imports(framework):
    out, err = run(FACTSHEET)

    assert "Rapport op beleidsniveau" in out and "Niet gelezen" not in err
    assert Inspection.objects.count() == 1


def test_the_exit_code_is_non_zero_for_a_shell(tmp_path):
    """The contract for batch scripts: a refused import exits 1 (CommandError), with the message on stderr."""
    path = tmp_path / "bestaat-niet.txt"
    command = [sys.executable, "manage.py", "import_report", str(path), "--municipality", "X"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)

    assert result.returncode == 1
    assert f"Bestand {path} kan niet worden gelezen" in result.stderr


def _damage(text: str, seed: int, how: str) -> str:
    lines, start = lines_of_the_table(text)
    rng = random.Random(seed)
    table = lines[start:]
    if how == "truncate":
        table = table[: rng.randint(0, len(table) - 1)]
    elif how == "drop_lines":
        table = [line for line in table if rng.random() > 0.1]
    elif how == "garble":
        table = [line if rng.random() > 0.05 else line[::-1] for line in table]
    elif how == "binary":
        position = rng.randrange(len(table))
        table[position] = table[position][:10] + "\x00\x01\x02" + table[position][10:]
    return "\n".join(lines[:start] + table)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    seed=st.integers(min_value=0, max_value=10_000),
    how=st.sampled_from(["truncate", "drop_lines", "garble", "binary"]),
    source=st.sampled_from([FACTSHEET, NOTA]),
)
def test_a_damaged_report_is_stored_whole_or_not_at_all(framework, seed, how, source):
    """Hypothesis: whatever the damage, either every indicator of the level has its findings, or nothing is stored
    and the command exits non-zero with a Dutch message."""
    from gezinsregie.frameworks.models import Indicator
    from gezinsregie.reports.importing import ImportRefused, report_import

    before = stored()
    text = _damage(source.read_text(), seed, how)
    try:
        result = report_import(
            text=text, municipality=f"Gemeente {seed}", approach=f"Aanpak {seed}-{how}-{source.stem}", year=2014
        )
    except ImportRefused as refused:
        assert str(refused)
        assert stored() == before
    else:
        assert result.inspection is not None
        level = result.inspection.level
        judged = set(Finding.objects.filter(inspection=result.inspection).values_list("indicators__key", flat=True))
        wanted = set(Indicator.objects.filter(criterion__theme__level__key=level).values_list("key", flat=True))
        assert judged == wanted
