"""The findings cell: one or more findings, each opened by a judgement symbol.

- ✓ (also ✔) voldoet → "met"; X or ✗ (also ✘, ×) verbeterpunt → "improvement"; – or - (also —) niet getoetst →
  "not_assessed" (toetsingskader STJ 2013, legend of the factsheets and Bijlage 1).
- Findings come as `<p>…</p>` paragraphs or inline. A paragraph without a symbol continues the previous
  finding. `LET OP:` starts an attention note belonging to the finding it is in.
- The ambiguous symbols X, – and - open a new finding inside a paragraph only after the end of a sentence
  and before a capital ("… bekend. X De gemeente …"), and only in cells without `<p>` paragraphs, so that
  "geen casemanager die de – inhoudelijke – regie voerde" stays one finding.
"""

import html
import itertools
import re
from dataclasses import dataclass, field
from typing import Literal

Judgement = Literal["met", "improvement", "not_assessed"]

MET: Judgement = "met"
IMPROVEMENT: Judgement = "improvement"
NOT_ASSESSED: Judgement = "not_assessed"

SYMBOLS: dict[str, Judgement] = {
    "✓": MET,
    "✔": MET,
    "☑": MET,
    "✅": MET,
    "✗": IMPROVEMENT,
    "✘": IMPROVEMENT,
    "☒": IMPROVEMENT,
    "❌": IMPROVEMENT,
    "X": IMPROVEMENT,
    "x": IMPROVEMENT,
    "×": IMPROVEMENT,
    "–": NOT_ASSESSED,
    "—": NOT_ASSESSED,
    "−": NOT_ASSESSED,
    "-": NOT_ASSESSED,
}
_UNAMBIGUOUS = "✓✔☑✅✗✘☒❌"
_AMBIGUOUS = "Xx×–—−-"

_LEADING = re.compile(rf"^\s*(?:(?P<clear>[{_UNAMBIGUOUS}])\s*|(?P<word>[{_AMBIGUOUS}])(?:\s+|$))")
_INLINE_CLEAR = re.compile(rf"[{_UNAMBIGUOUS}]")
_INLINE_AMBIGUOUS = re.compile(r"[.!?][)\"'”’»]*\s+(?P<symbol>[X×–—−-])\s+(?=[A-ZÀ-Ý0-9\"'‘“(])")
_PARAGRAPH = re.compile(r"</?p\b[^>]{0,200}>|\n", re.IGNORECASE)
_HAS_PARAGRAPHS = re.compile(r"</?p\b[^>]{0,200}>", re.IGNORECASE)
_BREAK_TAG = re.compile(r"<(?:br|li|/li|ul|/ul|ol|/ol|div|/div)\b[^>]{0,200}>", re.IGNORECASE)
_INLINE_TAG = re.compile(r"</?(?:strong|b|em|i|u|span|sup|sub|mark)\b[^>]{0,200}>", re.IGNORECASE)
_LET_OP = re.compile(r"\bLET\s+OP\s*:")
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")
_FINDINGS_START = re.compile(rf"(?i:<p\b[^>]{{0,200}}>)|[{_UNAMBIGUOUS}]|(?:^|\s)(?:X|×|–|—)\s+(?=[A-ZÀ-Ý0-9\"'‘“(])")


@dataclass
class ParsedFinding:
    judgement: Judgement
    text: str
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {"judgement": self.judgement, "text": self.text, "notes": list(self.notes)}


@dataclass
class _Draft:
    judgement: Judgement
    parts: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, text: str) -> None:
        """Add a piece of text: before LET OP it is finding text, after it a note."""
        before, *notes = _LET_OP.split(text)
        if before.strip():
            self.parts.append(before.strip())
        self.notes.extend(note.strip() for note in notes if note.strip())

    def finding(self) -> ParsedFinding:
        return ParsedFinding(judgement=self.judgement, text="\n\n".join(self.parts), notes=self.notes)


def _clean(cell: str) -> str:
    cell = html.unescape(_INLINE_TAG.sub("", _BREAK_TAG.sub("\n", cell)))
    return cell.replace("\r", "\n")


def leading_judgement(text: str) -> tuple[Judgement, str] | None:
    """(judgement, rest) when the text opens with a judgement symbol."""
    match = _LEADING.match(text)
    if not match:
        return None
    symbol = match.group("clear") or match.group("word")
    return SYMBOLS[symbol], text[match.end() :]


def looks_like_findings(cell: str) -> bool:
    """Whether a cell starts as a findings cell (a symbol or a paragraph)."""
    stripped = cell.lstrip()
    return stripped.lower().startswith("<p") or leading_judgement(stripped) is not None


def split_merged_cell(cell: str) -> tuple[str, str]:
    """Split "indicator text ✓ finding" (a lost tab) at the first judgement symbol or paragraph."""
    match = _FINDINGS_START.search(cell)
    if not match or not cell[: match.start()].strip():
        return cell, ""
    return cell[: match.start()].strip(), cell[match.start() :].strip()


def _pieces(paragraph: str, *, inline_ambiguous: bool) -> list[str]:
    starts = {match.start() for match in _INLINE_CLEAR.finditer(paragraph)}
    if inline_ambiguous:
        starts |= {match.start("symbol") for match in _INLINE_AMBIGUOUS.finditer(paragraph)}
    cuts = sorted(start for start in starts if paragraph[:start].strip())
    bounds = [0, *cuts, len(paragraph)]
    return [paragraph[a:b].strip() for a, b in itertools.pairwise(bounds) if paragraph[a:b].strip()]


def parse_findings(cell: str) -> tuple[list[ParsedFinding], list[str]]:
    """The findings in a cell, and the texts that have no judgement to belong to (never dropped)."""
    cell = _clean(cell)
    inline_ambiguous = not _HAS_PARAGRAPHS.search(cell)
    drafts: list[_Draft] = []
    orphans: list[str] = []
    for paragraph in _PARAGRAPH.split(cell):
        paragraph = _SPACES.sub(" ", paragraph).strip()
        if not paragraph:
            continue
        for piece in _pieces(paragraph, inline_ambiguous=inline_ambiguous):
            opened = leading_judgement(piece)
            if opened is not None:
                judgement, rest = opened
                drafts.append(_Draft(judgement))
                drafts[-1].add(rest)
            elif drafts:
                drafts[-1].add(piece)
            else:
                orphans.append(piece)
    return [draft.finding() for draft in drafts], orphans
