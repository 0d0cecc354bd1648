"""De-identification of free text for a pseudonymised reader: pure functions on strings, no database.

`deidentify(text, known)` hides, in this order (each pass puts a placeholder in place of what it found, a
character no later pass can match, so no pass ever sees half of what an earlier one hid):

1. e-mail and web addresses → [e-mail], [website].
2. exact dates → month and year: "12 maart 2024", "12-03-2024", "2024-03-12" → "maart 2024"; "12 maart" →
   "maart"; a day and month in figures after "op", "vanaf", "tot", "sinds" or "d.d." → [datum].
3. the names the system knows (`Known`): members, network persons, staff, the family's name, its address,
   street and neighbourhood. Whole words in any case, with the inflections of a Dutch name (Sannes,
   Sannetje, Sanneke; "Sanne's broer" keeps its "'s": "Ouder 2's broer"), as the start of a longer
   capitalised word (Mohammeds, Lindelaantje), and a known first name's nickname: a capitalised word of two
   letters or more that begins it ("Mo" for Mohammed), unless that word is a common Dutch word.
   A known address or street takes its house number with it.
4. the organisations the system knows stay as they are (they are not persons; later passes leave them).
5. numbers: IBAN → [rekeningnummer]; postcode (1234 AB) → [postcode]; Dutch phone numbers → [telefoonnummer];
   nine digits passing the 11-proef → [bsn]; any other seven or more digits → [nummer].
6. ages beside a name ("Ouder 1 (34)", "[naam], 34 jaar") and "34-jarige" → [leeftijd].
7. street and neighbourhood names by their form (…straat, …laan, …plein, …buurt, …wijk) → [adres], [wijk].
8. the library (`deduce`, see library.py): persons, places, institutions, dates, ages, phone numbers,
   e-mail, BSN that the earlier passes missed.
9. unsure → [weggelaten]. The rule: a capitalised word is shown only if it is a common Dutch word (the
   library's word lists), a word of the vocabulary (`Known.vocabulary`: organisations, life domains, the
   words of the labels, the words in DOMAIN_WORDS) or a known acronym (ACRONYMS) — or if it begins a
   sentence and is not in the library's lists of first names and surnames. Anything else capitalised is a
   word the de-identifier cannot vouch for, and is hidden. Better one word too many hidden than one name shown.
"""

import re
from collections.abc import Sequence

from gezinsregie.common.formatting import MONTHS
from gezinsregie.inspections.pseudonymise.dates import date_text, hide_dates, month_and_year
from gezinsregie.inspections.pseudonymise.text import (
    ACCOUNT,
    ADDRESS,
    AGE,
    BSN,
    DATE,
    EMAIL,
    HIDDEN,
    HIDDEN_RE,
    INSTITUTION,
    LETTER,
    NAME,
    NEIGHBOURHOOD,
    NUMBER,
    PHONE,
    PLACE,
    POSTCODE,
    STAFF,
    UNSURE,
    WEBSITE,
    Detector,
    Found,
    Known,
    Name,
    Text,
    normal,
    phrase_pattern,
)
from gezinsregie.inspections.pseudonymise.vocabulary import ABBREVIATIONS, ACRONYMS, DOMAIN_WORDS

# 1. e-mail and web addresses
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
_WEB = re.compile(r"(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)


# 3. known names
_INFLECTION = r"(?:tjes|tje|pje|je|ke|s)?"
_HOUSE_NUMBER = r"(?:\s+\d{1,5}(?:\s?[a-zA-Z](?!\w)|-\d{1,4})?)?"


def _known(t: Text, known: Known, words: frozenset[str]) -> None:
    by_phrase: dict[str, Name] = {}
    for name in known.names:
        key = normal(name.phrase)
        if len(key) >= 2 and key not in by_phrase:
            by_phrase[key] = name
    if not by_phrase:
        return
    ordered = sorted(by_phrase.values(), key=lambda n: len(n.phrase), reverse=True)

    def hide(name: Name, shown: str) -> str:
        mark = t.hide(name.replacement, person=not name.place)
        genitive = not name.place and shown.casefold().endswith("s") and not name.phrase.casefold().endswith("s")
        return mark + "'s" if genitive else mark  # "Mohameds broer" → "Ouder 1's broer"

    # Whole phrases, with a name's inflections or a place's house number.
    people = "|".join(phrase_pattern(n.phrase) for n in ordered if not n.place)
    places = "|".join(phrase_pattern(n.phrase) for n in ordered if n.place)
    for alternatives, tail in ((places, _HOUSE_NUMBER), (people, _INFLECTION)):
        if alternatives:
            pattern = re.compile(rf"(?<!\w)(?P<phrase>{alternatives}){tail}(?!\w)", re.IGNORECASE)
            t.sub(pattern, lambda m: hide(by_phrase[normal(m["phrase"])], m[0]))
    # A longer capitalised word that starts with a known single-word name of three letters or more.
    singles = [n for n in ordered if " " not in n.phrase.strip() and len(n.phrase.strip()) >= 3]
    if singles:
        starts = re.compile(
            r"(?<!\w)(?P<phrase>" + "|".join(re.escape(n.phrase.strip()) for n in singles) + r")\w+", re.IGNORECASE
        )

        def longer(match: "re.Match[str]") -> str | None:
            word = match.group(0)
            if not word[0].isupper() or _STREET.fullmatch(word) or _QUARTER.fullmatch(word):
                return None  # "Emmaplein" is a street (pass 7), not Emma
            return hide(by_phrase[normal(match["phrase"])], word)

        t.sub(starts, longer)
    # Nicknames: a capitalised word that begins a known first name and is no common word.
    firsts = [n for n in ordered if n.first and " " not in n.phrase.strip()]
    if firsts:

        def nickname(match: "re.Match[str]") -> str | None:
            word = match.group(0)
            if not word[0].isupper() or word.casefold() in words or word in ACRONYMS:
                return None
            for n in firsts:
                if n.phrase.strip().casefold().startswith(word.casefold()):
                    return hide(n, word)
            return None

        t.sub(re.compile(rf"(?<!\w){LETTER}{{2,}}(?!\w)"), nickname)


def _organisations(t: Text, known: Known) -> None:
    names = sorted({" ".join(o.split()) for o in known.organisations if len(o.strip()) >= 2}, key=len, reverse=True)
    if names:
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(phrase_pattern, names)) + r")(?!\w)", re.IGNORECASE)
        t.sub(pattern, lambda m: t.hide(m[0]))


