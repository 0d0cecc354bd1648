"""The placeholders and the working text of the de-identification (deidentify.py): what a pass puts in place of
what it found, and the text with those placeholders — each a private-use character no later pass can match."""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

NAME = "[naam]"
STAFF = "[medewerker]"
ADDRESS = "[adres]"
NEIGHBOURHOOD = "[wijk]"
PLACE = "[plaats]"
INSTITUTION = "[instelling]"
DATE = "[datum]"
AGE = "[leeftijd]"
PHONE = "[telefoonnummer]"
EMAIL = "[e-mail]"
WEBSITE = "[website]"
BSN = "[bsn]"
NUMBER = "[nummer]"
POSTCODE = "[postcode]"
ACCOUNT = "[rekeningnummer]"
UNSURE = "[weggelaten]"


HIDDEN_BASE = 0xF0000  # Unicode plane 15, private use: category Co, neither a word character nor a digit
HIDDEN = "[\U000f0000-\U000ffffd]"
HIDDEN_RE = re.compile(HIDDEN)
LETTER = r"[^\W\d_]"  # a letter


@dataclass(frozen=True)
class Name:
    """A phrase the system knows and what it becomes: "Sanne" → "Ouder 2", "de Vries" → "[naam]"."""

    phrase: str
    replacement: str
    first: bool = False  # a first name: its nicknames (a capitalised start of it) are hidden too
    place: bool = False  # an address or street: a house number after it goes with it


@dataclass(frozen=True)
class Known:
    names: tuple[Name, ...] = ()
    organisations: tuple[str, ...] = ()  # shown as they are
    vocabulary: frozenset[str] = frozenset()  # more words that may be shown capitalised (casefolded)


@dataclass(frozen=True)
class Found:
    """What a detector (the library) found: a span of the text it was given and its kind."""

    start: int
    end: int
    tag: str


Detector = Callable[[str], Iterable[Found]]


@dataclass
class Text:
    text: str
    hidden: list[str] = field(default_factory=list)
    names: set[str] = field(default_factory=set)  # placeholders that stand for a person

    def hide(self, replacement: str, *, person: bool = False) -> str:
        mark = chr(HIDDEN_BASE + len(self.hidden))
        self.hidden.append(replacement)
        if person:
            self.names.add(mark)
        return mark

    def sub(self, pattern: "re.Pattern[str]", replace: Callable[["re.Match[str]"], str | None]) -> None:
        def one(match: "re.Match[str]") -> str:
            found = replace(match)
            return match.group(0) if found is None else found

        self.text = pattern.sub(one, self.text)

    def result(self) -> str:
        return HIDDEN_RE.sub(lambda m: self.hidden[ord(m.group(0)) - HIDDEN_BASE], self.text)


def normal(phrase: str) -> str:
    return " ".join(phrase.split()).casefold()


def phrase_pattern(phrase: str) -> str:
    return r"\s+".join(map(re.escape, phrase.split()))
