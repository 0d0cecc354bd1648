"""Fixtures for the parser tests: the framework file and the published documents (the demo's copies)."""

import pytest

from gezinsregie.reports.parsing import FrameworkSpec, framework_spec_from_yaml
from tests.paths import DOCUMENTS, FRAMEWORK_FILE

DATA = DOCUMENTS
FACTSHEET = DATA / "factsheet-oosterhout-gezinsmanager-2013.txt"
NOTA = DATA / "nota-van-bevindingen-maastricht-2014.txt"
FOLLOW_UP = DATA / "verbeterpunten-zwolle-2015.txt"


@pytest.fixture(scope="session")
def framework_spec() -> FrameworkSpec:
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
