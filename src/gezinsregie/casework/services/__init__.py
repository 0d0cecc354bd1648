"""Writes of casework. Each service asks the policy first, validates fully, writes atomically and logs.

One module per step of the casework; the family's states move only through casework.workflow.
"""

from gezinsregie.casework.services.analysis import (
    no_problems_note,
    no_problems_withdraw,
    problem_add,
    problem_change,
    problem_remove,
    scores_record,
)
from gezinsregie.casework.services.care import care_request_add, care_request_start, care_request_withdraw
from gezinsregie.casework.services.consent import (
    ConsentLossError,
    consent_losses,
    consent_record,
    consent_withdraw,
)
from gezinsregie.casework.services.contact import contact_record
from gezinsregie.casework.services.coordination import coordinator_assign, coordinators_for
from gezinsregie.casework.services.decision import (
    binding_decision_answer,
    binding_decision_take,
    decisions_without_answer,
)
from gezinsregie.casework.services.escalation import (
    escalation_close,
    escalation_open,
    escalation_raise,
    escalations_climb_due,
)
from gezinsregie.casework.services.involvement import (
    involvement_end,
    involvement_propose,
    involvement_respond,
    professionals_of,
)
from gezinsregie.casework.services.pending import pending_referral_link, pending_referral_register
from gezinsregie.casework.services.registration import (
    RECEIVED,
    REGISTRATIONS_PER_HOUR,
    DuplicateFamilyError,
    ReferralInput,
    duplicates_of,
    family_register,
    referral_add_to_known_family,
    registration_allowed,
    visible_duplicates_of,
)
from gezinsregie.casework.services.triage import family_triage

__all__ = [
    "RECEIVED",
    "REGISTRATIONS_PER_HOUR",
    "ConsentLossError",
    "DuplicateFamilyError",
    "ReferralInput",
    "binding_decision_answer",
    "binding_decision_take",
    "care_request_add",
    "care_request_start",
    "care_request_withdraw",
    "consent_losses",
    "consent_record",
    "consent_withdraw",
    "contact_record",
    "coordinator_assign",
    "coordinators_for",
    "decisions_without_answer",
    "duplicates_of",
    "escalation_close",
    "escalation_open",
    "escalation_raise",
    "escalations_climb_due",
    "family_register",
    "family_triage",
    "involvement_end",
    "involvement_propose",
    "involvement_respond",
    "no_problems_note",
    "no_problems_withdraw",
    "pending_referral_link",
    "pending_referral_register",
    "problem_add",
    "problem_change",
    "problem_remove",
    "professionals_of",
    "referral_add_to_known_family",
    "registration_allowed",
    "scores_record",
    "visible_duplicates_of",
]
