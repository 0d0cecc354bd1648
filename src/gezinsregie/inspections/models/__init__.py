from gezinsregie.inspections.models.case import CaseReview, Interview, InterviewKind
from gezinsregie.inspections.models.followup import ImprovementPoint, ImprovementReport, PointStatus
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
from gezinsregie.inspections.workflow import InspectionLevel, InspectionStatus

__all__ = [
    "JUDGEMENT_SYMBOLS",
    "Answer",
    "AnswerValue",
    "AttentionNote",
    "CaseReview",
    "Finding",
    "ImprovementPoint",
    "ImprovementReport",
    "Inspection",
    "InspectionLevel",
    "InspectionStatus",
    "Interview",
    "InterviewKind",
    "Judgement",
    "PointStatus",
    "Respondent",
    "RespondentKind",
]
