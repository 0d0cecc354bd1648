"""Reading the approach's own policy facts: its estimates of the group and its register of agreements.

No person in them; the callers asked the policy about the approach (VIEW_ASSESSMENT to read, RECORD_POLICY_FACTS to
change). policy_evidence reads the same records for its proposals.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from gezinsregie.organisations.models import Approach, CooperationAgreement, PopulationEstimate


def estimates_of(approach: Approach) -> QuerySet[PopulationEstimate]:
    """Newest first: the first is the one that counts."""
    return PopulationEstimate.objects.filter(approach=approach).select_related("recorded_by")


def latest_estimate(approach: Approach) -> PopulationEstimate | None:
    return estimates_of(approach).first()


def estimate_of(approach: Approach, estimate_id: int) -> PopulationEstimate | None:
    return estimates_of(approach).filter(pk=estimate_id).first()


def agreements_of(approach: Approach) -> QuerySet[CooperationAgreement]:
    return (
        CooperationAgreement.objects.filter(approach=approach).prefetch_related("parties").select_related("recorded_by")
    )


def agreement_of(approach: Approach, agreement_id: int) -> CooperationAgreement | None:
    return agreements_of(approach).filter(pk=agreement_id).first()


@dataclass(frozen=True)
class RegisterRow:
    agreement: CooperationAgreement
    in_force: bool
    expired: bool  # ended before today (not: signed in the future)


def register_of(approach: Approach, *, today: date) -> list[RegisterRow]:
    """The register as shown: in force first, then expired, each newest first."""
    rows = [
        RegisterRow(a, a.in_force_on(today), a.valid_until is not None and a.valid_until < today)
        for a in agreements_of(approach)
    ]
    return sorted(rows, key=lambda r: (not r.in_force, -r.agreement.signed_on.toordinal()))
