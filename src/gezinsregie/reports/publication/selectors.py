"""The published reports of one inspection, read into a Report (rendering.py makes the page and the PDF).

- The factsheet of a policy-level inspection (Factsheet Oosterhout Gezinsmanager 2013): the approach,
  who filled in the questionnaire, a description, and per theme a table criterion | indicators | findings.
- The nota van bevindingen of a case-level inspection (Nota van bevindingen Maastricht 2014):
  introduction, the approach, what goes well, what can be better, conclusion and recommendations, and
  Bijlage 1: the same tables, for the approach's overall findings (never one family's).
- After hoor en wederhoor, both end with its appendix: the municipality's response per finding of the concept and
  the inspectorate's answer (the finding kept, or what it said before it changed).

No personal data, for anyone who may read the report: organisations but no persons, families only as their
pseudonym ("Gezin A"), no interview, plan review or per-family finding. The inspector's texts are plain text;
before they are shown, the names, references and addresses of the families in the sample are replaced
(`redact`), in case one slipped into a text. Those names are read only to remove them and never shown, so a
report is no read of personal data and is not written to the access log.
"""

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone
from django.utils.text import slugify

from gezinsregie.frameworks.models import Criterion, Indicator, Theme
from gezinsregie.inspections import selectors, workflow
from gezinsregie.inspections.models import (
    Finding,
    Inspection,
    InspectionLevel,
    InterviewKind,
    Judgement,
    RespondentKind,
)
from gezinsregie.reports.aggregate import rules as aggregate
from gezinsregie.reports.publication import narrative
from gezinsregie.reports.publication.rules import ADDRESS, NAME, Block, Redaction, blocks, redact

FACTSHEET, CASE_REPORT = "factsheet", "case_report"
KIND_OF_LEVEL = {InspectionLevel.POLICY: FACTSHEET, InspectionLevel.CASE: CASE_REPORT}


# --- no names in a report ---------------------------------------------------------------------------------------


def sample_redactions(inspection: Inspection) -> list[Redaction]:
    """What must never appear in a report of this inspection: the sample families' names (the family's name
    becomes its pseudonym), references, addresses and their members' names."""
    found: list[Redaction] = []
    reviews = inspection.case_reviews.select_related("family").prefetch_related("family__members")
    for review in reviews:
        family = review.family
        surname = re.sub(r"^gezin\s+", "", family.name.strip(), flags=re.IGNORECASE)
        found += [
            Redaction(family.name, review.pseudonym),
            Redaction(family.reference, review.pseudonym),
            Redaction(family.address, ADDRESS),
            Redaction(surname, NAME),
        ]
        for member in family.members.all():
            found += [
                Redaction(f"{member.first_name} {member.last_name}", NAME),
                Redaction(member.first_name, NAME),
                Redaction(member.last_name, NAME),
            ]
    return found


# --- the tables: per theme, per criterion, rows of indicators with their findings -----------------------------


@dataclass(frozen=True)
class ReportFinding:
    judgement: str  # Judgement value
    text: tuple[Block, ...]
    notes: tuple[str, ...]  # LET OP


@dataclass(frozen=True)
class ReportRow:
    """One table row: the indicators it covers and its findings (none: not judged yet). Usually one finding;
    several when findings share a published row (Oosterhout B3.a.1–3: ✓ X ✓)."""

    indicators: tuple[Indicator, ...]
    findings: tuple[ReportFinding, ...]


@dataclass(frozen=True)
class ReportCriterion:
    criterion: Criterion
    rows: tuple[ReportRow, ...]


@dataclass(frozen=True)
class ReportTheme:
    theme: Theme
    criteria: tuple[ReportCriterion, ...]


@dataclass
class _RowDraft:
    indicators: list[Indicator]
    findings: list[Finding]
    carried: tuple["ReportFinding", ...] = ()  # what stands from an earlier inspection where this one did not judge

    def add(self, indicators: Iterable[Indicator]) -> None:
        known = {i.pk for i in self.indicators}
        self.indicators += [i for i in indicators if i.pk not in known]

    def freeze(self, redactions: Sequence[Redaction]) -> ReportRow:
        return ReportRow(
            tuple(self.indicators),
            tuple(
                ReportFinding(
                    judgement=f.judgement,
                    text=blocks(redact(f.text, redactions)),
                    notes=tuple(redact(n.text, redactions) for n in f.notes.all()),
                )
                for f in self.findings
            )
            + self.carried,
        )


