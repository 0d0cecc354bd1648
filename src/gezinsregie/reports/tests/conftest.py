"""Fixtures for the parser tests: the framework file and the published documents (copied from the seeds)."""

from pathlib import Path

import pytest

from gezinsregie.reports.parsing import FrameworkSpec, framework_spec_from_yaml

DATA = Path(__file__).resolve().parent / "data"
FRAMEWORK_FILE = Path(__file__).resolve().parents[2] / "frameworks" / "data" / "stj-ggsr-2013.yaml"
FACTSHEET = DATA / "factsheet-oosterhout-gezinsmanager-2013.txt"
NOTA = DATA / "nota-van-bevindingen-maastricht-2014.txt"
FOLLOW_UP = DATA / "verbeterpunten-zwolle-2015.txt"


@pytest.fixture(scope="session")
def framework() -> FrameworkSpec:
    return framework_spec_from_yaml(FRAMEWORK_FILE)


@pytest.fixture(scope="session")
def factsheet_text() -> str:
    return FACTSHEET.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def nota_text() -> str:
    return NOTA.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def follow_up_text() -> str:
    return FOLLOW_UP.read_text(encoding="utf-8")
