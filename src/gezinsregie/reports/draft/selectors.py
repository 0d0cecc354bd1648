"""The self-assessment of an approach as a draft report (issue 13 §5): a draft factsheet (policy level) and a draft
case-level annex (as Bijlage 1 of the Maastricht nota), each indicator with a proposed ✓/X from the data and the
evidence beside it — "zelfevaluatie, geen oordeel van de inspectie".

Numbers only, never a person: the case annex reads the stored counts of the self-assessment (or computes them while
none are stored), the factsheet the policy-level evidence. Nothing of it is personal data, so it is not logged.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from django.utils.text import slugify

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.assessment import selectors as assessment
from gezinsregie.assessment.case_evidence import CaseEvidence, case_evidence_of
from gezinsregie.assessment.indicators import Outcome
from gezinsregie.assessment.policy_evidence import Evidence
from gezinsregie.assessment.policy_proposals import Proposal
from gezinsregie.casework.selectors import SMALL_NUMBER
from gezinsregie.common.counts import count_words
from gezinsregie.frameworks.models import Criterion, Indicator, Theme
from gezinsregie.organisations.models import Approach

# a proposal in the words of a judgement: inspections.models.Judgement values
JUDGEMENT_OF = {Outcome.MET: "met", Outcome.NOT_MET: "improvement", Outcome.UNKNOWN: "not_assessed"}


@dataclass(frozen=True)
class DraftRow:
    indicator: Indicator
    proposal: Proposal
    evidence: tuple[str, ...]

    @property
    def judgement(self) -> str:
        return JUDGEMENT_OF[self.proposal.outcome]


@dataclass(frozen=True)
class DraftCriterion:
    criterion: Criterion
    rows: tuple[DraftRow, ...]


@dataclass(frozen=True)
class DraftTheme:
    theme: Theme
    criteria: tuple[DraftCriterion, ...]


@dataclass(frozen=True)
class DraftCounts:
    met: int
    not_met: int
    none: int

    @property
    def total(self) -> int:
        return self.met + self.not_met + self.none


@dataclass(frozen=True)
class DraftReport:
    approach_id: int
    approach: str
    municipality: str
    framework: str
    ggsr_definition: str
    as_of: date  # the day the case numbers are of
    families: int
    factsheet: tuple[DraftTheme, ...]
    annex: tuple[DraftTheme, ...]

    @property
    def families_shown(self) -> str:
        """The number of families as a protected count (issue 12 §5): the draft goes to the inspector."""
        return count_words(self.families, threshold=SMALL_NUMBER)

    @property
    def title(self) -> str:
        return f"Zelfevaluatie {self.approach}"

    @property
    def filename(self) -> str:
        return f"zelfevaluatie-{slugify(self.municipality)}-{slugify(self.approach)}-{self.as_of.isoformat()}.pdf"

    @property
    def factsheet_counts(self) -> DraftCounts:
        return _counts(self.factsheet)

    @property
    def annex_counts(self) -> DraftCounts:
        return _counts(self.annex)


def _counts(themes: Sequence[DraftTheme]) -> DraftCounts:
    outcomes = [row.proposal.outcome for t in themes for c in t.criteria for row in c.rows]
    return DraftCounts(outcomes.count(Outcome.MET), outcomes.count(Outcome.NOT_MET), outcomes.count(Outcome.UNKNOWN))


def _tables(indicators: Sequence[Indicator], row: Callable[[Indicator], DraftRow]) -> tuple[DraftTheme, ...]:
    """Per theme, per criterion, one row per indicator, in the framework's order."""
    themes: list[tuple[Theme, list[tuple[Criterion, list[DraftRow]]]]] = []
    for indicator in indicators:
        criterion = indicator.criterion
        if not themes or themes[-1][0].pk != criterion.theme_id:
            themes.append((criterion.theme, []))
        criteria = themes[-1][1]
        if not criteria or criteria[-1][0].pk != criterion.pk:
            criteria.append((criterion, []))
        criteria[-1][1].append(row(indicator))
    return tuple(
        DraftTheme(theme, tuple(DraftCriterion(c, tuple(rows)) for c, rows in criteria)) for theme, criteria in themes
    )


def _policy_row(evidence: dict[str, Evidence]) -> Callable[[Indicator], DraftRow]:
    def row(indicator: Indicator) -> DraftRow:
        found = evidence.get(indicator.key)
        if found is None:
            return DraftRow(indicator, Proposal(Outcome.UNKNOWN, "De gegevens zeggen hier niets over."), ())
        return DraftRow(indicator, Proposal(found.proposal, found.reason), tuple(found.lines))

    return row


def _case_row(evidence: dict[str, CaseEvidence]) -> Callable[[Indicator], DraftRow]:
    """The same proposal and words as the inspector's judging screen (assessment.case_evidence)."""

    def row(indicator: Indicator) -> DraftRow:
        found = evidence.get(indicator.key)
        if found is None:
            return DraftRow(indicator, Proposal(Outcome.UNKNOWN, "Nog geen gezinnen met een antwoord."), ())
        words = tuple(f"Waar niet voldaan, het vaakst: “{text}” ({n} gezinnen)." for text, n in found.words)
        return DraftRow(indicator, Proposal(found.proposal, found.reason), (found.summary, *words))

    return row


def draft_report(*, actor: User, approach: Approach) -> DraftReport:
    """For whoever may see the approach's self-assessment (VIEW_ASSESSMENT): its process manager, the
    municipality's policy staff, the inspectorate."""
    policy.ensure(actor, policy.Permission.VIEW_ASSESSMENT, approach)
    case = assessment.stored_assessment_of(actor=actor, approach=approach) or assessment.assessment_of(
        actor=actor, approach=approach
    )
    evidence = assessment.policy_evidence_of(actor=actor, approach=approach)
    return DraftReport(
        approach_id=approach.pk,
        approach=approach.name,
        municipality=approach.municipality.name,
        framework=approach.framework.name,
        ggsr_definition=approach.framework.ggsr_definition,
        as_of=case.as_of,
        families=case.families,
        factsheet=_tables(assessment.policy_indicators(approach), _policy_row(evidence)),
        annex=_tables(
            [s.indicator for s in case.indicators], _case_row(case_evidence_of(actor=actor, approach=approach))
        ),
    )
