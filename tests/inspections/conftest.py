"""Fixtures of the inspection tests; the world and its helpers are tests/worlds/inspections.py."""

import pytest

from gezinsregie.inspections import services
from gezinsregie.inspections.models import Inspection, InspectionLevel, InspectionStatus
from tests.worlds.inspections import YEAR, InspectionWorld, answer_everything, build_inspection_world, respondent_of


@pytest.fixture
def iw(db: None) -> InspectionWorld:
    return build_inspection_world()


@pytest.fixture
def open_inspection(iw: InspectionWorld) -> Inspection:
    """A policy-level inspection of the approach, with the municipality and three partners invited, open."""
    inspection = services.inspection_create(
        actor=iw.inspector, approach=iw.approach, level=InspectionLevel.POLICY, year=YEAR
    )
    services.respondents_invite(
        actor=iw.inspector, inspection=inspection, organisations=[iw.gemeente, iw.police, iw.ggz, iw.debts]
    )
    return services.inspection_advance(actor=iw.inspector, inspection=inspection, to=InspectionStatus.OPEN)


@pytest.fixture
def judging_inspection(iw: InspectionWorld, open_inspection: Inspection) -> Inspection:
    """All four respondents answered (the municipality yes, the police no, the others yes) and submitted."""
    who = {iw.gemeente: iw.policy_officer, iw.police: iw.police_prof, iw.ggz: iw.ggz_prof, iw.debts: iw.debts_coord}
    for organisation, actor in who.items():
        answer_everything(
            actor, respondent_of(open_inspection, organisation), "no" if organisation == iw.police else "yes"
        )
    return services.inspection_advance(actor=iw.inspector, inspection=open_inspection, to=InspectionStatus.JUDGING)


@pytest.fixture
def case_inspection(iw: InspectionWorld) -> Inspection:
    return services.inspection_create(actor=iw.inspector, approach=iw.approach, level=InspectionLevel.CASE, year=YEAR)
