"""Inspection screens. Each view: fetch through the policy, bind a form, call one service. Templates get what
the inspection's state allows as booleans (workflow.flags), never its status to compare."""

from gezinsregie.inspections.views.case import case_judge, case_review, case_select
from gezinsregie.inspections.views.inspection import advance, create, detail, index, invite
from gezinsregie.inspections.views.judging import (
    comparison,
    finding_add,
    finding_edit,
    judge,
    publish,
    report_texts,
    result,
)
from gezinsregie.inspections.views.points import point, points
from gezinsregie.inspections.views.questionnaire import answer_document, questionnaire
from gezinsregie.inspections.views.rebuttal import (
    concept_respond,
    concept_send,
    rebuttal,
    rebuttal_close,
    response_answer,
)

__all__ = [
    "advance",
    "answer_document",
    "case_judge",
    "case_review",
    "case_select",
    "comparison",
    "concept_respond",
    "concept_send",
    "create",
    "detail",
    "finding_add",
    "finding_edit",
    "index",
    "invite",
    "judge",
    "point",
    "points",
    "publish",
    "questionnaire",
    "rebuttal",
    "rebuttal_close",
    "report_texts",
    "response_answer",
    "result",
]