def _carried(result: "selectors.ResultRow") -> tuple[ReportFinding, ...]:
    """Where this inspection did not judge an indicator at all: the judgement that stands from an earlier one, as
    the follow-up reports it (Verbeterpunten Zwolle 2015: "niet opnieuw getoetst"), as the row's finding — it
    counts as such. A "–" of this inspection is shown as it is."""
    stands = result.carried
    if stands is None or stands.judgement not in (Judgement.MET, Judgement.IMPROVEMENT):
        return ()
    words = "voldeed" if stands.judgement == Judgement.MET else "was een verbeterpunt"
    if result.finding is None:
        text = f"In {stands.year} {words}; in dit onderzoek niet opnieuw getoetst."
        return (ReportFinding(judgement=stands.judgement, text=blocks(text), notes=()),)
    return ()


def report_tables(inspection: Inspection, redactions: Sequence[Redaction] = ()) -> tuple[ReportTheme, ...]:
    """selectors.result_tables, with the findings that share a published row (Finding.row) in one row."""
    sharing: dict[int, list[Finding]] = {}
    for finding in selectors.overall_findings(inspection):
        if finding.row is not None:
            sharing.setdefault(finding.row, []).append(finding)
    drafts: dict[int, _RowDraft] = {}  # per row number
    themes: list[tuple[Theme, list[tuple[Criterion, list[_RowDraft]]]]] = []
    for table in selectors.result_tables(inspection):
        criteria: list[tuple[Criterion, list[_RowDraft]]] = []
        for result in table.rows:
            number = result.finding.row if result.finding is not None else None
            if number is not None and number in drafts:
                drafts[number].add(result.indicators)
                continue
            if number is not None:
                draft = drafts[number] = _RowDraft([], sharing[number])
                draft.add(result.indicators)
            else:
                draft = _RowDraft(list(result.indicators), [result.finding] if result.finding is not None else [])
                draft.carried = _carried(result)
            if not criteria or criteria[-1][0].pk != result.criterion.pk:
                criteria.append((result.criterion, []))
            criteria[-1][1].append(draft)
        themes.append((table.theme, criteria))
    return tuple(
        ReportTheme(theme, tuple(ReportCriterion(c, tuple(d.freeze(redactions) for d in rows)) for c, rows in criteria))
        for theme, criteria in themes
    )


def rows_of(themes: Iterable[ReportTheme]) -> list[ReportRow]:
    return [row for theme in themes for block in theme.criteria for row in block.rows]


def judgements_per_indicator(themes: Sequence[ReportTheme]) -> dict[str, str]:
    """One judgement per judged indicator key, by the aggregate report's counting rule."""
    return aggregate.approach_judgements(
        aggregate.Row(tuple(i.key for i in row.indicators), tuple(f.judgement for f in row.findings))
        for row in rows_of(themes)
        if row.findings
    )


@dataclass(frozen=True)
class Counts:
    met: int
    improvement: int
    not_assessed: int
    open: int  # not judged yet (a concept)

    @property
    def total(self) -> int:
        return self.met + self.improvement + self.not_assessed + self.open


def counts(themes: Sequence[ReportTheme]) -> Counts:
    judged = judgements_per_indicator(themes)
    keys = [i.key for row in rows_of(themes) for i in row.indicators]
    values = [judged.get(key) for key in keys]
    return Counts(
        met=values.count(Judgement.MET.value),
        improvement=values.count(Judgement.IMPROVEMENT.value),
        not_assessed=values.count(Judgement.NOT_ASSESSED.value),
        open=values.count(None),
    )


# --- the report -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Respondent:
    organisation: str
    kind: str  # "gemeente" | "netwerkpartner"


@dataclass(frozen=True)
class SampledFamily:
    pseudonym: str
    interviews: int
    plan_reviewed: bool


@dataclass(frozen=True)
class RebuttalEntry:
    """One response of the municipality to a finding of the concept (hoor) and the inspectorate's answer
    (wederhoor): the appendix "Hoor en wederhoor"."""

    indicators: tuple[str, ...]  # keys
    agrees: bool
    response: tuple[Block, ...]
    answered: bool
    changed: bool  # the finding changed: `judgement_before` and `text_before` are what the concept said
    answer: tuple[Block, ...]
    judgement_before: str
    text_before: tuple[Block, ...]


@dataclass(frozen=True)
class RebuttalAppendix:
    sent_on: date
    due_on: date
    entries: tuple[RebuttalEntry, ...]


