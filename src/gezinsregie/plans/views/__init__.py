"""Thin views of the plan: fetch the family through policy.access_family, call a selector or service, render.

Users who may view the family but not edit it (professionals) see the plan read-only; the edit URLs
answer 404 for them, as for anyone else who may not edit (missing and forbidden look the same).
"""

from gezinsregie.plans.views.calendar import case_meeting_ics, meeting_ics
from gezinsregie.plans.views.case_meetings import case_meeting, case_meeting_part, case_meeting_plan, case_meetings
from gezinsregie.plans.views.commitment import commit
from gezinsregie.plans.views.edit import (
    action_add,
    action_edit,
    action_progress,
    approval,
    create,
    goal_add,
    goal_edit,
)
from gezinsregie.plans.views.inplace import items, move, remove, session_discard, session_save
from gezinsregie.plans.views.meetings import meeting, meetings
from gezinsregie.plans.views.read import compare, detail, history, summary_html, summary_pdf

__all__ = [
    "action_add",
    "action_edit",
    "action_progress",
    "approval",
    "case_meeting",
    "case_meeting_ics",
    "case_meeting_part",
    "case_meeting_plan",
    "case_meetings",
    "commit",
    "compare",
    "create",
    "detail",
    "goal_add",
    "goal_edit",
    "history",
    "items",
    "meeting",
    "meeting_ics",
    "meetings",
    "move",
    "remove",
    "session_discard",
    "session_save",
    "summary_html",
    "summary_pdf",
]