# 5. numbers
_IBAN = re.compile(r"(?<!\w)[A-Z]{2}\d{2}\s?[A-Z]{4}(?:\s?\d){10}(?!\w)", re.IGNORECASE)
_POSTCODE = re.compile(r"(?<![\w\d])[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}(?!\w)")
_DIGITS = re.compile(r"(?<![\w+])(?:\+|00)?\(?\d[\d\s\-().]{5,}\d(?![\w])")


def elfproef(digits: str) -> bool:
    """The BSN's 11-proef: 9 digits, weights 9..2 and -1, sum divisible by 11 (not all zero)."""
    if len(digits) != 9 or not digits.isdigit() or digits == "0" * 9:
        return False
    total = sum(int(d) * w for d, w in zip(digits, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True))
    return total % 11 == 0


def number_kind(raw: str) -> str | None:
    digits = re.sub(r"\D", "", raw)
    stripped = raw.strip()
    if (stripped.startswith("+31") and len(digits) == 11) or (stripped.startswith("0031") and len(digits) == 13):
        return PHONE
    if digits.startswith("0") and len(digits) == 10:
        return PHONE
    if elfproef(digits):
        return BSN
    return NUMBER if len(digits) >= 7 else None


def _numbers(t: Text) -> None:
    t.sub(_IBAN, lambda m: t.hide(ACCOUNT))
    t.sub(_POSTCODE, lambda m: t.hide(POSTCODE))

    def number(match: "re.Match[str]") -> str | None:
        raw = match.group(0)
        trailing = raw[len(raw.rstrip(" -.()")) :]
        kind = number_kind(raw)
        return None if kind is None else t.hide(kind) + trailing

    t.sub(_DIGITS, number)


# 6. ages
_AGE_IN_BRACKETS = re.compile(rf"(?P<who>{HIDDEN})(?P<gap>\s*)\(\s*\d{{1,3}}(?:\s*(?:jaar|jr\.?))?\s*\)", re.I)
_AGE_AFTER = re.compile(rf"(?P<who>{HIDDEN})(?P<gap>,?\s+)\d{{1,3}}\s*(?:jaar|jr\.?)(?:\s+oud)?(?!\w)", re.I)
_AGE_WORD = re.compile(r"(?<![\w\d])\d{1,3}(?=-?jarige?n?(?!\w))", re.IGNORECASE)


def _ages(t: Text) -> None:
    def beside(match: "re.Match[str]") -> str | None:
        if match["who"] not in t.names:
            return None
        inside = match[0][len(match["who"]) + len(match["gap"]) :]
        shown = f"({AGE})" if inside.startswith("(") else AGE
        return match["who"] + match["gap"] + t.hide(shown)

    t.sub(_AGE_IN_BRACKETS, beside)
    t.sub(_AGE_AFTER, beside)
    t.sub(_AGE_WORD, lambda m: t.hide(AGE))


# 7. street and neighbourhood names by their form
_STREET = re.compile(
    r"(?<!\w)[A-Z][\w'’\-]*(?:straat|laan|weg|plein|gracht|kade|singel|dreef|steeg|dijk|pad|plantsoen|"
    r"allee|boulevard|hof|erf|markt|park|baan|wal)(?!\w)" + _HOUSE_NUMBER
)
_QUARTER = re.compile(r"(?<!\w)[A-Z][\w'’\-]*(?:buurt|wijk|kwartier)(?!\w)")


def _forms(t: Text, words: frozenset[str]) -> None:
    for pattern, replacement in ((_STREET, ADDRESS), (_QUARTER, NEIGHBOURHOOD)):

        def hide(match: "re.Match[str]", shown: str = replacement) -> str | None:
            return None if match[0].split()[0].casefold() in words else t.hide(shown)

        t.sub(pattern, hide)


