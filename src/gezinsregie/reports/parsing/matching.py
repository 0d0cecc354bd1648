"""Matching document texts to the framework: theme headings, criterion names and indicator texts.

Indicator texts in the published reports differ slightly from the framework ("met en gezamenlijk plan",
trailing dots, capitals, "toereikend om: - Een probleemanalyse te maken - ..."), and one table cell may hold
several indicator texts of one criterion, simply concatenated. So a cell is normalised (case, diacritics,
punctuation, whitespace) and then segmented by dynamic programming into consecutive indicator texts of
ONE criterion, in framework order, each segment fuzzily equal (difflib ratio ≥ THRESHOLD) to its indicator.
Words that fit no indicator are kept as unmatched spans, never dropped.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from gezinsregie.reports.parsing.framework import CriterionSpec, FrameworkSpec, IndicatorSpec, LevelSpec, ThemeSpec
from gezinsregie.reports.parsing.normalize import TokenizedText, normalize, tokenize, without_article

THRESHOLD = 0.8  # difflib ratio between a (normalised) document text and a framework text
HEADING_THRESHOLD = 0.85  # theme headings are short: "Continue" ↔ "Continu" is 0.93, "Samenvatting" 0.67
SKIP_PENALTY = 0.75  # cost per character of a word left unmatched; cheaper than absorbing a foreign word (1)
MIN_TOKEN_OVERLAP = 0.5  # share of exactly equal words below which a segment cannot be the indicator
CONTEXT_BONUS = 0.05  # share of the cell length: the criterion named in (or continued by) the row
THEME_BONUS = 0.02  # share of the cell length: the theme of the heading above the table
MAX_HEADING_LENGTH = 60
MAX_CELL_TOKENS = 400  # seven indicators of twenty words: a longer cell is not an indicator cell


def ratio(a: str, b: str) -> float:
    """difflib similarity of two texts after normalisation."""
    return SequenceMatcher(None, normalize(a), normalize(b), autojunk=False).ratio()


@dataclass(frozen=True)
class _Indicator:
    spec: IndicatorSpec
    text: str
    tokens: tuple[str, ...]
    token_set: frozenset[str]


@dataclass(frozen=True)
class _Criterion:
    spec: CriterionSpec
    theme: ThemeSpec
    name: str
    indicators: tuple[_Indicator, ...]


@dataclass(frozen=True)
class RowMatch:
    """The result of matching one indicator cell within one level."""

    theme: str | None
    criterion: str | None
    indicators: tuple[str, ...]
    unmatched: tuple[str, ...]  # original text of the parts that fit no indicator
    score: float  # higher is better; comparable between levels for the same text


class LevelIndex:
    """One framework level, normalised once, with the matching operations on it."""

    def __init__(self, level: LevelSpec) -> None:
        self.spec = level
        criteria = []
        headings = []
        for theme in level.themes:
            headings.append((without_article(normalize(theme.name)), theme.key))
            if theme.slug:
                headings.append((without_article(normalize(theme.slug.replace("_", " "))), theme.key))
            for criterion in theme.criteria:
                indicators = []
                for indicator in criterion.indicators:
                    indicator_tokens = tuple(tokenize(indicator.text).tokens)
                    if indicator_tokens:
                        indicators.append(
                            _Indicator(
                                spec=indicator,
                                text=" ".join(indicator_tokens),
                                tokens=indicator_tokens,
                                token_set=frozenset(indicator_tokens),
                            )
                        )
                criteria.append(
                    _Criterion(
                        spec=criterion, theme=theme, name=normalize(criterion.name), indicators=tuple(indicators)
                    )
                )
        self.criteria: tuple[_Criterion, ...] = tuple(criteria)
        self.headings: tuple[tuple[str, str], ...] = tuple((alias, key) for alias, key in headings if alias)
        self.theme_of_criterion = {c.spec.key: c.theme.key for c in self.criteria}

    @property
    def key(self) -> str:
        return self.spec.key

    def theme_for_heading(self, text: str) -> str | None:
        """The theme key a heading such as "De aanpak", "Gezin Centraal" or "Continue" stands for."""
        if len(text) > MAX_HEADING_LENGTH:
            return None
        heading = without_article(normalize(text))
        if not heading:
            return None
        best: tuple[float, str] | None = None
        for alias, key in self.headings:
            if heading == alias:
                return key
            score = SequenceMatcher(None, heading, alias, autojunk=False).ratio()
            if score >= HEADING_THRESHOLD and (best is None or score > best[0]):
                best = (score, key)
        return best[1] if best else None

    def criterion_for_name(self, text: str, theme_key: str | None = None) -> str | None:
        """The criterion key whose name the text is (fuzzily); the heading's theme wins a near tie."""
        name = normalize(text)
        if not name:
            return None
        best: tuple[float, str] | None = None
        for criterion in self.criteria:
            score = SequenceMatcher(None, name, criterion.name, autojunk=False).ratio()
            if score < THRESHOLD:
                continue
            if criterion.theme.key == theme_key:
                score += 0.01
            if best is None or score > best[0]:
                best = (score, criterion.spec.key)
        return best[1] if best else None

    def match_row(self, text: str, *, theme_key: str | None = None, criterion_key: str | None = None) -> RowMatch:
        """Segment an indicator cell into indicators of the one criterion that explains it best.

        theme_key (the heading above the table) and criterion_key (named in the row, or the previous row's)
        only break near ties: a clearly better match elsewhere in the level still wins.
        """
        tokenized = tokenize(text)
        total = sum(len(token) + 1 for token in tokenized.tokens)
        if not tokenized.tokens:
            return RowMatch(None, None, (), (text.strip(),) if text.strip() else (), 0.0)
        if len(tokenized.tokens) > MAX_CELL_TOKENS:
            return RowMatch(None, None, (), (text.strip(),), -SKIP_PENALTY * total)
        best: tuple[float, float, _Criterion, list[tuple[int, int, _Indicator]], list[tuple[int, int]]] | None = None
        for criterion in self.criteria:
            candidates = _plausible(tokenized, criterion.indicators)
            if not candidates:
                continue
            score, segments, skipped = _segment(tokenized, candidates)
            if not segments:
                continue
            ranked = score
            if criterion.spec.key == criterion_key:
                ranked += CONTEXT_BONUS * total
            if criterion.theme.key == theme_key:
                ranked += THEME_BONUS * total
            if best is None or ranked > best[0]:
                best = (ranked, score, criterion, segments, skipped)
        if best is None:
            return RowMatch(None, None, (), (text.strip(),), -SKIP_PENALTY * total)
        _, score, criterion, segments, skipped = best
        return RowMatch(
            theme=criterion.theme.key,
            criterion=criterion.spec.key,
            indicators=tuple(indicator.spec.key for _, _, indicator in segments),
            unmatched=tuple(tokenized.original(start, end) for start, end in skipped),
            score=score,
        )

    def best_indicator(self, text: str) -> tuple[str, float] | None:
        """The single indicator most similar to the whole text, if similar enough."""
        normalized = normalize(text)
        best: tuple[str, float] | None = None
        for criterion in self.criteria:
            for indicator in criterion.indicators:
                score = SequenceMatcher(None, normalized, indicator.text, autojunk=False).ratio()
                if score >= THRESHOLD and (best is None or score > best[1]):
                    best = (indicator.spec.key, score)
        return best


