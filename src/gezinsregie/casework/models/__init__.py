from gezinsregie.casework.models.analysis import (
    CoordinatorAssignment,
    Problem,
    ScoreMoment,
    SelfSufficiencyScore,
    Severity,
    TriageDecision,
)
from gezinsregie.casework.models.consent import Consent, InspectionMandate, MandateScope
from gezinsregie.casework.models.family import (
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
    "CoordinatorAssignment",
    "Problem",
    "ScoreMoment",
    "SelfSufficiencyScore",
    "Severity",
    "TriageDecision",
    "Consent",
    "Family",
    "FamilyStatus",
    "InspectionMandate",
    "Involvement",
    "MandateScope",
    "Member",
    "MemberRelation",
    "Referral",
    "ReferralSource",
    "Urgency",
]
