"""The case-level framework, answered from casework data: one pure function per indicator.

Every case-level indicator of the STJ framework (C1.a.1 … C5.c.1) is in exactly one of three tables:
- COMPUTED: the casework data answers it, as met / not met / unknown, with the evidence in words;
- INTERVIEW_ONLY: only a conversation can answer it (e.g. C4.a.4 the family's trust in the coordinator);
- NOT_RECORDED: the data could answer it, but the system does not record it yet.
tests/assessment/test_indicators.py checks the tables against the framework file, so none is forgotten.

The readings live in `readings` (registration up to the plan and the network) and `after_the_plan`
(evaluation, closure and aftercare); the facts they read in `base`.
"""

import re
from collections.abc import Callable
from enum import StrEnum

from gezinsregie.assessment.indicators import after_the_plan as after
from gezinsregie.assessment.indicators import partners
from gezinsregie.assessment.indicators import readings as up_to_plan
from gezinsregie.assessment.indicators.base import (
    COORDINATOR_GRACE_DAYS,
    OUTCOME_LABELS,
    ClosureFacts,
    FamilyFacts,
    Outcome,
    Result,
)
from gezinsregie.assessment.indicators.readings import OUTREACH_DAYS

__all__ = [
    "COMPUTED",
    "COORDINATOR_GRACE_DAYS",
    "INTERVIEW_ONLY",
    "NOT_RECORDED",
    "OUTCOME_LABELS",
    "OUTREACH_DAYS",
    "ClosureFacts",
    "FamilyFacts",
    "Outcome",
    "Result",
    "Source",
    "assess",
    "source_of",
    "without_dates",
]

COMPUTED: dict[str, Callable[[FamilyFacts], Result]] = {
    "C1.a.1": up_to_plan.c1_a_1,
    "C1.a.2": up_to_plan.c1_a_2,
    "C1.a.3": up_to_plan.c1_a_3,
    "C2.a.1": up_to_plan.c2_a_1,
    "C2.a.2": up_to_plan.c2_a_2,
    "C2.a.3": up_to_plan.c2_a_3,
    "C2.b.1": up_to_plan.c2_b_1,
    "C2.b.2": up_to_plan.c2_b_2,
    "C2.c.1": up_to_plan.c2_c_1,
    "C2.c.2": up_to_plan.c2_c_2,
    "C2.c.3": up_to_plan.c2_c_3,
    "C3.a.1": up_to_plan.c3_a_1,
    "C3.a.2": up_to_plan.c3_a_2,
    "C3.a.3": up_to_plan.c3_a_3,
    "C3.a.4": up_to_plan.c3_a_4,
    "C3.b.1": up_to_plan.c3_b_1,
    "C3.b.2": up_to_plan.c3_b_2,
    "C4.a.1": up_to_plan.c4_a_1,
    "C4.a.2": up_to_plan.c4_a_2,
    "C4.a.5": up_to_plan.c4_a_5,
    "C4.b.2": up_to_plan.c4_b_2,
    "C4.c.1": up_to_plan.c4_c_1,
    "C5.b.3": up_to_plan.c5_b_3,
    "C2.a.4": after.c2_a_4,
    "C3.a.5": after.c3_a_5,
    "C5.a.1": after.c5_a_1,
    "C5.c.1": after.c5_c_1,
    "C4.a.3": partners.c4_a_3,
    "C4.a.4": partners.c4_a_4,
    "C4.b.1": partners.c4_b_1,
    "C4.c.2": partners.c4_c_2,
    "C5.b.1": partners.c5_b_1,
    "C5.b.2": partners.c5_b_2,
}

# Every case indicator is answered from recorded data now (issue 13 §3: the voices are data too); an
# inspector's interview judgement stays possible beside it, in the case review.
INTERVIEW_ONLY: dict[str, str] = {}

NOT_RECORDED: dict[str, str] = {}


class Source(StrEnum):
    DATA = "data"
    INTERVIEW = "interview"
    NOT_RECORDED = "not_recorded"


def source_of(key: str) -> Source:
    if key in COMPUTED:
        return Source.DATA
    if key in INTERVIEW_ONLY:
        return Source.INTERVIEW
    return Source.NOT_RECORDED


DATE = re.compile(r"\b\d{1,2}-\d{1,2}-\d{4}\b")


def without_dates(evidence: str) -> str:
    """Evidence for a pseudonymised reader: exact dates could point to a person."""
    return DATE.sub("[datum]", evidence)


def assess(facts: FamilyFacts) -> dict[str, Result]:
    """Every case-level indicator for one family: computed ones from the facts, the rest unknown with why."""
    results = {key: rule(facts) for key, rule in COMPUTED.items()}
    results.update({key: Result(Outcome.UNKNOWN, why) for key, why in INTERVIEW_ONLY.items()})
    results.update({key: Result(Outcome.UNKNOWN, why) for key, why in NOT_RECORDED.items()})
    return results
