from gezinsregie.casework.models.analysis import (
    CoordinatorAssignment,
    Problem,
    ScoreMoment,
    SelfSufficiencyScore,
    Severity,
    TriageDecision,
)
from gezinsregie.casework.models.care import CarePriority, CareRequest
from gezinsregie.casework.models.consent import Consent, InspectionMandate, MandateScope
from gezinsregie.casework.models.contact import Contact, ContactKind
from gezinsregie.casework.models.decision import BindingDecision, DecisionKind
from gezinsregie.casework.models.escalation import Escalation, EscalationMove, Stagnation
from gezinsregie.casework.models.family import (
    Circle,
    EndReason,
    Family,
    FamilyStatus,
    Involvement,
    Member,
    MemberRelation,
    Referral,
    ReferralSource,
    Urgency,
)

__all__ = [
    "BindingDecision",
    "CarePriority",
    "CareRequest",
    "Circle",
    "Consent",
    "Contact",
    "ContactKind",
    "CoordinatorAssignment",
    "DecisionKind",
    "EndReason",
    "Escalation",
    "EscalationMove",
    "Family",
    "FamilyStatus",
    "InspectionMandate",
    "Involvement",
    "MandateScope",
    "Member",
    "MemberRelation",
    "Problem",
    "Referral",
    "ReferralSource",
    "ScoreMoment",
    "SelfSufficiencyScore",
    "Severity",
    "Stagnation",
    "TriageDecision",
    "Urgency",
]
