"""Reads for the inspection screens. Every function takes an inspection, respondent or family the caller
already got through the policy (access_inspection, access_respondent, access_family)."""

from gezinsregie.inspections.selectors.case import case_input, case_view, mandate_is_full, mandated_families
from gezinsregie.inspections.selectors.follow_up import (
    Comparison,
    comparison,
    earlier_by_indicator,
    facts,
    invitable_organisations,
    municipality_users,
    points_for,
    points_per_approach,
    previous_inspection,
)
from gezinsregie.inspections.selectors.indicators import (
    finding_by_indicator,
    indicators_of,
    level_indicators,
    overall_findings,
    positions,
    prefetched_findings,
    refs,
)
from gezinsregie.inspections.selectors.judging import (
    CriterionGroup,
    IndicatorRow,
    ThemeGroup,
    answer_with_document,
    family_findings,
    group_rows,
    indicators_free_for,
    judging_tree,
    submitted_respondents,
    uncovered_keys,
)
from gezinsregie.inspections.selectors.result import ResultRow, ResultTheme, result_tables

__all__ = [
    "Comparison",
    "CriterionGroup",
    "IndicatorRow",
    "ResultRow",
    "ResultTheme",
    "ThemeGroup",
    "answer_with_document",
    "case_input",
    "case_view",
    "comparison",
    "earlier_by_indicator",
    "facts",
    "family_findings",
    "finding_by_indicator",
    "group_rows",
    "indicators_free_for",
    "indicators_of",
    "invitable_organisations",
    "judging_tree",
    "level_indicators",
    "mandate_is_full",
    "mandated_families",
    "municipality_users",
    "overall_findings",
    "points_for",
    "points_per_approach",
    "positions",
    "prefetched_findings",
    "previous_inspection",
    "refs",
    "result_tables",
    "submitted_respondents",
    "uncovered_keys",
]
