"""Writes of casework. Each service asks the policy first, validates fully, writes atomically and logs.

One module per step of the casework; the family's states move only through casework.workflow.
"""

from gezinsregie.casework.services.analysis import problem_add, scores_record
from gezinsregie.casework.services.consent import consent_record, consent_withdraw
from gezinsregie.casework.services.coordination import coordinator_assign, coordinators_for
from gezinsregie.casework.services.registration import (
    DuplicateFamilyError,
    ReferralInput,
    duplicates_of,
    family_register,
    referral_add_to_known_family,
)
from gezinsregie.casework.services.triage import family_triage

__all__ = [
    "DuplicateFamilyError",
    "ReferralInput",
    "consent_record",
    "consent_withdraw",
    "coordinator_assign",
    "coordinators_for",
    "duplicates_of",
    "family_register",
    "family_triage",
    "problem_add",
    "referral_add_to_known_family",
    "scores_record",
]
