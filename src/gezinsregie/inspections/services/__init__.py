"""Writes of inspections. Each service asks the policy first, checks the pure rules (rules.py, workflow.py),
writes atomically and logs.

Findings, answers and improvement points are no personal data; everything about one family (selecting it,
interviews, the plan review, its judgements) also passes policy INSPECT and is logged with the family.
"""

from gezinsregie.inspections.services.case import case_review_add, interview_add, plan_review_save
from gezinsregie.inspections.services.findings import case_findings_save, finding_delete, finding_save
from gezinsregie.inspections.services.inspection import inspection_advance, inspection_create, respondents_invite
from gezinsregie.inspections.services.points import improvement_point_update, improvement_report_add
from gezinsregie.inspections.services.publication import (
    ImportedFinding,
    ImportedInspection,
    ImportedRespondent,
    ImportedRow,
    inspection_import_published,
    inspection_publish,
)
from gezinsregie.inspections.services.questionnaire import AnswerInput, answers_save, questionnaire_submit
from gezinsregie.inspections.services.rebuttal import (
    concept_respond,
    concept_response_answer,
    inspection_send_concept,
    rebuttal_close,
)
from gezinsregie.inspections.services.texts import inspection_update_texts

__all__ = [
    "AnswerInput",
    "ImportedFinding",
    "ImportedInspection",
    "ImportedRespondent",
    "ImportedRow",
    "answers_save",
    "case_findings_save",
    "case_review_add",
    "concept_respond",
    "concept_response_answer",
    "finding_delete",
    "finding_save",
    "improvement_point_update",
    "improvement_report_add",
    "inspection_advance",
    "inspection_create",
    "inspection_import_published",
    "inspection_publish",
    "inspection_send_concept",
    "inspection_update_texts",
    "interview_add",
    "plan_review_save",
    "questionnaire_submit",
    "rebuttal_close",
    "respondents_invite",
]
