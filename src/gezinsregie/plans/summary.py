"""The family's own summary of the plan, as a page and as a PDF.

Maastricht §2.6: "Het gezin krijgt een samenvatting van het maatwerkplan." Written for the family in plain
Dutch (B1): what we are going to do, who does what and when, who their coordinator is. Nothing internal:
no problem-analysis texts, no framework terms, no professionals' notes, nothing of any other family.
Goals that were dropped and actions that were cancelled are left out. The summary shows the plan as last saved:
while the coordinator's working session is open, its edits are not in it until they are saved as a version.
"""

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import weasyprint
from django.template.loader import render_to_string
from django.utils import timezone

from gezinsregie.casework.models import Family
from gezinsregie.casework.selectors import network as network_selectors
from gezinsregie.plans import selectors
from gezinsregie.plans.models import ActionStatus, GoalStatus, Plan

STYLESHEET = Path(__file__).resolve().parent / "static" / "plans" / "summary.css"


@dataclass(frozen=True)
class SummaryGoal:
    number: int
    text: str
    topic: str
    achieved: bool


@dataclass(frozen=True)
class SummaryAction:
    what: str
    who: str
    when: date
    done: bool
    goal_number: int


def context(family: Family, plan: Plan) -> dict[str, Any]:
    session_open = selectors.open_session_of(plan) is not None
    saved = selectors.saved_snapshot_of(plan, session_open=session_open)  # not the session's unsaved edits
    goals: list[SummaryGoal] = []
    actions: list[SummaryAction] = []
    for goal in saved["goals"]:
        if goal["status"] == GoalStatus.DROPPED:
            continue
        number = len(goals) + 1
        goals.append(SummaryGoal(number, goal["description"], goal["domain"], goal["status"] == GoalStatus.ACHIEVED))
        actions.extend(
            SummaryAction(
                a["description"],
                a["owner"],
                date.fromisoformat(a["done_on"] or a["due_on"]),
                a["status"] == ActionStatus.DONE,
                number,
            )
            for a in goal["actions"]
            if a["status"] != ActionStatus.CANCELLED
        )
    actions.sort(key=lambda a: (a.done, a.when, a.goal_number))
    return {
        "family": family,
        "plan": plan,
        "saved_version": saved["version"],
        "unsaved_session": session_open,
        "goals": goals,
        "actions": actions,
        "coordinator": family.coordinator,
        "coordinator_organisation": selectors.coordinator_organisation(family),
        "approved_on": plan.approved_by_family_on,
        "changed_since_approval": plan.changed_since_approval,
        "today": timezone.localdate(),
        "network": network_selectors.overview(family),  # the map and who is who: no contact details, no notes
    }


def pdf(family: Family, plan: Plan, *, base_url: str) -> bytes:
    """Tagged (headings, lists, tables, the title) and in Dutch, as the inspectorate's reports are
    (reports/publication/rendering.py): a screen reader reads the family's PDF as well as the page."""
    html = render_to_string("plans/summary_pdf.html", context(family, plan))
    stylesheet = weasyprint.CSS(string=STYLESHEET.read_text(encoding="utf-8"))
    result: bytes = weasyprint.HTML(string=html, base_url=base_url).write_pdf(stylesheets=[stylesheet], pdf_tags=True)
    return result