@dataclass(frozen=True)
class Report:
    kind: str  # FACTSHEET | CASE_REPORT
    inspection_id: int
    concept: bool  # not published yet: only the inspectorate sees it
    municipality: str
    approach: str
    year: int
    inspectorate: str
    framework: str
    ggsr_definition: str
    published_on: date | None
    respondents: tuple[Respondent, ...] = ()
    families: tuple[SampledFamily, ...] = ()
    interviews: dict[str, int] = field(default_factory=dict)  # InterviewKind → number
    description: tuple[Block, ...] = ()
    goes_well: tuple[Block, ...] = ()
    can_be_better: tuple[Block, ...] = ()
    conclusion: tuple[Block, ...] = ()
    recommendations: tuple[Block, ...] = ()
    themes: tuple[ReportTheme, ...] = ()
    counts: Counts = Counts(0, 0, 0, 0)
    improvement_points: tuple[Indicator, ...] = ()
    in_rebuttal: bool = False  # a concept the municipality sees for hoor en wederhoor
    rebuttal: RebuttalAppendix | None = None
    # the nota's subsections per chapter (Chapter value), the typering, how precisely the date is known
    chapters: dict[str, tuple[narrative.Subsection, ...]] = field(default_factory=dict)
    profile: tuple[narrative.ProfileAnswer, ...] = ()
    published_precision: str = "day"  # "month" / "year" for a document that names no day

    @property
    def is_factsheet(self) -> bool:
        return self.kind == FACTSHEET

    @property
    def title(self) -> str:
        if self.is_factsheet:
            return f"Factsheet {self.approach}"
        return f"Nota van bevindingen {self.municipality} {self.approach}"

    @property
    def filename(self) -> str:
        name = "factsheet" if self.is_factsheet else "nota-van-bevindingen"
        concept = "concept-" if self.concept else ""
        return f"{concept}{name}-{slugify(self.municipality)}-{slugify(self.approach)}-{self.year}.pdf"


def _rebuttal(inspection: Inspection, text: "Callable[[str], tuple[Block, ...]]") -> RebuttalAppendix | None:
    found = selectors.rebuttal_of(inspection)
    if found is None:
        return None
    entries = tuple(
        RebuttalEntry(
            indicators=tuple(i.key for i in r.finding.indicators.all()),
            agrees=not r.disagrees,
            response=text(r.text),
            answered=r.is_answered,
            changed=r.changed_finding,
            answer=text(r.answer),
            judgement_before=r.judgement_before,
            text_before=text(r.text_before),
        )
        for r in selectors.responses_of(found)
    )
    return RebuttalAppendix(found.sent_on, workflow.rebuttal_due_on(found.sent_on, found.days), entries)


def build(inspection: Inspection) -> Report:
    """The report of an inspection the caller got through policy.access_inspection(VIEW_INSPECTION)."""
    redactions = sample_redactions(inspection)

    def text(value: str) -> tuple[Block, ...]:
        return blocks(redact(value, redactions))

    themes = report_tables(inspection, redactions)
    judged = judgements_per_indicator(themes)
    improvement_points = tuple(
        i for row in rows_of(themes) for i in row.indicators if judged.get(i.key) == Judgement.IMPROVEMENT
    )
    approach = inspection.approach
    published = workflow.is_published(inspection) and inspection.published_at is not None
    respondents = tuple(
        Respondent(r.organisation.name, str(RespondentKind(r.kind).label))
        for r in selectors.submitted_respondents(inspection)
    )
    reviews = list(inspection.case_reviews.prefetch_related("interviews").order_by("pseudonym"))
    interviews = {kind.value: 0 for kind in InterviewKind}
    for review in reviews:
        for interview in review.interviews.all():
            interviews[interview.kind] += 1
    return Report(
        kind=KIND_OF_LEVEL[InspectionLevel(inspection.level)],
        inspection_id=inspection.pk,
        concept=not published,
        municipality=approach.municipality.name,
        approach=approach.name,
        year=inspection.year,
        inspectorate=inspection.organisation.name,
        framework=inspection.framework.name,
        ggsr_definition=inspection.framework.ggsr_definition,
        published_on=timezone.localdate(inspection.published_at) if published and inspection.published_at else None,
        respondents=respondents,
        families=tuple(SampledFamily(r.pseudonym, len(r.interviews.all()), r.plan_reviewed) for r in reviews),
        interviews=interviews,
        description=text(inspection.description or approach.description),
        goes_well=text(inspection.goes_well),
        can_be_better=text(inspection.can_be_better),
        conclusion=text(inspection.conclusion),
        recommendations=text(inspection.recommendations),
        themes=themes,
        counts=counts(themes),
        improvement_points=improvement_points,
        in_rebuttal=workflow.is_in_rebuttal(inspection),
        rebuttal=_rebuttal(inspection, text),
        chapters=narrative.chapters_of(inspection, redactions),
        profile=narrative.profile_of(inspection),
        published_precision=narrative.published_precision(inspection),
    )
