"""Helpers of the case-meeting tests, on top of the plan world (tests/worlds/plans.py):

- `plan_case_meeting(w, ...)`: the process manager plans a zorgnetwerkoverleg today with both families of the
  approach on the agenda: gezin De Vries (GR-PLAN-1, which the professional Kees may see) and gezin Bakker
  (GR-PLAN-2, coordinated by a stranger outside the approach's partners, which Kees may not see);
- `second_coordinator(w)`: Tim Twee, a coordinator of the Wijkteam (a partner, in De Vries' consent), who can be
  appointed case manager in the meeting.
"""

from datetime import time, timedelta
from typing import Any

from gezinsregie.accounts.models import Role, User
from gezinsregie.plans.models import CaseMeeting, Meeting, OwnerKind
from gezinsregie.plans.services import AgreementInput, Owner
from gezinsregie.plans.services import case_meetings as services
from tests.builder import Builder
from tests.worlds.plans import PlanWithContent, PlanWorld


def plan_case_meeting(w: PlanWorld, **changes: Any) -> CaseMeeting:
    arguments: dict[str, Any] = {
        "actor": w.process_manager,
        "approach": w.approach,
        "held_on": w.today,
        "starts_at": time(9, 30),
        "ends_at": time(11, 30),
        "location": "Stadhuis, vergaderzaal 2",
        "chair": w.process_manager,
        "recurrence": "maandelijks",
        "families": [w.family, w.other_family],
    }
    arguments.update(changes)
    return services.case_meeting_plan(**arguments)


def second_coordinator(w: PlanWorld) -> User:
    return Builder().person(Role.COORDINATOR, w.coordinator_org, "tweede", "Tim", "Twee")


def record_part(
    w: PlanWorld, case_meeting: CaseMeeting, planned: PlanWithContent | None = None, **changes: Any
) -> Meeting:
    """De Vries' part: Kees attends, one agreement at the debts goal (if the plan is there)."""
    agreements = []
    if planned is not None:
        agreements = [
            AgreementInput(
                planned.debts_goal,
                "Kees belt de schuldeisers",
                Owner(OwnerKind.PROFESSIONAL, user=w.professional, organisation=w.professional_org),
                w.today + timedelta(days=14),
            )
        ]
    arguments: dict[str, Any] = {
        "actor": w.process_manager,
        "case_meeting": case_meeting,
        "family": w.family,
        "expected_version": planned.plan.version if planned is not None else None,
        "attendees": [w.professional],
        "members": [w.sanne],
        "network": "",
        "minutes": "De schulden besproken; Tim neemt de regie over.",
        "agreements": agreements,
    }
    arguments.update(changes)
    return services.case_meeting_record_part(**arguments)
