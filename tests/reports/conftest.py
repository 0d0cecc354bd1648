"""Fixtures of the report tests: the framework file, the published documents (the demo's copies), and the
inspection world with a factsheet and a case-level inspection in judging (tests/reports/publication_world.py)."""

import pytest

from gezinsregie.inspections.models import Inspection
from gezinsregie.reports.parsing import FrameworkSpec, framework_spec_from_yaml
from tests.paths import FACTSHEET, FOLLOW_UP, FRAMEWORK_FILE, NOTA
from tests.reports.publication_world import make_case_inspection, make_factsheet_inspection
from tests.worlds.inspections import InspectionWorld, build_world


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


@pytest.fixture
def iw(db: None) -> InspectionWorld:
    return build_world()


@pytest.fixture
def factsheet_inspection(iw: InspectionWorld) -> Inspection:
    return make_factsheet_inspection(iw)


@pytest.fixture
def case_inspection_judged(iw: InspectionWorld) -> Inspection:
    return make_case_inspection(iw)
