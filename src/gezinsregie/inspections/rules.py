"""Pure inspection rules on plain values: no database, tested on their own.

The values are the model choices' strings ("policy", "met", "yes", ...), so these functions need no models.
The states and what each allows are in workflow.py.
"""

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

# --- the questionnaire ------------------------------------------------------------------------------------

MUNICIPALITY, PARTNER = "municipality", "partner"
YES, NO, PARTLY, UNKNOWN = "yes", "no", "partly", "unknown"
VALUE_ORDER = (YES, PARTLY, NO, UNKNOWN)
# (one says, several say)
SAYS = {
    YES: ("zegt ja", "zeggen ja"),
    NO: ("zegt nee", "zeggen nee"),
    PARTLY: ("zegt deels", "zeggen deels"),
    UNKNOWN: ("weet het niet", "weten het niet"),
}
# (the one, several)
GROUP_NOUNS = {
    MUNICIPALITY: ("de gemeente", "gemeentelijke respondenten"),
    PARTNER: ("de netwerkpartner", "netwerkpartners"),
}


@dataclass(frozen=True)
class AnswerSummary:
    text: str
    disagreement: bool
    counts: Mapping[str, Mapping[str, int]] = field(default_factory=dict)  # kind → value → how many

    @property
    def total(self) -> int:
        return sum(sum(c.values()) for c in self.counts.values())


def _subject(kind: str, n: int) -> str:
    one, several = GROUP_NOUNS[kind]
    if n == 1:
        return one
    return f"beide {several}" if n == 2 else f"alle {n} {several}"


def _group_phrase(kind: str, counts: Counter[str]) -> str:
    n = sum(counts.values())
    if len(counts) == 1:
        (value,) = counts
        return f"{_subject(kind, n)} {SAYS[value][n > 1]}"
    ranked = sorted(counts.items(), key=lambda item: (-item[1], VALUE_ORDER.index(item[0])))
    (first, first_count), rest = ranked[0], ranked[1:]
    parts = [f"{first_count} van {n} {GROUP_NOUNS[kind][1]} {SAYS[first][first_count > 1]}"]
    parts += [f"{count} {SAYS[value][count > 1]}" for value, count in rest]
    return ", ".join(parts[:-1]) + " en " + parts[-1]


def _sentence(text: str) -> str:
    return text[0].upper() + text[1:] + "."


def summarise_answers(answers: Iterable[tuple[str, str]]) -> AnswerSummary:
    """What the respondents said about one indicator, in one Dutch sentence, e.g.
    "De gemeente zegt ja, 2 van 3 netwerkpartners zeggen nee en 1 zegt ja."

    `answers` are (respondent kind, value) pairs; an empty value (not answered) is left out. There is
    disagreement when the respondents gave more than one of ja / nee / deels: "weet het niet" is not an
    opinion. Disagreement between respondents is a finding in itself (the factsheets, e.g. Oosterhout 2013).
    """
    given = [(kind, value) for kind, value in answers if value]
    if not given:
        return AnswerSummary("Nog geen antwoorden.", False, {})
    per_kind = {kind: Counter(v for k, v in given if k == kind) for kind in (MUNICIPALITY, PARTNER)}
    counts = {kind: dict(c) for kind, c in per_kind.items() if c}
    disagreement = len({v for _, v in given if v != UNKNOWN}) > 1
    values = {v for _, v in given}
    if len(values) == 1:  # everyone gave the same answer
        (value,) = values
        subjects = [_subject(kind, sum(c.values())) for kind, c in per_kind.items() if c]
        return AnswerSummary(_sentence(" en ".join(subjects) + " " + SAYS[value][len(given) > 1]), False, counts)
    phrases = [_group_phrase(kind, c) for kind, c in per_kind.items() if c]
    return AnswerSummary(_sentence(", ".join(phrases)), disagreement, counts)


def unanswered(indicator_ids: Sequence[int], answered: Mapping[int, str]) -> list[int]:
    """The indicators without a value yet, in framework order: a questionnaire is submitted complete."""
    return [pk for pk in indicator_ids if not answered.get(pk)]


# --- findings ---------------------------------------------------------------------------------------------

MET, IMPROVEMENT, NOT_ASSESSED = "met", "improvement", "not_assessed"


@dataclass(frozen=True)
class IndicatorRef:
    pk: int
    key: str
    criterion_id: int


