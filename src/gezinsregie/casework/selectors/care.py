"""Reads of care requests and their waiting times: per family, and across the approaches a process manager runs."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import Role, User
from gezinsregie.audit import services as audit
from gezinsregie.casework import rules
from gezinsregie.casework.models import CareRequest, Family
from gezinsregie.organisations.models import PriorityAgreement

Permission = policy.Permission


@dataclass(frozen=True)
class CareRow:
    request: CareRequest
    wait: rules.Wait | None  # None: withdrawn, no wait to count

    @property
    def proposes_escalation(self) -> bool:
        """A breach of the norm or the agreement is a stagnation to escalate (Casework II: opschaling)."""
        return self.wait is not None and self.wait.breached and self.request.is_waiting


def _agreements(approach_ids: set[int]) -> dict[tuple[int, int], list[PriorityAgreement]]:
    found: dict[tuple[int, int], list[PriorityAgreement]] = defaultdict(list)
    for agreement in PriorityAgreement.objects.filter(approach_id__in=approach_ids):
        found[(agreement.approach_id, agreement.provider_id)].append(agreement)
    return found


def _rows(requests: list[CareRequest], today: date) -> list[CareRow]:
    agreements = _agreements({r.family.approach_id for r in requests})
    rows = []
    for r in requests:
        wait = None
        if r.withdrawn_on is None:
            wait = rules.waiting(
                requested_on=r.requested_on,
                started_on=r.started_on,
                today=today,
                norm_days=r.family.approach.care_wait_norm_days,
                agreed_days=rules.agreed_days(
                    (
                        (a.valid_from, a.valid_until, a.term_days)
                        for a in agreements[(r.family.approach_id, r.provider_id)]
                    ),
                    r.requested_on,
                ),
            )
        rows.append(CareRow(r, wait))
    return rows


def care_of(family: Family) -> list[CareRow]:
    """The family's care requests with their waiting time (a family the caller got through the policy)."""
    requests = list(family.care_requests.select_related("provider", "family__approach").order_by("requested_on"))
    return _rows(requests, timezone.localdate())


def care_request_of(family: Family, care_request_id: str) -> CareRequest | None:
    return family.care_requests.filter(pk=care_request_id).first() if care_request_id.isdigit() else None


@dataclass
class ProviderLine:
    provider: str
    waiting: int = 0
    breaches: int = 0
    started_days: list[int] = field(default_factory=list)

    @property
    def average_days_to_start(self) -> float | None:
        return round(sum(self.started_days) / len(self.started_days), 1) if self.started_days else None


@dataclass
class WaitingCare:
    waiting: list[CareRow]  # still waiting, longest first
    providers: list[ProviderLine]


def waiting_care(*, actor: User) -> WaitingCare:
    """For the process manager: care still waiting across the approaches' families, and per provider how long
    care took to start. The families shown are logged, as every list of families is."""
    families = policy.families_for(actor, Permission.ASSIGN_COORDINATOR).values("pk")
    requests = list(
        CareRequest.objects.filter(family__in=families, withdrawn_on__isnull=True)
        .select_related("provider", "family__approach")
        .order_by("requested_on", "pk")
    )
    rows = _rows(requests, timezone.localdate())
    per_provider: dict[str, ProviderLine] = {}
    for row in rows:
        if row.wait is None:  # withdrawn requests are not read here, but a wait is what is counted
            continue
        line = per_provider.setdefault(row.request.provider.name, ProviderLine(row.request.provider.name))
        if row.request.is_waiting:
            line.waiting += 1
            line.breaches += row.wait.breached
        else:
            line.started_days.append(row.wait.days)
    waiting = sorted((r for r in rows if r.request.is_waiting), key=lambda r: -r.wait.days if r.wait else 0)
    shown = list({r.request.family_id: r.request.family for r in waiting}.values())
    audit.record_many(
        actor=actor,
        action="care.waiting_list",
        families=shown,
        membership=policy.membership_in_role(actor, Role.PROCESS_MANAGER),
    )
    return WaitingCare(waiting, sorted(per_provider.values(), key=lambda line: (-line.waiting, line.provider)))
