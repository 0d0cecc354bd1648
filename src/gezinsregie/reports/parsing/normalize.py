"""Text normalisation for matching: case, diacritics, punctuation and whitespace do not count."""

import re
import unicodedata
from dataclasses import dataclass

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_WORD = re.compile(r"\S+")
_LEADING_ARTICLE = re.compile(r"^(?:de|het|een)\s+")


def fold(text: str) -> str:
    """Lower case without diacritics: "Coördinatie" → "coordinatie", "één" → "een"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def tokens(text: str) -> list[str]:
    """The words of a text after folding; any punctuation separates words and is dropped."""
    return _NON_ALNUM.sub(" ", fold(text)).split()


def normalize(text: str) -> str:
    return " ".join(tokens(text))


def without_article(normalized: str) -> str:
    """ "de aanpak" → "aanpak" (theme headings are written both ways)."""
    return _LEADING_ARTICLE.sub("", normalized)


@dataclass(frozen=True)
class TokenizedText:
    """Normalised tokens of a text, each with the span of the original word it came from."""

    text: str
    tokens: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]

    def original(self, start: int, end: int) -> str:
        """The original text covering tokens[start:end]."""
        if start >= end:
            return ""
        return self.text[self.spans[start][0] : self.spans[end - 1][1]]


def tokenize(text: str) -> TokenizedText:
    found: list[str] = []
    spans: list[tuple[int, int]] = []
    for word in _WORD.finditer(text):
        for token in tokens(word.group()):
            found.append(token)
            spans.append(word.span())
    return TokenizedText(text=text, tokens=tuple(found), spans=tuple(spans))