def finding_errors(
    *,
    indicators: Sequence[IndicatorRef],
    judgement: str,
    text: str,
    covered_elsewhere: Mapping[int, str],
    for_family: bool,
) -> dict[str, list[str]]:
    """What is wrong with a finding, per form field; empty when it may be saved.

    `covered_elsewhere` maps an indicator to the key of the indicator that another finding of the same
    inspection (and family) already covers: every indicator has at most one judgement.
    """
    errors: dict[str, list[str]] = {}
    if not indicators:
        errors.setdefault("indicators", []).append("Kies minstens één indicator.")
    # The factsheets group indicators within one criterion (e.g. Oosterhout, "Planmatig").
    if len({i.criterion_id for i in indicators}) > 1:
        errors.setdefault("indicators", []).append("Een bevinding kan alleen indicatoren van één criterium omvatten.")
    taken = sorted(i.key for i in indicators if i.pk in covered_elsewhere)
    if taken:
        errors.setdefault("indicators", []).append(
            "Deze indicatoren hebben al een oordeel in een andere bevinding: " + ", ".join(taken) + "."
        )
    if judgement not in (MET, IMPROVEMENT, NOT_ASSESSED):
        errors.setdefault("judgement", []).append("Kies een oordeel.")
    elif not for_family and judgement != NOT_ASSESSED and not text.strip():
        errors.setdefault("text", []).append("Licht het oordeel toe: wat heeft de inspectie gezien?")
    return errors


def uncovered(indicator_keys: Sequence[str], covered: Iterable[str]) -> list[str]:
    """Indicators without an overall judgement, in framework order: an inspection is published complete."""
    done = set(covered)
    return [key for key in indicator_keys if key not in done]


def finding_order(indicator_ids: Iterable[int], position: Mapping[int, int]) -> int:
    """A finding sits where its first indicator sits in the framework."""
    return min((position[pk] for pk in indicator_ids if pk in position), default=0)


def attention_notes(text: str) -> list[str]:
    """The "LET OP" notes typed in one box, one per paragraph; a typed "LET OP:" prefix is dropped."""
    notes = []
    for paragraph in text.replace("\r\n", "\n").split("\n\n"):
        note = " ".join(paragraph.split())
        if note.upper().startswith("LET OP:"):
            note = note[len("LET OP:") :].strip()
        if note:
            notes.append(note)
    return notes


# --- case level ---------------------------------------------------------------------------------------------

# Maastricht §1.3: per family the family, the coordinator (or process manager) and three professionals.
MAX_PROFESSIONAL_INTERVIEWS = 3


