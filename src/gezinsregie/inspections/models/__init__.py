from gezinsregie.inspections.models.case import CaseReview, Interview, InterviewKind
from gezinsregie.inspections.models.followup import (
    FollowUpOutcome,
    ImprovementPoint,
    ImprovementReport,
    PointFollowUp,
    PointStatus,
)
from gezinsregie.inspections.models.inspection import (
    JUDGEMENT_SYMBOLS,
    Answer,
    AnswerValue,
    AttentionNote,
    Finding,
    Inspection,
    Judgement,
    Respondent,
    RespondentKind,
)
from gezinsregie.inspections.models.rebuttal import ConceptResponse, Decision, Rebuttal, Stance
from gezinsregie.inspections.workflow import InspectionLevel, InspectionStatus

__all__ = [
    "JUDGEMENT_SYMBOLS",
    "Answer",
    "AnswerValue",
    "AttentionNote",
    "CaseReview",
    "ConceptResponse",
    "Decision",
    "Finding",
    "FollowUpOutcome",
    "ImprovementPoint",
    "ImprovementReport",
    "Inspection",
    "InspectionLevel",
    "InspectionStatus",
    "Interview",
    "InterviewKind",
    "Judgement",
    "PointFollowUp",
    "PointStatus",
    "Rebuttal",
    "Respondent",
    "RespondentKind",
    "Stance",
]
