from gezinsregie.casework.models.analysis import (
    CoordinatorAssignment,
    NoProblemsFinding,
    OwnStrength,
    Problem,
    ProblemChange,
    ScoreMoment,
    SelfSufficiencyScore,
    Severity,
    TriageDecision,
)
from gezinsregie.casework.models.care import CarePriority, CareRequest
from gezinsregie.casework.models.consent import Consent, InspectionMandate, MandateScope
from gezinsregie.casework.models.contact import Contact, ContactKind
from gezinsregie.casework.models.decision import BindingDecision, DecisionKind
from gezinsregie.casework.models.episode import EntryRoute, Episode
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
from gezinsregie.casework.models.measure import Measure, MeasureDecision, MeasureKind, NonCooperationDecision
from gezinsregie.casework.models.network import NetworkInfluence, NetworkPerson, NetworkTie
from gezinsregie.casework.models.pending import PendingOutcome, PendingReferral

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
    "EntryRoute",
    "Episode",
    "Escalation",
    "EscalationMove",
    "Family",
    "FamilyStatus",
    "InspectionMandate",
    "Involvement",
    "MandateScope",
    "Measure",
    "MeasureDecision",
    "MeasureKind",
    "Member",
    "MemberRelation",
    "NetworkInfluence",
    "NetworkPerson",
    "NetworkTie",
    "NoProblemsFinding",
    "NonCooperationDecision",
    "OwnStrength",
    "PendingOutcome",
    "PendingReferral",
    "Problem",
    "ProblemChange",
    "Referral",
    "ReferralSource",
    "ScoreMoment",
    "SelfSufficiencyScore",
    "Severity",
    "Stagnation",
    "TriageDecision",
    "Urgency",
]