def pseudonym(index: int) -> str:
    """Gezin A, Gezin B, ... Gezin Z, Gezin AA, ...: what reports call the n-th family (0-based)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"Gezin {letters}"


def interview_errors(*, kind: str, held_on: date, today: date, existing_kinds: Sequence[str]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if held_on > today:
        errors.setdefault("held_on", []).append("Een gesprek kan niet in de toekomst zijn gehouden.")
    if kind == "professional" and list(existing_kinds).count("professional") >= MAX_PROFESSIONAL_INTERVIEWS:
        errors.setdefault("kind", []).append(
            f"Per gezin spreekt de inspectie met ten hoogste {MAX_PROFESSIONAL_INTERVIEWS} professionals."
        )
    return errors


# --- follow-up: the Zwolle format -----------------------------------------------------------------------------


@dataclass(frozen=True)
class FindingFact:
    """A finding reduced to what a comparison needs."""

    pk: int
    indicator_keys: tuple[str, ...]
    judgement: str
    text: str
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ComparisonRow:
    indicator_keys: tuple[str, ...]
    earlier: FindingFact
    later: tuple[FindingFact, ...]  # the later findings covering any of its indicators; empty: not judged again
    resolved: bool


def point_resolved(indicator_keys: Iterable[str], later: Mapping[str, str | Sequence[str]]) -> bool:
    """An improvement point is resolved when the later inspection judged every one of its indicators met.

    `later` holds per indicator its judgement, or all its judgements: a published table row may hold several
    findings over the same indicators (Factsheet Oosterhout 2013, B3.a: ✓ X ✓). Then every one must be met."""
    keys = list(indicator_keys)

    def judgements(key: str) -> list[str]:
        given = later.get(key, ())
        return [given] if isinstance(given, str) else list(given)

    return bool(keys) and all(judgements(key) and all(j == MET for j in judgements(key)) for key in keys)


def comparison_rows(earlier: Sequence[FindingFact], later: Sequence[FindingFact]) -> list[ComparisonRow]:
    """Verbeterpunten Zwolle 2015 ("Uitkomsten verbeterpunten"): per improvement point of the earlier inspection
    its finding beside the later ones. Points the earlier inspection judged met are not compared ("niet opnieuw
    getoetst")."""
    later_by_key: dict[str, list[FindingFact]] = {}
    for fact in later:
        for key in fact.indicator_keys:
            later_by_key.setdefault(key, []).append(fact)
    judgements = {key: [fact.judgement for fact in facts] for key, facts in later_by_key.items()}
    rows = []
    for fact in earlier:
        if fact.judgement != IMPROVEMENT:
            continue
        matching: list[FindingFact] = []
        for key in fact.indicator_keys:
            for found in later_by_key.get(key, []):
                if found not in matching:
                    matching.append(found)
        resolved = point_resolved(fact.indicator_keys, judgements)
        rows.append(ComparisonRow(fact.indicator_keys, fact, tuple(matching), resolved))
    return rows


# --- follow-up across years: persisting points, carried judgements, terms -------------------------------------------

# What a later publication did to an open improvement point (inspections.models.FollowUpOutcome).
RESOLVED, PERSISTS, NOT_TESTED = "resolved", "persists", "not_tested"


def point_outcome(indicator_keys: Iterable[str], later: Mapping[str, str | Sequence[str]]) -> str | None:
    """What a later inspection's judgements mean for an open improvement point over `indicator_keys`:
    RESOLVED when every indicator is judged met (`point_resolved`); PERSISTS when any of them is an X again: the
    same point, not a second one (Verbeterpunten Zwolle 2015: doorzettingsmacht X in 2013 and in 2014);
    NOT_TESTED when it judged some of them otherwise ("– STJ heeft dit punt niet kunnen (her)toetsen"): the point
    stays open; None when it did not judge any of them."""
    keys = list(indicator_keys)

    def judgements(key: str) -> list[str]:
        given = later.get(key, ())
        return [given] if isinstance(given, str) else list(given)

    found = [j for key in keys for j in judgements(key)]
    if not found:
        return None
    if point_resolved(keys, later):
        return RESOLVED
    return PERSISTS if IMPROVEMENT in found else NOT_TESTED


def renewed_due_on(due_on: date | None, *, judged_on: date, new_term: date) -> date:
    """A persisting point's term: kept while it runs, renewed from the new publication (`new_term`, see
    workflow.improvement_due_on) when it had passed before that day or was never set."""
    return new_term if due_on is None or due_on < judged_on else due_on


def point_overdue(*, status: str, due_on: date | None, today: date) -> bool:
    """An improvement point not resolved whose term has passed (Maastricht 2014 §6.4: "over een jaar")."""
    return status != RESOLVED and due_on is not None and due_on < today


def indicator_judgement(judgements: Sequence[str]) -> str | None:
    """One inspection's judgement of one indicator from the findings covering it: an X when any is an X (as
    `point_resolved` asks every one to be met), else met when any is met, else not assessed; None: not judged."""
    if not judgements:
        return None
    if IMPROVEMENT in judgements:
        return IMPROVEMENT
    return MET if MET in judgements else NOT_ASSESSED


def standing(judged: Sequence[Mapping[str, str]]) -> dict[str, int]:
    """Per indicator, which inspection's judgement stands: an index into `judged`, the per-indicator judgements
    of an approach's inspections at one level, oldest first.

    A later ✓ or X replaces what stood. A later "–" (not assessed) or no judgement at all replaces nothing: a ✓
    of an earlier inspection carries forward where a follow-up did not test the indicator again (Verbeterpunten
    Zwolle 2015: "de punten waarop de aanpak al in 2013 een ✓ scoorde zijn niet opnieuw getoetst"), and so does
    an X that could not be tested again (the point stays open). A "–" stands only where nothing else was ever
    judged."""
    found: dict[str, int] = {}
    for index, judgements in enumerate(judged):
        for key, judgement in judgements.items():
            if judgement != NOT_ASSESSED or key not in found or judged[found[key]][key] == NOT_ASSESSED:
                found[key] = index
    return found


def carried_met(indicator_keys: Iterable[str], earlier: Mapping[str, str]) -> set[str]:
    """The indicators a follow-up may leave unjudged: those whose standing earlier judgement is ✓. An earlier X (or
    "–") must be judged again."""
    return {key for key in indicator_keys if earlier.get(key) == MET}


# --- hoor en wederhoor ---------------------------------------------------------------------------------------------

AGREE, DISAGREE = "agree", "disagree"  # inspections.models.Stance
KEPT, CHANGED = "kept", "changed"  # inspections.models.Decision


def response_errors(*, stance: str, text: str) -> dict[str, list[str]]:
    """The municipality's response to one finding of the concept: agree, or disagree and say why."""
    if stance not in (AGREE, DISAGREE):
        return {"stance": ["Kies of de gemeente het eens is met deze bevinding."]}
    if stance == DISAGREE and not text.strip():
        return {"text": ["Schrijf op waarom de gemeente het niet eens is met deze bevinding."]}
    return {}


def answer_errors(
    *, stance: str, decision: str, answer: str, judgement: str, text: str, current_judgement: str, current_text: str
) -> dict[str, list[str]]:
    """The inspector's answer to a response: the finding stays, or changes into `judgement` with `text`. A response
    that disagrees gets a reason either way."""
    errors: dict[str, list[str]] = {}
    if decision not in (KEPT, CHANGED):
        errors["decision"] = ["Kies of de bevinding blijft of wordt aangepast."]
    if stance == DISAGREE and not answer.strip():
        errors["answer"] = ["De gemeente is het niet eens: schrijf op waarom de bevinding blijft of hoe zij verandert."]
    if decision == CHANGED:
        if judgement not in (MET, IMPROVEMENT, NOT_ASSESSED):
            errors["judgement"] = ["Kies het oordeel van de aangepaste bevinding."]
        elif judgement != NOT_ASSESSED and not text.strip():
            errors["text"] = ["Schrijf de aangepaste bevinding."]
        elif judgement == current_judgement and text.strip() == current_text.strip():
            errors["text"] = ["De bevinding is niet veranderd: kies ‘bevinding blijft’ of pas haar aan."]
    return errors