def level_indexes(framework: FrameworkSpec) -> list[LevelIndex]:
    return [LevelIndex(level) for level in framework.levels]


def _plausible(text: TokenizedText, indicators: Sequence[_Indicator]) -> list[_Indicator]:
    """Indicators that share enough words with the whole text to match some part of it."""
    return [
        indicator
        for indicator in indicators
        if sum(token in indicator.token_set for token in text.tokens) >= MIN_TOKEN_OVERLAP * len(indicator.tokens)
    ]


def _segment(
    text: TokenizedText, indicators: Sequence[_Indicator]
) -> tuple[float, list[tuple[int, int, _Indicator]], list[tuple[int, int]]]:
    """Best split of the tokens into segments matching indicators in the given order, plus skipped words.

    A matched segment scores M - U (M: characters difflib matched, U: characters it did not), a skipped word
    costs SKIP_PENALTY per character. Returns the score, the segments (start, end, indicator) and the
    skipped spans (start, end), all in token positions.
    """
    words = text.tokens
    count, k = len(words), len(indicators)
    negative = -math.inf
    best = [[negative] * (k + 1) for _ in range(count + 1)]
    back: list[list[tuple[int, int, int] | None]] = [[None] * (k + 1) for _ in range(count + 1)]
    hits = []
    for indicator in indicators:
        prefix = [0] * (count + 1)
        for position, word in enumerate(words):
            prefix[position + 1] = prefix[position] + (word in indicator.token_set)
        hits.append(prefix)
    matchers = []
    for indicator in indicators:
        matcher = SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(indicator.text)
        matchers.append(matcher)
    cache: dict[tuple[int, int, int], float | None] = {}

    def segment_score(j: int, start: int, end: int) -> float | None:
        key = (j, start, end)
        if key in cache:
            return cache[key]
        indicator = indicators[j]
        result: float | None = None
        if hits[j][end] - hits[j][start] >= MIN_TOKEN_OVERLAP * max(end - start, len(indicator.tokens)):
            segment = " ".join(words[start:end])
            a, b = len(segment), len(indicator.text)
            if 2 * min(a, b) / (a + b) >= THRESHOLD:
                matcher = matchers[j]
                matcher.set_seq1(segment)
                if matcher.quick_ratio() >= THRESHOLD:
                    similarity = matcher.ratio()
                    if similarity >= THRESHOLD:
                        matched = similarity * (a + b) / 2
                        result = matched - (a + b - 2 * matched)
        cache[key] = result
        return result

    best[0][0] = 0.0
    for position in range(count):
        skip_cost = SKIP_PENALTY * (len(words[position]) + 1)
        for last in range(k + 1):
            score = best[position][last]
            if score == negative:
                continue
            if score - skip_cost > best[position + 1][last]:
                best[position + 1][last] = score - skip_cost
                back[position + 1][last] = (position, last, -1)
            for j in range(last, k):
                length = len(indicators[j].tokens)
                shortest = max(1, math.floor(length * 0.6))
                longest = math.ceil(length * 1.5) + 1
                for end in range(position + shortest, min(count, position + longest) + 1):
                    gained = segment_score(j, position, end)
                    if gained is not None and score + gained > best[end][j + 1]:
                        best[end][j + 1] = score + gained
                        back[end][j + 1] = (position, last, j)
    last = max(range(k + 1), key=lambda index: best[count][index])
    total = best[count][last]
    segments: list[tuple[int, int, _Indicator]] = []
    skipped: list[tuple[int, int]] = []
    position = count
    while position > 0:
        step = back[position][last]
        if step is None:  # unreachable: every position is reachable by skipping
            break
        previous, previous_last, j = step
        if j < 0:
            if skipped and skipped[-1][0] == position:
                skipped[-1] = (previous, skipped[-1][1])
            else:
                skipped.append((previous, position))
        else:
            segments.append((previous, position, indicators[j]))
        position, last = previous, previous_last
    segments.reverse()
    skipped.reverse()
    return total, segments, skipped


def _levels(framework: FrameworkSpec, level: str | None) -> list[LevelIndex]:
    return [LevelIndex(spec) for spec in framework.levels if level is None or spec.key == level]


def match_indicator_text(text: str, framework: FrameworkSpec, *, level: str | None = None) -> tuple[str, float] | None:
    """The one indicator (key, similarity) a single document text stands for, or None below THRESHOLD."""
    found = [match for index in _levels(framework, level) if (match := index.best_indicator(text))]
    return max(found, key=lambda match: match[1]) if found else None


def segment_indicator_text(
    text: str,
    framework: FrameworkSpec,
    *,
    level: str | None = None,
    theme: str | None = None,
    criterion: str | None = None,
) -> RowMatch:
    """Split a cell of concatenated indicator texts into indicator keys of one criterion (best level if None).

    theme and criterion (keys) are context that breaks near ties, as the heading and criterion cell do.
    """
    matches = [index.match_row(text, theme_key=theme, criterion_key=criterion) for index in _levels(framework, level)]
    return max(matches, key=lambda match: match.score, default=RowMatch(None, None, (), (text,), 0.0))
