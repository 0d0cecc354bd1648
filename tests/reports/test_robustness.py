"""Whatever the input: a ParsedReport (or list of FollowUpRow), or ReportParseError — never another exception.

The strict internal functions are tested (the public ones additionally turn an unexpected failure into a
ReportParseError, which would hide a bug from these tests).
"""

import json
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gezinsregie.reports.parsing import FrameworkSpec, ParsedReport, ReportParseError, parse_report
from gezinsregie.reports.parsing.follow_up import _parse_follow_up
from gezinsregie.reports.parsing.report import _parse_report
from tests.paths import FACTSHEET, FOLLOW_UP, NOTA

DOCUMENTS = [path.read_text(encoding="utf-8") for path in (FACTSHEET, NOTA, FOLLOW_UP)]
TABLES = [text[text.index("Toeleiding\t") :] for text in DOCUMENTS[:2]]  # the table part only: faster, denser
NOISE = ["✓", "✗", "X", "x", "–", "-", "\t", "\n", "<p>", "</p>", "LET OP:", "|", "|---|", "Criteria", "\x00", " "]
JUDGEMENTS = {"met", "improvement", "not_assessed"}

relaxed = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def check(text: object, framework_spec: FrameworkSpec) -> None:
    keys = set(framework_spec.indicator_keys())
    try:
        report = _parse_report(text, framework_spec)
    except ReportParseError as error:
        assert str(error)
    else:
        assert isinstance(report, ParsedReport)
        assert report.level in {"policy", "case"}
        prefix = "B" if report.level == "policy" else "C"
        for row in report.rows:
            assert row.indicators and set(row.indicators) <= keys
            assert all(key.startswith(prefix) and key.startswith(row.criterion) for key in row.indicators)
            assert all(finding.judgement in JUDGEMENTS for finding in row.findings)
        json.dumps(report.as_dict())
    try:
        rows = _parse_follow_up(text, framework_spec)
    except ReportParseError as error:
        assert str(error)
    else:
        assert all(set(row.indicators) <= keys for row in rows)
        json.dumps([row.as_dict() for row in rows])


@relaxed
@given(st.text())
def test_random_text(framework_spec: FrameworkSpec, text: str) -> None:
    check(text, framework_spec)


@relaxed
@given(st.lists(st.sampled_from([*NOISE, "Toeleiding", "Indicator\t2013\t2014", "De aanpak", "GGSR"]), max_size=40))
def test_random_fragments_of_the_format(framework_spec: FrameworkSpec, parts: list[str]) -> None:
    check("".join(parts), framework_spec)


@relaxed
@given(st.sampled_from(DOCUMENTS), st.integers(0, 80_000), st.integers(0, 80_000))
def test_truncated_documents(framework_spec: FrameworkSpec, text: str, start: int, length: int) -> None:
    check(text[start % len(text) :][:length], framework_spec)


@relaxed
@given(st.sampled_from(TABLES), st.integers())
def test_shuffled_lines(framework_spec: FrameworkSpec, text: str, seed: int) -> None:
    lines = text.splitlines()
    random.Random(seed).shuffle(lines)
    check("\n".join(lines), framework_spec)


@relaxed
@given(st.sampled_from(TABLES), st.lists(st.tuples(st.integers(0, 30_000), st.sampled_from(NOISE)), max_size=30))
def test_random_symbols_inserted(framework_spec: FrameworkSpec, text: str, insertions: list[tuple[int, str]]) -> None:
    for position, noise in insertions:
        position %= len(text) + 1
        text = text[:position] + noise + text[position:]
    check(text, framework_spec)


@relaxed
@given(st.sampled_from(TABLES), st.integers(), st.floats(0, 1))
def test_deleted_tabs(framework_spec: FrameworkSpec, text: str, seed: int, share: float) -> None:
    rnd = random.Random(seed)
    check("".join(c for c in text if c != "\t" or rnd.random() > share), framework_spec)


@relaxed
@given(st.sampled_from(DOCUMENTS), st.integers(), st.floats(0, 0.05))
def test_characters_replaced_everywhere(framework_spec: FrameworkSpec, text: str, seed: int, share: float) -> None:
    rnd = random.Random(seed)
    alphabet = "abcdefghijklmnopqrstuvwxyz ✓✗X–\t\n<>|:"
    check("".join(rnd.choice(alphabet) if rnd.random() < share else c for c in text), framework_spec)


@relaxed
@given(st.one_of(st.binary(), st.none(), st.integers(), st.lists(st.text())))
def test_things_that_are_not_text(framework_spec: FrameworkSpec, value: object) -> None:
    check(value, framework_spec)


def test_the_public_function_keeps_the_contract_even_when_the_framework_is_odd(factsheet_text: str) -> None:
    odd = FrameworkSpec(key="x", name="x", levels=None)  # type: ignore[arg-type]
    try:
        parse_report(factsheet_text, odd)
    except ReportParseError as error:
        assert "interne fout" in str(error)
