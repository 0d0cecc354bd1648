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
