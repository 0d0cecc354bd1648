"""Writes of the plan. Each service asks the policy first, locks the plan row, checks the version the
user's change was based on (optimistic locking), validates fully, writes atomically and logs.

An edit of a goal or an action goes into the coordinator's working session (services/session.py): no version
per field; "Opslaan als nieuwe versie" stores one PlanVersion with a snapshot and a summary of the whole session.
The family's approval, a round table and a progress report store their version at once.

If the plan changed since the user opened the form, or someone else has a working session open on it, nothing
is written and StalePlanError is raised: the view shows the user's input again with the message (HTTP 409).
"""

from gezinsregie.plans.services._common import (
    BUSY_MESSAGE,
    EDIT,
    STALE_MESSAGE,
    Owner,
    StaleItemError,
    StalePlanError,
)
from gezinsregie.plans.services.commitment import plan_commit
from gezinsregie.plans.services.items import (
    plan_add_action,
    plan_add_goal,
    plan_create,
    plan_update_action,
    plan_update_goal,
)
from gezinsregie.plans.services.meetings import AgreementInput, meeting_record
from gezinsregie.plans.services.progress import actions_remind_owners, plan_record_approval, plan_report_progress
from gezinsregie.plans.services.session import (
    plan_move,
    plan_remove,
    plan_session_discard,
    plan_session_save,
    stamp_of,
)
from gezinsregie.plans.services.voices import PartnerVoiceInput

__all__ = [
    "BUSY_MESSAGE",
    "EDIT",
    "STALE_MESSAGE",
    "AgreementInput",
    "Owner",
    "PartnerVoiceInput",
    "StaleItemError",
    "StalePlanError",
    "actions_remind_owners",
    "meeting_record",
    "plan_add_action",
    "plan_add_goal",
    "plan_commit",
    "plan_create",
    "plan_move",
    "plan_record_approval",
    "plan_remove",
    "plan_report_progress",
    "plan_session_discard",
    "plan_session_save",
    "plan_update_action",
    "plan_update_goal",
    "stamp_of",
]
