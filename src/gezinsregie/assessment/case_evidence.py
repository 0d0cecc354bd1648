"""The self-assessment per case indicator for an approach as a whole, for the inspector's judging screen (issue 13
§5): how many families meet it, the proposal that follows, and the words the data gives most often where a family
does not meet it.

Numbers and words, never a person: counted in the database over the stored results (StoredResult, kept current by
the background checks), or computed now while none are stored. The evidence words lose their dates and figures and
are grouped, so no single family can be read from them; a group of fewer than SMALL_NUMBER families is not counted,
every other count is rounded to fives and a share computed from the rounded counts (common.counts, issue 12 §5).
Nothing of it is personal data, so reading it is not logged.
"""

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.assessment import selectors
from gezinsregie.assessment.indicators import Outcome, without_dates
from gezinsregie.assessment.models import StoredResult
from gezinsregie.assessment.policy_proposals import ENOUGH, percent
from gezinsregie.casework.selectors import SMALL_NUMBER
from gezinsregie.common.counts import count_words, protected_percent
from gezinsregie.organisations.models import Approach

FIGURE = re.compile(r"\b\d+\b")
WORDS_SHOWN = 3


def few(count: int) -> str:
    return count_words(count, threshold=SMALL_NUMBER)


def generalised(evidence: str) -> str:
    """'Bij 2 van de 5 problemen ... op 3-2-2025' → 'Bij … van de … problemen ... op [datum]'."""
    return FIGURE.sub("…", without_dates(evidence)).strip()


@dataclass
class CaseEvidence:
    key: str
    counts: Counter[str] = field(default_factory=Counter)
    words: list[tuple[str, str]] = field(default_factory=list)  # (generalised evidence, how many families in words)
    proposal: Outcome = Outcome.UNKNOWN
    reason: str = ""

    @property
    def assessed(self) -> int:
        return self.counts[Outcome.MET] + self.counts[Outcome.NOT_MET]

    @property
    def summary(self) -> str:
        met, assessed = self.counts[Outcome.MET], self.assessed
        unknown = self.counts[Outcome.UNKNOWN]
        without = f"; bij {few(unknown)} gezinnen geven de gegevens geen antwoord" if unknown else ""
        share = protected_percent(met, assessed, threshold=SMALL_NUMBER)
        if share is None:
            return f"Voor {few(assessed)} gezinnen een antwoord uit de gegevens{without}."
        return f"{few(met)} van de {few(assessed)} gezinnen voldoen ({share}%, afgerond){without}."


def _propose(evidence: CaseEvidence) -> None:
    """From the exact counts; the reason names the side of ENOUGH only (the summary gives the share rounded)."""
    met, assessed = evidence.counts[Outcome.MET], evidence.assessed
    if assessed < SMALL_NUMBER:
        evidence.proposal, evidence.reason = Outcome.UNKNOWN, "Te weinig gezinnen met een antwoord voor een voorstel."
    elif percent(met, assessed) >= ENOUGH:
        evidence.proposal = Outcome.MET
        evidence.reason = f"Bij {ENOUGH}% of meer van de gezinnen voldoet de aanpak."
    else:
        evidence.proposal = Outcome.NOT_MET
        evidence.reason = f"Bij minder dan {ENOUGH}% van de gezinnen voldoet de aanpak."


def summarise(
    counts: Iterable[tuple[str, str, int]], not_met_words: Iterable[tuple[str, str, int]]
) -> dict[str, CaseEvidence]:
    """From (key, outcome, families) and (key, evidence of a family not meeting it, families): per key its evidence."""
    out: dict[str, CaseEvidence] = defaultdict(lambda: CaseEvidence(""))
    for key, outcome, n in counts:
        out[key].key = key
        out[key].counts[outcome] += n
    grouped: dict[str, Counter[str]] = defaultdict(Counter)
    for key, text, n in not_met_words:
        if text:
            grouped[key][generalised(text)] += n
    for key, evidence in out.items():
        evidence.words = [(text, few(n)) for text, n in grouped[key].most_common(WORDS_SHOWN)]
        _propose(evidence)
    return dict(out)


def case_evidence_of(*, actor: User, approach: Approach) -> dict[str, CaseEvidence]:
    """Per case indicator of the approach: counts, proposal and the most frequent words where it is not met."""
    policy.ensure(actor, policy.Permission.VIEW_ASSESSMENT, approach)
    stored = StoredResult.objects.filter(approach=approach)
    if stored.exists():
        counts = stored.values_list("key", "outcome").annotate(n=Count("pk")).order_by()
        words = stored.filter(outcome=Outcome.NOT_MET).values_list("key", "evidence").annotate(n=Count("pk")).order_by()
        return summarise(counts, words)
    live = selectors.assessment_of(actor=actor, approach=approach)
    per_family = [result for results in live.results.values() for result in results.items()]
    return summarise(
        _flat(Counter((key, str(r.outcome)) for key, r in per_family)),
        _flat(Counter((key, r.evidence) for key, r in per_family if r.outcome == Outcome.NOT_MET)),
    )


def _flat(counter: Counter[tuple[str, str]]) -> list[tuple[str, str, int]]:
    return [(a, b, n) for (a, b), n in counter.items()]
