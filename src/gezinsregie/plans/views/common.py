"""What the plan screens share: the plan of a family (or 404) and the log entry of a read."""

from django.http import Http404

from gezinsregie.accounts.models import User
from gezinsregie.audit import services as audit
from gezinsregie.casework.models import Family
from gezinsregie.plans import selectors
from gezinsregie.plans.models import Plan


def _plan_or_404(family: Family) -> Plan:
    plan = selectors.plan_of(family)
    if plan is None:
        raise Http404
    return plan


def _read(actor: User, family: Family, plan: Plan, what: str) -> None:
    audit.record(actor=actor, action=what, family=family, obj=plan)
