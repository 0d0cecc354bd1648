"""Reading STJ report text (factsheets, Bijlage 1 of a nota van bevindingen, follow-ups) into structured findings.

Pure Python on plain values: no models, no database. The importer builds a FrameworkSpec (from the YAML file
or from the database) and calls parse_report / parse_follow_up; both raise only ReportParseError.
"""

from gezinsregie.reports.parsing.errors import FrameworkSpecError, ReportParseError
from gezinsregie.reports.parsing.findings import Judgement, ParsedFinding, parse_findings
from gezinsregie.reports.parsing.follow_up import FollowUpRow, parse_follow_up
from gezinsregie.reports.parsing.framework import (
    CriterionSpec,
    FrameworkSpec,
    IndicatorSpec,
    LevelSpec,
    ThemeSpec,
    framework_spec_from_dict,
    framework_spec_from_yaml,
)
from gezinsregie.reports.parsing.matching import RowMatch, match_indicator_text, segment_indicator_text
from gezinsregie.reports.parsing.report import ParsedReport, Row, parse_report

__all__ = [
    "CriterionSpec",
    "FollowUpRow",
    "FrameworkSpec",
    "FrameworkSpecError",
    "IndicatorSpec",
    "Judgement",
    "LevelSpec",
    "ParsedFinding",
    "ParsedReport",
    "ReportParseError",
    "Row",
    "RowMatch",
    "ThemeSpec",
    "framework_spec_from_dict",
    "framework_spec_from_yaml",
    "match_indicator_text",
    "parse_findings",
    "parse_follow_up",
    "parse_report",
    "segment_indicator_text",
]
