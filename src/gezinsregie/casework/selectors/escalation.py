"""Reads of escalations: the approach's ladder and a family's escalations with where they stand."""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from gezinsregie.casework import rules
from gezinsregie.casework.models import Escalation, Family
from gezinsregie.organisations.models import Approach


def ladder_of(approach: Approach) -> tuple[rules.Rung, ...]:
    """The approach's own ladder (configured in the admin), or the default one."""
    own = tuple(rules.Rung(r.label, r.days) for r in approach.ladder.order_by("order"))
    return own or rules.DEFAULT_LADDER


@dataclass(frozen=True)
class EscalationRow:
    escalation: Escalation
    rung: rules.Rung
    deadline: date | None  # None: closed, or at the top of the ladder
    overdue: bool


def escalations_of(family: Family) -> list[EscalationRow]:
    """A family's escalations, open first (a family the caller got through the policy)."""
    ladder = ladder_of(family.approach)
    today = timezone.localdate()
    rows = []
    for e in family.escalations.select_related("organisation", "opened_by").prefetch_related("moves__by"):
        rung = ladder[min(e.step, len(ladder) - 1)]
        deadline = rules.rung_deadline(e.step_since, rung) if e.is_open else None
        rows.append(EscalationRow(e, rung, deadline, deadline is not None and deadline < today))
    return sorted(rows, key=lambda r: (not r.escalation.is_open, r.escalation.opened_on))