# 8. the library
_LIBRARY_TAGS = {
    "persoon": NAME,
    "patient": NAME,
    "locatie": PLACE,
    "instelling": INSTITUTION,
    "zorginstelling": INSTITUTION,
    "ziekenhuis": INSTITUTION,
    "leeftijd": AGE,
    "telefoonnummer": PHONE,
    "emailadres": EMAIL,
    "url": WEBSITE,
    "bsn": BSN,
    "id": NUMBER,
    "patientnummer": NUMBER,
}


def _library(t: Text, detect: Detector, words: frozenset[str]) -> None:
    found = sorted(detect(t.text), key=lambda f: (f.start, -(f.end - f.start)))
    pieces: list[str] = []
    at = 0
    for f in found:
        if f.start < at or f.end <= f.start:
            continue  # overlaps a span taken already
        value = t.text[f.start : f.end]
        visible = HIDDEN_RE.sub("", value).strip(" .,;:()'\"")
        if not visible or visible.casefold() in words or visible in ACRONYMS:
            continue
        replacement = date_text(value) if f.tag == "datum" else _LIBRARY_TAGS.get(f.tag, UNSURE)
        pieces += [t.text[at : f.start], t.hide(replacement, person=replacement == NAME)]
        at = f.end
    t.text = "".join(pieces) + t.text[at:]


# 9. unsure
_WORD = re.compile(rf"(?<![\w\-]){LETTER}[\w'’]*(?:-{LETTER}[\w'’]*)*")
_SENTENCE_END = ".!?:;\n"
_OPENING = " \t\"'‘“([*•-–—"


def begins_sentence(text: str, start: int) -> bool:
    """Is the word at `start` the first of a sentence (or of the text, a line, a list item)?"""
    i = start
    while i > 0 and text[i - 1] in _OPENING:
        if text[i - 1] == "\n":
            return True
        i -= 1
    if i == 0:
        return True
    if text[i - 1] == "\n":
        return True
    if text[i - 1] not in _SENTENCE_END:
        return False
    if text[i - 1] == ".":
        before = re.search(r"(\w+)\.$", text[:i])
        if before and before.group(1).casefold() in ABBREVIATIONS:
            return False  # "mw. Bakker": a title, not the end of a sentence
    return True


def _unsure(t: Text, words: frozenset[str], names: frozenset[str]) -> None:
    def check(match: "re.Match[str]") -> str | None:
        word = match.group(0)
        if not word[0].isupper():
            return None
        if word in ACRONYMS:
            return None
        parts = [re.sub(r"['’]s?$", "", part).casefold() for part in word.split("-")]
        known_word = all(part in words for part in parts)
        if word.isupper() and len(word) > 1:
            known_word = False  # capitals: an acronym we do not know, or a name typed in capitals
        if known_word:
            return None
        if begins_sentence(t.text, match.start()) and not any(part in names for part in parts):
            return None
        return t.hide(UNSURE)

    t.sub(_WORD, check)


def deidentify(
    text: str,
    known: Known,
    *,
    detect: Detector | None,
    words: frozenset[str],
    names: frozenset[str] = frozenset(),
) -> str:
    """The text with every identifier hidden (module docstring). `detect` is the library (None: without it);
    `words` the common words that may be shown capitalised, `names` the first names and surnames the library
    knows (hidden even at the start of a sentence)."""
    if not text or not text.strip():
        return text
    vocabulary = words | known.vocabulary | DOMAIN_WORDS
    t = Text(HIDDEN_RE.sub(" ", text))
    t.sub(_EMAIL, lambda m: t.hide(EMAIL))
    t.sub(_WEB, lambda m: t.hide(WEBSITE))
    hide_dates(t)
    _known(t, known, vocabulary)
    _organisations(t, known)
    _numbers(t)
    _ages(t)
    _forms(t, vocabulary)
    if detect is not None:
        _library(t, detect, vocabulary)
    _ages(t)
    _unsure(t, vocabulary, names - vocabulary)
    return t.result()


def surname_parts(
    surname: str, interfixes: Sequence[str] = ("de", "der", "den", "van", "het", "ter", "ten")
) -> list[str]:
    """The words of a surname that are names by themselves: "van der Berg" → ["Berg"], "El Amrani" → ["Amrani"]."""
    skip = set(interfixes) | {"'t", "te", "in", "op", "la", "le", "du", "da", "di", "el", "al", "bin", "ben"}
    return [w for w in surname.split() if len(w) > 2 and w.casefold() not in skip]


__all__ = [  # the de-identifier's public names, wherever they are defined
    "ABBREVIATIONS",
    "ACRONYMS",
    "ADDRESS",
    "BSN",
    "DATE",
    "DOMAIN_WORDS",
    "MONTHS",
    "NAME",
    "NEIGHBOURHOOD",
    "NUMBER",
    "PHONE",
    "STAFF",
    "Detector",
    "Found",
    "Known",
    "Name",
    "begins_sentence",
    "date_text",
    "deidentify",
    "elfproef",
    "month_and_year",
    "number_kind",
    "surname_parts",
]
